#include "sandbox_fixture.hpp"

#include <boost/test/unit_test.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <set>
#include <thread>

using namespace okta_sandbox;
using namespace okta_sandbox::testing;

namespace {

std::string encoded(std::string_view text) { return boost::urls::encode(text, boost::urls::unreserved_chars); }

struct groups_fixture : sandbox_fixture {
  http_reply get(const std::string& target) const { return okta(http::verb::get, target); }

  std::vector<std::string> names(const std::string& target) const {
    std::vector<std::string> found;
    const auto listed = get(target).json();
    for (const auto& group : listed.as_array()) {
      found.emplace_back(group.at("profile").at("name").as_string());
    }
    return found;
  }

  std::string everyone_id() const {
    return id_of(get("/api/v1/groups?search=" + encoded("type eq \"BUILT_IN\"")).json().at(0));
  }

  std::string seeded_user(const std::string& login) {
    control.seed({{"count", 1}, {"prefix", login}});
    return id_of(get("/api/v1/users/" + login + "1@example.com").json());
  }

  http_reply membership(http::verb method, const std::string& group_id, const std::string& user_id) const {
    return okta(method, "/api/v1/groups/" + group_id + "/users/" + user_id);
  }

  std::set<std::string> member_ids(const std::string& group_id) const {
    std::set<std::string> ids;
    const auto users = get("/api/v1/groups/" + group_id + "/users").json();
    for (const auto& user : users.as_array()) ids.insert(id_of(user));
    return ids;
  }

  std::set<std::string> group_ids_of(const std::string& user) const {
    std::set<std::string> ids;
    const auto groups = get("/api/v1/users/" + user + "/groups").json();
    for (const auto& group : groups.as_array()) ids.insert(id_of(group));
    return ids;
  }

