// Okta's rate-limit headers, the time to wait, and the shared pacer.
#include "okta/rate_limit.hpp"

#include <boost/test/unit_test.hpp>

#include <limits>

using namespace okta_plugin::okta;
using namespace std::chrono_literals;
using okta_plugin::transport::wire_response;

namespace {

wire_response response_with(std::vector<okta_plugin::transport::header> headers) {
    wire_response response;
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

BOOST_AUTO_TEST_CASE(pacer_closes_a_bucket_at_zero_remaining_until_reset) {
    rate_pacer pacer;
    rate_limit_headers exhausted;
    exhausted.remaining = 0;
    exhausted.reset_epoch = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch()).count() + 30;
    pacer.record("https://a.okta.com", rate_bucket::user_read, exhausted);

    const auto until = pacer.closed_until("https://a.okta.com", rate_bucket::user_read);
    BOOST_TEST_REQUIRE(until.has_value());
    BOOST_TEST((*until - rate_pacer::clock::now() > 25s));
    // Other buckets and other orgs are unaffected.
    BOOST_TEST(!pacer.closed_until("https://a.okta.com", rate_bucket::user_write).has_value());
    BOOST_TEST(!pacer.closed_until("https://b.okta.com", rate_bucket::user_read).has_value());

    rate_limit_headers refilled;
    refilled.remaining = 599;
    pacer.record("https://a.okta.com", rate_bucket::user_read, refilled);
    BOOST_TEST(!pacer.closed_until("https://a.okta.com", rate_bucket::user_read).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
