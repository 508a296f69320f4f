// okta.user.get end to end: ids, logins with awkward characters, 404s.
#include "okta_bench.hpp"

using namespace okta_it;

namespace {

struct get_bench : bench {
    // Creates a user with `login` through the plugin; returns its id.
    std::string created(const std::string& login) {
        json::object create{{"UserName", login}, {"Email", "someone@example.com"}, {"FirstName", "Some"},
                            {"LastName", "One"}};
        const auto result = run("okta.user.create", create);
        BOOST_TEST_REQUIRE(result.status() == 200, result.message());
        admin().clear_requests();
        return std::string(result.user().at("id").as_string());
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(get_user, get_bench)

BOOST_AUTO_TEST_CASE(by_id) {
    const std::string id = seeded_user();
    const auto result = run("okta.user.get", json::object{{"UserId", id}});
    BOOST_TEST(result.status() == 200);
    BOOST_TEST(result.user().at("id").as_string() == id);
    BOOST_TEST(result.user().at("profile").at("login").as_string() == "member1@example.com");
    const auto request = only_request();
    BOOST_TEST(method_of(request) == "GET");
    BOOST_TEST(target_of(request) == "/api/v1/users/" + id);
    expect_okta_headers(request, false);
}

BOOST_AUTO_TEST_CASE(by_a_login_with_plus_hash_and_non_ascii) {
    const std::string id = created("zoë+test#1@example.com");
    const auto result = run("okta.user.get", json::object{{"UserId", "zoë+test#1@example.com"}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("id").as_string() == id);
    BOOST_TEST(target_of(only_request()) == "/api/v1/users/zo%C3%AB%2Btest%231%40example.com");
}

BOOST_AUTO_TEST_CASE(by_a_login_with_a_slash_through_a_filter) {
    const std::string id = created("r&d/ada\"q@example.com");
    const auto result = run("okta.user.get", json::object{{"UserId", "r&d/ada\"q@example.com"}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("id").as_string() == id);
    const auto request = only_request();
    BOOST_TEST(method_of(request) == "GET");
    BOOST_TEST(target_of(request) ==
               "/api/v1/users?search=profile.login%20eq%20%22r%26d%2Fada%5C%22q%40example.com%22");
}

BOOST_AUTO_TEST_CASE(a_login_with_a_slash_that_nobody_has_is_a_404) {
    const auto result = run("okta.user.get", json::object{{"UserId", "no/body@example.com"}});
    BOOST_TEST(result.status() == 404);
    BOOST_TEST(result.code() == "E0000007");
    BOOST_TEST(result.message() == "Not found: Resource not found: no/body@example.com (User)");
    BOOST_TEST(!result.output.contains("User"));
}

BOOST_AUTO_TEST_CASE(an_unknown_id_is_oktas_404) {
    const auto result = run("okta.user.get", json::object{{"UserId", "00unobody0000000000"}});
    BOOST_TEST(result.status() == 404);
    BOOST_TEST(result.code() == "E0000007");
    BOOST_TEST(result.message().find("Not found") != std::string::npos, result.message());
    BOOST_TEST(!result.output.at("RequestId").as_string().empty());
}

BOOST_AUTO_TEST_CASE(dot_dot_slash_stays_inside_the_users_path) {
    const auto result = run("okta.user.get", json::object{{"UserId", "../groups"}});
    BOOST_TEST(result.status() == 404);
    // A "/" means a login filter, never a path that could climb out.
    BOOST_TEST(target_of(only_request()) == "/api/v1/users?search=profile.login%20eq%20%22..%2Fgroups%22");
}

BOOST_AUTO_TEST_SUITE_END()
