// Okta's rate-limit headers, the time to wait, and the shared pacer.
#include "okta/client/rate_pacer.hpp"
#include "okta/protocol/rate_limit.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <limits>
#include <thread>
#include <vector>

using namespace okta_plugin::okta;
using namespace std::chrono_literals;
using okta_plugin::wire::response;

namespace {

response response_with(std::vector<okta_plugin::wire::header> headers) {
    response response;
    response.status = 429;
    response.headers = std::move(headers);
    return response;
}

std::chrono::system_clock::time_point at_epoch(std::int64_t seconds) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rate_limit)

BOOST_AUTO_TEST_CASE(headers_are_read) {
    const auto headers = read_rate_limit_headers(response_with({{"X-Rate-Limit-Limit", "600"},
                                                                {"x-rate-limit-remaining", "0"},
                                                                {"X-Rate-Limit-Reset", "1700000060"},
                                                                {"Date", "Tue, 14 Nov 2023 22:13:20 GMT"}}));
    BOOST_TEST(headers.limit.value() == 600);
    BOOST_TEST(headers.remaining.value() == 0);
    BOOST_TEST(headers.reset_epoch.value() == 1700000060);
    BOOST_TEST(headers.server_date.value() == 1700000000);
}

BOOST_AUTO_TEST_CASE(garbage_values_are_ignored) {
    const auto headers = read_rate_limit_headers(
        response_with({{"X-Rate-Limit-Remaining", "-1"}, {"X-Rate-Limit-Reset", "soon"}, {"Date", "yesterday"}}));
    BOOST_TEST(!headers.remaining.has_value());
    BOOST_TEST(!headers.reset_epoch.has_value());
    BOOST_TEST(!headers.server_date.has_value());
}

BOOST_AUTO_TEST_CASE(wait_is_measured_on_the_servers_clock_when_it_sent_one) {
    rate_limit_headers headers;
    headers.reset_epoch = 1700000060;
    headers.server_date = 1700000000;
    // Our clock is an hour off: the server's Date still gives 60 s.
    BOOST_TEST(time_until_reset(headers, at_epoch(1700003600)).value() == 60000ms);
}

BOOST_AUTO_TEST_CASE(wait_uses_the_local_clock_without_a_date) {
    rate_limit_headers headers;
    headers.reset_epoch = 1700000010;
    BOOST_TEST(time_until_reset(headers, at_epoch(1700000000)).value() == 10000ms);
    BOOST_TEST(time_until_reset(headers, at_epoch(1700000020)).value() == 0ms);
    BOOST_TEST(!time_until_reset(rate_limit_headers{}, at_epoch(0)).has_value());
}

BOOST_AUTO_TEST_CASE(wait_keeps_the_local_milliseconds_when_the_clocks_agree) {
    // Date says 12:00:00 and our clock says 12:00:00.700: counting from the
    // whole second would wake 700 ms after the reset, every window.
    rate_limit_headers headers;
    headers.reset_epoch = 1700000010;
    headers.server_date = 1700000000;
    BOOST_TEST(time_until_reset(headers, at_epoch(1700000000) + 700ms).value() == 9300ms);
    // A clock a second or more off is not trusted: the whole-second count.
    BOOST_TEST(time_until_reset(headers, at_epoch(1700000001) + 700ms).value() == 10000ms);
}

BOOST_AUTO_TEST_CASE(an_absurd_reset_is_capped_instead_of_overflowing) {
    rate_limit_headers far_future;
    far_future.reset_epoch = std::numeric_limits<std::int64_t>::max();
    BOOST_TEST(time_until_reset(far_future, at_epoch(1700000000)).value() == max_reset_wait);
    far_future.server_date = std::numeric_limits<std::int64_t>::min() / 2;
    BOOST_TEST(time_until_reset(far_future, at_epoch(1700000000)).value() == max_reset_wait);

    rate_limit_headers date_far_ahead;
    date_far_ahead.reset_epoch = 1700000000;
    date_far_ahead.server_date = std::numeric_limits<std::int64_t>::max();
    BOOST_TEST(time_until_reset(date_far_ahead, at_epoch(0)).value() == 0ms);
}

