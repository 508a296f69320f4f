#include "okta_error.hpp"
#include "user_store.hpp"

#include <boost/test/unit_test.hpp>

using namespace okta_sandbox;

namespace {

user_record user_with(std::string id, std::string login) {
  user_record user;
  user.id = std::move(id);
  user.profile = {{"login", login}, {"email", login}, {"firstName", "F"}, {"lastName", "L"}};
  return user;
}

std::string error_code_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const okta_failure& failure) {
    return failure.error().code;
  }
  return "none";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(user_store)

BOOST_AUTO_TEST_CASE(finds_by_id_by_login_ignoring_case_and_by_short_name) {
  okta_sandbox::user_store store;
  store.insert(user_with("00uAAAAAAAAAAAAAAAAA", "Isaac.Brock@example.com"));
  BOOST_TEST(store.find("00uAAAAAAAAAAAAAAAAA").has_value());
  BOOST_TEST(store.find("isaac.brock@EXAMPLE.com")->id == "00uAAAAAAAAAAAAAAAAA");
  BOOST_TEST(store.find("isaac.brock")->id == "00uAAAAAAAAAAAAAAAAA");
  BOOST_TEST(!store.find("isaac").has_value());
}

BOOST_AUTO_TEST_CASE(an_ambiguous_short_name_finds_nobody) {
  okta_sandbox::user_store store;
  store.insert(user_with("00uAAAAAAAAAAAAAAAAA", "sam@example.com"));
  store.insert(user_with("00uBBBBBBBBBBBBBBBBB", "sam@example.org"));
  BOOST_TEST(!store.find("sam").has_value());
  BOOST_TEST(store.find("sam@example.org")->id == "00uBBBBBBBBBBBBBBBBB");
}

BOOST_AUTO_TEST_CASE(a_login_differing_only_in_case_is_a_duplicate) {
  okta_sandbox::user_store store;
  store.insert(user_with("00uAAAAAAAAAAAAAAAAA", "sam@example.com"));
  BOOST_TEST(error_code_of([&] { store.insert(user_with("00uBBBBBBBBBBBBBBBBB", "SAM@example.com")); }) == "E0000001");
  BOOST_TEST(store.size() == 1U);
}

BOOST_AUTO_TEST_CASE(renaming_onto_a_taken_login_is_refused_and_changes_nothing) {
  okta_sandbox::user_store store;
  store.insert(user_with("00uAAAAAAAAAAAAAAAAA", "a@example.com"));
  store.insert(user_with("00uBBBBBBBBBBBBBBBBB", "b@example.com"));
  const auto rename_b_to_a = [&] {
    store.modify("00uBBBBBBBBBBBBBBBBB", [](user_record& u) {
      u.profile["login"] = "A@example.com";
      return okta_sandbox::user_store::after_change::keep;
    });
  };
  BOOST_TEST(error_code_of(rename_b_to_a) == "E0000001");
  BOOST_TEST(store.find("b@example.com")->id == "00uBBBBBBBBBBBBBBBBB");
}

BOOST_AUTO_TEST_CASE(a_renamed_user_is_found_by_the_new_login_only) {
  okta_sandbox::user_store store;
  store.insert(user_with("00uAAAAAAAAAAAAAAAAA", "old@example.com"));
  store.modify("old@example.com", [](user_record& u) {
    u.profile["login"] = "new@example.com";
    return okta_sandbox::user_store::after_change::keep;
  });
  BOOST_TEST(!store.find("old@example.com").has_value());
  BOOST_TEST(!store.find("old").has_value());
  BOOST_TEST(store.find("new")->id == "00uAAAAAAAAAAAAAAAAA");
}

BOOST_AUTO_TEST_CASE(modifying_an_unknown_user_is_a_404) {
  okta_sandbox::user_store store;
  BOOST_TEST(error_code_of([&] {
    store.modify("nobody", [](user_record&) { return okta_sandbox::user_store::after_change::keep; });
  }) == "E0000007");
}

BOOST_AUTO_TEST_CASE(an_erased_user_is_gone_from_every_index) {
  okta_sandbox::user_store store;
  store.insert(user_with("00uAAAAAAAAAAAAAAAAA", "gone@example.com"));
  store.modify("gone", [](user_record&) { return okta_sandbox::user_store::after_change::erase; });
  BOOST_TEST(store.size() == 0U);
  BOOST_TEST(!store.find("gone@example.com").has_value());
  store.insert(user_with("00uBBBBBBBBBBBBBBBBB", "gone@example.com"));
  BOOST_TEST(store.size() == 1U);
}

BOOST_AUTO_TEST_CASE(scanning_visits_users_in_id_order_after_a_given_id) {
  okta_sandbox::user_store store;
  store.insert(user_with("00uC", "c@example.com"));
  store.insert(user_with("00uA", "a@example.com"));
  store.insert(user_with("00uB", "b@example.com"));
  std::vector<std::string> seen;
  store.scan("00uA", [&](const user_record& u) {
    seen.push_back(u.id);
    return true;
  });
  BOOST_TEST(seen == (std::vector<std::string>{"00uB", "00uC"}));
}

BOOST_AUTO_TEST_CASE(seeding_refuses_a_batch_that_repeats_a_login) {
  okta_sandbox::user_store store;
  BOOST_CHECK_THROW(store.insert_many({user_with("00uA", "x@example.com"), user_with("00uB", "X@example.com")}),
                    std::invalid_argument);
  BOOST_TEST(store.size() == 0U);
}

BOOST_AUTO_TEST_SUITE_END()
