#include "group_store.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace okta_sandbox;

namespace {

const wall_clock::time_point t0{std::chrono::hours(24 * 365 * 50)};

group_record group_with(std::string id, group_type type = group_type::okta_group) {
  group_record group;
  group.id = std::move(id);
  group.type = type;
  group.name = "Group " + group.id;
  group.created = t0;
  group.last_updated = t0;
  group.last_membership_updated = t0;
  return group;
}

std::vector<std::string> listed_ids(const okta_sandbox::group_store& store, std::string_view after = {}) {
  std::vector<std::string> ids;
  store.scan(after, [&](const group_record& group) {
    ids.push_back(group.id);
    return true;
  });
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(group_store)

BOOST_AUTO_TEST_CASE(everyone_is_there_from_the_start_and_after_clear) {
  okta_sandbox::group_store store;
  const auto everyone = store.find(store.everyone_id());
  BOOST_REQUIRE(everyone.has_value());
  BOOST_TEST(everyone->name == "Everyone");
  BOOST_TEST(to_string(everyone->type) == "BUILT_IN");
  store.insert(group_with("00g1"));
  store.clear();
  BOOST_TEST(listed_ids(store) == std::vector<std::string>{store.everyone_id()});
}

BOOST_AUTO_TEST_CASE(groups_are_scanned_in_id_order_after_a_cursor) {
  okta_sandbox::group_store store;
  store.clear();
  for (const auto* id : {"00gc", "00ga", "00gb"}) store.insert(group_with(id));
  const auto all = listed_ids(store);
  BOOST_TEST(std::is_sorted(all.begin(), all.end()));
  const auto after_a = listed_ids(store, "00ga");
  BOOST_TEST(std::count(after_a.begin(), after_a.end(), "00ga") == 0);
  BOOST_TEST(std::count(after_a.begin(), after_a.end(), "00gc") == 1);
}

BOOST_AUTO_TEST_CASE(membership_changes_move_the_timestamp_only_when_something_changes) {
  okta_sandbox::group_store store;
  store.insert(group_with("00g1"));
  const auto t1 = t0 + std::chrono::seconds(1);
  const auto t2 = t0 + std::chrono::seconds(2);
  BOOST_TEST(store.add_member("00g1", "00u1", t1));
  BOOST_TEST(store.add_member("00g1", "00u1", t2));  // already a member
  BOOST_TEST(store.find("00g1")->member_ids.size() == 1U);
  BOOST_TEST((store.find("00g1")->last_membership_updated == t1));
  BOOST_TEST(store.remove_member("00g1", "00u9", t2));  // not a member
  BOOST_TEST((store.find("00g1")->last_membership_updated == t1));
  BOOST_TEST(store.remove_member("00g1", "00u1", t2));
  BOOST_TEST(store.find("00g1")->member_ids.empty());
  BOOST_TEST((store.find("00g1")->last_membership_updated == t2));
  BOOST_TEST(!store.add_member("00gnone", "00u1", t2));
  BOOST_TEST(!store.remove_member("00gnone", "00u1", t2));
}

BOOST_AUTO_TEST_CASE(a_user_s_groups_include_everyone_and_a_forgotten_user_has_only_everyone) {
  okta_sandbox::group_store store;
  store.insert(group_with("00g1"));
  store.insert(group_with("00g2"));
  store.add_member("00g1", "00u1", t0);
  store.add_member("00g2", "00u1", t0);
  auto groups = store.groups_of("00u1");
  BOOST_TEST(groups.size() == 3U);
  BOOST_TEST(std::count(groups.begin(), groups.end(), store.everyone_id()) == 1);
  store.forget_user("00u1", t0);
  BOOST_TEST(store.groups_of("00u1") == std::vector<std::string>{store.everyone_id()});
}

BOOST_AUTO_TEST_CASE(everyone_keeps_no_member_list) {
  okta_sandbox::group_store store;
  BOOST_TEST(store.add_member(store.everyone_id(), "00u1", t0));
  BOOST_TEST(store.find(store.everyone_id())->member_ids.empty());
}

BOOST_AUTO_TEST_SUITE_END()
