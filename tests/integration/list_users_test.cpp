// okta.user.list end to end: pages, cursors, ReturnAll, search encoding.
#include "okta_bench.hpp"

#include <boost/json/parse.hpp>

#include <set>

using namespace okta_it;

namespace {

struct list_bench : bench {
    list_bench() {
        admin().seed(7, "page");
        admin().clear_requests();
    }

    static std::set<std::string> logins(const json::array& users) {
        std::set<std::string> found;
        for (const auto& user : users) {
            found.emplace(user.at("profile").at("login").as_string());
        }
        return found;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(list_users, list_bench)

BOOST_AUTO_TEST_CASE(one_page_at_a_time_with_after_round_trips) {
    std::set<std::string> seen;
    std::string cursor;
    std::vector<std::string> targets;
    for (int page = 0; page < 4; ++page) {
        json::object list{{"Limit", 3}};
        if (!cursor.empty()) {
            list["After"] = cursor;
        }
        const auto result = run("okta.user.list", list);
        BOOST_TEST_REQUIRE(result.status() == 200, result.message());
        const auto& users = result.output.at("Users").as_array();
        for (const auto& login : logins(users)) {
            BOOST_TEST(seen.insert(login).second, "page " << page << " repeats " << login);
        }
        cursor = std::string(result.output.at("NextCursor").as_string());
        if (cursor.empty()) {
            BOOST_TEST(page == 2);  // 7 users in pages of 3: 3, 3, 1
            BOOST_TEST(users.size() == 1u);
            break;
        }
        BOOST_TEST(users.size() == 3u);
    }
    BOOST_TEST(seen.size() == 7u);
    const auto sent = requests();
    BOOST_TEST_REQUIRE(sent.size() == 3u);
    BOOST_TEST(target_of(sent[0]) == "/api/v1/users?limit=3");
    BOOST_TEST(target_of(sent[1]).rfind("/api/v1/users?after=", 0) == 0);
    BOOST_TEST(target_of(sent[1]).find("&limit=3") != std::string::npos);
    for (const auto& request : sent) {
        expect_okta_headers(request.as_object(), false);
    }
}

BOOST_AUTO_TEST_CASE(return_all_follows_every_next_link) {
    const auto result = run("okta.user.list", json::object{{"Limit", 2}, {"ReturnAll", true}});
    BOOST_TEST_REQUIRE(result.status() == 200, result.message());
    BOOST_TEST(result.output.at("Users").as_array().size() == 7u);
    BOOST_TEST(logins(result.output.at("Users").as_array()).size() == 7u);
    BOOST_TEST(result.output.at("NextCursor").as_string() == "");
    const auto sent = requests();
    BOOST_TEST(sent.size() == 4u);  // 2 + 2 + 2 + 1
    BOOST_TEST(target_of(sent[0]) == "/api/v1/users?limit=2");
    for (std::size_t i = 1; i < sent.size(); ++i) {
        BOOST_TEST(target_of(sent[i]).find("after=") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(return_all_as_text_is_the_same_list_as_one_big_page) {
    // The text path (run_text) is what an engine forwarding outputs gets: the
    // users are Okta's page texts spliced together, so it must still be one
    // valid JSON object, holding the same users as a single page of them all.
    const json::object return_all{{"Limit", 2}, {"ReturnAll", true}};
    const std::string text =
        host().run_text("okta.user.list", json::serialize(return_all), json::serialize(sandbox_credentials()));
    const json::object output = json::parse(text).as_object();
    BOOST_TEST(output.at("StatusCode") == 200);
    BOOST_TEST(output.at("ErrorMessage") == "");
    BOOST_TEST(output.at("NextCursor") == "");
    const auto one_page = run("okta.user.list", json::object{{"Limit", 200}});
    BOOST_TEST_REQUIRE(one_page.status() == 200, one_page.message());
    BOOST_TEST(output.at("Users") == one_page.output.at("Users"));
    // And run() sees the same output, parsed (but for the RequestId, which
    // names each call's own last request).
    json::object through_run = run("okta.user.list", return_all).output;
    json::object through_text = output;
    through_run.erase("RequestId");
    through_text.erase("RequestId");
    BOOST_TEST(through_run == through_text);
}

BOOST_AUTO_TEST_CASE(return_all_with_no_match_is_an_empty_array) {
    const json::object params{{"Search", "profile.login eq \"nobody@example.com\""}, {"ReturnAll", true}};
    const std::string text =
        host().run_text("okta.user.list", json::serialize(params), json::serialize(sandbox_credentials()));
    const json::object output = json::parse(text).as_object();
    BOOST_TEST(output.at("StatusCode") == 200);
    BOOST_TEST(output.at("Users").as_array().empty());
}

BOOST_AUTO_TEST_CASE(default_limit_sends_no_limit) {
    const auto result = run("okta.user.list", json::object{});
    BOOST_TEST(result.status() == 200);
    BOOST_TEST(result.output.at("Users").as_array().size() == 7u);
    BOOST_TEST(result.output.at("NextCursor").as_string() == "");
    BOOST_TEST(target_of(only_request()) == "/api/v1/users");
}

BOOST_AUTO_TEST_CASE(search_is_percent_encoded) {
    const auto result =
        run("okta.user.list", json::object{{"Search", "profile.login eq \"page3@example.com\""}, {"Limit", 10}});
    BOOST_TEST_REQUIRE(result.status() == 200, result.message());
    BOOST_TEST(logins(result.output.at("Users").as_array()) == std::set<std::string>{"page3@example.com"});
    BOOST_TEST(target_of(only_request()) ==
               "/api/v1/users?search=profile.login%20eq%20%22page3%40example.com%22&limit=10");
}

BOOST_AUTO_TEST_CASE(a_malformed_search_is_oktas_400) {
    const auto result = run("okta.user.list", json::object{{"Search", "profile.login eq"}});
    BOOST_TEST(result.status() == 400);
    BOOST_TEST(!result.code().empty());
    BOOST_TEST(!result.output.contains("Users"));
}

BOOST_AUTO_TEST_SUITE_END()