BOOST_AUTO_TEST_CASE(utc_formatting) {
    BOOST_TEST(format_utc(1700000000) == "2023-11-14T22:13:20Z");
}

BOOST_AUTO_TEST_CASE(http_dates_are_read_to_the_second) {
    BOOST_TEST(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").value() == 784111777);
    BOOST_TEST(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT").value() == 0);
    BOOST_TEST(parse_http_date("Thu, 29 Feb 2024 23:59:59 GMT").value() == 1709251199);
    BOOST_TEST(parse_http_date("Sat, 01 Mar 2400 00:00:00 GMT").value() == 13574649600);
    BOOST_TEST(parse_http_date("Fri, 31 Dec 1999 12:00:00 GMT").value() == 946641600);
}

BOOST_AUTO_TEST_CASE(malformed_http_dates_are_refused) {
    for (const char* text : {"", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC",
                             "Sun, 06 Nov 1994 08:49:37 GMT ", "Sun, 6 Nov 1994 08:49:37 GMT",
                             "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
                             "Sun, 29 Feb 2023 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT",
                             "Sun, 31 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
                             "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 19x4 08:49:37 GMT",
                             "Sunday, 06-Nov-94 08:49:37 GMT"}) {
        BOOST_TEST(!parse_http_date(text).has_value(), text);
    }
}

// The pacer runs on clocks the tests set: `t0` on the steady clock, and a
// wall clock at epoch `wall0`, so that "Reset in 10 s" is exact.
namespace {

const std::string org = "https://a.okta.com";
const rate_pacer::clock::time_point t0{std::chrono::hours(1)};
constexpr std::int64_t wall0 = 1700000000;

rate_limit_headers window_of(std::int64_t limit, std::int64_t remaining, std::int64_t reset_in_seconds) {
    rate_limit_headers headers;
    headers.limit = limit;
    headers.remaining = remaining;
    headers.reset_epoch = wall0 + reset_in_seconds;
    headers.server_date = wall0;
    return headers;
}

void answer(rate_pacer& pacer, const rate_limit_headers& headers, rate_pacer::clock::time_point now = t0) {
    pacer.record(org, rate_bucket::users_collection, headers, now, at_epoch(wall0));
}

bool granted(rate_pacer& pacer, rate_pacer::clock::time_point now = t0) {
    return pacer.admit(org, rate_bucket::users_collection, now).granted;
}

// When a window that reset 10 s after t0 opens again: right after its reset,
// by the pacer's small safety margin only (issue #6: not a second later).
const rate_pacer::clock::time_point reopens = t0 + 10s + reset_margin;

// A pacer whose window (2 requests, reset 10 s after t0) is used up: one
// request went out and its answer said nothing is left.
struct used_up_window {
    rate_pacer pacer;
    used_up_window() {
        BOOST_TEST_REQUIRE(granted(pacer));
        answer(pacer, window_of(2, 0, 10));
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(pacer_admits_freely_while_nothing_is_known) {
    rate_pacer pacer;
    for (int i = 0; i < 1000; ++i) {
        BOOST_TEST_REQUIRE(granted(pacer));
    }
}

BOOST_AUTO_TEST_CASE(pacer_hands_out_only_the_slots_the_window_has_left) {
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, window_of(100, 3, 10));  // the answer to that one: 3 left
    BOOST_TEST(granted(pacer));
    BOOST_TEST(granted(pacer));
    BOOST_TEST(granted(pacer));
    const auto refused = pacer.admit(org, rate_bucket::users_collection, t0);
    BOOST_TEST(!refused.granted);
    BOOST_TEST((refused.retry_at == reopens));
    BOOST_TEST((pacer.closed_until(org, rate_bucket::users_collection, t0) == reopens));
}

BOOST_AUTO_TEST_CASE(pacer_counts_requests_still_in_flight_against_what_okta_says_is_left) {
    rate_pacer pacer;
    for (int i = 0; i < 5; ++i) {
        BOOST_TEST_REQUIRE(granted(pacer));
    }
    // The first answer says 5 left, but 4 of ours are still on their way.
    answer(pacer, window_of(100, 5, 10));
    BOOST_TEST(granted(pacer));
    BOOST_TEST(!granted(pacer));
}

BOOST_AUTO_TEST_CASE(pacer_believes_the_lowest_count_of_one_window) {
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, window_of(100, 0, 10));
    answer(pacer, window_of(100, 50, 10));  // an older answer overtaken on the way
    BOOST_TEST(!granted(pacer));
}

int granted_in_a_row(rate_pacer& pacer) {
    int sent = 0;
    while (sent < 1000 && granted(pacer)) {
        ++sent;
    }
    return sent;
}

BOOST_AUTO_TEST_CASE(a_fresh_window_whose_count_could_all_be_ours_is_used_to_the_last_slot) {
    rate_pacer pacer;
    for (int i = 0; i < 16; ++i) {
        BOOST_TEST_REQUIRE(granted(pacer));
    }
    // 2 counted, this answer's request and one of our 15 still in flight:
    // the other 14 will take 14 of the 98 left (issue #6: the first window
    // of a batch came out one short, and the last create needed a window of
    // its own).
    answer(pacer, window_of(100, 98, 10));
    BOOST_TEST(granted_in_a_row(pacer) == 84);
}

BOOST_AUTO_TEST_CASE(once_other_clients_show_our_requests_in_flight_are_assumed_not_counted) {
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, window_of(10, 9, 10));
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST_REQUIRE(granted(pacer));
    }
    // 4 left where our own count says 6: someone else took 2, and the two
    // of ours still in flight may not be in Okta's count yet.
    answer(pacer, window_of(10, 4, 10));
    BOOST_TEST(granted_in_a_row(pacer) == 2);
}

BOOST_AUTO_TEST_CASE(requests_in_flight_are_not_taken_off_a_known_window_twice) {
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, window_of(10, 9, 10));
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST_REQUIRE(granted(pacer));
    }
    // Okta counted all three and answers the last of them first: 6 left,
    // while two answers are still on their way. Every slot is used (issue
    // #6: a window left 4 short of its 10 here once).
    answer(pacer, window_of(10, 6, 10));
    BOOST_TEST(granted_in_a_row(pacer) == 6);
}

