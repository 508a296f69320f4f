// Many threads running nodes through one host at the same time.
#define BOOST_TEST_MODULE sdk.host_concurrency
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"

#include <atomic>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using wfn::test::params;
using wfn::test::status_of;

namespace {

constexpr int thread_count = 16;

// Runs `body(i)` on `thread_count` threads released together.
template <class Body>
void on_threads(Body body) {
    std::atomic<bool> go{false};
    std::vector<std::jthread> threads;
    for (int i = 0; i < thread_count; ++i) {
        threads.emplace_back([&, i] {
            while (!go) {
                std::this_thread::yield();
            }
            body(i);
        });
    }
    go = true;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sixteen_calls_are_inside_the_plugin_at_the_same_time) {
    std::vector<boost::json::object> outputs(thread_count);
    wfn::host::run_options options;
    options.timeout = 10s;
    on_threads([&](int i) {
        outputs[i] = wfn::test::mixed_host().run(
            "test.rendezvous", params().with("Expect", thread_count).with("Round", "sixteen").with("Id", i).text(), "",
            options);
    });
    for (int i = 0; i < thread_count; ++i) {
        BOOST_TEST(status_of(outputs[i]) == 200, outputs[i]);
        BOOST_TEST(outputs[i].at("Arrived").as_int64() >= thread_count);
        BOOST_TEST(outputs[i].at("Params").at("Id").as_int64() == i);
    }
}

BOOST_AUTO_TEST_CASE(every_thread_gets_its_own_output_back) {
    constexpr int calls_per_thread = 200;
    std::atomic<int> mismatches{0};
    std::atomic<int> log_lines{0};
    on_threads([&](int i) {
        wfn::host::run_options options;
        options.log_level = wfn::log_level::trace;
        options.log = [&](wfn::log_level, std::string_view) { ++log_lines; };
        for (int call = 0; call < calls_per_thread; ++call) {
            const std::string tag = std::to_string(i) + "/" + std::to_string(call);
            const auto output = wfn::test::mixed_host().run("test.echo", params().with("Message", boost::json::string(tag)).text(), "", options);
            if (status_of(output) != 200 || output.at("Params").at("Message").as_string() != tag) {
                ++mismatches;
            }
            wfn::test::mixed_host().run("test.log", "{}", "", options);
        }
    });
    BOOST_TEST(mismatches == 0);
    BOOST_TEST(log_lines == thread_count * calls_per_thread * 5);
}

BOOST_AUTO_TEST_CASE(failures_on_some_threads_do_not_disturb_the_others) {
    std::vector<boost::json::object> outputs(thread_count);
    on_threads([&](int i) {
        outputs[i] = wfn::test::mixed_host().run(i % 2 == 0 ? "test.throw_std" : "test.echo", "{}", "");
    });
    for (int i = 0; i < thread_count; ++i) {
        BOOST_TEST(status_of(outputs[i]) == (i % 2 == 0 ? 500 : 200));
    }
}
