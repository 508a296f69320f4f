// Protocol rules a hostile server tried to bend: headers that would stall
// every call, secrets echoed in escaped form, messages of any size.
#include "okta/client/rate_pacer.hpp"
#include "okta/protocol/rate_limit.hpp"
#include "okta/protocol/redaction.hpp"

#include <boost/test/unit_test.hpp>

using namespace okta_plugin::okta;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t wall0 = 1700000000;
const std::string org = "https://dev-1.okta.com";

std::chrono::system_clock::time_point at_epoch(std::int64_t seconds) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

rate_limit_headers window(std::int64_t limit, std::int64_t remaining, std::int64_t reset, std::int64_t date) {
    rate_limit_headers headers;
    headers.limit = limit;
    headers.remaining = remaining;
    headers.reset_epoch = reset;
    headers.server_date = date;
    return headers;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hardening_rules)

BOOST_AUTO_TEST_CASE(a_concurrency_429_does_not_close_the_bucket) {
    rate_pacer pacer;
    const auto now = rate_pacer::clock::now();
    BOOST_TEST_REQUIRE(pacer.admit(org, rate_bucket::user_read, now).granted);
    // Okta's answer to too many requests in flight: Limit 0, Remaining 0.
    pacer.record(org, rate_bucket::user_read, window(0, 0, wall0 + 2, wall0), now, at_epoch(wall0));
    BOOST_TEST(pacer.admit(org, rate_bucket::user_read, now + 1ms).granted);
    BOOST_TEST(!pacer.closed_until(org, rate_bucket::user_read, now + 1ms).has_value());
}

BOOST_AUTO_TEST_CASE(a_date_a_day_off_does_not_turn_seconds_into_a_day) {
    // The reset is 2 s away on our clock; the server's Date says a day ahead
    // or a day behind.
    BOOST_TEST(time_until_reset(window(100, 0, wall0 + 2, wall0 - 86400), at_epoch(wall0)).value() == 2000ms);
    BOOST_TEST(time_until_reset(window(100, 0, wall0 + 2, wall0 + 86400), at_epoch(wall0)).value() == 0ms);
}

BOOST_AUTO_TEST_CASE(no_header_makes_a_call_wait_longer_than_the_cap) {
    BOOST_TEST(time_until_reset(window(100, 0, wall0 + 86400, wall0), at_epoch(wall0)).value() == max_reset_wait);
}

BOOST_AUTO_TEST_CASE(a_secret_echoed_inside_a_json_string_is_masked_too) {
    const std::string password = R"(pa"ss\word)";
    const std::string echoed = R"(Okta said: {"errorSummary":"bad password pa\"ss\\word"} and pa"ss\word)";
    const std::string masked = redact(echoed, {password});
    BOOST_TEST(masked.find("pa") == masked.find("password"));  // only the word "password" is left
    BOOST_TEST(masked.find(R"(pa\"ss)") == std::string::npos);
    BOOST_TEST(masked.find(R"(pa"ss)") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_huge_message_is_cut_on_a_character_boundary_and_says_so) {
    std::string huge(2, 'x');
    for (int i = 0; i < 10000; ++i) {
        huge += "é";  // two bytes each
    }
    const std::string cut = bounded_message(huge);
    BOOST_TEST(cut.size() <= max_message_bytes);
    BOOST_TEST(cut.find("(message cut)") != std::string::npos);
    BOOST_TEST(bounded_message("short") == "short");
    const auto note = cut.find(" … (message cut)");
    BOOST_TEST_REQUIRE(note != std::string::npos);
    BOOST_TEST((static_cast<unsigned char>(cut[note - 1]) & 0xC0) != 0xC0);  // no sequence cut after its lead byte
}

BOOST_AUTO_TEST_SUITE_END()