BOOST_FIXTURE_TEST_CASE(pacer_refills_the_window_right_after_its_reset, used_up_window) {
    BOOST_TEST(!granted(pacer, t0 + 9s));
    BOOST_TEST(!granted(pacer, t0 + 10s));  // the reset second itself: the margin is still running
    BOOST_TEST(granted(pacer, reopens));
    BOOST_TEST(granted(pacer, reopens));
    // The limit is used up before any answer tells when the new window ends:
    // ask again shortly rather than send.
    const auto refused = pacer.admit(org, rate_bucket::users_collection, reopens);
    BOOST_TEST(!refused.granted);
    BOOST_TEST((refused.retry_at > reopens));
    BOOST_TEST((refused.retry_at <= t0 + 11s));
}

BOOST_AUTO_TEST_CASE(the_margin_after_a_reset_is_small) {
    // Each window of a long batch pays it once: a quarter second at most.
    BOOST_TEST(reset_margin.count() > 0);
    BOOST_TEST((reset_margin <= 250ms));
}

BOOST_FIXTURE_TEST_CASE(pacer_forgets_answers_about_a_window_already_over, used_up_window) {
    BOOST_TEST_REQUIRE(granted(pacer, reopens));
    // A late answer from the old window does not close the new one.
    answer(pacer, window_of(2, 0, 10), reopens);
    BOOST_TEST(!pacer.closed_until(org, rate_bucket::users_collection, reopens).has_value());
    BOOST_TEST(granted(pacer, reopens));
}

