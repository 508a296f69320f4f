// ABI 1.1 through plugin_host: items streamed one at a time, progress,
// structured log records; and what a 1.0 plugin in this 1.1 host still
// does (its list whole in the output, its lines as records without fields).
#define BOOST_TEST_MODULE sdk.host_streaming
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <stdexcept>
#include <string>
#include <vector>

using wfn::test::contains;
using wfn::test::message_of;
using wfn::test::params;
using wfn::test::status_of;

namespace {

struct recorded {
    std::vector<std::int64_t> indexes;
    std::vector<std::string> members;
    std::vector<std::string> progress;
    std::vector<std::string> records;
    std::vector<std::string> lines;
};

// run_options that record every item, progress report and log record.
wfn::host::run_options recording(recorded& seen, bool structured = true) {
    wfn::host::run_options options;
    options.on_item = [&seen](std::string_view member, const boost::json::object& item) {
        seen.members.emplace_back(member);
        seen.indexes.push_back(item.at("Index").as_int64());
    };
    options.on_progress = [&seen](const wfn::host::progress_report& report) {
        seen.progress.push_back(std::to_string(report.done) + "/" +
                                (report.total ? std::to_string(*report.total) : std::string("?")) + " " +
                                std::string(report.status));
    };
    if (structured) {
        options.on_log_record = [&seen](const wfn::host::log_record& record) {
            std::string text(record.message);
            for (const auto& field : record.fields) {
                text += " " + std::string(field.key) + "=" + std::string(field.value);
            }
            seen.records.push_back(text);
        };
    }
    options.log = [&seen](wfn::log_level, std::string_view line) { seen.lines.emplace_back(line); };
    return options;
}

boost::json::object run(std::string_view node, const std::string& params_json, const wfn::host::run_options& options) {
    return wfn::test::mixed_host().run(node, params_json, "", options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(streaming)

BOOST_AUTO_TEST_CASE(each_item_reaches_the_callback_in_order_and_the_output_leaves_the_list_out) {
    recorded seen;
    const auto output = run("test.items", params().with("Count", 5).with("PageSize", 2).text(), recording(seen));
    BOOST_TEST(status_of(output) == 200);
    BOOST_TEST(!output.contains("Items"));
    BOOST_TEST(output.at("Complete").as_bool());
    BOOST_TEST(seen.indexes == (std::vector<std::int64_t>{0, 1, 2, 3, 4}), boost::test_tools::per_element());
    BOOST_TEST(seen.members == std::vector<std::string>(5, "Items"), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(without_a_callback_the_node_puts_the_whole_list_in_its_output) {
    recorded seen;
    wfn::host::run_options options = recording(seen);
    options.on_item = nullptr;
    const auto output = run("test.items", params().with("Count", 3).text(), options);
    BOOST_TEST(status_of(output) == 200);
    BOOST_TEST(output.at("Items").as_array().size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_sink_takes_the_items_like_the_callback) {
    struct counting_sink : wfn::host::item_sink {
        void take(std::string_view member, const boost::json::object& item) override {
            BOOST_TEST(member == "Items");
            last = item.at("Index").as_int64();
            ++count;
        }
        int count = 0;
        std::int64_t last = -1;
    } sink;
    const auto output =
        wfn::test::mixed_host().run_streaming("test.items", params().with("Count", 7).with("PageSize", 3).text(), "", sink);
    BOOST_TEST(status_of(output) == 200);
    BOOST_TEST(sink.count == 7);
    BOOST_TEST(sink.last == 6);
    BOOST_TEST(!output.contains("Items"));
}

BOOST_AUTO_TEST_CASE(a_list_that_stops_midway_keeps_the_items_streamed_so_far) {
    recorded seen;
    const auto output =
        run("test.items", params().with("Count", 10).with("PageSize", 2).with("FailAfter", 4).text(), recording(seen));
    BOOST_TEST(status_of(output) == 503);
    BOOST_TEST(!output.at("Complete").as_bool());
    BOOST_TEST(seen.indexes.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_consumer_that_throws_stops_the_node_and_the_call_answers_500) {
    int taken = 0;
    wfn::host::run_options options;
    options.on_item = [&taken](std::string_view, const boost::json::object&) {
        if (++taken == 3) {
            throw std::runtime_error("disk full");
        }
    };
    const auto output = run("test.items", params().with("Count", 100).with("PageSize", 2).text(), options);
    BOOST_TEST(status_of(output) == 500);
    BOOST_TEST(contains(message_of(output), "could not take"));
    BOOST_TEST(contains(message_of(output), "disk full"));
    BOOST_TEST(taken == 3);  // the page in hand is given up, and no page after it is read
}

BOOST_AUTO_TEST_CASE(run_text_streams_too) {
    int taken = 0;
    wfn::host::run_options options;
    options.on_item = [&taken](std::string_view, const boost::json::object&) { ++taken; };
    const std::string text = wfn::test::mixed_host().run_text("test.items", params().with("Count", 4).text(), "", options);
    BOOST_TEST(taken == 4);
    BOOST_TEST(!contains(text, "\"Items\""));
    BOOST_TEST(contains(text, "\"StatusCode\":200"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(progress_and_records)

BOOST_AUTO_TEST_CASE(progress_reports_arrive_with_the_total_and_status) {
    recorded seen;
    run("test.items", params().with("Count", 3).with("PageSize", 2).text(), recording(seen));
    BOOST_TEST(seen.progress == (std::vector<std::string>{"2/3 listing", "3/3 "}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(records_carry_their_fields_and_go_to_on_log_record_only) {
    recorded seen;
    run("test.items", params().with("Count", 2).with("PageSize", 2).text(), recording(seen));
    BOOST_TEST(seen.records == (std::vector<std::string>{"test.items: listed a page node=test.items done=2"}),
               boost::test_tools::per_element());
    BOOST_TEST(seen.lines.empty());
}

BOOST_AUTO_TEST_CASE(without_on_log_record_a_record_is_a_line_with_its_fields) {
    recorded seen;
    run("test.items", params().with("Count", 2).with("PageSize", 2).text(), recording(seen, false));
    BOOST_TEST(seen.lines == (std::vector<std::string>{"test.items: listed a page (node=test.items, done=2)"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(records_below_the_level_are_not_delivered) {
    recorded seen;
    wfn::host::run_options options = recording(seen);
    options.log_level = wfn::log_level::warn;
    run("test.items", params().with("Count", 2).text(), options);
    BOOST_TEST(seen.records.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(a_1_0_plugin_in_this_host)

BOOST_AUTO_TEST_CASE(its_list_stays_whole_in_the_output_and_its_lines_become_records) {
    recorded seen;
    const auto output = run("raw.list", "{}", recording(seen));
    BOOST_TEST(status_of(output) == 200);
    BOOST_TEST(output.at("Items").as_array().size() == 2u);
    BOOST_TEST(seen.indexes.empty());
    BOOST_TEST(seen.progress.empty());
    BOOST_TEST(seen.records == (std::vector<std::string>{"raw.list: a 1.0 log line"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
