// 429s: waiting for X-Rate-Limit-Reset when it fits, handing back otherwise.
#include "okta_bench.hpp"

#include <chrono>
#include <thread>
#include <vector>

using namespace okta_it;
using namespace std::chrono_literals;

// A 429 also says "0 requests left until the reset", which the plugin then
// honours for every later call to the same org (shared pacing): the cases run
// in order of growing reset times, the longest last.
BOOST_FIXTURE_TEST_SUITE(rate_limit, bench)

BOOST_AUTO_TEST_CASE(a_429_succeeds_after_the_reset) {
    const std::string id = seeded_user();
    admin().inject(json::object{{"count", 1}, {"kind", "rate_limit"}, {"resetSeconds", 1}});
    const auto started = std::chrono::steady_clock::now();
    const auto result = run("okta.user.get", json::object{{"UserId", id}});
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(requests().size() == 2u);
    // It waited for the reset, not a blind instant retry.
    BOOST_TEST((took >= 100ms && took < 5s));
}

BOOST_AUTO_TEST_CASE(a_429_without_reset_is_not_retried_blindly) {
    const std::string id = seeded_user();
    admin().inject(json::object{{"count", 1}, {"kind", "rate_limit"}, {"omitResetHeader", true}});
    const auto result = run("okta.user.get", json::object{{"UserId", id}});
    BOOST_TEST(result.status() == 429);
    BOOST_TEST(result.message().find("no X-Rate-Limit-Reset") != std::string::npos, result.message());
    BOOST_TEST(requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(retries_stop_at_max_retries) {
    const std::string id = seeded_user();
    admin().inject(json::object{{"count", 3}, {"kind", "rate_limit"}, {"resetSeconds", 1}});
    const auto result = run("okta.user.get", json::object{{"UserId", id}, {"MaxRetries", 1}});
    BOOST_TEST(result.status() == 429);
    BOOST_TEST(result.message().find("gave up after 1 retries (MaxRetries)") != std::string::npos, result.message());
    BOOST_TEST(requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(max_retries_zero_hands_the_429_back_with_the_reset_time) {
    const std::string id = seeded_user();
    admin().inject(json::object{{"count", 1}, {"kind", "rate_limit"}, {"resetSeconds", 2}});
    const auto result = run("okta.user.get", json::object{{"UserId", id}, {"MaxRetries", 0}});
    BOOST_TEST(result.status() == 429);
    BOOST_TEST(result.code() == "E0000047");
    BOOST_TEST(result.message().find("The rate limit resets at ") != std::string::npos, result.message());
    BOOST_TEST(result.message().find("not retried because MaxRetries is 0") != std::string::npos, result.message());
    BOOST_TEST(requests().size() == 1u);
    // Handed back to the engine: retry, after the reset.
    BOOST_TEST(result.output.at("Retryable").as_bool());
    const std::string reset(result.output.at("RateLimitReset").as_string());
    BOOST_TEST(reset.size() == 20u, reset);
    BOOST_TEST(result.message().find(reset) != std::string::npos, result.message());
}

// Issue #6: a batch bigger than the window waits for the reset instead of
// earning 429s, even with MaxRetries 0 (pacing waits are not retries).
BOOST_AUTO_TEST_CASE(a_batch_bigger_than_the_window_is_paced_without_a_429) {
    admin().configure(json::object{{"usersCollection", 10}, {"windowSeconds", 2}});
    std::vector<std::int64_t> statuses(30, 0);
    std::vector<std::thread> workers;
    for (int worker = 0; worker < 3; ++worker) {
        workers.emplace_back([&statuses, worker, this] {
            for (int i = worker; i < 30; i += 3) {
                const std::string login = "batch" + std::to_string(i) + "@example.com";
                json::object create{{"UserName", login}, {"Email", login}, {"FirstName", "Batch"},
                                    {"LastName", "Member"}, {"MaxRetries", 0}};
                statuses[static_cast<std::size_t>(i)] = run("okta.user.create", create).status();
            }
        });
    }
    for (auto& worker : workers) {
        worker.join();
    }
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        BOOST_TEST(statuses[i] == 200, "create " << i);
    }
    BOOST_TEST(admin().users().size() == 30u);
    admin().configure(json::object{{"usersCollection", 600}, {"windowSeconds", 60}});
}

BOOST_AUTO_TEST_CASE(a_reset_past_the_deadline_is_not_waited_for) {
    const std::string id = seeded_user();
    admin().inject(json::object{{"count", 1}, {"kind", "rate_limit"}, {"resetSeconds", 60}});
    const auto started = std::chrono::steady_clock::now();
    const auto result = run("okta.user.get", json::object{{"UserId", id}}, sandbox_credentials(), 5s);
    BOOST_TEST(result.status() == 429);
    BOOST_TEST(result.message().find("waiting would pass the call's deadline") != std::string::npos, result.message());
    BOOST_TEST((std::chrono::steady_clock::now() - started < 4500ms));
}

BOOST_AUTO_TEST_SUITE_END()
