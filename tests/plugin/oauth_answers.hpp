// Builders for the OAuth tests over a script: the token endpoint's answers,
// and the fixture that puts request pipelines with an oauth_authoriser over
// a script, one per node call, all sharing one token cache.
#pragma once

#include "okta_answers.hpp"
#include "test_keys.hpp"

#include "okta/client/oauth_authoriser.hpp"
#include "okta/client/token_cache.hpp"
#include "okta/protocol/oauth_tokens.hpp"

#include <boost/json/serialize.hpp>

#include <memory>
#include <string>

namespace okta_plugin::test {

inline const std::string token_target = "/oauth2/v1/token";
inline const std::string org_origin = "https://dev-1.okta.com";

namespace token_answer {

inline canned granted(std::string_view token, std::string_view type = "Bearer", int lifetime = 3600) {
    return canned(200, boost::json::serialize(boost::json::object{
                           {"token_type", type}, {"expires_in", lifetime}, {"access_token", token},
                           {"scope", "okta.users.read"}}));
}

inline canned refused(int status, std::string_view error, std::string_view description = {}) {
    boost::json::object body{{"error", error}};
    if (!description.empty()) {
        body["error_description"] = description;
    }
    return canned(status, boost::json::serialize(body));
}

inline canned nonce_required(std::string_view nonce) {
    return std::move(refused(400, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof.")
                         .header("DPoP-Nonce", nonce));
}

inline canned dpop_required() { return refused(400, "invalid_dpop_proof", "The DPoP proof JWT header is missing."); }

}  // namespace token_answer

// One node call: its authoriser, pipeline and Users API client.
struct oauth_call {
    oauth_call(wire::sender& sender, okta::token_cache& tokens, const okta::service_app& app, okta::rate_pacer& pacer,
               const okta::org_route& route, okta::pipeline_policy policy, wire::call_budget budget,
               okta::unconfirmed_changes& unconfirmed)
        : authoriser(sender, tokens, app),
          pipeline(sender, pacer, authoriser, route, policy, std::move(budget)),
          users(pipeline, unconfirmed) {}
    oauth_call(const oauth_call&) = delete;
    oauth_call& operator=(const oauth_call&) = delete;

    okta::oauth_authoriser authoriser;
    okta::request_pipeline pipeline;
    okta::users_client users;
};

struct scripted_oauth {
    scripted_sender okta;
    okta::rate_pacer pacer;
    okta::unconfirmed_changes unconfirmed;
    okta::token_cache tokens;  // per test: nothing is cached from another
    okta::signing_key key;
    okta::service_app app;
    okta::org_route route{okta::parse_org_domain(org_origin), wire::endpoint{"dev-1.okta.com", 443, {}}};
    std::vector<std::unique_ptr<oauth_call>> calls;

    explicit scripted_oauth(std::string pem = rsa_pem(), std::string scopes = "okta.users.read")
        : key(okta::signing_key::from_pem(pem)),
          app{org_origin, wire::endpoint{"dev-1.okta.com", 443, {}}, "0oa1service", "", std::move(scopes), &key} {}
    scripted_oauth(const scripted_oauth&) = delete;
    scripted_oauth& operator=(const scripted_oauth&) = delete;
    ~scripted_oauth() { BOOST_TEST(okta.steps_left() == 0u, "the script was not used up"); }

    // A new node call, sharing the token cache with every other.
    oauth_call& call(int max_retries = 2) {
        wire::call_budget budget;
        budget.deadline = wire::call_budget::clock::now() + std::chrono::seconds(8);
        budget.budget_ms = 8000;
        okta::pipeline_policy policy{max_retries, okta::backoff_policy{std::chrono::milliseconds(1),
                                                                       std::chrono::milliseconds(4)}};
        calls.push_back(
            std::make_unique<oauth_call>(okta, tokens, app, pacer, route, policy, std::move(budget), unconfirmed));
        return *calls.back();
    }
};

}  // namespace okta_plugin::test
