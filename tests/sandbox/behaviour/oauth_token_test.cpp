// The token endpoint as a service app meets it: private_key_jwt assertions,
// scopes, the DPoP challenge, and Okta's OAuth errors.
#include "oauth_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace okta_sandbox;
using namespace okta_sandbox::testing;

BOOST_AUTO_TEST_SUITE(oauth_token)

BOOST_FIXTURE_TEST_CASE(a_valid_rsa_assertion_gets_a_bearer_token_for_the_asked_scope, oauth_fixture) {
  const auto reply = request_token(assertion(), "okta.users.read");
  BOOST_TEST_REQUIRE(reply.status == 200U, reply.body);
  const auto answer = reply.json().as_object();
  BOOST_TEST(answer.at("token_type").as_string() == "Bearer");
  BOOST_TEST(answer.at("expires_in").as_int64() == 3600);
  BOOST_TEST(answer.at("scope").as_string() == "okta.users.read");
  BOOST_TEST(!answer.at("access_token").as_string().empty());
  BOOST_TEST(reply.header("Content-Type") == "application/json");
}

BOOST_FIXTURE_TEST_CASE(an_ec_key_signs_es256_assertions, oauth_fixture) {
  const test_key ec = make_ec_key();
  control.register_service_app(client_id, ec.public_jwk, {"okta.users.read"});
  const auto reply = request_token(assertion(assertion_claims(), ec));
  BOOST_TEST(reply.status == 200U, reply.body);
}

BOOST_FIXTURE_TEST_CASE(the_token_lifetime_is_configurable, oauth_fixture) {
  control.oauth_config({{"tokenLifetimeSeconds", 5}});
  BOOST_TEST(request_token(assertion()).json().at("expires_in").as_int64() == 5);
}

BOOST_FIXTURE_TEST_CASE(each_failed_assertion_check_has_its_own_invalid_client_description, oauth_fixture) {
  const test_key stranger = make_rsa_key(app_key.kid);  // same kid, other key
  const auto now = now_seconds();
  const auto with = [&](std::string_view name, const boost::json::value& value) {
    auto claims = assertion_claims();
    claims[name] = value;
    return claims;
  };
  const std::vector<std::pair<std::string, std::string>> cases{
      {assertion(assertion_claims(), stranger), "The client_assertion signature is invalid."},
      {assertion(with("aud", boost::json::value(sandbox.base_url() + "/oauth2/default/v1/token")), app_key),
       "The audience claim for client_assertion must be the endpoint invoked for the request."},
      {assertion(with("iss", boost::json::value("0oasomeoneelse")), app_key),
       "The issuer and subject claims of the client_assertion must both be the client_id."},
      {assertion(with("exp", boost::json::value(now - 10)), app_key), "The client_assertion token is expired."},
      {assertion(with("exp", boost::json::value(now + 3601)), app_key),
       "The client_assertion token has an expiration too far into the future."},
      {assertion(with("sub", boost::json::value("0oaunknownapp")), app_key), "Invalid value for 'client_id' parameter."},
      {assertion(assertion_claims(), make_rsa_key("another-kid")), "The client_assertion JWT kid is invalid."},
      {"not.a-jwt", "The client_assertion token is malformed."},
  };
  std::set<std::string> descriptions;
  for (const auto& [client_assertion, description] : cases) {
    BOOST_TEST_CONTEXT(description) {
      const auto reply = request_token(client_assertion);
      BOOST_TEST(reply.status == 401U);
      BOOST_TEST(oauth_error(reply) == "invalid_client");
      BOOST_TEST(oauth_description(reply) == description);
      descriptions.insert(oauth_description(reply));
    }
  }
  BOOST_TEST(descriptions.size() == cases.size());
}