  // Every item of a listing, following rel="next" from the first page.
  std::vector<std::string> all_ids(std::string target, std::size_t& pages) const {
    std::vector<std::string> ids;
    pages = 0;
    while (!target.empty() && pages < 100) {
      const auto reply = get(target);
      BOOST_REQUIRE(reply.status == 200U);
      const auto items = reply.json();
      for (const auto& item : items.as_array()) ids.push_back(id_of(item));
      ++pages;
      target = link_target(reply, "next");
    }
    return ids;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(groups)

BOOST_FIXTURE_TEST_CASE(everyone_always_exists_and_holds_every_user, groups_fixture) {
  const auto listed = get("/api/v1/groups").json().as_array();
  BOOST_REQUIRE(listed.size() == 1U);
  BOOST_TEST(listed.at(0).at("type").as_string() == "BUILT_IN");
  BOOST_TEST(listed.at(0).at("profile").at("name").as_string() == "Everyone");
  const std::string everyone = id_of(listed.at(0));

  control.seed(3);
  BOOST_TEST(member_ids(everyone).size() == 3U);
  BOOST_TEST(group_ids_of("seed2@example.com") == std::set<std::string>{everyone});

  control.create_group("Engineering");
  control.reset();
  BOOST_TEST(names("/api/v1/groups") == std::vector<std::string>{"Everyone"});
  BOOST_TEST(everyone_id() == everyone);
  BOOST_TEST(member_ids(everyone).empty());
}

BOOST_FIXTURE_TEST_CASE(a_group_looks_like_okta_s, groups_fixture) {
  const auto created = control.create_group({{"name", "Engineering"}, {"description", "Builds things"}});
  const std::string id = id_of(created);
  const auto reply = get("/api/v1/groups/" + id);
  BOOST_TEST(reply.status == 200U);
  BOOST_TEST(reply.header("X-Rate-Limit-Limit") == "1000");
  const auto group = reply.json().as_object();
  BOOST_TEST(id.size() == 20U);
  BOOST_TEST(id.starts_with("00g"));
  BOOST_TEST(group.at("type").as_string() == "OKTA_GROUP");
  BOOST_TEST(group.at("objectClass").at(0).as_string() == "okta:user_group");
  BOOST_TEST(group.at("profile").at("description").as_string() == "Builds things");
  BOOST_TEST(group.at("lastMembershipUpdated").as_string() == group.at("created").as_string());
  BOOST_TEST(group.at("_links").at("self").at("href").as_string() == sandbox.base_url() + "/api/v1/groups/" + id);
  BOOST_TEST(group.at("_links").at("users").at("href").as_string() ==
             sandbox.base_url() + "/api/v1/groups/" + id + "/users");
}

BOOST_FIXTURE_TEST_CASE(q_search_and_filter_select_groups, groups_fixture) {
  control.create_group("Sales East");
  control.create_group("Sales West");
  control.create_group({{"name", "Support"}, {"description", "West coast help desk"}});
  control.create_group("AD Admins", "APP_GROUP");

  const auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  BOOST_TEST(sorted(names("/api/v1/groups?q=sal")) == (std::vector<std::string>{"Sales East", "Sales West"}));
  BOOST_TEST(names("/api/v1/groups?search=" + encoded("profile.name eq \"support\"")) ==
             std::vector<std::string>{"Support"});
  BOOST_TEST(sorted(names("/api/v1/groups?search=" + encoded("profile.name co \"West\" or profile.description co \"west\""))) ==
             (std::vector<std::string>{"Sales West", "Support"}));
  BOOST_TEST(names("/api/v1/groups?search=" + encoded("type eq \"APP_GROUP\"")) == std::vector<std::string>{"AD Admins"});
  BOOST_TEST(names("/api/v1/groups?filter=" + encoded("type eq \"OKTA_GROUP\"")).size() == 3U);
  BOOST_TEST(names("/api/v1/groups?filter=" + encoded("lastMembershipUpdated gt \"2000-01-01T00:00:00.000Z\"")).size() == 5U);

  const auto refused = get("/api/v1/groups?filter=" + encoded("profile.name eq \"Support\""));
  BOOST_TEST(refused.status == 400U);
  BOOST_TEST(error_code(refused) == "E0000031");
  BOOST_TEST(error_code(get("/api/v1/groups?search=" + encoded("type co \"APP\""))) == "E0000031");
  BOOST_TEST(error_code(get("/api/v1/groups?filter=" + encoded("type gt \"A\""))) == "E0000031");
}

BOOST_FIXTURE_TEST_CASE(the_group_list_pages_with_link_headers, groups_fixture) {
  BOOST_TEST(control.seed_groups(25) == 25U);
  const auto first = get("/api/v1/groups?limit=10");
  BOOST_TEST(first.json().as_array().size() == 10U);
  BOOST_TEST(link_target(first, "self") == "/api/v1/groups?limit=10");
  BOOST_TEST(link_target(first, "next").find("after=") != std::string::npos);

  std::size_t pages = 0;
  const auto ids = all_ids("/api/v1/groups?limit=10", pages);
  BOOST_TEST(pages == 3U);
  BOOST_TEST(ids.size() == 26U);  // 25 and Everyone
  BOOST_TEST(std::set<std::string>(ids.begin(), ids.end()).size() == 26U);
  // q is a single page.
  BOOST_TEST(link_target(get("/api/v1/groups?q=group&limit=5"), "next").empty());
  BOOST_TEST(error_code(get("/api/v1/groups?after=not-a-cursor")) == "E0000001");
}

BOOST_FIXTURE_TEST_CASE(adding_and_removing_a_member_is_204_every_time, groups_fixture) {
  const std::string group = id_of(control.create_group("Engineering"));
  const std::string user = seeded_user("ada");
  const std::string before = std::string(get("/api/v1/groups/" + group).json().at("lastMembershipUpdated").as_string());
  std::this_thread::sleep_for(std::chrono::milliseconds(5));

  const auto added = membership(http::verb::put, group, user);
  BOOST_TEST(added.status == 204U);
  BOOST_TEST(added.body.empty());
  BOOST_TEST(membership(http::verb::put, group, user).status == 204U);
  BOOST_TEST(member_ids(group) == std::set<std::string>{user});
  BOOST_TEST(group_ids_of(user) == (std::set<std::string>{group, everyone_id()}));
  BOOST_TEST(get("/api/v1/groups/" + group).json().at("lastMembershipUpdated").as_string() != before);

  BOOST_TEST(membership(http::verb::delete_, group, user).status == 204U);
  BOOST_TEST(membership(http::verb::delete_, group, user).status == 204U);
  BOOST_TEST(member_ids(group).empty());
  BOOST_TEST(group_ids_of("ada1@example.com") == std::set<std::string>{everyone_id()});
}

BOOST_FIXTURE_TEST_CASE(app_group_and_everyone_memberships_are_refused, groups_fixture) {
  const std::string app_group = id_of(control.create_group("AD Admins", "APP_GROUP"));
  const std::string user = seeded_user("ada");
  for (const auto& group : {app_group, everyone_id()}) {
    for (const auto method : {http::verb::put, http::verb::delete_}) {
      const auto refused = membership(method, group, user);
      BOOST_TEST(refused.status == 403U);
      BOOST_TEST(error_code(refused) == "E0000006");
    }
  }
  BOOST_TEST(member_ids(app_group).empty());
}

BOOST_FIXTURE_TEST_CASE(unknown_groups_and_users_are_404, groups_fixture) {
  const std::string group = id_of(control.create_group("Engineering"));
  const std::string user = seeded_user("ada");
  for (const auto& reply : {membership(http::verb::put, "00gnosuchgroup000000", user),
                            membership(http::verb::put, group, "00unosuchuser0000000"),
                            membership(http::verb::delete_, group, "00unosuchuser0000000"),
                            get("/api/v1/groups/00gnosuchgroup000000"),
                            get("/api/v1/groups/00gnosuchgroup000000/users"),
                            get("/api/v1/users/00unosuchuser0000000/groups")}) {
    BOOST_TEST(reply.status == 404U);
    BOOST_TEST(error_code(reply) == "E0000007");
  }
  BOOST_TEST(get("/api/v1/groups/00gnosuchgroup000000").json().at("errorSummary").as_string() ==
             "Not found: Resource not found: 00gnosuchgroup000000 (UserGroup)");
}

BOOST_FIXTURE_TEST_CASE(a_deleted_user_leaves_its_groups, groups_fixture) {
  const std::string group = id_of(control.create_group("Engineering"));
  const std::string app_group = id_of(control.create_group("AD Admins", "APP_GROUP"));
  const std::string user = seeded_user("ada");
  membership(http::verb::put, group, user);
  control.add_member(app_group, "ada1@example.com");
  BOOST_TEST(member_ids(app_group) == std::set<std::string>{user});

  okta(http::verb::delete_, "/api/v1/users/" + user);
  BOOST_TEST(member_ids(group) == std::set<std::string>{user});  // deactivated users stay members
  okta(http::verb::delete_, "/api/v1/users/" + user);
  const auto stored_groups = control.groups();
  for (const auto& stored : stored_groups) BOOST_TEST(stored.at("memberIds").as_array().empty());
}

BOOST_FIXTURE_TEST_CASE(member_lists_page_with_link_headers, groups_fixture) {
  const std::string group = id_of(control.create_group("Engineering"));
  control.seed(7);
  for (int i = 1; i <= 7; ++i) membership(http::verb::put, group, id_of(get("/api/v1/users/seed" + std::to_string(i)).json()));
  std::size_t pages = 0;
  const auto ids = all_ids("/api/v1/groups/" + group + "/users?limit=3", pages);
  BOOST_TEST(pages == 3U);
  BOOST_TEST(std::set<std::string>(ids.begin(), ids.end()).size() == 7U);
  const auto everyone = all_ids("/api/v1/groups/" + everyone_id() + "/users?limit=5", pages);
  BOOST_TEST(everyone.size() == 7U);
  BOOST_TEST(pages == 2U);
}

BOOST_FIXTURE_TEST_CASE(a_user_s_groups_page_at_the_configured_size, groups_fixture) {
  control.seed_groups(4);
  const std::string user = seeded_user("ada");
  const auto stored_groups = control.groups();
  for (const auto& group : stored_groups) {
    if (group.at("type").as_string() == "OKTA_GROUP") membership(http::verb::put, id_of(group), user);
  }
  BOOST_TEST(control.configure({{"userGroupsPageSize", 2}}).at("userGroupsPageSize").as_int64() == 2);
  std::size_t pages = 0;
  const auto ids = all_ids("/api/v1/users/ada1@example.com/groups", pages);
  BOOST_TEST(pages == 3U);
  BOOST_TEST(std::set<std::string>(ids.begin(), ids.end()).size() == 5U);  // four and Everyone
}

BOOST_FIXTURE_TEST_CASE(group_controls_refuse_bad_input, groups_fixture) {
  BOOST_CHECK_THROW(control.create_group(""), std::runtime_error);
  BOOST_CHECK_THROW(control.create_group("Builtin", "BUILT_IN"), std::runtime_error);
  BOOST_CHECK_THROW(control.add_member("00gnosuchgroup000000", "admin@example.com"), std::runtime_error);
  BOOST_CHECK_THROW(control.add_member(everyone_id(), "nobody@example.com"), std::runtime_error);
  BOOST_CHECK_THROW(control.seed_groups(100'001), std::runtime_error);
}

BOOST_FIXTURE_TEST_CASE(a_status_can_be_set_directly, groups_fixture) {
  control.seed(1, "ada");
  BOOST_TEST(control.set_user_status("ada1@example.com", "LOCKED_OUT").at("status").as_string() == "LOCKED_OUT");
  BOOST_TEST(get("/api/v1/users/ada1@example.com").json().at("status").as_string() == "LOCKED_OUT");
  BOOST_CHECK_THROW(control.set_user_status("ada1@example.com", "SLEEPING"), std::runtime_error);
  BOOST_CHECK_THROW(control.set_user_status("nobody@example.com", "ACTIVE"), std::runtime_error);
}

BOOST_FIXTURE_TEST_CASE(group_endpoints_have_their_own_rate_buckets, groups_fixture) {
  control.configure({{"groupsCollection", 2}, {"groupGet", 1}, {"groupWrite", 1}});
  const std::string group = id_of(control.create_group("Engineering"));
  const std::string user = seeded_user("ada");
  BOOST_TEST(get("/api/v1/groups").status == 200U);
  BOOST_TEST(get("/api/v1/groups").header("X-Rate-Limit-Remaining") == "0");
  BOOST_TEST(get("/api/v1/groups").status == 429U);
  BOOST_TEST(get("/api/v1/groups/" + group).status == 200U);
  BOOST_TEST(get("/api/v1/groups/" + group + "/users").status == 429U);
  BOOST_TEST(membership(http::verb::put, group, user).status == 204U);
  BOOST_TEST(membership(http::verb::delete_, group, user).status == 429U);
  BOOST_TEST(get("/api/v1/users/" + user).status == 200U);  // the users' buckets are apart
}

BOOST_FIXTURE_TEST_CASE(a_user_created_with_group_ids_is_in_those_groups, groups_fixture) {
  const std::string group = id_of(control.create_group("Engineering"));
  const std::string app_group = id_of(control.create_group("AD Admins", "APP_GROUP"));
  auto body = user_body("new.hire@example.com");
  body["groupIds"] = boost::json::array{group, app_group, "00gmadeup00000000000"};
  const auto created = create(body);
  BOOST_TEST(created.status == 200U);
  BOOST_TEST(member_ids(group) == std::set<std::string>{id_of(created.json())});
  BOOST_TEST(member_ids(app_group).empty());
}

BOOST_AUTO_TEST_SUITE_END()
