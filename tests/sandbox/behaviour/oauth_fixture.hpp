#pragma once
// A sandbox with one registered service app, and builders for what a client
// sends: client assertions, token requests, DPoP proofs and OAuth API calls.
#include "jose_signer.hpp"
#include "sandbox_fixture.hpp"

#include <okta_sandbox/test_key.hpp>

#include <boost/url/url.hpp>

#include <optional>
#include <string>
#include <vector>

namespace okta_sandbox::testing {

inline const std::string client_id = "0oa1sandboxserviceapp";

struct oauth_fixture : sandbox_fixture {
  oauth_fixture() { control.register_service_app(client_id, app_key.public_jwk, {"okta.users.read", "okta.users.manage"}); }

  std::string token_url() const { return sandbox.base_url() + "/oauth2/v1/token"; }

  // The claims of a valid assertion; tests change one to break one check.
  boost::json::object assertion_claims() const {
    const auto now = now_seconds();
    return {{"iss", client_id}, {"sub", client_id}, {"aud", token_url()}, {"iat", now}, {"exp", now + 300}, {"jti", fresh_jti()}};
  }

  static std::string assertion(const boost::json::object& claims, const test_key& key, bool with_kid = true) {
    boost::json::object header{{"alg", key.alg}, {"typ", "JWT"}};
    if (with_kid) header["kid"] = key.kid;
    return sign_jwt(header, claims, key.private_pem);
  }

  std::string assertion() const { return assertion(assertion_claims(), app_key); }

  http_reply request_token(const std::string& client_assertion, const std::string& scope = "okta.users.read",
                           header_list headers = {}) const {
    boost::urls::url form;
    form.params().append({"grant_type", "client_credentials"});
    form.params().append({"scope", scope});
    form.params().append({"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"});
    form.params().append({"client_assertion", client_assertion});
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    headers.emplace_back("Accept", "application/json");
    return client.request(http::verb::post, "/oauth2/v1/token", form.encoded_query(), headers);
  }

  // A Bearer token for the app, or a failed test.
  std::string bearer_token(const std::string& scope = "okta.users.read") const {
    const auto reply = request_token(assertion(), scope);
    if (reply.status != 200) throw std::runtime_error("token request failed: " + reply.body);
    return std::string(reply.json().at("access_token").as_string());
  }

  struct proof_options {
    std::optional<std::string> nonce;
    std::optional<std::string> access_token;  // sets ath
    std::optional<std::string> jti;
    boost::json::object extra_claims;          // added last, so they override

    proof_options& with_nonce(std::string value) { nonce = std::move(value); return *this; }
    proof_options& for_token(std::string value) { access_token = std::move(value); return *this; }
    proof_options& with_jti(std::string value) { jti = std::move(value); return *this; }
    proof_options& with_claim(std::string_view name, boost::json::value value) {
      extra_claims[name] = std::move(value);
      return *this;
    }
  };

  static std::string dpop_proof(const test_key& key, std::string_view method, const std::string& htu,
                                const proof_options& options = proof_options()) {
    boost::json::object jwk = key.public_jwk;
    jwk.erase("kid");
    jwk.erase("alg");
    jwk.erase("use");
    const boost::json::object header{{"typ", "dpop+jwt"}, {"alg", key.alg}, {"jwk", jwk}};
    boost::json::object claims{{"htm", method}, {"htu", htu}, {"iat", now_seconds()}, {"jti", options.jti.value_or(fresh_jti())}};
    if (options.nonce) claims["nonce"] = *options.nonce;
    if (options.access_token) claims["ath"] = sha256_base64url(*options.access_token);
    for (const auto& [name, value] : options.extra_claims) claims[name] = value;
    return sign_jwt(header, claims, key.private_pem);
  }

  // Registers the app as DPoP-required and runs the nonce challenge; returns a DPoP-bound token.
  std::string dpop_token(const std::vector<std::string>& scopes = {"okta.users.read", "okta.users.manage"},
                         const std::string& scope = "okta.users.read") {
    control.register_service_app(client_id, app_key.public_jwk, scopes, true);
    const auto challenge = request_token(assertion(), scope, {{"DPoP", dpop_proof(dpop_key, "POST", token_url())}});
    const std::string nonce = challenge.header("DPoP-Nonce");
    const auto reply = request_token(assertion(), scope, {{"DPoP", dpop_proof(dpop_key, "POST", token_url(), proof_options().with_nonce(nonce))}});
    if (reply.status != 200) throw std::runtime_error("DPoP token request failed: " + reply.body);
    return std::string(reply.json().at("access_token").as_string());
  }

  http_reply with_bearer(http::verb method, std::string_view target, const std::string& token,
                         std::string_view body = {}) const {
    return client.request(method, target, body, {{"Authorization", "Bearer " + token}, {"Accept", "application/json"}});
  }

  http_reply with_dpop(http::verb method, std::string_view target, const std::string& token, const std::string& proof,
                       std::string_view body = {}) const {
    return client.request(method, target, body,
                          {{"Authorization", "DPoP " + token}, {"DPoP", proof}, {"Accept", "application/json"}});
  }

  std::string url_of(std::string_view decoded_path) const { return sandbox.base_url() + std::string(decoded_path); }

  test_key app_key = make_rsa_key();
  test_key dpop_key = make_ec_key();
};

inline std::string oauth_error(const http_reply& reply) { return std::string(reply.json().at("error").as_string()); }

inline std::string oauth_description(const http_reply& reply) {
  return std::string(reply.json().at("error_description").as_string());
}

}  // namespace okta_sandbox::testing
