// The bytes of a request, built without a stream: framing, and refusing
// anything that would split the message.
#include "transport/request_text.hpp"

#include <boost/test/unit_test.hpp>

namespace transport = okta_plugin::transport;
namespace wire = okta_plugin::wire;

namespace {

wire::request request_of(wire::method verb, std::string target, wire::wiping_string body = {}) {
    wire::request request;
    request.verb = verb;
    request.target = std::move(target);
    request.headers.push_back({"Accept", "application/json"});
    request.body = std::move(body);
    return request;
}

std::string text_of(const wire::request& request) {
    wire::wiping_string text;
    const auto problem = transport::write_request_text(request, "dev-1.okta.com", text);
    BOOST_TEST_REQUIRE(!problem.has_value());
    return std::string(text);
}

std::string problem_of(const wire::request& request) {
    wire::wiping_string text;
    return transport::write_request_text(request, "dev-1.okta.com", text).value_or("(none)");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_text)

BOOST_AUTO_TEST_CASE(a_get_has_no_length_and_no_body) {
    BOOST_TEST(text_of(request_of(wire::method::get, "/api/v1/users/x")) ==
               "GET /api/v1/users/x HTTP/1.1\r\nHost: dev-1.okta.com\r\nAccept: application/json\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(a_delete_without_a_body_has_no_length) {
    BOOST_TEST(text_of(request_of(wire::method::del, "/api/v1/users/x")) ==
               "DELETE /api/v1/users/x HTTP/1.1\r\nHost: dev-1.okta.com\r\nAccept: application/json\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(an_empty_post_is_framed_with_a_zero_length) {
    BOOST_TEST(text_of(request_of(wire::method::post, "/api/v1/users/x/lifecycle/activate")) ==
               "POST /api/v1/users/x/lifecycle/activate HTTP/1.1\r\nHost: dev-1.okta.com\r\n"
               "Accept: application/json\r\nContent-Length: 0\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(a_put_carries_its_body_after_its_length) {
    BOOST_TEST(text_of(request_of(wire::method::put, "/api/v1/users/x", R"({"profile":{"a":"é"}})")) ==
               "PUT /api/v1/users/x HTTP/1.1\r\nHost: dev-1.okta.com\r\nAccept: application/json\r\n"
               "Content-Length: 22\r\n\r\n{\"profile\":{\"a\":\"é\"}}");
}

BOOST_AUTO_TEST_CASE(the_buffer_is_replaced_not_appended_to) {
    wire::wiping_string text = "left over";
    BOOST_TEST(!transport::write_request_text(request_of(wire::method::get, "/a"), "h", text).has_value());
    BOOST_TEST(text.rfind("GET /a HTTP/1.1\r\n", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(a_line_break_or_nul_in_a_value_is_refused_without_echoing_it) {
    using namespace std::string_literals;
    for (const std::string& value : {"SSWS abc\r\nX-Injected: 1"s, "SSWS abc\n"s, "SSWS a\0b"s}) {
        auto request = request_of(wire::method::get, "/api/v1/users");
        request.headers.push_back({"Authorization", wire::wiping_string(value.data(), value.size())});
        const std::string problem = problem_of(request);
        BOOST_TEST(problem.find("Authorization header") != std::string::npos, problem);
        BOOST_TEST(problem.find("SSWS") == std::string::npos, problem);
    }
}

BOOST_AUTO_TEST_CASE(a_name_that_is_not_a_token_is_refused) {
    for (const char* name : {"", "Bad Name", "X:Y", "X\r\nY"}) {
        auto request = request_of(wire::method::get, "/api/v1/users");
        request.headers.push_back({name, "v"});
        BOOST_TEST(problem_of(request).find("not a valid HTTP field name") != std::string::npos, name);
    }
}

BOOST_AUTO_TEST_CASE(host_and_length_are_the_transports_own) {
    for (const char* name : {"Host", "content-length"}) {
        auto request = request_of(wire::method::get, "/api/v1/users");
        request.headers.push_back({name, "1"});
        BOOST_TEST(problem_of(request).find("which the transport writes itself") != std::string::npos, name);
    }
}

BOOST_AUTO_TEST_CASE(a_target_with_a_space_or_line_break_is_refused) {
    for (const char* target : {"", "/api/v1/users?q=a b", "/api/v1/users\r\nX: 1"}) {
        BOOST_TEST(problem_of(request_of(wire::method::get, target)).find("request target") != std::string::npos,
                   target);
    }
}

BOOST_AUTO_TEST_SUITE_END()