BOOST_FIXTURE_TEST_CASE(a_late_429_from_a_replaced_window_does_not_reopen_the_bucket, used_up_window) {
    BOOST_TEST_REQUIRE(granted(pacer, reopens));
    BOOST_TEST_REQUIRE(granted(pacer, reopens));
    // The new window (reset at +20 s) says 0 left ...
    answer(pacer, window_of(2, 0, 20), reopens);
    // ... and then a 429 sent in the old window arrives, its reset now past.
    answer(pacer, window_of(2, 0, 10), reopens);
    BOOST_TEST(!granted(pacer, t0 + 11s));
}

BOOST_AUTO_TEST_CASE(a_window_that_resets_sooner_than_the_known_one_is_believed) {
    // The org's limits changed (or a test server restarted): Okta's word wins.
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, window_of(600, 0, 60));
    BOOST_TEST_REQUIRE(granted(pacer, t0 + 60s + reset_margin));
    answer(pacer, window_of(600, 0, 70), t0 + 60s);
    pacer.force(org, rate_bucket::users_collection);
    answer(pacer, window_of(10, 5, 62), t0 + 60s);
    BOOST_TEST(granted(pacer, t0 + 60s));
}

BOOST_FIXTURE_TEST_CASE(callers_turned_away_are_served_first_come_first_served_before_newcomers, used_up_window) {
    std::uint64_t first = 0;
    std::uint64_t second = 0;
    BOOST_TEST_REQUIRE(!pacer.admit(org, rate_bucket::users_collection, t0, first).granted);
    BOOST_TEST_REQUIRE(!pacer.admit(org, rate_bucket::users_collection, t0 + 1s, second).granted);
    // The new window's 2 slots are kept for the 2 queued callers, whoever
    // wakes first.
    BOOST_TEST(!granted(pacer, reopens));
    BOOST_TEST(pacer.admit(org, rate_bucket::users_collection, reopens, second).granted);
    BOOST_TEST(pacer.admit(org, rate_bucket::users_collection, reopens, first).granted);
    BOOST_TEST(!granted(pacer, reopens));
}

BOOST_AUTO_TEST_CASE(a_caller_that_cannot_wait_gives_up_its_place) {
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, window_of(1, 0, 10));
    std::uint64_t impatient = 0;
    BOOST_TEST_REQUIRE(!pacer.admit(org, rate_bucket::users_collection, t0, impatient).granted);
    pacer.force(org, rate_bucket::users_collection, impatient);
    answer(pacer, rate_limit_headers{});  // its forced send ended
    BOOST_TEST(granted(pacer, reopens));  // the slot is not held for it
}

BOOST_AUTO_TEST_CASE(pacer_keeps_orgs_and_buckets_apart) {
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, window_of(100, 0, 30));
    BOOST_TEST(!granted(pacer));
    BOOST_TEST(pacer.admit(org, rate_bucket::user_write, t0).granted);
    BOOST_TEST(pacer.admit("https://b.okta.com", rate_bucket::users_collection, t0).granted);
}

BOOST_AUTO_TEST_CASE(a_forced_send_still_uses_a_slot) {
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, window_of(100, 1, 10));
    pacer.force(org, rate_bucket::users_collection);
    BOOST_TEST(!granted(pacer));
}

BOOST_AUTO_TEST_CASE(a_failed_request_gives_its_in_flight_count_back) {
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, rate_limit_headers{});  // the second one ended without an answer
    answer(pacer, window_of(100, 1, 10));  // so this 1 is really left
    BOOST_TEST(granted(pacer));
    BOOST_TEST(!granted(pacer));
}

BOOST_AUTO_TEST_CASE(pacer_is_shared_safely_by_many_threads) {
    rate_pacer pacer;
    BOOST_TEST_REQUIRE(granted(pacer));
    answer(pacer, window_of(1000, 400, 10));
    std::atomic<int> admitted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 100; ++i) {
                if (granted(pacer)) {
                    ++admitted;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    BOOST_TEST(admitted.load() == 400);
}

BOOST_AUTO_TEST_SUITE_END()
