// The request pipeline and the Users API client over scripted exchanges: what
// is resent, what never is, and how a create or delete whose answer was lost
// is settled. No sockets: each test is a script of requests and answers.
#include "okta_answers.hpp"

#include "okta/protocol/okta_request.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace okta_plugin::test;
using okta_plugin::okta::call_result;
using okta_plugin::okta::expected_body;
using okta_plugin::okta::okta_request;
using okta_plugin::okta::request_kind;
using wire::method;

namespace {

constexpr std::string_view ada_id = "00ub0oNGTSWTBKOLGLNR";
constexpr std::string_view ada = "ada@example.com";
const std::string ada_target = "/api/v1/users/00ub0oNGTSWTBKOLGLNR";
const std::string ada_search = "/api/v1/users?search=profile.login%20eq%20%22ada%40example.com%22";
const std::string create_target = "/api/v1/users?activate=true";

okta_request get_ada() {
    okta_request request;
    request.target = ada_target;
    return request;
}

const boost::json::object create_body = boost::json::parse(R"({
    "profile": {"login": "ada@example.com", "email": "ada@example.com", "firstName": "Ada", "lastName": "Lovelace"},
    "credentials": {"password": {"value": "correct-Horse-7"}}})").as_object();

call_result create_ada(scripted_okta& okta, int max_retries = 2) {
    return okta.users(max_retries).create_user({create_body, true, true});
}

// A user with Ada's login made now (this create's) or an hour ago (someone's).
boost::json::object made_now() { return user_json(ada_id, ada, "ACTIVE", epoch_now()); }
boost::json::object made_long_ago() { return user_json(ada_id, ada, "ACTIVE", epoch_now() - 3600); }

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline)

// ---- resending --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_read_is_resent_after_a_503) {
    scripted_okta okta;
    okta.okta.expect(method::get, ada_target, okta_answer::error(503, "E0000009", "Service unavailable"));
    okta.okta.expect(method::get, ada_target, okta_answer::user(ada_id, ada, "ACTIVE", epoch_now()));
    const call_result result = okta.pipeline().run(get_ada());
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(result->body.at("id").as_string() == ada_id);
    for (const auto& sent : okta.okta.sent()) {
        BOOST_TEST(sent.authorised);  // every attempt is authorised afresh
    }
}

BOOST_AUTO_TEST_CASE(a_429_is_resent_once_its_window_resets) {
    scripted_okta okta;
    okta.okta.expect(method::get, ada_target, okta_answer::rate_limited(1));
    okta.okta.expect(method::get, ada_target, okta_answer::user(ada_id, ada, "ACTIVE", epoch_now()));
    BOOST_TEST(okta.pipeline().run(get_ada()).has_value());
}

BOOST_AUTO_TEST_CASE(max_retries_0_never_resends) {
    scripted_okta okta;
    okta.okta.expect(method::get, ada_target, okta_answer::error(503, "E0000009", "Service unavailable"));
    const call_result result = okta.pipeline(0).run(get_ada());
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 503);
    BOOST_TEST(result.error().retryable);  // the engine may run it again
    BOOST_TEST(!result.error().outcome_unknown);  // a read changes nothing
    BOOST_TEST(result.error().attempts == 1);
}

BOOST_AUTO_TEST_CASE(an_interim_status_read_as_an_answer_is_a_bad_response) {
    scripted_okta okta;
    okta.okta.expect(method::get, ada_target, canned(100));
    const call_result result = okta.pipeline().run(get_ada());
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().code == "WFN_BAD_RESPONSE");
}

// ---- create: never twice ----------------------------------------------------

BOOST_AUTO_TEST_CASE(a_create_not_sent_at_all_is_sent_again) {
    scripted_okta okta;
    okta.okta.expect(method::post, create_target, not_sent());
    okta.okta.expect(method::post, create_target, okta_answer::user(ada_id, ada, "ACTIVE", epoch_now()))
        .with_body(R"("login":"ada@example.com")");
    const call_result result = create_ada(okta);
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(!result->reconciled);
}

