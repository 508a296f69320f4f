// A forEach over the previous step's list takes the items as the list hands
// them over, with a scripted paging node: what ran before which page was
// served is read from one ordered event log, never from timing.
#define BOOST_TEST_MODULE sdk.workflow_streaming
#include <boost/test/unit_test.hpp>

#include "workflow/stream_plan.hpp"
#include "workflow/workflow_definition.hpp"
#include "workflow/workflow_runner.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

using namespace wfn::cli;
using boost::json::parse;

namespace {

workflow_definition workflow_from(std::string_view json) { return parse_workflow(parse(json)); }

// Step "list" pages through Pages x PageSize users {"id": "u<n>"}, handing
// each page to the item handler when there is one, else returning them all
// in Users. Step "each" (or any other) echoes its params. Every page served
// and every item call is logged in order.
struct paging_nodes {
    std::size_t pages = 10;
    std::size_t page_size = 20;
    std::size_t fail_after_pages = 0;      // 0: the list ends well; else a 503 after that many pages
    std::string failing_id;                // an item call with this Id answers 400
    std::mutex mutex;
    std::vector<std::string> events;       // "page <p>" | "item <id>"
    std::size_t listed = 0;                // items handed over so far
    std::size_t items_started = 0;
    std::size_t most_ahead = 0;            // the list's largest lead over the item calls
    std::atomic<int> inside{0};
    std::atomic<int> most_inside{0};
    bool saw_handler = false;

    void log(std::string event) {
        const std::lock_guard lock(mutex);
        events.push_back(std::move(event));
    }

    boost::json::object list(const list_item_handler& on_item) {
        saw_handler = static_cast<bool>(on_item);
        boost::json::array all;
        for (std::size_t p = 0; p < pages; ++p) {
            if (fail_after_pages != 0 && p == fail_after_pages) {
                boost::json::object output{{"StatusCode", 503}, {"ErrorMessage", "failed midway"}};
                output["NextCursor"] = "u" + std::to_string(p * page_size - 1);
                output["Complete"] = false;
                if (!on_item) {
                    output["Users"] = std::move(all);
                }
                return output;
            }
            log("page " + std::to_string(p));
            // Like the host, the page's items live in page memory that is
            // overwritten once the page is handed over: a consumer must copy.
            std::vector<unsigned char> page_memory(64 * 1024);
            boost::json::monotonic_resource page_resource(page_memory.data(), page_memory.size());
            const boost::json::storage_ptr page_storage(&page_resource);
            for (std::size_t i = 0; i < page_size; ++i) {
                boost::json::object user(page_storage);
                user["id"] = "u" + std::to_string(p * page_size + i);
                if (on_item) {
                    {
                        const std::lock_guard lock(mutex);
                        ++listed;
                        most_ahead = std::max(most_ahead, listed - items_started);
                    }
                    on_item("Users", user);
                } else {
                    all.push_back(std::move(user));
                }
            }
            std::fill(page_memory.begin(), page_memory.end(), 0xff);
        }
        boost::json::object output{{"StatusCode", 200}, {"ErrorMessage", ""}, {"Complete", true}};
        if (!on_item) {
            output["Users"] = std::move(all);
        }
        return output;
    }

    boost::json::object item(const boost::json::object& params) {
        const std::string id(params.at("Id").as_string());
        {
            const std::lock_guard lock(mutex);
            ++items_started;
            events.push_back("item " + id);
        }
        const int now = ++inside;
        for (int seen = most_inside; now > seen && !most_inside.compare_exchange_weak(seen, now);) {
        }
        --inside;
        return {{"StatusCode", id == failing_id ? 400 : 200}, {"ErrorMessage", ""}, {"Seen", id}};
    }

    step_node_runner runner() {
        return [this](const workflow_step& step, const boost::json::object& params, const list_item_handler& on_item) {
            return step.name == "list" ? list(on_item) : item(params);
        };
    }

