// A service app's requests over scripted exchanges: the token request, the
// token shared by every call, renewal after a 401, the switch to DPoP, the
// nonce challenge, a proof for every request, and the errors a workflow
// author reads. No sockets: each test is a script of requests and answers.
#include "oauth_answers.hpp"

#include "okta/protocol/dpop_proof.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace okta_plugin::test;
using okta_plugin::okta::call_result;
using okta_plugin::okta::okta_request;
using wire::method;

namespace {

constexpr std::string_view ada_id = "00ub0oNGTSWTBKOLGLNR";
const std::string ada_target = "/api/v1/users/00ub0oNGTSWTBKOLGLNR";
constexpr std::string_view access_token = "eyJraWQiOiJ0ZXN0In0.access-token-probe-7d1f0a2c.sig";
constexpr std::string_view renewed_token = "eyJraWQiOiJ0ZXN0In0.renewed-token-probe-93b5e4.sig";

okta_request get_target(std::string target) {
    okta_request request;
    request.target = std::move(target);
    return request;
}

canned ada() { return okta_answer::user(ada_id, "ada@example.com", "ACTIVE", epoch_now()); }

// The form field `name` of a token request, still percent-encoded.
std::string form_field(const sent_request& sent, std::string_view name) {
    const std::string body = "&" + std::string(sent.body.data(), sent.body.size()) + "&";
    const std::string key = "&" + std::string(name) + "=";
    const std::size_t at = body.find(key);
    if (at == std::string::npos) {
        return {};
    }
    const std::size_t start = at + key.size();
    return body.substr(start, body.find('&', start) - start);
}

decoded_jws assertion_of(const sent_request& sent) { return decode_jws(form_field(sent, "client_assertion")); }
decoded_jws proof_of(const sent_request& sent) { return decode_jws(sent.header("DPoP").value()); }

canned invalid_token_401() {
    return std::move(okta_answer::error(401, "E0000011", "Invalid token provided")
                         .header("WWW-Authenticate", R"(Bearer error="invalid_token", error_description="The token has expired.")"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(oauth_pipeline)

// ---- the token request ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(the_first_request_fetches_a_token_with_a_signed_assertion_then_sends_it_as_bearer) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token))
        .with_body("grant_type=client_credentials")
        .with_body("scope=okta.users.read")
        .with_body("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer");
    okta.okta.expect(method::get, ada_target, ada());
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());

    const auto& token_request = okta.okta.sent().at(0);
    BOOST_TEST(token_request.header("Content-Type").value() == "application/x-www-form-urlencoded");
    BOOST_TEST(!token_request.authorised);
    BOOST_TEST(!token_request.header("DPoP").has_value());  // not before the endpoint asks for it
    const std::string assertion = form_field(token_request, "client_assertion");
    BOOST_TEST(jws_verifies(assertion, rsa_test_key()));
    const auto claims = decode_jws(assertion).claims;
    BOOST_TEST(claims.at("iss").as_string() == "0oa1service");
    BOOST_TEST(claims.at("sub").as_string() == "0oa1service");
    BOOST_TEST(claims.at("aud").as_string() == org_origin + token_target);
    BOOST_TEST(claims.at("exp").as_int64() - claims.at("iat").as_int64() == 300);
    BOOST_TEST(okta.okta.sent().at(1).header("Authorization").value() == "Bearer " + std::string(access_token));
}

BOOST_AUTO_TEST_CASE(an_ec_key_signs_its_assertion_es256) {
    scripted_oauth okta(ec_pem(pem_form::traditional));
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token));
    okta.okta.expect(method::get, ada_target, ada());
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    const std::string assertion = form_field(okta.okta.sent().at(0), "client_assertion");
    BOOST_TEST(decode_jws(assertion).header.at("alg").as_string() == "ES256");
    BOOST_TEST(jws_verifies(assertion, ec_test_key()));
}

BOOST_AUTO_TEST_CASE(later_calls_and_later_steps_reuse_the_cached_token) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token));
    for (int step = 0; step < 3; ++step) {
        okta.okta.expect(method::get, ada_target, ada());
    }
    auto& first = okta.call();
    BOOST_TEST(first.pipeline.run(get_target(ada_target)).has_value());
    BOOST_TEST(first.pipeline.run(get_target(ada_target)).has_value());
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    BOOST_TEST(okta.okta.count(method::post, token_target) == 1u);
}

