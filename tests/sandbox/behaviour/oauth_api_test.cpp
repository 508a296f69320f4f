// The Okta API with OAuth access tokens: Bearer and DPoP schemes, DPoP proofs
// on every call, each endpoint's scope, and early expiry.
#include "oauth_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace okta_sandbox;
using namespace okta_sandbox::testing;

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(oauth_api)

BOOST_FIXTURE_TEST_CASE(a_bearer_token_lists_users, oauth_fixture) {
  control.seed(3);
  const auto reply = with_bearer(http::verb::get, "/api/v1/users", bearer_token());
  BOOST_TEST_REQUIRE(reply.status == 200U, reply.body);
  BOOST_TEST(reply.json().as_array().size() == 3U);
}

BOOST_FIXTURE_TEST_CASE(an_unknown_token_is_401_invalid_token_with_okta_error_json, oauth_fixture) {
  const auto reply = with_bearer(http::verb::get, "/api/v1/users", "not-a-token");
  BOOST_TEST(reply.status == 401U);
  BOOST_TEST(error_code(reply) == "E0000011");
  BOOST_TEST(contains(reply.header("WWW-Authenticate"), "Bearer "));
  BOOST_TEST(contains(reply.header("WWW-Authenticate"), "error=\"invalid_token\""));
}

BOOST_FIXTURE_TEST_CASE(expired_tokens_answer_invalid_token, oauth_fixture) {
  const std::string token = bearer_token();
  BOOST_TEST(with_bearer(http::verb::get, "/api/v1/users", token).status == 200U);
  control.expire_access_tokens();
  const auto reply = with_bearer(http::verb::get, "/api/v1/users", token);
  BOOST_TEST(reply.status == 401U);
  BOOST_TEST(contains(reply.header("WWW-Authenticate"), "error=\"invalid_token\""));
  BOOST_TEST(with_bearer(http::verb::get, "/api/v1/users", bearer_token()).status == 200U);
}

BOOST_FIXTURE_TEST_CASE(a_read_scope_reads_but_does_not_write, oauth_fixture) {
  const std::string token = bearer_token("okta.users.read");
  BOOST_TEST(with_bearer(http::verb::get, "/api/v1/users", token).status == 200U);
  const auto reply = with_bearer(http::verb::post, "/api/v1/users", token, boost::json::serialize(user_body("a@example.com")));
  BOOST_TEST(reply.status == 403U);
  const std::string challenge = reply.header("WWW-Authenticate");
  BOOST_TEST(contains(challenge, "error=\"insufficient_scope\""));
  BOOST_TEST(contains(challenge, "scope=\"okta.users.manage\""));
  BOOST_TEST(contains(challenge, "error_description=\"The access token provided does not contain the required scopes.\""));
  BOOST_TEST(contains(challenge, "resource=\"/api/v1/users\""));
  BOOST_TEST(error_code(reply) == "E0000006");
  BOOST_TEST(control.users().empty());
}

BOOST_FIXTURE_TEST_CASE(a_manage_scope_also_reads, oauth_fixture) {
  const std::string token = bearer_token("okta.users.manage");
  BOOST_TEST(with_bearer(http::verb::get, "/api/v1/users", token).status == 200U);
  BOOST_TEST(with_bearer(http::verb::post, "/api/v1/users", token, boost::json::serialize(user_body("a@example.com"))).status == 200U);
}

BOOST_FIXTURE_TEST_CASE(each_endpoint_names_the_scope_it_needs, oauth_fixture) {
  control.register_service_app(client_id, app_key.public_jwk, {"okta.users.read", "okta.groups.read"});
  const std::string users_only = bearer_token("okta.users.read");
  const std::string groups_only = bearer_token("okta.groups.read");
  const auto needed = [&](http::verb method, std::string_view target, const std::string& token) {
    const auto reply = with_bearer(method, target, token);
    BOOST_TEST(reply.status == 403U, target);
    return reply.header("WWW-Authenticate");
  };
  BOOST_TEST(contains(needed(http::verb::get, "/api/v1/groups", users_only), "scope=\"okta.groups.read\""));
  BOOST_TEST(contains(needed(http::verb::post, "/api/v1/groups", users_only), "scope=\"okta.groups.manage\""));
  BOOST_TEST(contains(needed(http::verb::get, "/api/v1/users/00u1/groups", groups_only), "scope=\"okta.users.read\""));
  BOOST_TEST(contains(needed(http::verb::put, "/api/v1/groups/00g1/users/00u1", users_only), "scope=\"okta.groups.manage\""));
  BOOST_TEST(contains(needed(http::verb::delete_, "/api/v1/groups/00g1/users/00u1", users_only), "scope=\"okta.groups.manage\""));
  BOOST_TEST(contains(needed(http::verb::post, "/api/v1/users/00u1/lifecycle/suspend", users_only), "scope=\"okta.users.manage\""));
}

BOOST_FIXTURE_TEST_CASE(the_empty_403_body_okta_often_sends_can_be_chosen, oauth_fixture) {
  control.oauth_config({{"insufficientScopeBody", "empty"}});
  const auto reply = with_bearer(http::verb::delete_, "/api/v1/users/00u1", bearer_token("okta.users.read"));
  BOOST_TEST(reply.status == 403U);
  BOOST_TEST(reply.body.empty());
  BOOST_TEST(contains(reply.header("WWW-Authenticate"), "scope=\"okta.users.manage\""));
}

