// The two Okta credential types. A credential JSON names its type in the
// member "type"; without one it is okta.apiToken, the only type there was
// before (manifests/schema/README.md, "Credential types").
//   okta.apiToken:        Domain, ApiToken, optional CaCertificate.
//   okta.oauthServiceApp: Domain, ClientId, PrivateKey, optional KeyId,
//                         Scopes and CaCertificate.
// Both may name a shared rate budget in RateBudgetUrl (a Redis URL); without
// it, the environment variable WFN_OKTA_RATE_BUDGET_URL does.
#pragma once

#include "okta/protocol/jose_crypto.hpp"
#include "okta/protocol/org_address.hpp"
#include "okta/protocol/rate_budget_url.hpp"
#include "wire/secret_text.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace okta_plugin::nodes {

inline constexpr std::string_view api_token_type = "okta.apiToken";
inline constexpr std::string_view service_app_type = "okta.oauthServiceApp";

struct service_app_credentials {
    std::string client_id;
    std::string key_id;  // may be empty
    // Scopes as given, sorted and without repeats; empty: the node's own.
    std::string scopes;
    wire::secret_text private_key_pem;  // kept only to mask it in messages
    std::optional<okta::signing_key> key;  // set once read
};

struct org_connection {
    okta::org_address org;
    wire::secret_text token;                     // okta.apiToken
    std::optional<service_app_credentials> app;  // okta.oauthServiceApp
    std::string extra_ca_pem;                    // CaCertificate, may be empty
    // RateBudgetUrl: the Redis every worker of the org paces with; nothing:
    // this process paces alone. Its TLS trusts CaCertificate too.
    std::optional<okta::rate_budget_settings> rate_budget;
};

inline constexpr std::string_view rate_budget_url_variable = "WFN_OKTA_RATE_BUDGET_URL";

// Validates the credentials and returns where and how to connect. Throws
// wfn::invalid_input_error naming the field (never quoting a secret).
org_connection read_credentials(const boost::json::object& credentials);

// Space-separated scopes, sorted and without repeats ("b a b" -> "a b").
// Throws wfn::invalid_input_error for a character no scope may hold.
std::string normalised_scopes(std::string_view scopes);

}  // namespace okta_plugin::nodes
