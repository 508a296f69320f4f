// okta.group.list, okta.group.listMembers and okta.user.listGroups hand
// their items over page by page to a host that streams (ABI 1.1), and a
// listing that meets a 503 after its first page keeps what it listed,
// Complete false and NextCursor; a rerun with After = NextCursor lists the
// rest, every item exactly once.
#include "okta_bench.hpp"

#include <functional>
#include <set>
#include <string>
#include <vector>

using namespace okta_it;

namespace {

struct listing {
    json::object output;
    std::vector<std::string> ids;
};

struct list_case {
    std::string node;
    std::string member;  // "Groups" or "Users"
    json::object params;
};

// Okta pages a user's groups two at a time while this lives. A reset keeps
// the configuration, so the page size is put back whatever happens.
struct user_groups_in_pages_of_two {
    user_groups_in_pages_of_two() { admin().configure(json::object{{"userGroupsPageSize", 2}}); }
    ~user_groups_in_pages_of_two() { admin().configure(json::object{{"userGroupsPageSize", 10'000}}); }
    user_groups_in_pages_of_two(const user_groups_in_pages_of_two&) = delete;
    user_groups_in_pages_of_two& operator=(const user_groups_in_pages_of_two&) = delete;
};

struct list_streaming_bench : bench {
    // Streams `node` and collects the ids of its items.
    static listing streamed(const list_case& list, const std::string& after = "") {
        listing result;
        json::object params = list.params;
        params["MaxRetries"] = 2;
        if (!after.empty()) {
            params["After"] = after;
        }
        wfn::host::run_options options;
        options.on_item = [&](std::string_view member, const json::object& item) {
            BOOST_TEST(member == list.member);
            result.ids.emplace_back(item.at("id").as_string());
        };
        result.output = host().run(list.node, json::serialize(params), json::serialize(sandbox_credentials()), options);
        BOOST_TEST(!result.output.contains(list.member), list.node << " kept its list although it streamed");
        return result;
    }

    // A fresh user in `clubs` new OKTA_GROUPs (and Everyone); returns its id.
    static std::string user_in_clubs(const std::string& prefix, std::size_t clubs) {
        const std::string user = seeded_user(prefix);
        admin().seed_groups(clubs, "club");
        for (const auto& group : admin().groups()) {
            if (group.at("type").as_string() == "OKTA_GROUP") {
                admin().add_member(group.at("id").as_string(), user);
            }
        }
        return user;
    }

    listing kept(const list_case& list) {
        listing result;
        result.output = run(list.node, list.params).output;
        for (const auto& item : result.output.at(list.member).as_array()) {
            result.ids.emplace_back(item.at("id").as_string());
        }
        return result;
    }

    // The whole list streamed equals the list kept; then a 503 after the
    // first page (and after both retries) stops a streamed run, and the
    // rerun from its NextCursor lists exactly what is left.
    void check(const list_case& list) {
        const listing whole = kept(list);
        BOOST_TEST_REQUIRE(whole.output.at("StatusCode").as_int64() == 200, json::serialize(whole.output));
        BOOST_TEST(whole.output.at("Complete") == true);
        const listing all_streamed = streamed(list);
        BOOST_TEST(all_streamed.output.at("Complete") == true);
        BOOST_TEST(all_streamed.ids == whole.ids, boost::test_tools::per_element());

        admin().inject(json::object{{"count", 1}, {"kind", "delay"}, {"delayMs", 0}});
        admin().inject(json::object{{"count", 3}, {"kind", "status"}, {"status", 503}});
        const listing first = streamed(list);
        BOOST_TEST(first.output.at("StatusCode").as_int64() == 503, json::serialize(first.output));
        BOOST_TEST(first.output.at("Complete") == false);
        BOOST_TEST(!first.ids.empty());
        BOOST_TEST(first.ids.size() < whole.ids.size());
        const std::string cursor(first.output.at("NextCursor").as_string());
        BOOST_TEST_REQUIRE(!cursor.empty());
        const listing rest = streamed(list, cursor);
        BOOST_TEST(rest.output.at("StatusCode").as_int64() == 200, json::serialize(rest.output));
        BOOST_TEST(rest.output.at("Complete") == true);
        std::vector<std::string> joined = first.ids;
        joined.insert(joined.end(), rest.ids.begin(), rest.ids.end());
        BOOST_TEST(joined == whole.ids, boost::test_tools::per_element());
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(list_streaming, list_streaming_bench)

BOOST_AUTO_TEST_CASE(group_list_streams_and_resumes_after_a_failed_page) {
    admin().seed_groups(25, "team");
    check({"okta.group.list", "Groups", json::object{{"Limit", 10}, {"ReturnAll", true}}});
}

BOOST_AUTO_TEST_CASE(group_members_stream_and_resume_after_a_failed_page) {
    const std::string group(admin().create_group("Crew").at("id").as_string());
    admin().seed(25, "crew");
    for (const auto& user : admin().users()) {
        admin().add_member(group, user.at("id").as_string());
    }
    check({"okta.group.listMembers", "Users", json::object{{"GroupId", group}, {"Limit", 10}, {"ReturnAll", true}}});
}

BOOST_AUTO_TEST_CASE(a_users_groups_stream_and_resume_after_a_failed_page) {
    const std::string user = user_in_clubs("joiner", 5);
    const user_groups_in_pages_of_two pages;
    admin().clear_requests();
    check({"okta.user.listGroups", "Groups", json::object{{"UserId", user}}});
}

// GroupType filters each page as it arrives; the streamed items are the
// same groups the kept list has.
BOOST_AUTO_TEST_CASE(a_users_groups_of_one_type_stream_filtered_page_by_page) {
    const std::string user = user_in_clubs("typed", 3);
    const user_groups_in_pages_of_two pages;
    const list_case typed{"okta.user.listGroups", "Groups", json::object{{"UserId", user}, {"GroupType", "OKTA_GROUP"}}};
    const listing whole = kept(typed);
    BOOST_TEST(whole.ids.size() == 3u);  // Everyone is BUILT_IN
    BOOST_TEST(streamed(typed).ids == whole.ids, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
