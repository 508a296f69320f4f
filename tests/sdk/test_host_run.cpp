// plugin_host::run: outputs, failures stopped at the boundary, bad input,
// deadlines, cancellation and logging.
#define BOOST_TEST_MODULE sdk.host_run
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using wfn::test::contains;
using wfn::test::message_of;
using wfn::test::params;
using wfn::test::status_of;

namespace {

boost::json::object run(std::string_view node, const std::string& params_json, const wfn::host::run_options& options = {}) {
    return wfn::test::mixed_host().run(node, params_json, "", options);
}

wfn::host::run_options with_timeout(std::chrono::milliseconds timeout) {
    wfn::host::run_options options;
    options.timeout = timeout;
    return options;
}

template <class F>
std::chrono::milliseconds time_of(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outputs)

BOOST_AUTO_TEST_CASE(a_node_answers_with_its_output) {
    const auto output = run("test.echo", params().with("Message", "hello").text());
    BOOST_TEST(status_of(output) == 200);
    BOOST_TEST(message_of(output) == "");
    BOOST_TEST(output.at("Params").at("Message").as_string() == "hello");
    BOOST_TEST(output.at("HasCredentials").as_bool() == false);
}

BOOST_AUTO_TEST_CASE(credentials_reach_the_node) {
    const auto output = wfn::test::mixed_host().run("test.echo", "{}", R"({"Token":"t"})");
    BOOST_TEST(output.at("HasCredentials").as_bool() == true);
}

BOOST_AUTO_TEST_CASE(an_unknown_node_is_status_minus_one_naming_it) {
    const auto output = run("test.nope", "{}");
    BOOST_TEST(status_of(output) == -1);
    BOOST_TEST(contains(message_of(output), "Unknown node test.nope"));
}

BOOST_AUTO_TEST_CASE(a_later_set_result_replaces_an_earlier_one) {
    const auto output = run("raw.twice", "{}");
    BOOST_TEST(status_of(output) == 200);
    BOOST_TEST(output.at("Which").as_string() == "second");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(failures_at_the_boundary)

BOOST_AUTO_TEST_CASE(a_std_exception_becomes_status_500_with_its_message) {
    const auto output = run("test.throw_std", "{}");
    BOOST_TEST(status_of(output) == 500);
    BOOST_TEST(contains(message_of(output), "boom from test.throw_std"));
    BOOST_TEST(output.at("Retryable") == false);  // a defect: an engine must not loop on it
}

BOOST_AUTO_TEST_CASE(a_thrown_int_becomes_status_500) {
    const auto output = run("test.throw_int", "{}");
    BOOST_TEST(status_of(output) == 500);
    BOOST_TEST(contains(message_of(output), "non-standard exception"));
}

BOOST_AUTO_TEST_CASE(execute_without_set_result_is_status_500) {
    const auto output = run("raw.no_result", "{}");
    BOOST_TEST(status_of(output) == 500);
    BOOST_TEST(contains(message_of(output), "Node raw.no_result returned WFN_STATUS_OK without an output"));
}

BOOST_AUTO_TEST_CASE(a_failure_status_is_status_500_even_with_an_output) {
    const auto output = run("raw.fail_status", "{}");
    BOOST_TEST(status_of(output) == 500);
    BOOST_TEST(contains(message_of(output), "execute() returned WFN_STATUS_INTERNAL_ERROR"));
}

BOOST_AUTO_TEST_CASE(output_that_is_not_json_is_status_500) {
    const auto output = run("raw.not_json", "{}");
    BOOST_TEST(status_of(output) == 500);
    BOOST_TEST(contains(message_of(output), "produced an output that is not JSON"));
}

BOOST_AUTO_TEST_CASE(output_that_is_not_an_object_is_status_500) {
    const auto output = run("raw.not_object", "{}");
    BOOST_TEST(status_of(output) == 500);
    BOOST_TEST(contains(message_of(output), "not a JSON object"));
}

BOOST_AUTO_TEST_CASE(output_without_status_code_is_500_and_keeps_its_payload) {
    const auto output = run("raw.no_status_code", "{}");
    BOOST_TEST(status_of(output) == 500);
    BOOST_TEST(contains(message_of(output), "without an integer StatusCode"));
    BOOST_TEST(output.at("Hello").as_string() == "world");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bad_parameters)

BOOST_AUTO_TEST_CASE(invalid_json_is_status_minus_one) {
    const auto output = run("test.echo", R"({"Message": )");
    BOOST_TEST(status_of(output) == -1);
    BOOST_TEST(contains(message_of(output), "Parameters are not valid JSON"));
    BOOST_TEST(output.at("Retryable") == false);  // the same input would fail the same way
}

// Every host, not only wfn-host, gets the position: the plugin reads the text
// with the host's JSON reader.
BOOST_AUTO_TEST_CASE(parameters_that_are_not_json_say_where_they_break) {
    const auto output = run("test.echo", "{\"Message\": \"hi\",\n \"Count\" 2}");
    BOOST_TEST(status_of(output) == -1);
    BOOST_TEST(message_of(output) == "Parameters are not valid JSON (line 2, column 10: syntax error).");
}

BOOST_AUTO_TEST_CASE(credentials_that_are_not_json_say_where_they_break) {
    const auto output = wfn::test::mixed_host().run("test.echo", "{}", "{\"Token\": 'secret'}");
    BOOST_TEST(status_of(output) == -1);
    BOOST_TEST(message_of(output) == "Credentials are not valid JSON (line 1, column 11: syntax error).");
}

BOOST_AUTO_TEST_CASE(empty_parameters_are_status_minus_one) {
    const auto output = run("test.echo", "");
    BOOST_TEST(status_of(output) == -1);
    BOOST_TEST(contains(message_of(output), "Parameters are empty"));
}

BOOST_AUTO_TEST_CASE(parameters_that_are_not_an_object_are_status_minus_one) {
    const auto output = run("test.echo", "[1,2]");
    BOOST_TEST(status_of(output) == -1);
    BOOST_TEST(contains(message_of(output), "must be a JSON object"));
}

BOOST_AUTO_TEST_CASE(ten_megabytes_of_parameters_are_status_minus_one) {
    const std::string huge = params().with("Message", boost::json::string(10 * 1024 * 1024, 'x')).text();
    const auto output = run("test.echo", huge);
    BOOST_TEST(status_of(output) == -1);
    // The manifest caps Message, so the host refuses it before the plugin sees it.
    BOOST_TEST(message_of(output) == "Parameter Message: must be at most 100 characters long, is 10485760 (maxLength).");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(deadlines_and_cancellation)

BOOST_AUTO_TEST_CASE(a_node_watching_its_deadline_stops_there) {
    boost::json::object output;
    const auto took = time_of([&] { output = run("test.slow", params().with("Ms", 10000).text(), with_timeout(100ms)); });
    BOOST_TEST(status_of(output) == 504);
    BOOST_TEST(contains(message_of(output), "deadline of 100 ms"));
    BOOST_TEST(took < 5000ms);
}

BOOST_AUTO_TEST_CASE(the_host_cancels_a_node_that_ignores_its_deadline) {
    boost::json::object output;
    const auto took = time_of([&] {
        output = run("test.slow", params().with("Ms", 10000).with("Watch", "cancel-only").text(), with_timeout(100ms));
    });
    BOOST_TEST(status_of(output) == 499);
    BOOST_TEST(took >= 100ms);
    BOOST_TEST(took < 5000ms);
}

// A timeout too large for the clock must mean "a long time", not wrap into
// the past and cancel the call before it starts.
BOOST_AUTO_TEST_CASE(a_timeout_too_large_for_the_clock_does_not_cancel_the_call) {
    const auto output = run("test.slow", params().with("Ms", 20).text(), with_timeout(std::chrono::milliseconds::max()));
    BOOST_TEST(status_of(output) == 200, message_of(output));
    const auto huge = run("test.slow", params().with("Ms", 20).text(), with_timeout(10'000'000'000'000ms));
    BOOST_TEST(status_of(huge) == 200, message_of(huge));
}

BOOST_AUTO_TEST_CASE(the_callers_cancellation_reaches_the_node) {
    std::atomic<bool> cancel{false};
    wfn::host::run_options options = with_timeout(0ms);
    options.is_cancelled = [&] { return cancel.load(); };
    std::jthread canceller([&] {
        std::this_thread::sleep_for(50ms);
        cancel = true;
    });
    const auto output = run("test.slow", params().with("Ms", 10000).text(), options);
    BOOST_TEST(status_of(output) == 499);
    BOOST_TEST(contains(message_of(output), "cancelled"));
}

BOOST_AUTO_TEST_CASE(a_throwing_cancellation_check_counts_as_cancelled) {
    wfn::host::run_options options = with_timeout(0ms);
    options.is_cancelled = []() -> bool { throw std::runtime_error("broken check"); };
    const auto output = run("test.slow", params().with("Ms", 10000).text(), options);
    BOOST_TEST(status_of(output) == 499);
}

BOOST_AUTO_TEST_CASE(no_deadline_lets_the_node_finish) {
    const auto output = run("test.slow", params().with("Ms", 30).text(), with_timeout(0ms));
    BOOST_TEST(status_of(output) == 200);
    BOOST_TEST(output.at("SleptMs").as_int64() == 30);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(logging)

BOOST_AUTO_TEST_CASE(only_lines_at_the_requested_level_and_above_arrive) {
    std::vector<std::pair<wfn::log_level, std::string>> lines;
    wfn::host::run_options options;
    options.log_level = wfn::log_level::warn;
    options.log = [&](wfn::log_level level, std::string_view message) { lines.emplace_back(level, message); };
    BOOST_TEST(status_of(run("test.log", "{}", options)) == 200);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST((lines[0].first == wfn::log_level::warn));
    BOOST_TEST(lines[0].second == "warn line");
    BOOST_TEST((lines[1].first == wfn::log_level::error));
    BOOST_TEST(lines[1].second == "error line");
}

BOOST_AUTO_TEST_CASE(trace_level_receives_every_line) {
    std::vector<std::string> lines;
    wfn::host::run_options options;
    options.log_level = wfn::log_level::trace;
    options.log = [&](wfn::log_level, std::string_view message) { lines.emplace_back(message); };
    run("test.log", "{}", options);
    BOOST_TEST(lines == (std::vector<std::string>{"trace line", "debug line", "info line", "warn line", "error line"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_throwing_log_sink_does_not_fail_the_call) {
    wfn::host::run_options options;
    options.log_level = wfn::log_level::trace;
    options.log = [](wfn::log_level, std::string_view) { throw std::runtime_error("sink is full"); };
    BOOST_TEST(status_of(run("test.log", "{}", options)) == 200);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(manifest_enforcement)

BOOST_AUTO_TEST_CASE(a_parameter_of_the_wrong_type_names_the_field_and_the_rule) {
    const auto output = run("test.echo", params().with("Message", 7).text());
    BOOST_TEST(status_of(output) == -1);
    BOOST_TEST(message_of(output) == "Parameter Message: expected string, got integer (type).");
}

BOOST_AUTO_TEST_SUITE_END()
