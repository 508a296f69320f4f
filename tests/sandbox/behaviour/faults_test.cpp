#include "sandbox_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>

using namespace okta_sandbox;
using namespace okta_sandbox::testing;

namespace {

struct seeded_sandbox : sandbox_fixture {
  seeded_sandbox() { control.seed(3); }
  http_reply get_user() const { return okta(http::verb::get, "/api/v1/users/seed1@example.com"); }
  bool get_user_fails(std::string_view phase) const {
    try {
      get_user();
    } catch (const std::runtime_error& e) {
      return std::string(e.what()).find(phase) != std::string::npos;
    }
    return false;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(faults)

BOOST_FIXTURE_TEST_CASE(a_fault_hits_the_next_n_requests_then_stops, seeded_sandbox) {
  control.inject({{"count", 2}, {"kind", "status"}, {"status", 503}});
  BOOST_TEST(get_user().status == 503U);
  BOOST_TEST(get_user().status == 503U);
  BOOST_TEST(get_user().status == 200U);
  BOOST_TEST(control.requests().size() == 3U);  // faulted requests are logged too
}

BOOST_FIXTURE_TEST_CASE(every_n_spreads_a_fault_over_a_longer_run, seeded_sandbox) {
  control.inject({{"count", 2}, {"every", 3}, {"kind", "status"}, {"status", 503}});
  std::vector<unsigned> statuses;
  for (int i = 0; i < 7; ++i) statuses.push_back(get_user().status);
  BOOST_TEST(statuses == (std::vector<unsigned>{200, 200, 503, 200, 200, 503, 200}), boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(server_errors_come_as_okta_json_or_as_an_html_page, seeded_sandbox) {
  control.inject({{"kind", "status"}, {"status", 500}});
  const auto json = get_user();
  BOOST_TEST(json.status == 500U);
  BOOST_TEST(error_code(json) == "E0000009");
  control.inject({{"kind", "status"}, {"status", 502}, {"html", true}});
  const auto html = get_user();
  BOOST_TEST(html.status == 502U);
  BOOST_TEST(html.header("Content-Type") == "text/html");
  BOOST_CHECK_THROW(html.json(), std::runtime_error);
}

BOOST_FIXTURE_TEST_CASE(a_delay_slows_the_answer_but_keeps_it_right, seeded_sandbox) {
  control.inject({{"kind", "delay"}, {"delayMs", 300}});
  const auto started = std::chrono::steady_clock::now();
  BOOST_TEST(get_user().status == 200U);
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  BOOST_TEST(waited.count() >= 300);
}

BOOST_FIXTURE_TEST_CASE(broken_connections_break_the_exchange, seeded_sandbox) {
  control.inject({{"kind", "close_before_response"}});
  BOOST_TEST(get_user_fails("read response"));
  control.inject({{"kind", "close_mid_body"}});
  BOOST_TEST(get_user_fails("read response"));
  control.inject({{"kind", "truncated_body"}});
  BOOST_TEST(get_user_fails("read response"));
  BOOST_TEST(get_user().status == 200U);
}

BOOST_FIXTURE_TEST_CASE(malformed_and_unexpected_bodies_arrive_with_a_200, seeded_sandbox) {
  control.inject({{"kind", "malformed_json"}});
  const auto malformed = get_user();
  BOOST_TEST(malformed.status == 200U);
  BOOST_CHECK_THROW(malformed.json(), std::runtime_error);
  control.inject({{"kind", "unexpected_shape"}});
  BOOST_TEST(get_user().json().is_array());
  control.inject({{"kind", "unexpected_shape"}});
  BOOST_TEST(okta(http::verb::get, "/api/v1/users").json().is_object());
  control.inject({{"kind", "unexpected_shape"}, {"body", {{"id", 42}}}});
  BOOST_TEST(get_user().json().at("id").as_int64() == 42);
}

BOOST_FIXTURE_TEST_CASE(an_injected_429_carries_the_reset_asked_for, seeded_sandbox) {
  control.inject({{"kind", "rate_limit"}, {"resetSeconds", 7}});
  const auto limited = get_user();
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  BOOST_TEST(limited.status == 429U);
  BOOST_TEST(error_code(limited) == "E0000047");
  BOOST_TEST(std::abs(std::stoll(limited.header("X-Rate-Limit-Reset")) - (now + 7)) <= 1);
  BOOST_TEST(limited.header("X-Rate-Limit-Remaining") == "0");
  control.inject({{"kind", "rate_limit"}, {"omitResetHeader", true}});
  BOOST_TEST(get_user().header("X-Rate-Limit-Reset").empty());
}

BOOST_FIXTURE_TEST_CASE(an_oversized_body_is_larger_than_asked, seeded_sandbox) {
  control.inject({{"kind", "oversized"}, {"sizeBytes", 3'000'000}});
  const auto big = get_user();
  BOOST_TEST(big.body.size() > 3'000'000U);
  BOOST_TEST(big.json().is_object());
  control.inject({{"kind", "oversized"}, {"sizeBytes", 200'000}, {"chunked", true}});
  BOOST_TEST(get_user().body.size() > 200'000U);
}

BOOST_FIXTURE_TEST_CASE(a_redirect_points_elsewhere, seeded_sandbox) {
  control.inject({{"kind", "redirect"}, {"location", "https://evil.example/api/v1/users"}});
  const auto moved = get_user();
  BOOST_TEST(moved.status == 302U);
  BOOST_TEST(moved.header("Location") == "https://evil.example/api/v1/users");
}

BOOST_FIXTURE_TEST_CASE(a_foreign_link_sends_the_next_page_to_another_origin, seeded_sandbox) {
  control.inject({{"kind", "foreign_link"}, {"location", "https://evil.example/api/v1/users?after=x"}});
  const auto page = okta(http::verb::get, "/api/v1/users?limit=1");
  BOOST_TEST(page.status == 200U);
  BOOST_TEST(page.json().as_array().size() == 1U);  // the answer itself is untouched
  const auto links = page.headers_named("Link");
  BOOST_TEST_REQUIRE(links.size() == 1U);
  BOOST_TEST(links.front() == R"(<https://evil.example/api/v1/users?after=x>; rel="next")");
}

BOOST_FIXTURE_TEST_CASE(clearing_faults_restores_normal_answers, seeded_sandbox) {
  control.inject({{"count", 10}, {"kind", "status"}, {"status", 500}});
  control.clear_faults();
  BOOST_TEST(get_user().status == 200U);
}

BOOST_AUTO_TEST_SUITE_END()
