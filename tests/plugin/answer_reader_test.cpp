// Okta's answers, read without any I/O: errors, shapes, next links, redirects.
#include "okta/protocol/answer_reader.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

using namespace okta_plugin::okta;
namespace wire = okta_plugin::wire;

namespace {

const org_address org = parse_org_domain("https://dev-1.okta.com");

// An answer from Okta, built up one part at a time.
struct reply {
    wire::response response;

    explicit reply(int status, std::string body = {}) {
        response.status = status;
        response.body = std::move(body);
        response.headers.push_back({"X-Okta-Request-Id", wire::wiping_string("req-42")});
    }
    reply& link(std::string_view value) {
        response.headers.push_back({"Link", wire::wiping_string(value)});
        return *this;
    }
    call_result read(expected_body expected) const { return read_answer(org, response, expected); }
};

// The failure of a result expected to fail; a success fails the test here.
call_failure failure_of(const call_result& result) {
    BOOST_TEST_REQUIRE(result.has_error());
    return result.error();
}

// The answer of a result expected to succeed.
answer answer_of(const call_result& result) {
    BOOST_TEST_REQUIRE(result.has_value());
    return *result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(answer_reader)

BOOST_AUTO_TEST_CASE(a_user) {
    const auto user = answer_of(reply(200, R"({"id": "00u1", "status": "ACTIVE"})").read(expected_body::object));
    BOOST_TEST(user.request_id == "req-42");
    BOOST_TEST(user.body.at("id").as_string() == "00u1");
}

BOOST_AUTO_TEST_CASE(an_okta_error_keeps_its_status_code_and_causes) {
    const auto refusal = failure_of(reply(400, R"({"errorCode": "E0000001", "errorSummary": "Api validation failed: login",
        "errorCauses": [{"errorSummary": "login: already exists"}]})").read(expected_body::object));
    BOOST_TEST(refusal.status == 400);
    BOOST_TEST(refusal.code == "E0000001");
    BOOST_TEST(refusal.message == "Api validation failed: login (login: already exists)");
    BOOST_TEST(refusal.request_id == "req-42");
}

BOOST_AUTO_TEST_CASE(an_error_page_that_is_not_okta_json) {
    const auto refusal = failure_of(reply(502, "<html>Bad Gateway</html>").read(expected_body::object));
    BOOST_TEST(refusal.status == 502);
    BOOST_TEST(refusal.code == "");
    BOOST_TEST(refusal.message == "Okta at https://dev-1.okta.com answered 502 without an Okta error body.");
}

BOOST_AUTO_TEST_CASE(a_redirect_is_refused) {
    const auto refusal = failure_of(reply(302).read(expected_body::object));
    BOOST_TEST(refusal.status == 500);
    BOOST_TEST(refusal.code == "WFN_REDIRECT_REFUSED");
    BOOST_TEST(refusal.request_id == "req-42");
}

BOOST_AUTO_TEST_CASE(success_bodies_of_the_wrong_kind) {
    BOOST_TEST(failure_of(reply(200, "{not json").read(expected_body::object)).code == "WFN_BAD_RESPONSE");
    BOOST_TEST(failure_of(reply(200, "[]").read(expected_body::object)).code == "WFN_BAD_RESPONSE");
    BOOST_TEST(failure_of(reply(200, "{}").read(expected_body::object_list)).code == "WFN_BAD_RESPONSE");
    BOOST_TEST(failure_of(reply(200, "").read(expected_body::object)).code == "WFN_BAD_RESPONSE");
}

BOOST_AUTO_TEST_CASE(a_204_needs_no_body) {
    const auto done = answer_of(reply(204).read(expected_body::nothing));
    BOOST_TEST(done.status == 204);
    BOOST_TEST(done.body.is_null());
}

// Okta answers a DELETE with an empty 204, and only that proves the delete
// was done: any other 2xx, even one carrying valid JSON, is not reported as one.
BOOST_AUTO_TEST_CASE(where_no_body_is_due_only_an_empty_204_will_do) {
    BOOST_TEST(failure_of(reply(200, "{}").read(expected_body::nothing)).code == "WFN_BAD_RESPONSE");
    BOOST_TEST(failure_of(reply(200, "[]").read(expected_body::nothing)).code == "WFN_BAD_RESPONSE");
    BOOST_TEST(failure_of(reply(204, "{}").read(expected_body::nothing)).code == "WFN_BAD_RESPONSE");
    BOOST_TEST(failure_of(reply(200, "{\"id\":\"x").read(expected_body::nothing)).code == "WFN_BAD_RESPONSE");
}

BOOST_AUTO_TEST_CASE(a_list_page_with_its_next_page) {
    const auto result = reply(200, "[]")
                            .link(R"(<https://dev-1.okta.com/api/v1/users?after=000self&limit=2>; rel="self")")
                            .link(R"(<https://dev-1.okta.com/api/v1/users?after=00u%2B9&limit=2>; rel="next")")
                            .read(expected_body::object_list);
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(result->next_page == "/api/v1/users?after=00u%2B9&limit=2");
    BOOST_TEST(result->next_cursor == "00u+9");
}

BOOST_AUTO_TEST_CASE(the_last_page_has_no_next) {
    const auto result = reply(200, "[]")
                            .link(R"(<https://dev-1.okta.com/api/v1/users?after=000self&limit=2>; rel="self")")
                            .read(expected_body::object_list);
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(result->next_page.empty());
    BOOST_TEST(result->next_cursor.empty());
}

BOOST_AUTO_TEST_CASE(a_next_link_to_another_origin_is_refused) {
    for (std::string_view elsewhere : {"https://evil.example/api/v1/users?after=x",
                                       "http://dev-1.okta.com/api/v1/users?after=x",
                                       "https://dev-1.okta.com:8443/api/v1/users?after=x",
                                       "https://dev-1.okta.com.evil.example/api/v1/users?after=x"}) {
        BOOST_TEST_CONTEXT(elsewhere) {
            const auto result =
                reply(200, "[]").link("<" + std::string(elsewhere) + ">; rel=\"next\"").read(expected_body::object_list);
            // A failure carries no next page at all, so nothing can follow it.
            BOOST_TEST_REQUIRE(result.has_error());
            BOOST_TEST(result.error().status == 500);
            BOOST_TEST(result.error().code == "WFN_FOREIGN_LINK");
        }
    }
}

// A ReturnAll page is checked as text and never becomes a DOM: it must still
// be exactly what a DOM read accepts, since its text goes into the output.
BOOST_AUTO_TEST_CASE(a_page_read_as_text_is_counted_and_keeps_no_dom) {
    const auto result = reply(200, R"( [{"id":"00u1","profile":{"tags":[1,{"a":null}]}}, {"id":"00u2"}] )")
                            .link(R"(<https://dev-1.okta.com/api/v1/users?after=00u2&limit=2>; rel="next")")
                            .read(expected_body::object_page);
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(result->page_users == 2u);
    BOOST_TEST(result->body.is_null());
    BOOST_TEST(result->next_page == "/api/v1/users?after=00u2&limit=2");
    BOOST_TEST(answer_of(reply(200, "[]").read(expected_body::object_page)).page_users == 0u);
}

BOOST_AUTO_TEST_CASE(a_page_read_as_text_is_refused_as_a_dom_read_would_be) {
    for (std::string_view body : {"", "  ", "{}", "null", "[{}, 1]", "[{}, []]", "[{}, \"x\"]", "[{}", "[{}] []", "[{},]",
                                  "{\"a\":[{}]}"}) {
        BOOST_TEST_CONTEXT(body) {
            const auto as_text = failure_of(reply(200, std::string(body)).read(expected_body::object_page));
            const auto as_dom = failure_of(reply(200, std::string(body)).read(expected_body::object_list));
            BOOST_TEST(as_text.code == "WFN_BAD_RESPONSE");
            BOOST_TEST(as_text.message == as_dom.message);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_next_link_off_the_users_path_is_refused) {
    const auto result = reply(200, "[]")
                            .link(R"(<https://dev-1.okta.com/api/v1/groups?after=x>; rel="next")")
                            .read(expected_body::object_list);
    BOOST_TEST(failure_of(result).code == "WFN_BAD_RESPONSE");
}

BOOST_AUTO_TEST_SUITE_END()
