// plugin_host::run_text: the output as the plugin wrote it, checked for the
// envelope without a DOM, and mended (as run() mends it) when it breaks it.
#define BOOST_TEST_MODULE sdk.host_run_text
#include <boost/test/unit_test.hpp>

#include "../common/envelope_scan.hpp"
#include "test_support.hpp"

#include <boost/json/parse.hpp>

#include <string>

using wfn::detail::keeps_envelope;
using wfn::test::contains;
using wfn::test::message_of;
using wfn::test::params;
using wfn::test::status_of;

namespace {

std::string run_text(std::string_view node, const std::string& params_json = "{}") {
    return wfn::test::mixed_host().run_text(node, params_json, "");
}

boost::json::object run(std::string_view node, const std::string& params_json = "{}") {
    return wfn::test::mixed_host().run(node, params_json, "");
}

boost::json::object parsed(const std::string& text) { return boost::json::parse(text).as_object(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(raw_output)

BOOST_AUTO_TEST_CASE(the_plugins_own_text_comes_back_byte_for_byte) {
    // raw.twice's last set_result, exactly as the C plugin wrote it.
    BOOST_TEST(run_text("raw.twice") == R"({"StatusCode":200,"ErrorMessage":"","Which":"second"})");
}

BOOST_AUTO_TEST_CASE(the_text_holds_what_run_returns) {
    const std::string params_json = params().with("Message", "hello").text();
    const std::string text = run_text("test.echo", params_json);
    BOOST_TEST(parsed(text) == run("test.echo", params_json));
    BOOST_TEST(status_of(parsed(text)) == 200);
}

BOOST_AUTO_TEST_CASE(an_output_without_status_code_is_mended_as_run_mends_it) {
    const auto output = parsed(run_text("raw.no_status_code"));
    BOOST_TEST(output == run("raw.no_status_code"));
    BOOST_TEST(status_of(output) == 500);
    BOOST_TEST(output.at("Hello") == "world");  // the payload is kept
}

BOOST_AUTO_TEST_CASE(failures_at_the_boundary_are_the_hosts_own_output) {
    BOOST_TEST(status_of(parsed(run_text("raw.not_json"))) == 500);
    BOOST_TEST(status_of(parsed(run_text("raw.not_object"))) == 500);
    BOOST_TEST(status_of(parsed(run_text("raw.no_result"))) == 500);
    BOOST_TEST(status_of(parsed(run_text("raw.fail_status"))) == 500);
    const auto unknown = parsed(run_text("no.such.node"));
    BOOST_TEST(status_of(unknown) == -1);
    BOOST_TEST(contains(message_of(unknown), "no.such.node"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(envelope_check)

BOOST_AUTO_TEST_CASE(an_object_with_an_integer_status_and_a_string_message_keeps_it) {
    BOOST_TEST(keeps_envelope(R"({"StatusCode":200,"ErrorMessage":""})"));
    BOOST_TEST(keeps_envelope(R"( {"Users":[{"StatusCode":"x"}], "ErrorMessage":"", "StatusCode":-1} )"));
}

BOOST_AUTO_TEST_CASE(anything_else_does_not) {
    BOOST_TEST(!keeps_envelope(R"({"StatusCode":"200","ErrorMessage":""})"));  // not an integer
    BOOST_TEST(!keeps_envelope(R"({"StatusCode":200.5,"ErrorMessage":""})"));
    BOOST_TEST(!keeps_envelope(R"({"StatusCode":200,"ErrorMessage":null})"));
    BOOST_TEST(!keeps_envelope(R"({"StatusCode":200})"));
    // Only top-level members count, not ones nested in the payload.
    BOOST_TEST(!keeps_envelope(R"({"User":{"StatusCode":200,"ErrorMessage":""}})"));
    BOOST_TEST(!keeps_envelope(R"({"StatusCode":{"a":1},"ErrorMessage":""})"));
    BOOST_TEST(!keeps_envelope(R"([{"StatusCode":200,"ErrorMessage":""}])"));
    BOOST_TEST(!keeps_envelope(R"({"StatusCode":200,"ErrorMessage":""} trailing)"));
    BOOST_TEST(!keeps_envelope(R"({"StatusCode":200,"ErrorMessage":"")"));  // cut short
    BOOST_TEST(!keeps_envelope(R"({"StatusCodeAndMoreThanSixteen":200,"ErrorMessage":""})"));
    BOOST_TEST(!keeps_envelope(""));
}

BOOST_AUTO_TEST_SUITE_END()