BOOST_FIXTURE_TEST_CASE(a_dpop_token_with_a_fresh_proof_per_call_lists_users, oauth_fixture) {
  control.seed(2);
  const std::string token = dpop_token();
  for (int call = 0; call < 2; ++call) {
    const auto proof = dpop_proof(dpop_key, "GET", url_of("/api/v1/users"), proof_options().for_token(token));
    const auto reply = with_dpop(http::verb::get, "/api/v1/users?limit=1", token, proof);
    BOOST_TEST(reply.status == 200U, reply.body);
  }
}

BOOST_FIXTURE_TEST_CASE(htu_is_the_percent_decoded_path, oauth_fixture) {
  BOOST_TEST_REQUIRE(create(user_body("first+last/x@example.com")).status == 200U);
  const std::string token = dpop_token();
  const std::string target = "/api/v1/users/first%2Blast%2Fx%40example.com";
  const auto decoded = dpop_proof(dpop_key, "GET", url_of("/api/v1/users/first+last/x@example.com"), proof_options().for_token(token));
  BOOST_TEST(with_dpop(http::verb::get, target, token, decoded).status == 200U);
  const auto encoded = dpop_proof(dpop_key, "GET", url_of(target), proof_options().for_token(token));
  const auto reply = with_dpop(http::verb::get, target, token, encoded);
  BOOST_TEST(reply.status == 401U);
  BOOST_TEST(contains(reply.header("WWW-Authenticate"), "'htu'"));
}

BOOST_FIXTURE_TEST_CASE(a_bound_token_sent_as_bearer_is_refused, oauth_fixture) {
  const auto reply = with_bearer(http::verb::get, "/api/v1/users", dpop_token());
  BOOST_TEST(reply.status == 401U);
  BOOST_TEST(error_code(reply) == "E0000011");
  BOOST_TEST(contains(reply.header("WWW-Authenticate"), "error=\"invalid_token\""));
  BOOST_TEST(contains(reply.header("WWW-Authenticate"), "DPoP-bound"));
}

BOOST_FIXTURE_TEST_CASE(every_proof_check_on_an_api_call_answers_invalid_dpop_proof, oauth_fixture) {
  const std::string token = dpop_token();
  const std::string users = url_of("/api/v1/users");
  const std::string replayed_jti = fresh_jti();
  BOOST_TEST(with_dpop(http::verb::get, "/api/v1/users", token,
                       dpop_proof(dpop_key, "GET", users, proof_options().for_token(token).with_jti(replayed_jti)))
                 .status == 200U);
  const test_key other_key = make_ec_key();
  const std::vector<std::pair<std::string, std::string>> cases{
      {dpop_proof(dpop_key, "GET", users, proof_options().for_token("another-token")), "'ath'"},
      {dpop_proof(dpop_key, "GET", users), "'ath'"},
      {dpop_proof(dpop_key, "POST", users, proof_options().for_token(token)), "'htm'"},
      {dpop_proof(dpop_key, "GET", users + "?limit=1", proof_options().for_token(token)), "'htu'"},
      {dpop_proof(dpop_key, "GET", url_of("/api/v1/users/other"), proof_options().for_token(token)), "'htu'"},
      {dpop_proof(dpop_key, "GET", users, proof_options().for_token(token).with_claim("iat", now_seconds() - 3600)), "'iat'"},
      {dpop_proof(dpop_key, "GET", users, proof_options().for_token(token).with_jti(replayed_jti)), "already used"},
      {dpop_proof(other_key, "GET", users, proof_options().for_token(token)), "bound to"},
  };
  for (const auto& [proof, named] : cases) {
    BOOST_TEST_CONTEXT(named) {
      const auto reply = with_dpop(http::verb::get, "/api/v1/users?limit=1", token, proof);
      BOOST_TEST(reply.status == 401U);
      BOOST_TEST(error_code(reply) == "E0000011");
      const std::string challenge = reply.header("WWW-Authenticate");
      BOOST_TEST(contains(challenge, "DPoP algs="));
      BOOST_TEST(contains(challenge, "error=\"invalid_dpop_proof\""));
      BOOST_TEST(contains(challenge, named));
    }
  }
  const auto missing = client.request(http::verb::get, "/api/v1/users", {}, {{"Authorization", "DPoP " + token}});
  BOOST_TEST(missing.status == 401U);
  BOOST_TEST(contains(missing.header("WWW-Authenticate"), "error=\"invalid_dpop_proof\""));
}

BOOST_FIXTURE_TEST_CASE(dpop_tokens_have_scopes_too, oauth_fixture) {
  const std::string token = dpop_token({"okta.users.read"}, "okta.users.read");
  const auto proof = dpop_proof(dpop_key, "DELETE", url_of("/api/v1/users/00u1"), proof_options().for_token(token));
  const auto reply = with_dpop(http::verb::delete_, "/api/v1/users/00u1", token, proof);
  BOOST_TEST(reply.status == 403U);
  BOOST_TEST(contains(reply.header("WWW-Authenticate"), "DPoP algs="));
  BOOST_TEST(contains(reply.header("WWW-Authenticate"), "scope=\"okta.users.manage\""));
}

BOOST_FIXTURE_TEST_CASE(ssws_tokens_still_work_beside_oauth, oauth_fixture) {
  BOOST_TEST(okta(http::verb::get, "/api/v1/users").status == 200U);
}

BOOST_AUTO_TEST_SUITE_END()
