// A workflow forEach over okta.user.list, run by the real wfn-host: with
// streaming the first okta.user.get is in the sandbox's request log before
// the list's last page is asked for; without it every page comes first. The
// forEach's outputs are the same either way.
#include "host_cli.hpp"
#include "okta_bench.hpp"

#include <string>
#include <vector>

using namespace okta_it;

namespace {

constexpr std::size_t seeded_users = 1000;
constexpr std::size_t page_size = 100;

json::object sync_workflow(bool stream) {
    json::object each{{"name", "each"},
                      {"node", "okta.user.get"},
                      {"forEach", "{{ steps.list.Users }}"},
                      {"concurrency", 2},
                      {"params", json::object{{"UserId", "{{ item.id }}"}}}};
    if (!stream) {
        each["stream"] = false;
    }
    return {{"name", "sync"},
            {"steps", json::array{json::object{{"name", "list"},
                                               {"node", "okta.user.list"},
                                               {"params", json::object{{"ReturnAll", true}, {"Limit", page_size}}}},
                                  each}}};
}

// Where in the request log each kind of request sits.
struct request_order {
    std::vector<std::size_t> list_pages;  // GET /api/v1/users?…
    std::vector<std::size_t> user_gets;   // GET /api/v1/users/<id>
};

request_order order_of(const json::array& requests) {
    request_order order;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const std::string target = target_of(requests[i]);
        if (target.rfind("/api/v1/users?", 0) == 0) {
            order.list_pages.push_back(i);
        } else if (target.rfind("/api/v1/users/", 0) == 0) {
            order.user_gets.push_back(i);
        }
    }
    return order;
}

struct workflow_streaming_bench : bench {
    workflow_streaming_bench() {
        admin().seed(seeded_users, "stream");
        admin().clear_requests();
    }

    static json::object run_sync(bool stream) {
        scratch_dir dir;
        const cli_result run = run_wfn_host("workflow " + dir.write("sync.workflow.json", sync_workflow(stream)).substr(1) +
                                            " --plugins " + okta_plugins_dir() + " --credentials " +
                                            dir.write("credentials.json", sandbox_credentials()));
        BOOST_TEST_REQUIRE(run.exit_code == 0, run.out.substr(0, 2000));
        return json::parse(run.out).as_object();
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(workflow_streaming, workflow_streaming_bench)

BOOST_AUTO_TEST_CASE(items_run_before_the_lists_last_page_is_asked_for_and_the_outputs_do_not_change) {
    const json::object streamed = run_sync(true);
    const request_order streamed_order = order_of(requests());
    admin().clear_requests();
    const json::object collected = run_sync(false);
    const request_order collected_order = order_of(requests());

    for (const auto* order : {&streamed_order, &collected_order}) {
        BOOST_TEST_REQUIRE(order->list_pages.size() >= seeded_users / page_size);
        BOOST_TEST_REQUIRE(order->user_gets.size() == seeded_users);
    }
    BOOST_TEST(streamed_order.user_gets.front() < streamed_order.list_pages.back());
    BOOST_TEST(collected_order.list_pages.back() < collected_order.user_gets.front());

    const auto& streamed_list = streamed.at("steps").at(0).at("output").as_object();
    BOOST_TEST(streamed_list.at("streamedItems") == seeded_users);
    BOOST_TEST(!streamed_list.contains("Users"));
    BOOST_TEST(collected.at("steps").at(0).at("output").at("Users").as_array().size() == seeded_users);
    const auto& streamed_outputs = streamed.at("steps").at(1).at("outputs").as_array();
    const auto& collected_outputs = collected.at("steps").at(1).at("outputs").as_array();
    BOOST_TEST_REQUIRE(streamed_outputs.size() == seeded_users);
    BOOST_TEST_REQUIRE(collected_outputs.size() == seeded_users);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < seeded_users; ++i) {
        differing += streamed_outputs[i].at("User") == collected_outputs[i].at("User") ? 0 : 1;
    }
    BOOST_TEST(differing == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
