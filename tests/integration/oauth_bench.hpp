// The bench for service-app runs: a service app registered in the sandbox
// under a client id of its own (the plugin's token cache lives as long as
// the process, so no test meets another's token), its key pair, and the
// credentials that name it. Every run is also audited for the assertions,
// access tokens and proofs the sandbox saw.
#pragma once

#include "okta_bench.hpp"

#include "okta_sandbox/test_key.hpp"

#include <atomic>
#include <string>
#include <vector>

namespace okta_it {

inline const std::vector<std::string> all_user_scopes{"okta.users.read", "okta.users.manage"};
inline const std::vector<std::string> every_scope{"okta.users.read", "okta.users.manage", "okta.groups.read",
                                                  "okta.groups.manage"};

enum class key_type { rsa, ec };

inline std::string unique_client_id() {
    static std::atomic<int> next{0};
    return "0oa-it-" + std::to_string(++next) + "-service";
}

struct oauth_bench : bench {
    std::string client_id = unique_client_id();
    okta_sandbox::test_key key = okta_sandbox::make_rsa_key();

    void register_app(const std::vector<std::string>& scopes = all_user_scopes, bool dpop = false) {
        admin().register_service_app(client_id, key.public_jwk, scopes, dpop);
        admin().clear_requests();
    }

    void use_key(key_type type) { key = type == key_type::rsa ? okta_sandbox::make_rsa_key() : okta_sandbox::make_ec_key(); }

    json::object app_credentials(std::string_view pem = {}) const {
        return {{"type", "okta.oauthServiceApp"},
                {"Domain", sandbox().base_url()},
                {"ClientId", client_id},
                {"PrivateKey", pem.empty() ? key.private_pem : std::string(pem)},
                {"KeyId", key.kid},
                {"CaCertificate", read_file(sandbox().ca_file())}};
    }

    node_run run_as_app(std::string_view node, const json::object& params, const json::object& credentials,
                        std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
        node_run result = run(node, params, credentials, timeout);
        audit(result, credentials_sent(requests()));
        return result;
    }
    node_run run_as_app(std::string_view node, const json::object& params) {
        return run_as_app(node, params, app_credentials());
    }

    static std::vector<json::object> requests_to(std::string_view path_prefix) {
        std::vector<json::object> found;
        for (const auto& request : requests()) {
            if (target_of(request).rfind(path_prefix, 0) == 0) {
                found.push_back(request.as_object());
            }
        }
        return found;
    }
    static std::size_t token_requests() { return requests_to("/oauth2/v1/token").size(); }
    static std::vector<json::object> api_requests() { return requests_to("/api/v1/"); }
};

}  // namespace okta_it
