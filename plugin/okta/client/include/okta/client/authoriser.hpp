// The pipeline's authorisation step: one interface, one implementation per
// way of proving who we are (an SSWS API token today).
#pragma once

#include "wire/http_message.hpp"
#include "wire/secret_text.hpp"

namespace okta_plugin::okta {

// Implementations are used by one node call at a time; whatever they share
// between calls (a token cache) is theirs to make thread-safe.
class authoriser {
public:
    virtual ~authoriser() = default;

    // Adds the credentials to `request`, in wiping storage. Called before
    // every attempt, so a renewed credential reaches every resend.
    virtual void authorise(wire::request& request) = 0;
};

// Authorization: SSWS <API token>. The token is referenced, not copied.
class ssws_authoriser final : public authoriser {
public:
    explicit ssws_authoriser(const wire::secret_text& token) : token_(token) {}

    void authorise(wire::request& request) override {
        request.headers.push_back({"Authorization", token_.prefixed("SSWS ")});
    }

private:
    const wire::secret_text& token_;
};

}  // namespace okta_plugin::okta