BOOST_AUTO_TEST_CASE(a_lost_create_whose_user_is_found_as_sent_is_reconciled) {
    scripted_okta okta;
    okta.okta.expect(method::post, create_target, answer_lost());
    okta.okta.expect(method::get, ada_search, okta_answer::users({made_now()}));
    const call_result result = create_ada(okta);
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(result->status == 200);
    BOOST_TEST(result->reconciled);
    BOOST_TEST(result->body.at("id").as_string() == ada_id);
}

BOOST_AUTO_TEST_CASE(a_lost_create_whose_login_belongs_to_an_older_user_is_a_duplicate) {
    scripted_okta okta;
    okta.okta.expect(method::post, create_target, answer_lost());
    okta.okta.expect(method::get, ada_search, okta_answer::users({made_long_ago()}));
    const call_result result = create_ada(okta);
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 400);
    BOOST_TEST(result.error().code == "E0000001");
    BOOST_TEST(!result.error().retryable);
}

BOOST_AUTO_TEST_CASE(a_lost_create_whose_login_has_another_profile_is_a_duplicate) {
    scripted_okta okta;
    okta.okta.expect(method::post, create_target, answer_lost());
    okta.okta.expect(method::get, ada_search,
                     okta_answer::users({user_json(ada_id, ada, "ACTIVE", epoch_now(), "Augusta")}));
    const call_result result = create_ada(okta);
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 400);
    BOOST_TEST(result.error().code == "E0000001");
}

BOOST_AUTO_TEST_CASE(a_lost_create_whose_login_nobody_has_is_sent_once_more) {
    scripted_okta okta;
    okta.okta.expect(method::post, create_target, answer_lost());
    okta.okta.expect(method::get, ada_search, okta_answer::users({}));
    okta.okta.expect(method::post, create_target, okta_answer::user(ada_id, ada, "ACTIVE", epoch_now()));
    const call_result result = create_ada(okta);
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(okta.okta.count(method::post, create_target) == 2u);
}

// A first send refused with "login already exists" found the user there
// before this call began: nothing to look up, unless an earlier run of this
// create lost its answer and may have made that user.
BOOST_AUTO_TEST_CASE(a_create_refused_as_a_duplicate_stays_refused) {
    scripted_okta okta;
    okta.okta.expect(method::post, create_target, okta_answer::login_taken());
    const call_result result = create_ada(okta);
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 400);
    BOOST_TEST(result.error().code == "E0000001");
    BOOST_TEST(!result.error().outcome_unknown);
    BOOST_TEST(!result.error().retryable);
}

// A run whose create lost its answer and whose lookup failed too: the client
// remembers the create as unconfirmed.
void leave_an_unconfirmed_create(scripted_okta& okta) {
    okta.okta.expect(method::post, create_target, answer_lost());
    okta.okta.expect(method::get, ada_search, okta_answer::error(503, "E0000009", "Service unavailable"));
    const call_result lost = create_ada(okta, 0);
    BOOST_TEST_REQUIRE(lost.has_error());
    BOOST_TEST_REQUIRE(lost.error().outcome_unknown);
}

BOOST_AUTO_TEST_CASE(a_create_refused_after_an_unconfirmed_run_is_a_duplicate_of_an_older_user) {
    scripted_okta okta;
    leave_an_unconfirmed_create(okta);
    okta.okta.expect(method::post, create_target, okta_answer::login_taken());
    okta.okta.expect(method::get, ada_search, okta_answer::users({made_long_ago()}));
    const call_result result = create_ada(okta, 0);
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().status == 400);
    BOOST_TEST(result.error().code == "E0000001");
    BOOST_TEST(!result.error().outcome_unknown);
}

