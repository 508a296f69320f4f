// Authorization for an OAuth 2.0 service app: an access token from the
// org's token endpoint (client credentials, private_key_jwt), cached for the
// whole process, sent as Bearer or, when the app needs DPoP, as DPoP with a
// proof for every request.
#pragma once

#include "okta/client/authoriser.hpp"
#include "okta/client/token_cache.hpp"
#include "okta/protocol/jose_crypto.hpp"
#include "okta/protocol/oauth_tokens.hpp"
#include "wire/sender.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

struct service_app {
    std::string origin;        // the org, as org_address::origin
    wire::endpoint endpoint;   // where the token request goes: the org itself
    std::string client_id;
    std::string key_id;        // the assertion's kid; may be empty
    std::string scopes;        // space-separated, sorted, no repeats
    const signing_key* key = nullptr;
};

class oauth_authoriser final : public authoriser {
public:
    using log_sink = std::function<void(std::string_view line)>;

    // Everything referenced must outlive the authoriser (one node call).
    oauth_authoriser(wire::sender& sender, token_cache& cache, const service_app& app, log_sink log = {});

    std::optional<verdict> authorise(wire::request& request, const wire::call_budget& budget) override;
    bool renew_after_refusal(const wire::response& response) override;
    void explain_refusal(const wire::response& response, call_failure& failure) const override;

private:
    struct held_token {
        wire::wiping_string value;
        bool dpop_bound = false;
        std::uint64_t generation = 0;
    };
    // The slot's token, fetched by this call or by the one whose flight it
    // waited for; or the verdict of the failed flight.
    std::optional<verdict> current_token(const wire::call_budget& budget, held_token& token);
    std::optional<verdict> fetch_into_slot(const wire::call_budget& budget);
    // One token request after another until a token, a DPoP switch or
    // nonce being allowed once each.
    std::optional<verdict> request_token(const wire::call_budget& budget, issued_token& issued, bool& dpop_bound);
    wire::request token_request(const dpop_state& dpop) const;
    void log(std::string_view line) const;

    wire::sender& sender_;
    token_cache& cache_;
    const service_app& app_;
    token_slot& slot_;
    log_sink log_;
    std::uint64_t used_generation_ = 0;  // the token the last request carried
    std::string api_nonce_;              // a resource server's DPoP-Nonce, when it asked for one
};

}  // namespace okta_plugin::okta
