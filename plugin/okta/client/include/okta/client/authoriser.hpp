// The pipeline's authorisation step: one interface, one implementation per
// way of proving who we are (an SSWS API token; an OAuth service app, in
// oauth_authoriser.hpp).
#pragma once

#include "okta/protocol/call_result.hpp"
#include "okta/protocol/attempt_verdict.hpp"
#include "wire/call_budget.hpp"
#include "wire/http_message.hpp"
#include "wire/secret_text.hpp"

#include <optional>

namespace okta_plugin::okta {

// Implementations are used by one node call at a time; whatever they share
// between calls (a token cache) is theirs to make thread-safe.
class authoriser {
public:
    virtual ~authoriser() = default;

    // Adds the credentials to `request` (its verb and target are set), in
    // wiping storage. Called before every attempt, so a renewed credential
    // reaches every resend. Getting the credential may itself take a request
    // (a token); when that fails, the verdict is answered instead and the
    // API request is not sent.
    virtual std::optional<verdict> authorise(wire::request& request, const wire::call_budget& budget) = 0;

    // Okta answered 401 to an authorised request. True when the credential
    // has been renewed (an expired token dropped) so that the request may be
    // sent once more: a 401 was not carried out, whatever the method.
    virtual bool renew_after_refusal(const wire::response&) { return false; }

    // Okta answered 401 or 403: adds what the credential knows (the scope
    // missing) to the failure the call answers.
    virtual void explain_refusal(const wire::response&, call_failure&) const {}
};

// Authorization: SSWS <API token>. The token is referenced, not copied.
class ssws_authoriser final : public authoriser {
public:
    explicit ssws_authoriser(const wire::secret_text& token) : token_(token) {}

    std::optional<verdict> authorise(wire::request& request, const wire::call_budget&) override {
        request.headers.push_back({"Authorization", token_.prefixed("SSWS ")});
        return std::nullopt;
    }

private:
    const wire::secret_text& token_;
};

}  // namespace okta_plugin::okta