BOOST_AUTO_TEST_CASE(a_create_refused_after_an_unconfirmed_run_finds_the_user_that_run_made) {
    scripted_okta okta;
    leave_an_unconfirmed_create(okta);
    okta.okta.expect(method::post, create_target, okta_answer::login_taken());
    okta.okta.expect(method::get, ada_search, okta_answer::users({made_now()}));
    const call_result result = create_ada(okta, 0);
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(result->reconciled);
}

// ---- delete, update ---------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_delete_whose_second_delete_loses_its_answer_is_not_resent) {
    scripted_okta okta;
    okta.okta.expect(method::get, ada_target, okta_answer::user(ada_id, ada, "ACTIVE", epoch_now()));
    okta.okta.expect(method::del, ada_target, okta_answer::deleted());
    okta.okta.expect(method::del, ada_target, answer_lost());
    const call_result result = okta.users().delete_user(ada_id, false);
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().outcome_unknown);
    BOOST_TEST(result.error().code == "WFN_CONNECTION_CLOSED");
}

BOOST_AUTO_TEST_CASE(a_delete_answered_200_with_an_empty_list_is_not_a_success) {
    scripted_okta okta;
    okta.okta.expect(method::get, ada_target, okta_answer::user(ada_id, ada, "DEPROVISIONED", epoch_now()));
    okta.okta.expect(method::del, ada_target, canned(200, "[]"));
    const call_result result = okta.users().delete_user(ada_id, false);
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().code == "WFN_BAD_RESPONSE");
    BOOST_TEST(result.error().outcome_unknown);  // the DELETE may have been carried out
}

BOOST_AUTO_TEST_CASE(an_update_by_login_goes_to_the_id_and_so_does_its_resend) {
    scripted_okta okta;
    const boost::json::object rename = boost::json::parse(R"({"profile": {"login": "ada.l@example.com"}})").as_object();
    okta.okta.expect(method::get, "/api/v1/users/ada%40example.com",
                     okta_answer::user(ada_id, ada, "ACTIVE", epoch_now()));
    okta.okta.expect(method::post, ada_target, answer_lost()).with_body("ada.l@example.com");
    okta.okta.expect(method::post, ada_target, okta_answer::user(ada_id, "ada.l@example.com", "ACTIVE", epoch_now()))
        .with_body("ada.l@example.com");
    const call_result result = okta.users().update_user(ada, rename, false);
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(result->body.at("profile").at("login").as_string() == "ada.l@example.com");
}

// ---- listing all pages ------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_listing_whose_next_links_loop_stops_without_a_page_twice) {
    scripted_okta okta;
    okta.okta.expect(method::get, "/api/v1/users",
                     std::move(okta_answer::users({made_now()}).next_link("/api/v1/users?after=B")));
    okta.okta.expect(method::get, "/api/v1/users?after=B",
                     std::move(okta_answer::users({made_long_ago()}).next_link("/api/v1/users")));
    std::vector<std::string> pages;
    const call_result result =
        okta.users().list_all_users({}, [&](const okta::listed_page& page) { pages.emplace_back(page.text); return true; });
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().code == "WFN_BAD_RESPONSE");
    BOOST_TEST_REQUIRE(pages.size() == 2u);
    BOOST_TEST(pages[0] != pages[1]);
}

BOOST_AUTO_TEST_CASE(a_listing_that_never_ends_stops_at_its_page_bound) {
    scripted_okta okta;
    for (int page = 0; page < 4; ++page) {
        const std::string target = page == 0 ? "/api/v1/users" : "/api/v1/users?after=p" + std::to_string(page);
        okta.okta.expect(method::get, target,
                         std::move(okta_answer::users({made_now()})
                                       .next_link("/api/v1/users?after=p" + std::to_string(page + 1))));
    }
    std::size_t pages = 0;
    const call_result result =
        okta.users().list_all_users({}, [&](const okta::listed_page&) { ++pages; return true; }, okta::listing_limits{3, 1u << 20});
    BOOST_TEST_REQUIRE(result.has_error());
    BOOST_TEST(result.error().code == "WFN_RESPONSE_TOO_LARGE");
    BOOST_TEST(pages == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