BOOST_AUTO_TEST_CASE(tokens_are_refreshed_a_fifth_of_their_lifetime_at_most_a_minute_early) {
    BOOST_TEST(okta::refresh_lead(std::chrono::seconds(5)) == std::chrono::seconds(1));
    BOOST_TEST(okta::refresh_lead(std::chrono::seconds(3600)) == std::chrono::minutes(1));
}

BOOST_AUTO_TEST_CASE(a_token_past_its_refresh_time_is_replaced_before_the_next_request) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token, "Bearer", 1));
    okta.okta.expect(method::get, ada_target, ada());
    okta.okta.expect(method::post, token_target, token_answer::granted(renewed_token));
    okta.okta.expect(method::get, ada_target, ada());
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    std::this_thread::sleep_for(std::chrono::seconds(1));
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    BOOST_TEST(okta.okta.sent().at(3).header("Authorization").value() == "Bearer " + std::string(renewed_token));
}

BOOST_AUTO_TEST_CASE(different_scope_sets_get_different_tokens) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token)).with_body("scope=okta.users.read");
    okta.okta.expect(method::get, ada_target, ada());
    okta.okta.expect(method::post, token_target, token_answer::granted(renewed_token))
        .with_body("scope=okta.users.manage");
    okta.okta.expect(method::get, ada_target, ada());
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    okta.app.scopes = "okta.users.manage";
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
}

// ---- single flight --------------------------------------------------------------------

// Answers every token request with a token after a pause (so the callers
// pile up behind the first) and every API request with Ada; counts both.
class counting_okta final : public wire::sender {
public:
    wire::response send(const wire::endpoint&, const wire::request& request, const wire::call_budget&) override {
        if (request.target == token_target) {
            ++token_requests;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            return token_answer::granted(access_token).response;
        }
        bool bearer = false;
        for (const auto& header : request.headers) {
            bearer = bearer || (header.name == "Authorization" &&
                                std::string_view(header.value.data(), header.value.size()) ==
                                    "Bearer " + std::string(access_token));
        }
        (bearer ? api_requests_with_token : api_requests_without)++;
        return ada().response;
    }

    std::atomic<int> token_requests{0};
    std::atomic<int> api_requests_with_token{0};
    std::atomic<int> api_requests_without{0};
};

