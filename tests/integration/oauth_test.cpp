// Service-app credentials end to end: the built bundle, over TLS, against
// the sandbox's token endpoint and its Bearer and DPoP checks. What each
// run sent is read back from the sandbox's request log.
#include "oauth_bench.hpp"

#include "okta/protocol/jose_crypto.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <ostream>
#include <set>
#include <thread>

using namespace okta_it;
using namespace std::chrono_literals;
namespace data = boost::unit_test::data;

namespace {

// One node and the parameters that make it succeed on a seeded user, in the
// status the node needs, who is a member of a group.
struct node_case {
    std::string_view node;
    std::function<json::object(const std::string& user_id, const std::string& group_id)> params;
    std::int64_t success_status = 200;
    std::string_view user_status = "ACTIVE";
};
std::ostream& operator<<(std::ostream& out, const node_case& row) { return out << row.node; }

json::object user_only(const std::string& id, const std::string&) { return {{"UserId", id}}; }
json::object group_only(const std::string&, const std::string& group) { return {{"GroupId", group}}; }
json::object membership(const std::string& id, const std::string& group) { return {{"GroupId", group}, {"UserId", id}}; }

const std::vector<node_case> every_node = {
    {"okta.user.create",
     [](const std::string&, const std::string&) {
         return json::object{{"UserName", "oauth.new@example.com"}, {"Email", "oauth.new@example.com"},
                             {"FirstName", "Oauth"}, {"LastName", "New"}};
     }},
    {"okta.user.get", user_only},
    {"okta.user.list", [](const std::string&, const std::string&) { return json::object{{"ReturnAll", true}, {"Limit", 1}}; }},
    {"okta.user.update",
     [](const std::string& id, const std::string&) { return json::object{{"UserId", id}, {"FirstName", "Changed"}}; }},
    {"okta.user.delete", user_only, 204},
    {"okta.user.activate", user_only, 200, "STAGED"},
    {"okta.user.deactivate", user_only},
    {"okta.user.suspend", user_only},
    {"okta.user.unsuspend", user_only, 200, "SUSPENDED"},
    {"okta.user.unlock", user_only, 200, "LOCKED_OUT"},
    {"okta.user.resetPassword", user_only},
    {"okta.user.expirePassword", user_only},
    {"okta.user.listGroups", user_only},
    {"okta.group.list", [](const std::string&, const std::string&) { return json::object{{"ReturnAll", true}, {"Limit", 1}}; }},
    {"okta.group.get", group_only},
    {"okta.group.listMembers", group_only},
    {"okta.group.addUser", membership, 204},
    {"okta.group.removeUser", membership, 204},
};

struct key_case {
    std::string_view name;
    key_type type;
    bool dpop;
};
std::ostream& operator<<(std::ostream& out, const key_case& row) { return out << row.name; }

const std::vector<key_case> every_key = {
    {"rsa_bearer", key_type::rsa, false},
    {"rsa_dpop", key_type::rsa, true},
    {"ec_bearer", key_type::ec, false},
    {"ec_dpop", key_type::ec, true},
};

json::object claims_of(std::string_view jwt) {
    const auto first = jwt.find('.');
    const auto second = jwt.find('.', first + 1);
    return json::parse(okta_plugin::okta::base64url_decode(jwt.substr(first + 1, second - first - 1)).value()).as_object();
}

std::string header(const json::object& request, std::string_view name) {
    const auto* value = request.at("headers").as_object().if_contains(name);
    return value != nullptr ? std::string(value->as_string()) : std::string();
}

bool says(const node_run& run, std::string_view part) { return run.message().find(part) != std::string::npos; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(oauth, oauth_bench)

BOOST_DATA_TEST_CASE_F(oauth_bench, every_node_runs_with_each_key_type_with_and_without_dpop,
                       data::make(every_key) * data::make(every_node), key_row, node) {
    use_key(key_row.type);
    register_app(every_scope, key_row.dpop);
    const std::string user_id = seeded_user("oauth-target");
    if (node.user_status != "ACTIVE") {
        admin().set_user_status(user_id, node.user_status);
    }
    const std::string group_id(admin().create_group("OAuth").at("id").as_string());
    admin().add_member(group_id, user_id);
    admin().clear_requests();
    // RSA without DPoP signs with the PKCS#1 PEM, the other RSA row with PKCS#8.
    const bool pkcs1 = key_row.type == key_type::rsa && !key_row.dpop;
    const auto result = run_as_app(node.node, node.params(user_id, group_id), app_credentials(pkcs1 ? key.private_pem_pkcs1 : ""));
    BOOST_TEST(result.status() == node.success_status, result.message());
    BOOST_TEST(token_requests() == (key_row.dpop ? 3u : 1u));  // DPoP: asked for, then the nonce challenge
    const auto api = api_requests();
    BOOST_TEST_REQUIRE(!api.empty());
    for (const auto& request : api) {
        const std::string authorization = header(request, "authorization");
        BOOST_TEST(authorization.rfind(key_row.dpop ? "DPoP " : "Bearer ", 0) == 0u);
        BOOST_TEST(header(request, "dpop").empty() == !key_row.dpop);
    }
}

BOOST_AUTO_TEST_CASE(a_workflow_of_many_steps_makes_one_token_request) {
    register_app();
    const std::string id = seeded_user("steps");
    // One scope set for every step (without Scopes, reads and changes would
    // each get a token of their own scope set).
    auto credentials = app_credentials();
    credentials["Scopes"] = "okta.users.read okta.users.manage";
    for (int step = 0; step < 4; ++step) {
        BOOST_TEST(run_as_app("okta.user.get", json::object{{"UserId", id}}, credentials).status() == 200);
    }
    BOOST_TEST(run_as_app("okta.user.update", json::object{{"UserId", id}, {"FirstName", "Stepped"}}, credentials)
                   .status() == 200);
    BOOST_TEST(run_as_app("okta.user.list", json::object{{"ReturnAll", true}}, credentials).status() == 200);
    BOOST_TEST(token_requests() == 1u);
    BOOST_TEST(api_requests().size() == 6u);
}

BOOST_AUTO_TEST_CASE(fifty_concurrent_calls_make_one_token_request) {
    register_app();
    const std::string id = seeded_user("crowd");
    const auto credentials = app_credentials();
    const std::string params = json::serialize(json::object{{"UserId", id}});
    const std::string credential_text = json::serialize(credentials);
    std::vector<json::object> outputs(50);
    {
        std::vector<std::thread> callers;
        for (auto& output : outputs) {
            callers.emplace_back([&] { output = host().run("okta.user.get", params, credential_text, {}); });
        }
        for (auto& caller : callers) {
            caller.join();
        }
    }
    const auto secrets = credentials_sent(requests());
    for (const auto& output : outputs) {
        BOOST_TEST(output.at("StatusCode").as_int64() == 200, output.at("ErrorMessage").as_string());
        audit(node_run{output, {}}, secrets);
    }
    BOOST_TEST(token_requests() == 1u);
    BOOST_TEST(api_requests().size() == 50u);
}

BOOST_AUTO_TEST_CASE(a_token_expiring_in_the_middle_of_a_listing_is_renewed_with_a_fresh_proof_per_page) {
    register_app(all_user_scopes, true);
    admin().seed(4, "paged");
    admin().oauth_config(json::object{{"tokenLifetimeSeconds", 2}});
    // The second page is held back past the token's lifetime.
    admin().inject(json::object{{"kind", "delay"}, {"delayMs", 2500}, {"count", 1}, {"every", 2}});
    admin().clear_requests();
    const auto result = run_as_app("okta.user.list", json::object{{"ReturnAll", true}, {"Limit", 1}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.output.at("Users").as_array().size() == 4u);
    BOOST_TEST(token_requests() >= 4u);  // DPoP switch and nonce, then a renewed token
    std::set<std::string> proof_ids;
    for (const auto& page : api_requests()) {
        const auto proof = claims_of(header(page, "dpop"));
        BOOST_TEST(proof.at("htu").as_string() == sandbox().base_url() + "/api/v1/users");
        proof_ids.insert(std::string(proof.at("jti").as_string()));
    }
    BOOST_TEST(proof_ids.size() == api_requests().size());
}

BOOST_AUTO_TEST_CASE(a_rotated_nonce_is_met_with_one_more_challenge) {
    register_app(all_user_scopes, true);
    const std::string id = seeded_user("nonce");
    BOOST_TEST(run_as_app("okta.user.get", json::object{{"UserId", id}}).status() == 200);
    BOOST_TEST(token_requests() == 3u);  // no proof, proof without nonce, proof with nonce
    admin().rotate_dpop_nonce();
    admin().expire_access_tokens();
    admin().clear_requests();
    const auto again = run_as_app("okta.user.get", json::object{{"UserId", id}});
    BOOST_TEST(again.status() == 200, again.message());
    // The API refuses the expired token; the renewal meets the rotated nonce once.
    BOOST_TEST(token_requests() == 2u);
    BOOST_TEST(api_requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_login_in_the_path_passes_the_htu_check) {
    register_app(all_user_scopes, true);
    json::object create{{"UserName", "ada+oauth@example.com"}, {"Email", "ada@example.com"}, {"FirstName", "Ada"},
                        {"LastName", "Lovelace"}};
    BOOST_TEST_REQUIRE(run_as_app("okta.user.create", create).status() == 200);
    admin().clear_requests();
    const auto result = run_as_app("okta.user.get", json::object{{"UserId", "ada+oauth@example.com"}});
    BOOST_TEST(result.status() == 200, result.message());
    const auto request = api_requests().at(0);
    BOOST_TEST(target_of(request) == "/api/v1/users/ada%2Boauth%40example.com");
    BOOST_TEST(claims_of(header(request, "dpop")).at("htu").as_string() ==
               sandbox().base_url() + "/api/v1/users/ada+oauth@example.com");
}

// ---- what goes wrong ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_key_the_app_does_not_know_is_invalid_client) {
    register_app();
    const auto stranger = okta_sandbox::make_rsa_key(key.kid);
    const auto result = run_as_app("okta.user.get", json::object{{"UserId", "00u1"}}, app_credentials(stranger.private_pem));
    BOOST_TEST(result.status() == 401);
    BOOST_TEST(result.code() == "invalid_client");
    BOOST_TEST(says(result, "the key does not match the app's registered JWK"), result.message());
    BOOST_TEST(!result.output.at("Retryable").as_bool());
    BOOST_TEST(api_requests().empty());
}

BOOST_AUTO_TEST_CASE(a_key_id_the_app_does_not_have_is_invalid_client) {
    register_app();
    auto credentials = app_credentials();
    credentials["KeyId"] = "no-such-kid";
    const auto result = run_as_app("okta.user.get", json::object{{"UserId", "00u1"}}, credentials);
    BOOST_TEST(result.status() == 401);
    BOOST_TEST(result.code() == "invalid_client");
    BOOST_TEST(says(result, "KeyId names no public key registered with the app"), result.message());
}

BOOST_AUTO_TEST_CASE(an_unknown_client_is_invalid_client) {
    const auto result = run_as_app("okta.user.get", json::object{{"UserId", "00u1"}});  // never registered
    BOOST_TEST(result.status() == 401);
    BOOST_TEST(result.code() == "invalid_client");
    BOOST_TEST(says(result, "no service app with this ClientId"), result.message());
    BOOST_TEST(api_requests().empty());
}

BOOST_AUTO_TEST_CASE(a_scope_the_app_was_not_granted_is_invalid_scope) {
    register_app({"okta.users.read"});
    const auto result = run_as_app("okta.user.delete", json::object{{"UserId", "00u1"}});
    BOOST_TEST(result.status() == 400);
    BOOST_TEST(result.code() == "invalid_scope");
    BOOST_TEST(says(result, "okta.users.manage"), result.message());
    BOOST_TEST(api_requests().empty());
}

BOOST_AUTO_TEST_CASE(a_token_without_the_scope_the_endpoint_needs_is_a_403_naming_it) {
    register_app({"okta.users.read"});
    const std::string id = seeded_user("scoped");
    for (const std::string_view body : {"error", "empty"}) {
        admin().oauth_config(json::object{{"insufficientScopeBody", body}});
        auto credentials = app_credentials();
        credentials["Scopes"] = "okta.users.read";  // asks for less than delete needs
        const auto result = run_as_app("okta.user.delete", json::object{{"UserId", id}}, credentials);
        BOOST_TEST(result.status() == 403, body);
        BOOST_TEST(result.code() == "insufficient_scope");
        BOOST_TEST(says(result, "The app lacks okta.users.manage; grant it in the Admin Console under Okta API Scopes"),
                   result.message());
    }
}

BOOST_AUTO_TEST_CASE(a_token_endpoint_outage_answers_at_once_and_sends_nothing_to_the_api) {
    register_app();
    admin().inject(json::object{{"kind", "status"}, {"status", 503}, {"endpoint", "token"}, {"count", 100}});
    const auto down = run_as_app("okta.user.get", json::object{{"UserId", "00u1"}, {"MaxRetries", 1}});
    BOOST_TEST(down.status() == 503, down.message());
    BOOST_TEST(down.output.at("Retryable").as_bool());
    BOOST_TEST(token_requests() == 2u);  // MaxRetries 1
    BOOST_TEST(api_requests().empty());

    admin().clear_faults();
    admin().inject(json::object{{"kind", "delay"}, {"delayMs", 3000}, {"endpoint", "token"}, {"count", 100}});
    admin().clear_requests();
    const auto slow = run_as_app("okta.user.get", json::object{{"UserId", "00u1"}}, app_credentials(), 1000ms);
    BOOST_TEST(slow.status() == 500);
    BOOST_TEST(slow.code() == "WFN_TRANSPORT_TIMEOUT");
    BOOST_TEST(api_requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
