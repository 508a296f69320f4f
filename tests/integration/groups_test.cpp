// The group nodes end to end: a user's groups, groups listed, searched and
// paged, members listed, memberships added and removed by id and by name,
// and Okta's refusals passed through.
#include "okta_bench.hpp"

#include <set>

using namespace okta_it;

namespace {

std::string id_of(const json::object& group) { return std::string(group.at("id").as_string()); }

std::set<std::string> names_of(const json::array& groups) {
    std::set<std::string> names;
    for (const auto& group : groups) {
        names.emplace(group.at("profile").at("name").as_string());
    }
    return names;
}

std::set<std::string> member_ids(const std::string& group_id) {
    std::set<std::string> ids;
    for (const auto& group : admin().groups()) {
        if (group.at("id").as_string() == group_id) {
            if (const auto* members = group.as_object().if_contains("memberIds")) {
                for (const auto& member : members->as_array()) {
                    ids.emplace(member.as_string());
                }
            }
        }
    }
    return ids;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(groups, bench)

BOOST_AUTO_TEST_CASE(a_user_is_added_to_a_group_by_id_and_twice_is_still_once) {
    const std::string user = seeded_user();
    const std::string group = id_of(admin().create_group("Engineering"));
    admin().clear_requests();
    const json::object params{{"GroupId", group}, {"UserId", user}};
    const auto first = run("okta.group.addUser", params);
    BOOST_TEST(first.status() == 204, first.message());
    BOOST_TEST(first.output.at("GroupId").as_string() == group);
    BOOST_TEST(first.output.at("UserId").as_string() == user);
    const auto request = only_request();
    BOOST_TEST(method_of(request) == "PUT");
    BOOST_TEST(target_of(request) == "/api/v1/groups/" + group + "/users/" + user);

    const auto again = run("okta.group.addUser", params);
    BOOST_TEST(again.status() == 204, again.message());
    const auto listed = run("okta.group.listMembers", json::object{{"GroupId", group}});
    BOOST_TEST(listed.status() == 200, listed.message());
    BOOST_TEST(listed.output.at("Users").as_array().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_group_named_with_a_quote_is_found_by_its_exact_name) {
    const std::string user = seeded_user();
    const std::string name = "R&D \"West\" \\ Ops";
    const std::string group = id_of(admin().create_group(name));
    admin().create_group("R&D");
    admin().clear_requests();
    const auto added = run("okta.group.addUser", json::object{{"GroupName", name}, {"UserId", "member1@example.com"}});
    BOOST_TEST(added.status() == 204, added.message());
    BOOST_TEST(added.output.at("GroupId").as_string() == group);
    const auto listed = run("okta.user.listGroups", json::object{{"UserId", user}});
    BOOST_TEST(names_of(listed.output.at("Groups").as_array()).count(name) == 1u);
}

BOOST_AUTO_TEST_CASE(a_group_name_nobody_has_is_a_404_naming_it) {
    const std::string user = seeded_user();
    const auto result = run("okta.group.addUser", json::object{{"GroupName", "Nowhere"}, {"UserId", user}});
    BOOST_TEST(result.status() == 404);
    BOOST_TEST(result.code() == "E0000007");
    BOOST_TEST(result.message().find("Nowhere") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_group_name_two_groups_share_changes_nothing) {
    const std::string user = seeded_user();
    const std::string one = id_of(admin().create_group("Sales"));
    const std::string two = id_of(admin().create_group("sales"));
    admin().clear_requests();
    const auto result = run("okta.group.addUser", json::object{{"GroupName", "Sales"}, {"UserId", user}});
    BOOST_TEST(result.status() == 409);
    BOOST_TEST(result.code() == "WFN_GROUP_NAME_AMBIGUOUS");
    BOOST_TEST(result.output.at("Retryable").as_bool() == false);
    BOOST_TEST(result.message().find(one) != std::string::npos);
    BOOST_TEST(result.message().find(two) != std::string::npos);
    for (const auto& sent : requests()) {
        BOOST_TEST(method_of(sent) == "GET", "nothing is changed");
    }
    BOOST_TEST(member_ids(one).empty());
}

BOOST_AUTO_TEST_CASE(an_app_group_and_everyone_refuse_members_as_okta_does) {
    const std::string user = seeded_user();
    const std::string app_group = id_of(admin().create_group("App Users", "APP_GROUP"));
    const auto app = run("okta.group.addUser", json::object{{"GroupId", app_group}, {"UserId", user}});
    BOOST_TEST(app.status() == 403, app.message());
    BOOST_TEST(app.code() == "E0000006");
    const auto everyone = run("okta.group.removeUser", json::object{{"GroupName", "Everyone"}, {"UserId", user}});
    BOOST_TEST(everyone.status() == 403, everyone.message());
    BOOST_TEST(everyone.code() == "E0000006");
}

BOOST_AUTO_TEST_CASE(a_member_is_removed_and_removing_again_changes_nothing) {
    const std::string user = seeded_user();
    const std::string group = id_of(admin().create_group("Leavers"));
    admin().add_member(group, user);
    const json::object params{{"GroupId", group}, {"UserId", user}};
    BOOST_TEST(run("okta.group.removeUser", params).status() == 204);
    BOOST_TEST(member_ids(group).empty());
    BOOST_TEST(run("okta.group.removeUser", params).status() == 204);
}

BOOST_AUTO_TEST_CASE(get_a_user_with_groups_lists_every_group_it_is_in) {
    const std::string user = seeded_user();
    for (const char* name : {"Alpha", "Beta"}) {
        admin().add_member(id_of(admin().create_group(name)), user);
    }
    const auto result = run("okta.user.get", json::object{{"UserId", user}, {"IncludeGroups", true}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("id").as_string() == user);
    BOOST_TEST((names_of(result.output.at("Groups").as_array()) == std::set<std::string>{"Alpha", "Beta", "Everyone"}));
    const auto plain = run("okta.user.get", json::object{{"UserId", user}});
    BOOST_TEST(!plain.output.contains("Groups"));
}

BOOST_AUTO_TEST_CASE(a_user_s_groups_paged_by_okta_are_all_read) {
    const std::string user = seeded_user();
    admin().seed_groups(5, "club");
    for (const auto& group : admin().groups()) {
        if (group.at("type").as_string() == "OKTA_GROUP") {
            admin().add_member(group.at("id").as_string(), user);
        }
    }
    // A reset keeps the configuration: put the page size back whatever happens.
    struct page_size_restorer {
        ~page_size_restorer() { admin().configure(json::object{{"userGroupsPageSize", 10'000}}); }
    } restore;
    admin().configure(json::object{{"userGroupsPageSize", 2}});
    admin().clear_requests();
    const auto result = run("okta.user.listGroups", json::object{{"UserId", user}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(names_of(result.output.at("Groups").as_array()).size() == 6u);  // five clubs and Everyone
    BOOST_TEST(requests().size() == 3u);
}

BOOST_AUTO_TEST_CASE(groups_are_listed_searched_and_paged) {
    admin().seed_groups(25, "team");
    admin().create_group("Other");
    // Okta answers a q search in one page.
    const auto prefix = run("okta.group.list", json::object{{"Query", "team"}});
    BOOST_TEST(prefix.status() == 200, prefix.message());
    BOOST_TEST(prefix.output.at("Groups").as_array().size() == 25u);
    BOOST_TEST(prefix.output.at("NextCursor").as_string() == "");

    const json::object team{{"Search", "profile.name sw \"team\""}, {"Limit", 10}};
    const auto first = run("okta.group.list", team);
    BOOST_TEST(first.output.at("Groups").as_array().size() == 10u);
    const std::string cursor(first.output.at("NextCursor").as_string());
    BOOST_TEST_REQUIRE(!cursor.empty());
    json::object second_page = team;
    second_page["After"] = cursor;
    const auto second = run("okta.group.list", second_page);
    BOOST_TEST(second.output.at("Groups").as_array().size() == 10u);
    BOOST_TEST(names_of(second.output.at("Groups").as_array()) != names_of(first.output.at("Groups").as_array()));

    json::object every_page = team;
    every_page["Limit"] = 7;
    every_page["ReturnAll"] = true;
    const auto all = run("okta.group.list", every_page);
    BOOST_TEST(all.status() == 200, all.message());
    BOOST_TEST(all.output.at("Groups").as_array().size() == 25u);
    BOOST_TEST(names_of(all.output.at("Groups").as_array()).size() == 25u);
    BOOST_TEST(all.output.at("NextCursor").as_string() == "");

    const auto exact = run("okta.group.list", json::object{{"Search", "profile.name eq \"Other\""}});
    BOOST_TEST(exact.output.at("Groups").as_array().size() == 1u);
    const auto built_in = run("okta.group.list", json::object{{"Filter", "type eq \"BUILT_IN\""}});
    BOOST_TEST((names_of(built_in.output.at("Groups").as_array()) == std::set<std::string>{"Everyone"}));
    const auto bad = run("okta.group.list", json::object{{"Search", "profile.name eq"}});
    BOOST_TEST(bad.status() == 400);
    BOOST_TEST(bad.code() == "E0000031");
}

BOOST_AUTO_TEST_CASE(every_member_of_a_large_group_is_listed_once) {
    admin().seed(json::object{{"count", 45}, {"prefix", "crowd"}});
    const std::string group = id_of(admin().create_group("Crowd"));
    for (const auto& user : admin().users()) {
        admin().add_member(group, user.at("id").as_string());
    }
    const auto all = run("okta.group.listMembers", json::object{{"GroupId", group}, {"Limit", 10}, {"ReturnAll", true}});
    BOOST_TEST(all.status() == 200, all.message());
    std::set<std::string> ids;
    for (const auto& user : all.output.at("Users").as_array()) {
        ids.emplace(user.at("id").as_string());
    }
    BOOST_TEST(ids.size() == 45u);
    BOOST_TEST(all.output.at("Users").as_array().size() == 45u);
}

BOOST_AUTO_TEST_CASE(a_group_is_read_by_id_and_an_unknown_one_is_a_404) {
    const std::string group = id_of(admin().create_group("Readers"));
    const auto found = run("okta.group.get", json::object{{"GroupId", group}});
    BOOST_TEST(found.status() == 200, found.message());
    BOOST_TEST(found.output.at("Group").at("profile").at("name").as_string() == "Readers");
    const auto missing = run("okta.group.get", json::object{{"GroupId", "00g0000000000000none"}});
    BOOST_TEST(missing.status() == 404);
    BOOST_TEST(missing.code() == "E0000007");
}

BOOST_AUTO_TEST_CASE(group_id_and_group_name_together_are_refused_before_anything_is_sent) {
    const auto result = run("okta.group.addUser",
                            json::object{{"GroupId", "00g1emaKYZTWRYYRRTSK"}, {"GroupName", "Sales"}, {"UserId", "a@b.co"}});
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(result.message() == "Give exactly one of GroupId and GroupName, not both.");
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
