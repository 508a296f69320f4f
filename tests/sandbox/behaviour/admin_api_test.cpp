#include "sandbox_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>

using namespace okta_sandbox;
using namespace okta_sandbox::testing;

namespace {

// Seeding 100,000 users takes well under a second in an optimised build;
// sanitizer builds run the same code many times slower.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr auto seeding_bound = std::chrono::seconds(60);
#else
constexpr auto seeding_bound = std::chrono::seconds(10);
#endif

}  // namespace

BOOST_AUTO_TEST_SUITE(admin_api)

BOOST_FIXTURE_TEST_CASE(stats_count_the_connections_since_the_reset, sandbox_fixture) {
  control.reset();
  for (int i = 0; i < 3; ++i) okta(http::verb::get, "/api/v1/users");  // one connection each
  const auto stats = control.stats();                                   // and one more
  BOOST_TEST(stats.at("acceptedConnections").as_int64() == 4);
  BOOST_TEST(stats.at("openConnections").as_int64() >= 1);
  BOOST_TEST(stats.at("peakOpenConnections").as_int64() >= stats.at("openConnections").as_int64());
}

BOOST_FIXTURE_TEST_CASE(seeded_users_are_stored_and_listed, sandbox_fixture) {
  BOOST_TEST(control.seed(3, "alpha") == 3U);
  const auto users = control.users();
  BOOST_TEST(users.size() == 3U);
  const auto reply = okta(http::verb::get, "/api/v1/users/alpha2@example.com");
  BOOST_TEST(reply.status == 200U);
  BOOST_TEST(reply.json().at("status").as_string() == "ACTIVE");
  BOOST_TEST(reply.json().at("profile").at("firstName").as_string() == "Alpha");
}

BOOST_FIXTURE_TEST_CASE(seeding_takes_a_status_and_extra_profile_values, sandbox_fixture) {
  control.seed({{"count", 2}, {"prefix", "locked"}, {"status", "LOCKED_OUT"}, {"profile", {{"department", "Sales"}}}});
  const auto user = okta(http::verb::get, "/api/v1/users/locked1").json();
  BOOST_TEST(user.at("status").as_string() == "LOCKED_OUT");
  BOOST_TEST(user.at("profile").at("department").as_string() == "Sales");
}

BOOST_FIXTURE_TEST_CASE(a_hundred_thousand_users_seed_in_seconds, sandbox_fixture) {
  const auto started = std::chrono::steady_clock::now();
  BOOST_TEST(control.seed(100'000) == 100'000U);
  const auto took = std::chrono::steady_clock::now() - started;
  BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() <
             std::chrono::duration_cast<std::chrono::milliseconds>(seeding_bound).count());
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/seed99999@example.com").status == 200U);
}

BOOST_FIXTURE_TEST_CASE(seeding_an_existing_login_fails_with_a_reason, sandbox_fixture) {
  control.seed(1, "dup");
  BOOST_CHECK_EXCEPTION(control.seed(1, "dup"), std::runtime_error, [](const std::runtime_error& e) {
    return std::string(e.what()).find("dup1@example.com exists already") != std::string::npos;
  });
}

BOOST_FIXTURE_TEST_CASE(reset_forgets_users_requests_and_faults, sandbox_fixture) {
  control.seed(5);
  okta(http::verb::get, "/api/v1/users");
  control.inject({{"count", 5}, {"kind", "status"}, {"status", 500}});
  control.reset();
  BOOST_TEST(control.users().empty());
  BOOST_TEST(control.requests().empty());
  BOOST_TEST(okta(http::verb::get, "/api/v1/users").status == 200U);
}

BOOST_FIXTURE_TEST_CASE(the_request_log_keeps_what_was_sent_exactly, sandbox_fixture) {
  client.request(http::verb::post, "/api/v1/users/a%2Fb%40example.com?activate=true&x=%2B", R"({"profile":{}})",
                 {{"Authorization", "SSWS " + sandbox.token()}, {"X-Trace", "one"}, {"X-Custom-Header", "Mixed"}});
  control.users();  // admin calls are not logged
  const auto requests = control.requests();
  BOOST_TEST_REQUIRE(requests.size() == 1U);
  const auto& logged = requests.at(0).as_object();
  BOOST_TEST(logged.at("method").as_string() == "POST");
  BOOST_TEST(logged.at("target").as_string() == "/api/v1/users/a%2Fb%40example.com?activate=true&x=%2B");
  BOOST_TEST(logged.at("body").as_string() == R"({"profile":{}})");
  const auto& headers = logged.at("headers").as_object();
  BOOST_TEST(headers.at("authorization").as_string() == "SSWS " + sandbox.token());
  BOOST_TEST(headers.at("x-custom-header").as_string() == "Mixed");
  control.clear_requests();
  BOOST_TEST(control.requests().empty());
}

BOOST_FIXTURE_TEST_CASE(rate_limits_change_live, sandbox_fixture) {
  const auto config = control.configure({{"userGet", 7}, {"windowSeconds", 30}});
  BOOST_TEST(config.at("userGet").as_int64() == 7);
  BOOST_TEST(config.at("usersCollection").as_int64() == 600);
  control.seed(1);
  const auto reply = okta(http::verb::get, "/api/v1/users/seed1");
  BOOST_TEST(reply.header("X-Rate-Limit-Limit") == "7");
  BOOST_TEST(reply.header("X-Rate-Limit-Remaining") == "6");
}

BOOST_FIXTURE_TEST_CASE(bad_admin_requests_say_what_is_wrong, sandbox_fixture) {
  BOOST_CHECK_EXCEPTION(control.configure({{"speed", 1}}), std::runtime_error, [](const std::runtime_error& e) {
    return std::string(e.what()).find("unknown setting \"speed\"") != std::string::npos;
  });
  BOOST_CHECK_EXCEPTION(control.inject({{"kind", "gremlins"}}), std::runtime_error, [](const std::runtime_error& e) {
    return std::string(e.what()).find("unknown fault kind") != std::string::npos;
  });
}

BOOST_AUTO_TEST_SUITE_END()