BOOST_AUTO_TEST_CASE(fifty_calls_needing_a_token_at_once_make_one_token_request) {
    scripted_oauth okta;  // for its key, app and cache; its script stays empty
    counting_okta counting;
    okta::rate_pacer pacer;
    std::vector<std::thread> threads;
    std::atomic<int> succeeded{0};
    for (int i = 0; i < 50; ++i) {
        threads.emplace_back([&] {
            wire::call_budget budget;
            budget.deadline = wire::call_budget::clock::now() + std::chrono::seconds(20);
            okta::oauth_authoriser authoriser(counting, okta.tokens, okta.app);
            okta::request_pipeline pipeline(counting, pacer, authoriser, okta.route, okta::pipeline_policy{0}, budget);
            succeeded += pipeline.run(get_target(ada_target)).has_value() ? 1 : 0;
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    BOOST_TEST(counting.token_requests.load() == 1);
    BOOST_TEST(succeeded.load() == 50);
    BOOST_TEST(counting.api_requests_with_token.load() == 50);
    BOOST_TEST(counting.api_requests_without.load() == 0);
}

// Refuses every token request after a pause, and counts them.
class refusing_token_endpoint final : public wire::sender {
public:
    wire::response send(const wire::endpoint&, const wire::request& request, const wire::call_budget&) override {
        if (request.target != token_target) {
            ++api_requests;
            return ada().response;
        }
        ++token_requests;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        return token_answer::refused(401, "invalid_client", "The client_assertion signature is invalid.").response;
    }

    std::atomic<int> token_requests{0};
    std::atomic<int> api_requests{0};
};

BOOST_AUTO_TEST_CASE(fifty_calls_waiting_on_a_refused_token_request_share_its_answer) {
    scripted_oauth okta;
    refusing_token_endpoint refusing;
    okta::rate_pacer pacer;
    std::vector<std::thread> threads;
    std::atomic<int> refused{0};
    for (int i = 0; i < 50; ++i) {
        threads.emplace_back([&] {
            wire::call_budget budget;
            budget.deadline = wire::call_budget::clock::now() + std::chrono::seconds(20);
            okta::oauth_authoriser authoriser(refusing, okta.tokens, okta.app);
            okta::request_pipeline pipeline(refusing, pacer, authoriser, okta.route, okta::pipeline_policy{0}, budget);
            const call_result result = pipeline.run(get_target(ada_target));
            refused += !result.has_value() && result.error().code == "invalid_client" ? 1 : 0;
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    BOOST_TEST(refused.load() == 50);
    BOOST_TEST(refusing.api_requests.load() == 0);
    // The calls that waited on a flight share its answer; only calls that
    // came after it ended ask again.
    BOOST_TEST(refusing.token_requests.load() < 50);
}

// ---- renewal after a 401 ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_401_invalid_token_fetches_a_new_token_and_resends_once_even_a_create) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token));
    okta.okta.expect(method::post, "/api/v1/users?activate=false", invalid_token_401());
    okta.okta.expect(method::post, token_target, token_answer::granted(renewed_token));
    okta.okta.expect(method::post, "/api/v1/users?activate=false", ada());
    okta_request create;
    create.kind = okta::request_kind::create;
    create.verb = method::post;
    create.target = "/api/v1/users?activate=false";
    create.body = wire::wiping_string(R"({"profile":{"login":"ada@example.com"}})");
    BOOST_TEST(okta.call(0).pipeline.run(create).has_value());  // even with MaxRetries 0: a 401 was not carried out
    BOOST_TEST(okta.okta.sent().at(3).header("Authorization").value() == "Bearer " + std::string(renewed_token));
}

BOOST_AUTO_TEST_CASE(a_second_401_in_a_row_is_answered_not_renewed_again) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token));
    okta.okta.expect(method::get, ada_target, invalid_token_401());
    okta.okta.expect(method::post, token_target, token_answer::granted(renewed_token));
    okta.okta.expect(method::get, ada_target, invalid_token_401());
    const call_result result = okta.call().pipeline.run(get_target(ada_target));
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 401);
    BOOST_TEST(result.error().code == "invalid_token");
    BOOST_TEST(result.error().message.find("Okta refused the access token") != std::string::npos);
    BOOST_TEST(result.error().message.find(renewed_token) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_api_nonce_challenge_is_answered_once_with_the_nonce_in_the_proof) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::dpop_required());
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token, "DPoP"));
    okta.okta.expect(method::get, ada_target,
                     std::move(canned(401)
                                   .header("WWW-Authenticate", R"(DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof")")
                                   .header("DPoP-Nonce", "api-nonce-1")));
    okta.okta.expect(method::get, ada_target, ada());
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    BOOST_TEST(!proof_of(okta.okta.sent().at(2)).claims.contains("nonce"));
    BOOST_TEST(proof_of(okta.okta.sent().at(3)).claims.at("nonce").as_string() == "api-nonce-1");
    BOOST_TEST(okta.okta.count(method::post, token_target) == 2u);  // the token itself was fine
}

BOOST_AUTO_TEST_CASE(a_401_of_another_kind_is_not_renewed) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token));
    okta.okta.expect(method::get, ada_target, okta_answer::error(401, "E0000004", "Authentication failed"));
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_error());
}

