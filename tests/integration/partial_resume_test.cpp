// A ReturnAll over 10,000 users that meets a fault halfway keeps what it
// listed (Users or the streamed items, NextCursor, Complete false), and a
// rerun with After = NextCursor lists the rest: together every user exactly
// once. Through the real path: the bundle loaded by wfn::host, TLS to the
// sandbox.
#include "okta_bench.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace okta_it;

namespace {

constexpr std::size_t seeded_users = 10'000;
constexpr std::size_t page_size = 200;
constexpr std::size_t pages_before_the_fault = 24;

struct listing {
    json::object output;           // without Users when streamed
    std::vector<std::string> ids;  // every user listed, in order
};

struct partial_resume_bench : bench {
    partial_resume_bench() {
        admin().seed(seeded_users, "resume");
        admin().clear_requests();
    }

    // The first pages pass untouched; then three answers in a row (the
    // first try and two retries) fail with `fault`.
    static void fault_after_the_first_pages(json::object fault) {
        admin().inject(json::object{{"count", pages_before_the_fault}, {"kind", "delay"}, {"delayMs", 0}});
        fault["count"] = 3;
        admin().inject(fault);
    }

    static json::object params(const std::string& after) {
        json::object list{{"ReturnAll", true}, {"Limit", page_size}, {"MaxRetries", 2}};
        if (!after.empty()) {
            list["After"] = after;
        }
        return list;
    }

    static void take_ids(const json::array& users, std::vector<std::string>& ids) {
        for (const auto& user : users) {
            ids.emplace_back(user.at("id").as_string());
        }
    }

    listing list_whole(const std::string& after) {
        listing result;
        result.output = run("okta.user.list", params(after)).output;
        if (const auto* users = result.output.if_contains("Users")) {
            take_ids(users->as_array(), result.ids);
        }
        return result;
    }

    static listing list_streamed(const std::string& after) {
        listing result;
        wfn::host::run_options options;
        options.on_item = [&](std::string_view member, const json::object& item) {
            BOOST_TEST(member == "Users");
            result.ids.emplace_back(item.at("id").as_string());
        };
        result.output = host().run("okta.user.list", json::serialize(params(after)),
                                   json::serialize(sandbox_credentials()), options);
        BOOST_TEST(!result.output.contains("Users"));
        return result;
    }

    // Every user exactly once across the two runs, and all of them.
    static void expect_every_user_once(const listing& first, const listing& rest) {
        std::map<std::string, int> seen;
        for (const auto* part : {&first, &rest}) {
            for (const auto& id : part->ids) {
                ++seen[id];
            }
        }
        std::size_t twice = 0;
        for (const auto& [id, times] : seen) {
            twice += times > 1 ? 1 : 0;
        }
        BOOST_TEST(twice == 0u);
        std::set<std::string> stored;
        for (const auto& user : admin().users()) {
            stored.emplace(user.at("id").as_string());
        }
        std::size_t missing = 0;
        for (const auto& id : stored) {
            missing += seen.contains(id) ? 0 : 1;
        }
        BOOST_TEST(stored.size() == seeded_users);
        BOOST_TEST(missing == 0u);
        BOOST_TEST(first.ids.size() + rest.ids.size() == seeded_users);
    }

    static void expect_stopped_halfway(const listing& first, std::int64_t status) {
        BOOST_TEST(first.output.at("StatusCode").as_int64() == status, json::serialize(first.output).substr(0, 500));
        BOOST_TEST(first.output.at("Complete") == false);
        BOOST_TEST(!first.output.at("NextCursor").as_string().empty());
        BOOST_TEST(first.ids.size() == pages_before_the_fault * page_size);
    }

    static void expect_finished(const listing& rest) {
        BOOST_TEST(rest.output.at("StatusCode").as_int64() == 200, json::serialize(rest.output).substr(0, 500));
        BOOST_TEST(rest.output.at("Complete") == true);
        BOOST_TEST(rest.output.at("NextCursor") == "");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(partial_resume, partial_resume_bench)

BOOST_AUTO_TEST_CASE(a_503_halfway_keeps_the_users_and_the_rerun_from_next_cursor_lists_the_rest) {
    fault_after_the_first_pages(json::object{{"kind", "status"}, {"status", 503}});
    const listing first = list_whole("");
    expect_stopped_halfway(first, 503);
    const listing rest = list_whole(std::string(first.output.at("NextCursor").as_string()));
    expect_finished(rest);
    expect_every_user_once(first, rest);
}

BOOST_AUTO_TEST_CASE(a_429_after_the_retries_keeps_the_streamed_users_and_the_rerun_lists_the_rest) {
    fault_after_the_first_pages(json::object{{"kind", "rate_limit"}, {"resetSeconds", 1}});
    const listing first = list_streamed("");
    expect_stopped_halfway(first, 429);
    const listing rest = list_streamed(std::string(first.output.at("NextCursor").as_string()));
    expect_finished(rest);
    expect_every_user_once(first, rest);
}

BOOST_AUTO_TEST_SUITE_END()
