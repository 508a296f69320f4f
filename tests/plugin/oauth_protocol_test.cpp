// The sans-I/O OAuth pieces: base64url, keys in every PEM form, signed
// client assertions, DPoP proofs and their htu, the token request's form,
// the token endpoint's answers, and WWW-Authenticate challenges.
#include "test_keys.hpp"

#include "okta/protocol/dpop_proof.hpp"
#include "okta/protocol/oauth_tokens.hpp"
#include "okta/protocol/www_authenticate.hpp"

#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

using namespace okta_plugin::test;
namespace okta = okta_plugin::okta;
namespace wire = okta_plugin::wire;

namespace {

const std::string origin = "https://dev-1.okta.com";
const std::string token_endpoint = "https://dev-1.okta.com/oauth2/v1/token";
constexpr std::int64_t issued = 1764633600;

std::string text(const wire::wiping_string& value) { return std::string(value.data(), value.size()); }

wire::response answer(int status, std::string body) {
    wire::response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

okta::oauth_error refusal(int status, std::string error, std::string description) {
    return okta::oauth_error{status, std::move(error), std::move(description), {}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(oauth_protocol)

// ---- base64url ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(base64url_has_no_padding_and_the_url_alphabet) {
    BOOST_TEST(okta::base64url("") == "");
    BOOST_TEST(okta::base64url("f") == "Zg");
    BOOST_TEST(okta::base64url("foob") == "Zm9vYg");
    BOOST_TEST(okta::base64url("\xfb\xff\xbf") == "-_-_");
    BOOST_TEST(okta::base64url_decode("-_-_").value() == "\xfb\xff\xbf");
    BOOST_TEST(okta::base64url_decode("Zm9vYg").value() == "foob");
    BOOST_TEST(!okta::base64url_decode("Zm9v+g").has_value());  // the standard alphabet is not base64url
    BOOST_TEST(!okta::base64url_decode("Z").has_value());
}

BOOST_AUTO_TEST_CASE(jwt_ids_are_fresh_each_time) {
    BOOST_TEST(okta::random_id() != okta::random_id());
    BOOST_TEST(okta::base64url_decode(okta::random_id()).value().size() == 24u);
}

// ---- keys --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(rsa_keys_are_read_as_pkcs1_and_pkcs8_and_sign_rs256) {
    for (const auto form : {pem_form::traditional, pem_form::pkcs8}) {
        const std::string pem = rsa_pem(form);
        BOOST_TEST((form == pem_form::traditional) == (pem.find("BEGIN RSA PRIVATE KEY") != std::string::npos));
        const okta::signing_key key = okta::signing_key::from_pem(pem);
        BOOST_TEST(key.algorithm() == "RS256");
        const auto token = okta::compact_jws({{"alg", "RS256"}}, {{"a", 1}}, key);
        BOOST_TEST(jws_verifies(text(token), rsa_test_key()));
    }
}

BOOST_AUTO_TEST_CASE(ec_keys_are_read_as_sec1_and_pkcs8_and_sign_es256_as_raw_r_and_s) {
    for (const auto form : {pem_form::traditional, pem_form::pkcs8}) {
        const std::string pem = ec_pem(form);
        BOOST_TEST((form == pem_form::traditional) == (pem.find("BEGIN EC PRIVATE KEY") != std::string::npos));
        const okta::signing_key key = okta::signing_key::from_pem(pem);
        BOOST_TEST(key.algorithm() == "ES256");
        const auto token = okta::compact_jws({{"alg", "ES256"}}, {{"a", 1}}, key);
        BOOST_TEST(decode_jws(text(token)).signature.size() == 64u);
        BOOST_TEST(jws_verifies(text(token), ec_test_key()));
    }
}

BOOST_AUTO_TEST_CASE(a_public_jwk_verifies_what_its_key_signed) {
    const okta::signing_key rsa = okta::signing_key::from_pem(rsa_pem());
    const okta::signing_key ec = okta::signing_key::generate_p256();
    for (const okta::signing_key* key : {&rsa, &ec}) {
        const boost::json::object jwk = key->public_jwk();
        BOOST_TEST(!jwk.contains("d"));  // never the private part
        const auto token = okta::compact_jws({{"alg", key->algorithm()}}, {{"a", 1}}, *key);
        BOOST_TEST(jws_verifies(text(token), key_from_jwk(jwk).get()));
    }
}

BOOST_AUTO_TEST_CASE(unusable_pems_are_refused_without_quoting_them) {
    const std::string rsa = rsa_pem();
    const std::string cut = rsa.substr(0, rsa.size() / 2);
    pkey short_rsa(EVP_RSA_gen(1024));
    pkey p384(EVP_EC_gen("P-384"));
    const std::string cases[] = {
        "not a pem", cut, pem_of(short_rsa.get(), pem_form::pkcs8), pem_of(p384.get(), pem_form::pkcs8),
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n"};
    for (const auto& pem : cases) {
        try {
            (void)okta::signing_key::from_pem(pem);
            BOOST_ERROR("a PEM was accepted: " << pem.substr(0, 20));
        } catch (const okta::invalid_setting& error) {
            const std::string message = error.what();
            BOOST_TEST(message.find("PrivateKey") != std::string::npos);
            BOOST_TEST(message.find("MII") == std::string::npos);
        }
    }
}

// ---- client assertion ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(the_assertion_names_the_app_and_the_exact_token_url) {
    const okta::signing_key key = okta::signing_key::from_pem(rsa_pem());
    const auto first = decode_jws(text(okta::client_assertion(key, "kid-1", "0oa1", token_endpoint, issued)));
    const auto second = decode_jws(text(okta::client_assertion(key, "", "0oa1", token_endpoint, issued)));
    BOOST_TEST(first.header.at("alg").as_string() == "RS256");
    BOOST_TEST(first.header.at("kid").as_string() == "kid-1");
    BOOST_TEST(!second.header.contains("kid"));
    BOOST_TEST(first.claims.at("iss").as_string() == "0oa1");
    BOOST_TEST(first.claims.at("sub").as_string() == "0oa1");
    BOOST_TEST(first.claims.at("aud").as_string() == token_endpoint);
    BOOST_TEST(first.claims.at("iat").as_int64() == issued);
    BOOST_TEST(first.claims.at("exp").as_int64() == issued + 300);
    BOOST_TEST(first.claims.at("jti").as_string() != second.claims.at("jti").as_string());
}

BOOST_AUTO_TEST_CASE(the_token_request_form_is_url_encoded) {
    const auto form = text(okta::token_request_form("okta.users.manage okta.users.read", "aa.bb.cc"));
    BOOST_TEST(form == "grant_type=client_credentials&scope=okta.users.manage%20okta.users.read"
                       "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                       "&client_assertion=aa.bb.cc");
}

// ---- DPoP ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(htu_is_the_origin_and_the_decoded_path_without_the_query) {
    BOOST_TEST(okta::dpop_htu(origin, "/api/v1/users?limit=2&after=00u9") == origin + "/api/v1/users");
    BOOST_TEST(okta::dpop_htu(origin, "/api/v1/users/a%2Bb%2Fc%40example.com") ==
               origin + "/api/v1/users/a+b/c@example.com");
    BOOST_TEST(okta::dpop_htu("https://localhost:8443", "/oauth2/v1/token") == "https://localhost:8443/oauth2/v1/token");
    BOOST_CHECK_THROW(okta::dpop_htu(origin, "https://elsewhere/x"), okta::invalid_setting);
}

BOOST_AUTO_TEST_CASE(a_proof_carries_its_key_method_url_token_hash_and_nonce) {
    const okta::signing_key key = okta::signing_key::generate_p256();
    const std::string token = "eyJraWQiOiJhY2Nlc3MtdG9rZW4ifQ.body.sig";
    const okta::dpop_binding binding{wire::method::get, origin + "/api/v1/users", token, "nonce-1", issued};
    const auto proof = text(okta::dpop_proof(key, binding));
    const auto jws = decode_jws(proof);
    BOOST_TEST(jws.header.at("typ").as_string() == "dpop+jwt");
    BOOST_TEST(jws.header.at("alg").as_string() == "ES256");
    BOOST_TEST(jws_verifies(proof, key_from_jwk(jws.header.at("jwk").as_object()).get()));
    BOOST_TEST(jws.claims.at("htm").as_string() == "GET");
    BOOST_TEST(jws.claims.at("htu").as_string() == origin + "/api/v1/users");
    BOOST_TEST(jws.claims.at("iat").as_int64() == issued);
    BOOST_TEST(jws.claims.at("ath").as_string() == okta::base64url(okta::sha256(token)));
    BOOST_TEST(jws.claims.at("nonce").as_string() == "nonce-1");
    const auto again = decode_jws(text(okta::dpop_proof(key, binding)));
    BOOST_TEST(again.claims.at("jti").as_string() != jws.claims.at("jti").as_string());
}

BOOST_AUTO_TEST_CASE(a_token_endpoint_proof_has_no_ath_and_no_nonce_until_one_is_known) {
    const okta::signing_key key = okta::signing_key::generate_p256();
    const auto jws = decode_jws(text(okta::dpop_proof(key, {wire::method::post, token_endpoint, {}, {}, issued})));
    BOOST_TEST(jws.claims.at("htm").as_string() == "POST");
    BOOST_TEST(!jws.claims.contains("ath"));
    BOOST_TEST(!jws.claims.contains("nonce"));
}

// ---- token answers ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_granted_token_is_read_with_its_type_and_lifetime) {
    auto read = okta::read_token_answer(
        answer(200, R"({"token_type":"DPoP","expires_in":120,"access_token":"at-1","scope":"okta.users.read"})"));
    const auto* granted = std::get_if<okta::issued_token>(&read);
    BOOST_TEST_REQUIRE(granted != nullptr);
    BOOST_TEST(granted->access_token.reveal() == "at-1");
    BOOST_TEST(granted->token_type == "DPoP");
    BOOST_TEST(granted->expires_in.count() == 120);
}

BOOST_AUTO_TEST_CASE(an_oauth_error_is_read_with_the_dpop_nonce) {
    wire::response response = answer(400, R"({"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof."})");
    response.headers.push_back({"DPoP-Nonce", wire::wiping_string("n-42")});
    auto read = okta::read_token_answer(response);
    const auto* refused = std::get_if<okta::oauth_error>(&read);
    BOOST_TEST_REQUIRE(refused != nullptr);
    BOOST_TEST(refused->error == "use_dpop_nonce");
    BOOST_TEST(refused->dpop_nonce == "n-42");
    BOOST_TEST(std::holds_alternative<okta::oauth_error>(okta::read_token_answer(answer(200, R"({"token_type":"Bearer"})"))));
    BOOST_TEST(std::holds_alternative<okta::oauth_error>(okta::read_token_answer(answer(502, "<html>"))));
}

BOOST_AUTO_TEST_CASE(invalid_client_says_which_check_failed) {
    const std::pair<std::string, std::string> causes[] = {
        {"The client_assertion signature is invalid.", "the key does not match the app's registered JWK"},
        {"The audience [aud] claim in the JWT token is invalid.", "the assertion's audience must be the token URL"},
        {"The issuer [iss] claim in the JWT token is invalid.", "issuer and subject must both be the ClientId"},
        {"The client_assertion token is expired.", "check this machine's clock"},
        {"The 'jti' claim in the client_assertion token has already been used.", "already used"},
        {"Invalid value for 'client_id' parameter.", "no service app with this ClientId"},
    };
    for (const auto& [description, sentence] : causes) {
        const std::string message = okta::explain_token_error(refusal(401, "invalid_client", description), "0oa1", "s");
        BOOST_TEST(message.find(sentence) != std::string::npos, message);
        BOOST_TEST(message.find("0oa1") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_description_that_could_hold_a_secret_is_not_quoted) {
    const std::string echoed = "bad assertion eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwb2ExIn0.c2lnbmF0dXJl";
    const std::string message = okta::explain_token_error(refusal(401, "invalid_client", echoed), "0oa1", "s");
    BOOST_TEST(message.find("eyJ") == std::string::npos);
    BOOST_TEST(okta::explain_token_error(refusal(400, "invalid_scope", "The requested scope is invalid."), "0oa1",
                                         "okta.users.manage")
                   .find("okta.users.manage") != std::string::npos);
}

// ---- WWW-Authenticate --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_challenge_names_its_error_and_scope) {
    const auto challenge = okta::parse_www_authenticate(
        R"(Bearer authorization_uri="https://dev-1.okta.com/oauth2/v1/authorize", realm="IdpMyAccountAPI", scope="okta.users.manage", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/users")");
    BOOST_TEST_REQUIRE(challenge.has_value());
    BOOST_TEST(challenge->scheme == "Bearer");
    BOOST_TEST(challenge->error == "insufficient_scope");
    BOOST_TEST(challenge->scope == "okta.users.manage");
    const auto dpop = okta::parse_www_authenticate(R"(DPoP algs="ES256 RS256", error=invalid_token, error_description="a \"quoted\" word")");
    BOOST_TEST_REQUIRE(dpop.has_value());
    BOOST_TEST(dpop->error == "invalid_token");
    BOOST_TEST(dpop->error_description == R"(a "quoted" word)");
    BOOST_TEST(!okta::parse_www_authenticate("  ").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