    std::size_t position(const std::string& event) const {
        return static_cast<std::size_t>(std::find(events.begin(), events.end(), event) - events.begin());
    }
};

std::string sync_workflow(std::string_view each_extra = "", std::string_view tail = "") {
    return std::string(R"({"name":"sync","steps":[{"name":"list","node":"okta.user.list","params":{"ReturnAll":true}},)"
                       R"({"name":"each","node":"okta.user.get","forEach":"{{ steps.list.Users }}","params":{"Id":"{{ item.id }}"})") +
           std::string(each_extra) + "}" + std::string(tail) + "]}";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan)

BOOST_AUTO_TEST_CASE(a_for_each_over_the_previous_steps_list_streams_it) {
    BOOST_TEST(streamed_member(workflow_from(sync_workflow()), 0).value_or("(none)") == "Users");
}

BOOST_AUTO_TEST_CASE(nothing_streams_when_the_list_is_read_again_or_stream_is_false) {
    BOOST_TEST(!streamed_member(workflow_from(sync_workflow(R"(,"stream":false)")), 0));
    BOOST_TEST(!streamed_member(
        workflow_from(sync_workflow("", R"(,{"name":"again","node":"n","params":{"First":"{{ steps.list.Users.0.id }}"}})")),
        0));
    BOOST_TEST(!streamed_member(workflow_from(sync_workflow(R"(,"params":{"Seen":"{{ steps.list.Complete }}"})")), 0));
    BOOST_TEST(!streamed_member(workflow_from(R"({"name":"w","steps":[{"name":"list","node":"n"},
        {"name":"each","node":"n","forEach":"{{ steps.list.Users.0.groups }}"}]})"), 0));
    // Later steps may still read the rest of the list step's output.
    BOOST_TEST(streamed_member(
                   workflow_from(sync_workflow("", R"(,{"name":"after","node":"n","params":{"C":"{{ steps.list.NextCursor }}"}})")),
                   0)
                   .value_or("(none)") == "Users");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(running)

BOOST_AUTO_TEST_CASE(items_run_before_the_lists_last_page_is_served) {
    paging_nodes nodes;
    const auto outcome = run_workflow(workflow_from(sync_workflow()), boost::json::object(), nodes.runner());
    BOOST_TEST(outcome.succeeded);
    BOOST_TEST(nodes.saw_handler);
    BOOST_TEST(nodes.position("item u0") < nodes.position("page 9"));
    BOOST_TEST(nodes.position("item u0") < nodes.events.size());
}

// The list never runs further ahead of the items than the queue holds, so
// memory does not follow the list's length.
BOOST_AUTO_TEST_CASE(the_list_is_held_back_to_a_bounded_lead_over_the_items) {
    paging_nodes nodes;
    nodes.pages = 100;
    const auto outcome = run_workflow(workflow_from(sync_workflow(R"(,"concurrency":4)")), boost::json::object(),
                                      nodes.runner());
    BOOST_TEST(outcome.succeeded);
    BOOST_TEST(nodes.listed == 2000u);
    BOOST_TEST(nodes.most_ahead <= 64u + 4u + 1u);
    BOOST_TEST(nodes.most_inside.load() <= 4);
}

BOOST_AUTO_TEST_CASE(streamed_outputs_equal_the_outputs_after_the_whole_list) {
    paging_nodes streamed_nodes;
    paging_nodes collected_nodes;
    const auto streamed = run_workflow(workflow_from(sync_workflow(R"(,"concurrency":3)")), boost::json::object(),
                                       streamed_nodes.runner());
    const auto collected = run_workflow(workflow_from(sync_workflow(R"(,"concurrency":3,"stream":false)")),
                                        boost::json::object(), collected_nodes.runner());
    BOOST_TEST(streamed_nodes.saw_handler);
    BOOST_TEST(!collected_nodes.saw_handler);
    // Without streaming every page is served before the first item runs.
    BOOST_TEST(collected_nodes.position("page 9") < collected_nodes.position("item u0"));
    const auto& streamed_steps = streamed.document.at("steps").as_array();
    const auto& collected_steps = collected.document.at("steps").as_array();
    BOOST_TEST(streamed_steps.at(1) == collected_steps.at(1));
    BOOST_TEST(streamed_steps.at(1).at("outputs").as_array().size() == 200u);
    auto list_output = collected_steps.at(0).at("output").as_object();
    BOOST_TEST(list_output.at("Users").as_array().size() == 200u);
    list_output.erase("Users");
    list_output["streamedTo"] = "each";
    list_output["streamedItems"] = 200;
    BOOST_TEST(streamed_steps.at(0).at("output") == list_output);
    BOOST_TEST(streamed.succeeded == collected.succeeded);
}

BOOST_AUTO_TEST_CASE(a_list_failing_midway_keeps_the_items_it_listed_and_stops_the_workflow) {
    paging_nodes nodes;
    nodes.fail_after_pages = 3;
    const auto outcome = run_workflow(
        workflow_from(sync_workflow("", R"(,{"name":"after","node":"n","params":{"Id":"x"}})")),
        boost::json::object(), nodes.runner());
    BOOST_TEST(!outcome.succeeded);
    const auto& steps = outcome.document.at("steps").as_array();
    BOOST_TEST(steps.at(0).at("output").at("StatusCode") == 503);
    BOOST_TEST(steps.at(0).at("output").at("NextCursor") == "u59");
    BOOST_TEST(steps.at(1).at("succeeded") == true);
    BOOST_TEST(steps.at(1).at("outputs").as_array().size() == 60u);
    BOOST_TEST(steps.at(1).at("outputs").at(59).at("Seen") == "u59");
    BOOST_TEST(outcome.document.at("skipped") == parse(R"(["after"])"));
}

BOOST_AUTO_TEST_CASE(a_failed_item_stops_the_list_early) {
    paging_nodes nodes;
    nodes.failing_id = "u5";
    const auto outcome = run_workflow(workflow_from(sync_workflow()), boost::json::object(), nodes.runner());
    BOOST_TEST(!outcome.succeeded);
    BOOST_TEST(nodes.position("page 9") == nodes.events.size());  // never served
    const auto& steps = outcome.document.at("steps").as_array();
    BOOST_TEST(std::string(steps.at(0).at("output").at("ErrorMessage").as_string()).find("stopped taking items") !=
               std::string::npos);
    const auto& outputs = steps.at(1).at("outputs").as_array();
    BOOST_TEST_REQUIRE(outputs.size() >= 6u);
    BOOST_TEST(outputs.at(5).at("StatusCode") == 400);
    // Items already taken when the failure came are not run; how many were
    // taken depends on the threads' timing.
    for (std::size_t later = 6; later < outputs.size(); ++later) {
        BOOST_TEST(outputs.at(later).is_null(), "item " << later << " ran after the failure");
    }
}

BOOST_AUTO_TEST_CASE(outputs_no_later_step_reads_go_to_the_sink_and_are_only_counted) {
    paging_nodes nodes;
    std::vector<std::size_t> sunk;
    workflow_run_settings settings;
    settings.on_for_each_output = [&](const workflow_step& step, std::size_t index, const boost::json::object& output) {
        BOOST_TEST(step.name == "each");
        BOOST_TEST(output.at("Seen").as_string() == "u" + std::to_string(index));
        sunk.push_back(index);
    };
    const auto outcome = run_workflow(workflow_from(sync_workflow(R"(,"concurrency":2)")), boost::json::object(),
                                      nodes.runner(), settings);
    BOOST_TEST(outcome.succeeded);
    std::sort(sunk.begin(), sunk.end());
    BOOST_TEST(sunk.size() == 200u);
    BOOST_TEST((std::adjacent_find(sunk.begin(), sunk.end()) == sunk.end()));
    const auto& each = outcome.document.at("steps").at(1).as_object();
    BOOST_TEST(each.at("outputCount") == 200);
    BOOST_TEST(!each.contains("outputs"));
}

BOOST_AUTO_TEST_CASE(outputs_a_later_step_reads_are_kept_even_with_a_sink) {
    paging_nodes nodes;
    std::size_t sunk = 0;
    workflow_run_settings settings;
    settings.on_for_each_output = [&](const workflow_step&, std::size_t, const boost::json::object&) { ++sunk; };
    const auto outcome = run_workflow(
        workflow_from(sync_workflow("", R"(,{"name":"after","node":"n","params":{"Id":"{{ steps.each.3.Seen }}"}})")),
        boost::json::object(), nodes.runner(), settings);
    BOOST_TEST(outcome.succeeded);
    BOOST_TEST(sunk == 0u);
    BOOST_TEST(outcome.document.at("steps").at(2).at("output").at("Seen") == "u3");
}

BOOST_AUTO_TEST_SUITE_END()