// ---- DPoP -------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(when_the_token_endpoint_asks_for_dpop_the_client_switches_and_remembers) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::dpop_required());
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token, "DPoP"));
    okta.okta.expect(method::get, ada_target, ada());
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    const auto& sent = okta.okta.sent();
    BOOST_TEST(!sent.at(0).header("DPoP").has_value());
    const auto token_proof = proof_of(sent.at(1));
    BOOST_TEST(token_proof.claims.at("htm").as_string() == "POST");
    BOOST_TEST(token_proof.claims.at("htu").as_string() == org_origin + token_target);
    BOOST_TEST(!token_proof.claims.contains("ath"));
    BOOST_TEST(assertion_of(sent.at(0)).claims.at("jti") != assertion_of(sent.at(1)).claims.at("jti"));

    BOOST_TEST(sent.at(2).header("Authorization").value() == "DPoP " + std::string(access_token));
    const auto api_proof = proof_of(sent.at(2));
    BOOST_TEST(api_proof.claims.at("htm").as_string() == "GET");
    BOOST_TEST(api_proof.claims.at("htu").as_string() == org_origin + ada_target);
    BOOST_TEST(api_proof.claims.at("ath").as_string() == okta::base64url(okta::sha256(access_token)));
    // The proof key is the process's own, never the assertion key.
    const auto jwk = api_proof.header.at("jwk").as_object();
    BOOST_TEST(jwk.at("kty").as_string() == "EC");
    BOOST_TEST(jwk == token_proof.header.at("jwk").as_object());
    BOOST_TEST(jws_verifies(sent.at(2).header("DPoP").value(), key_from_jwk(jwk).get()));

    // A token fetched later for the same client sends a proof from the start.
    okta.okta.expect(method::post, token_target, token_answer::granted(renewed_token, "DPoP"));
    okta.okta.expect(method::get, ada_target, ada());
    okta.app.scopes = "okta.users.manage";
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    BOOST_TEST(okta.okta.sent().at(3).header("DPoP").has_value());
}

BOOST_AUTO_TEST_CASE(a_nonce_challenge_is_answered_once_with_the_nonce_and_a_fresh_assertion) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::dpop_required());
    okta.okta.expect(method::post, token_target, token_answer::nonce_required("nonce-A"));
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token, "DPoP"));
    okta.okta.expect(method::get, ada_target, ada());
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    const auto& sent = okta.okta.sent();
    BOOST_TEST(!proof_of(sent.at(1)).claims.contains("nonce"));
    const auto answered = proof_of(sent.at(2));
    BOOST_TEST(answered.claims.at("nonce").as_string() == "nonce-A");
    BOOST_TEST(answered.claims.at("jti") != proof_of(sent.at(1)).claims.at("jti"));
    BOOST_TEST(assertion_of(sent.at(2)).claims.at("jti") != assertion_of(sent.at(1)).claims.at("jti"));

    // The next token request carries the nonce it learnt; a rotated one is answered again.
    okta.app.scopes = "okta.users.manage";
    okta.okta.expect(method::post, token_target, token_answer::nonce_required("nonce-B"));
    okta.okta.expect(method::post, token_target, token_answer::granted(renewed_token, "DPoP"));
    okta.okta.expect(method::get, ada_target, ada());
    BOOST_TEST(okta.call().pipeline.run(get_target(ada_target)).has_value());
    BOOST_TEST(proof_of(okta.okta.sent().at(4)).claims.at("nonce").as_string() == "nonce-A");
    BOOST_TEST(proof_of(okta.okta.sent().at(5)).claims.at("nonce").as_string() == "nonce-B");
}

BOOST_AUTO_TEST_CASE(a_second_nonce_challenge_in_a_row_fails_without_an_api_request) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::dpop_required());
    okta.okta.expect(method::post, token_target, token_answer::nonce_required("nonce-A"));
    okta.okta.expect(method::post, token_target, token_answer::nonce_required("nonce-B"));
    const call_result result = okta.call().pipeline.run(get_target(ada_target));
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 400);
    BOOST_TEST(result.error().code == "use_dpop_nonce");
    BOOST_TEST(!result.error().retryable);
    BOOST_TEST(okta.okta.count(method::get, ada_target) == 0u);
}

BOOST_AUTO_TEST_CASE(every_page_of_a_listing_gets_its_own_proof_for_its_own_path) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::dpop_required());
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token, "DPoP"));
    okta.okta.expect(method::get, "/api/v1/users?limit=1",
                     std::move(okta_answer::users({user_json(ada_id, "ada@example.com", "ACTIVE", epoch_now())})
                                   .next_link("/api/v1/users?after=00u2&limit=1")));
    okta.okta.expect(method::get, "/api/v1/users?after=00u2&limit=1", okta_answer::users({}));
    okta::list_query query;
    query.limit = 1;
    BOOST_TEST(okta.call().users.list_all_users(query, [](const okta::listed_page&) { return true; }).has_value());
    const auto first = proof_of(okta.okta.sent().at(2));
    const auto second = proof_of(okta.okta.sent().at(3));
    BOOST_TEST(first.claims.at("htu").as_string() == org_origin + "/api/v1/users");
    BOOST_TEST(second.claims.at("htu").as_string() == org_origin + "/api/v1/users");
    BOOST_TEST(first.claims.at("jti") != second.claims.at("jti"));
}

