#include "rate_limiter.hpp"

#include <boost/test/unit_test.hpp>

using namespace okta_sandbox;
using namespace std::chrono_literals;

namespace {

// A fixed instant on a whole second, so window ends are easy to state.
const wall_clock::time_point start{std::chrono::seconds(1'700'000'000)};

rate_limiter limiter_of(std::uint32_t size, std::chrono::seconds window = 60s) {
  rate_limits limits;
  limits.users_collection = size;
  limits.user_get = size * 2;
  limits.user_write = size;
  limits.window = window;
  return rate_limiter(limits);
}

}  // namespace


BOOST_AUTO_TEST_SUITE(rate_limiter)

BOOST_AUTO_TEST_CASE(each_request_counts_down_the_remaining_calls) {
  auto limiter = limiter_of(3);
  BOOST_TEST(limiter.take(endpoint_class::users_collection, start).remaining == 2U);
  BOOST_TEST(limiter.take(endpoint_class::users_collection, start).remaining == 1U);
  const auto last = limiter.take(endpoint_class::users_collection, start);
  BOOST_TEST(last.allowed);
  BOOST_TEST(last.remaining == 0U);
  BOOST_TEST(last.limit == 3U);
}

BOOST_AUTO_TEST_CASE(an_empty_bucket_refuses_until_the_window_ends) {
  auto limiter = limiter_of(1);
  limiter.take(endpoint_class::user_write, start);
  const auto refused = limiter.take(endpoint_class::user_write, start + 59s);
  BOOST_TEST(!refused.allowed);
  BOOST_TEST(refused.remaining == 0U);
  BOOST_TEST(limiter.take(endpoint_class::user_write, start + 60s).allowed);
}

BOOST_AUTO_TEST_CASE(the_reset_is_the_epoch_second_the_window_ends) {
  auto limiter = limiter_of(5, 10s);
  BOOST_TEST(limiter.take(endpoint_class::users_collection, start + 250ms).reset_epoch_seconds == 1'700'000'011);
}

BOOST_AUTO_TEST_CASE(endpoint_classes_have_their_own_buckets) {
  auto limiter = limiter_of(1);
  limiter.take(endpoint_class::users_collection, start);
  BOOST_TEST(!limiter.take(endpoint_class::users_collection, start).allowed);
  BOOST_TEST(limiter.take(endpoint_class::user_get, start).allowed);
  BOOST_TEST(limiter.take(endpoint_class::user_get, start).limit == 2U);
  BOOST_TEST(limiter.take(endpoint_class::user_write, start).allowed);
}

BOOST_AUTO_TEST_CASE(new_sizes_apply_at_once_with_fresh_windows) {
  auto limiter = limiter_of(1);
  limiter.take(endpoint_class::users_collection, start);
  rate_limits bigger = limiter.limits();
  bigger.users_collection = 10;
  limiter.configure(bigger);
  const auto decision = limiter.take(endpoint_class::users_collection, start);
  BOOST_TEST(decision.allowed);
  BOOST_TEST(decision.remaining == 9U);
}

BOOST_AUTO_TEST_CASE(reset_refills_every_bucket) {
  auto limiter = limiter_of(1);
  limiter.take(endpoint_class::user_write, start);
  limiter.reset();
  BOOST_TEST(limiter.take(endpoint_class::user_write, start).allowed);
}

BOOST_AUTO_TEST_SUITE_END()