BOOST_FIXTURE_TEST_CASE(an_assertion_works_once, oauth_fixture) {
  const std::string once = assertion();
  BOOST_TEST(request_token(once).status == 200U);
  const auto replay = request_token(once);
  BOOST_TEST(replay.status == 401U);
  BOOST_TEST(oauth_error(replay) == "invalid_client");
  BOOST_TEST(oauth_description(replay).find("client_assertion_already_used") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_failed_assertion_does_not_spend_its_jti, oauth_fixture) {
  auto claims = assertion_claims();
  claims["aud"] = "https://elsewhere.example/oauth2/v1/token";
  request_token(assertion(claims, app_key));
  claims["aud"] = token_url();
  BOOST_TEST(request_token(assertion(claims, app_key)).status == 200U);
}

BOOST_FIXTURE_TEST_CASE(a_scope_the_app_was_not_granted_is_invalid_scope, oauth_fixture) {
  const auto reply = request_token(assertion(), "okta.users.read okta.groups.manage");
  BOOST_TEST(reply.status == 400U);
  BOOST_TEST(oauth_error(reply) == "invalid_scope");
  BOOST_TEST(oauth_description(reply).find("okta.groups.manage") != std::string::npos);
  BOOST_TEST(oauth_description(reply).find("okta.users.read") == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(no_scope_at_all_is_invalid_scope, oauth_fixture) {
  const auto reply = request_token(assertion(), "");
  BOOST_TEST(reply.status == 400U);
  BOOST_TEST(oauth_error(reply) == "invalid_scope");
}

BOOST_FIXTURE_TEST_CASE(another_grant_type_is_unsupported, oauth_fixture) {
  const auto reply = client.request(http::verb::post, "/oauth2/v1/token", "grant_type=password&username=a&password=b",
                                    {{"Content-Type", "application/x-www-form-urlencoded"}});
  BOOST_TEST(reply.status == 400U);
  BOOST_TEST(oauth_error(reply) == "unsupported_grant_type");
}

BOOST_FIXTURE_TEST_CASE(an_app_that_requires_dpop_refuses_a_request_without_a_proof, oauth_fixture) {
  control.register_service_app(client_id, app_key.public_jwk, {"okta.users.read"}, true);
  const auto reply = request_token(assertion());
  BOOST_TEST(reply.status == 400U);
  BOOST_TEST(oauth_error(reply) == "invalid_dpop_proof");
  BOOST_TEST(oauth_description(reply) == "The DPoP proof JWT header is missing.");
}

BOOST_FIXTURE_TEST_CASE(the_first_proof_meets_the_nonce_challenge_and_the_second_gets_a_bound_token, oauth_fixture) {
  control.register_service_app(client_id, app_key.public_jwk, {"okta.users.read"}, true);
  const auto challenge = request_token(assertion(), "okta.users.read", {{"DPoP", dpop_proof(dpop_key, "POST", token_url())}});
  BOOST_TEST(challenge.status == 400U);
  BOOST_TEST(oauth_error(challenge) == "use_dpop_nonce");
  const std::string nonce = challenge.header("DPoP-Nonce");
  BOOST_TEST_REQUIRE(!nonce.empty());
  const auto reply =
      request_token(assertion(), "okta.users.read", {{"DPoP", dpop_proof(dpop_key, "POST", token_url(), proof_options().with_nonce(nonce))}});
  BOOST_TEST_REQUIRE(reply.status == 200U, reply.body);
  BOOST_TEST(reply.json().at("token_type").as_string() == "DPoP");
}

BOOST_FIXTURE_TEST_CASE(a_rotated_nonce_is_refused_and_the_new_one_is_named, oauth_fixture) {
  control.register_service_app(client_id, app_key.public_jwk, {"okta.users.read"}, true);
  const std::string old_nonce =
      request_token(assertion(), "okta.users.read", {{"DPoP", dpop_proof(dpop_key, "POST", token_url())}}).header("DPoP-Nonce");
  const std::string new_nonce = control.rotate_dpop_nonce();
  BOOST_TEST(new_nonce != old_nonce);
  const auto reply = request_token(assertion(), "okta.users.read",
                                   {{"DPoP", dpop_proof(dpop_key, "POST", token_url(), proof_options().with_nonce(old_nonce))}});
  BOOST_TEST(reply.status == 400U);
  BOOST_TEST(oauth_error(reply) == "use_dpop_nonce");
  BOOST_TEST(reply.header("DPoP-Nonce") == new_nonce);
}

BOOST_FIXTURE_TEST_CASE(token_endpoint_proofs_are_checked, oauth_fixture) {
  control.register_service_app(client_id, app_key.public_jwk, {"okta.users.read"}, true);
  const std::string nonce = control.rotate_dpop_nonce();
  const auto refused = [&](const std::string& proof) {
    const auto reply = request_token(assertion(), "okta.users.read", {{"DPoP", proof}});
    BOOST_TEST(reply.status == 400U);
    BOOST_TEST(oauth_error(reply) == "invalid_dpop_proof");
    return oauth_description(reply);
  };
  BOOST_TEST(refused(dpop_proof(dpop_key, "GET", token_url(), proof_options().with_nonce(nonce))).find("'htm'") != std::string::npos);
  BOOST_TEST(refused(dpop_proof(dpop_key, "POST", token_url() + "?x=1", proof_options().with_nonce(nonce))).find("'htu'") != std::string::npos);
  BOOST_TEST(refused(dpop_proof(dpop_key, "POST", token_url(), proof_options().with_nonce(nonce).with_claim("iat", now_seconds() - 3600)))
                 .find("'iat'") != std::string::npos);
  // The jwk header must hold only the public key.
  boost::json::object header{{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", dpop_key.private_jwk}};
  const std::string leaky = sign_jwt(header, {{"htm", "POST"}, {"htu", token_url()}, {"iat", now_seconds()}, {"jti", fresh_jti()}, {"nonce", nonce}},
                                     dpop_key.private_pem);
  BOOST_TEST(refused(leaky).find("private key") != std::string::npos);
  header = {{"typ", "JWT"}, {"alg", "ES256"}, {"jwk", dpop_key.public_jwk}};
  BOOST_TEST(refused(sign_jwt(header, {{"htm", "POST"}, {"htu", token_url()}, {"iat", now_seconds()}, {"jti", fresh_jti()}}, dpop_key.private_pem))
                 .find("'typ'") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_proof_sent_to_an_app_without_dpop_is_ignored, oauth_fixture) {
  // Okta's SDKs send one with every token request.
  const auto reply = request_token(assertion(), "okta.users.read", {{"DPoP", dpop_proof(app_key, "POST", token_url())}});
  BOOST_TEST(reply.status == 200U);
  BOOST_TEST(reply.json().at("token_type").as_string() == "Bearer");
}

BOOST_FIXTURE_TEST_CASE(token_requests_are_logged_and_reset_forgets_the_app, oauth_fixture) {
  request_token(assertion());
  const auto requests = control.requests();
  BOOST_TEST_REQUIRE(requests.size() == 1U);
  BOOST_TEST(requests[0].at("target").as_string() == "/oauth2/v1/token");
  control.reset();
  const auto reply = request_token(assertion());
  BOOST_TEST(reply.status == 401U);
  BOOST_TEST(oauth_description(reply) == "Invalid value for 'client_id' parameter.");
}

BOOST_FIXTURE_TEST_CASE(token_faults_hit_only_token_requests_and_api_faults_only_api_requests, oauth_fixture) {
  control.inject({{"count", 1}, {"kind", "status"}, {"status", 503}, {"endpoint", "token"}});
  control.inject({{"count", 1}, {"kind", "status"}, {"status", 502}});
  BOOST_TEST(okta(http::verb::get, "/api/v1/users").status == 502U);
  BOOST_TEST(request_token(assertion()).status == 503U);
  BOOST_TEST(request_token(assertion()).status == 200U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users").status == 200U);
}

BOOST_FIXTURE_TEST_CASE(a_token_request_can_be_dropped_without_an_answer, oauth_fixture) {
  control.inject({{"count", 1}, {"kind", "close_before_response"}, {"endpoint", "token"}});
  BOOST_CHECK_THROW(request_token(assertion()), std::runtime_error);
  BOOST_TEST(request_token(assertion()).status == 200U);
}

BOOST_FIXTURE_TEST_CASE(a_fault_names_an_endpoint_it_knows, oauth_fixture) {
  BOOST_CHECK_THROW(control.inject({{"count", 1}, {"kind", "delay"}, {"endpoint", "userinfo"}}), std::runtime_error);
  control.inject({{"count", 1}, {"kind", "delay"}, {"delayMs", 1}, {"endpoint", "token"}});
  BOOST_TEST(control.faults().at(0).at("endpoint").as_string() == "token");
}

BOOST_AUTO_TEST_SUITE_END()