BOOST_AUTO_TEST_CASE(htu_names_a_login_path_decoded) {
    scripted_oauth okta;
    const std::string target = "/api/v1/users/a%2Bb%2Fc%40example.com";
    okta.okta.expect(method::post, token_target, token_answer::dpop_required());
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token, "DPoP"));
    okta.okta.expect(method::get, target, ada());
    BOOST_TEST(okta.call().pipeline.run(get_target(target)).has_value());
    BOOST_TEST(proof_of(okta.okta.sent().at(2)).claims.at("htu").as_string() ==
               org_origin + "/api/v1/users/a+b/c@example.com");
}

// ---- errors -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(invalid_client_says_which_check_failed_and_sends_nothing_to_the_api) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target,
                     token_answer::refused(401, "invalid_client", "The client_assertion signature is invalid."));
    const call_result result = okta.call().pipeline.run(get_target(ada_target));
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 401);
    BOOST_TEST(result.error().code == "invalid_client");
    BOOST_TEST(result.error().message.find("the key does not match the app's registered JWK") != std::string::npos);
    BOOST_TEST(!result.error().retryable);
    BOOST_TEST(okta.okta.count(method::get, ada_target) == 0u);
}

BOOST_AUTO_TEST_CASE(invalid_scope_is_a_400_naming_the_scopes_asked_for) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target,
                     token_answer::refused(400, "invalid_scope", "The following scopes are not allowed: okta.users.read"));
    const call_result result = okta.call().pipeline.run(get_target(ada_target));
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 400);
    BOOST_TEST(result.error().code == "invalid_scope");
    BOOST_TEST(result.error().message.find("okta.users.read") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_403_insufficient_scope_with_an_empty_body_names_the_scope_missing) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token));
    okta.okta.expect(method::get, ada_target,
                     std::move(canned(403).header(
                         "WWW-Authenticate",
                         R"(Bearer realm="IdpMyAccountAPI", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", scope="okta.users.manage")")));
    const call_result result = okta.call().pipeline.run(get_target(ada_target));
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 403);
    BOOST_TEST(result.error().code == "insufficient_scope");
    BOOST_TEST(result.error().message.find("The app lacks okta.users.manage; grant it in the Admin Console under Okta "
                                           "API Scopes") == 0u);
}

BOOST_AUTO_TEST_CASE(a_token_endpoint_outage_is_retried_then_answered_and_nothing_reaches_the_api) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, canned(503, "<html>down</html>"));
    okta.okta.expect(method::post, token_target, answer_lost());
    okta.okta.expect(method::post, token_target, canned(503));
    const call_result result = okta.call(2).pipeline.run(get_target(ada_target));
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 503);
    BOOST_TEST(result.error().retryable);
    BOOST_TEST(!result.error().outcome_unknown);
    BOOST_TEST(result.error().attempts == 3);
    BOOST_TEST(okta.okta.count(method::get, ada_target) == 0u);
}

BOOST_AUTO_TEST_CASE(a_failed_token_request_is_answered_and_not_cached) {
    scripted_oauth okta;
    okta.okta.expect(method::post, token_target, token_answer::refused(401, "invalid_client", "bad audience [aud]"));
    const call_result first = okta.call(0).pipeline.run(get_target(ada_target));
    BOOST_TEST_REQUIRE(first.has_error());
    BOOST_TEST(first.error().message.find("audience must be the token URL") != std::string::npos);
    // Nothing is cached from a failure: a later call asks again.
    okta.okta.expect(method::post, token_target, token_answer::granted(access_token));
    okta.okta.expect(method::get, ada_target, ada());
    BOOST_TEST(okta.call(0).pipeline.run(get_target(ada_target)).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
