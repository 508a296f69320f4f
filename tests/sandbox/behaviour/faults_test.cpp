#include "sandbox_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

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

BOOST_FIXTURE_TEST_CASE(a_link_cycle_leads_from_the_second_page_back_to_the_first, seeded_sandbox) {
  control.inject({{"count", 3}, {"kind", "link_cycle"}});
  const auto a = okta(http::verb::get, "/api/v1/users?limit=2");
  const std::string b_target = link_target(a, "next");
  BOOST_TEST(b_target.find("after=") != std::string::npos);  // A's next is the real B
  const auto b = okta(http::verb::get, b_target);
  BOOST_TEST(b.json().as_array().size() == 1U);
  BOOST_TEST(link_target(b, "next") == "/api/v1/users?limit=2");  // and B's leads back to A
  const auto a_again = okta(http::verb::get, link_target(b, "next"));
  BOOST_TEST(link_target(a_again, "next") == b_target);
  // Spent: the last page ends again.
  BOOST_TEST(link_target(okta(http::verb::get, b_target), "next").empty());
}

BOOST_FIXTURE_TEST_CASE(a_lone_page_under_a_link_cycle_links_to_itself, seeded_sandbox) {
  control.inject({{"kind", "link_cycle"}});
  BOOST_TEST(link_target(okta(http::verb::get, "/api/v1/users"), "next") == "/api/v1/users");
}

BOOST_FIXTURE_TEST_CASE(an_interim_100_comes_before_the_real_answer, seeded_sandbox) {
  control.inject({{"kind", "interim_100"}});
  const auto reply = get_user();
  BOOST_TEST(reply.interim_statuses == std::vector<unsigned>{100}, boost::test_tools::per_element());
  BOOST_TEST(reply.status == 200U);
  BOOST_TEST(reply.json().at("profile").at("login").as_string() == "seed1@example.com");
}

BOOST_FIXTURE_TEST_CASE(a_wrong_2xx_answers_200_with_an_empty_list_and_does_nothing, seeded_sandbox) {
  control.inject({{"count", 2}, {"kind", "wrong_2xx"}});
  const auto deleted = okta(http::verb::delete_, "/api/v1/users/seed1@example.com");
  BOOST_TEST(deleted.status == 200U);
  BOOST_TEST(deleted.body == "[]");
  const auto suspended = okta(http::verb::post, "/api/v1/users/seed1@example.com/lifecycle/suspend");
  BOOST_TEST(suspended.body == "[]");
  BOOST_TEST(get_user().json().at("status").as_string() == "ACTIVE");
}

BOOST_FIXTURE_TEST_CASE(a_close_delimited_answer_has_no_length_and_is_carried_out, seeded_sandbox) {
  control.inject({{"kind", "close_delimited"}});
  const auto reply = okta(http::verb::post, "/api/v1/users/seed1@example.com/lifecycle/suspend");
  BOOST_TEST(reply.status == 200U);
  BOOST_TEST(reply.version == 10U);
  BOOST_TEST(reply.header("Content-Length").empty());
  BOOST_TEST(reply.header("Transfer-Encoding").empty());
  BOOST_TEST(reply.json().as_object().empty());
  BOOST_TEST(get_user().json().at("status").as_string() == "SUSPENDED");
}

BOOST_FIXTURE_TEST_CASE(the_status_fault_takes_any_status_from_100_to_599, seeded_sandbox) {
  control.inject({{"kind", "status"}, {"status", 201}});
  const auto created = get_user();
  BOOST_TEST(created.status == 201U);
  BOOST_TEST(created.json().as_object().empty());
  control.inject({{"kind", "status"}, {"status", 204}});
  BOOST_TEST(get_user().body.empty());
  control.inject({{"kind", "status"}, {"status", 302}});
  BOOST_TEST(get_user().status == 302U);
  control.inject({{"kind", "status"}, {"status", 418}});
  BOOST_TEST(get_user().status == 418U);
  // A lone 1xx is interim to the client, which then finds the connection closed.
  control.inject({{"kind", "status"}, {"status", 103}});
  BOOST_TEST(get_user_fails("read response"));
  BOOST_CHECK_THROW(control.inject({{"kind", "status"}, {"status", 99}}), std::runtime_error);
  BOOST_CHECK_THROW(control.inject({{"kind", "status"}, {"status", 600}}), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(requests_over_the_concurrent_limit_get_a_429_with_limit_zero) {
  sandbox_fixture f({"--quiet", "--concurrent-limit", "2"});
  f.control.seed(1);
  BOOST_TEST(f.control.configure({}).at("concurrentRequests").as_int64() == 2);
  // Two requests held in flight by a delay; a third arrives while they wait.
  f.control.inject({{"count", 2}, {"kind", "delay"}, {"delayMs", 4000}});
  std::vector<std::thread> held;
  std::vector<unsigned> held_statuses(2);
  for (std::size_t i = 0; i < 2; ++i) {
    held.emplace_back([&f, &held_statuses, i] { held_statuses[i] = f.okta(http::verb::get, "/api/v1/users/seed1").status; });
  }
  for (int polls = 0; polls < 400 && f.control.requests().size() < 2; ++polls) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const auto refused = f.okta(http::verb::get, "/api/v1/users/seed1");
  for (auto& thread : held) thread.join();
  BOOST_TEST(refused.status == 429U);
  BOOST_TEST(error_code(refused) == "E0000047");
  BOOST_TEST(refused.header("X-Rate-Limit-Limit") == "0");
  BOOST_TEST(refused.header("X-Rate-Limit-Remaining") == "0");
  BOOST_TEST(!refused.header("X-Rate-Limit-Reset").empty());
  BOOST_TEST(held_statuses == (std::vector<unsigned>{200, 200}), boost::test_tools::per_element());
  // The slots are given back.
  BOOST_TEST(f.okta(http::verb::get, "/api/v1/users/seed1").status == 200U);
  f.control.configure({{"concurrentRequests", 0}});
  BOOST_TEST(f.okta(http::verb::get, "/api/v1/users/seed1").status == 429U);
}

BOOST_AUTO_TEST_SUITE_END()
