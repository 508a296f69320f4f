// okta.user.update end to end: a partial POST that keeps everything else.
#include "okta_bench.hpp"

using namespace okta_it;

BOOST_FIXTURE_TEST_SUITE(update_user, bench)

BOOST_AUTO_TEST_CASE(only_the_given_fields_change) {
    admin().seed(json::object{{"count", 1}, {"prefix", "upd"}, {"profile", {{"department", "Research"}}}});
    const std::string id = std::string(admin().users().at(0).at("id").as_string());
    admin().clear_requests();

    const auto result = run("okta.user.update",
                            json::object{{"UserId", id}, {"FirstName", "Augusta Ada"}, {"Profile", {{"title", "Analyst"}}}});
    BOOST_TEST_REQUIRE(result.status() == 200, result.message());
    const auto& profile = result.user().at("profile").as_object();
    BOOST_TEST(profile.at("firstName").as_string() == "Augusta Ada");
    BOOST_TEST(profile.at("title").as_string() == "Analyst");
    // Left out of the request, kept by Okta: a PUT would have erased these.
    BOOST_TEST(profile.at("department").as_string() == "Research");
    BOOST_TEST(profile.at("login").as_string() == "upd1@example.com");

    const auto request = only_request();
    BOOST_TEST(method_of(request) == "POST");
    BOOST_TEST(target_of(request) == "/api/v1/users/" + id);
    expect_okta_headers(request, true);
    BOOST_TEST(json::parse(request.at("body").as_string()) ==
               json::parse(R"({"profile": {"title": "Analyst", "firstName": "Augusta Ada"}})"));
}

BOOST_AUTO_TEST_CASE(a_password_goes_in_credentials) {
    const std::string id = seeded_user();
    const auto result = run("okta.user.update", json::object{{"UserId", id}, {"Password", "New-Secret-Phrase-42"}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(json::parse(only_request().at("body").as_string()) ==
               json::parse(R"({"credentials": {"password": {"value": "New-Secret-Phrase-42"}}})"));
    BOOST_TEST(json::serialize(result.output).find("New-Secret-Phrase-42") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_user_is_a_404) {
    const auto result = run("okta.user.update", json::object{{"UserId", "00unobody0000000000"}, {"LastName", "X"}});
    BOOST_TEST(result.status() == 404);
    BOOST_TEST(result.code() == "E0000007");
}

BOOST_AUTO_TEST_CASE(a_login_with_a_slash_is_resolved_to_its_id_first) {
    const auto created = run("okta.user.create", json::object{{"UserName", "ops/lead@example.com"},
                                                              {"Email", "lead@example.com"}, {"FirstName", "Op"},
                                                              {"LastName", "Lead"}});
    BOOST_TEST_REQUIRE(created.status() == 200, created.message());
    const std::string id(created.user().at("id").as_string());
    admin().clear_requests();

    const auto result = run("okta.user.update", json::object{{"UserId", "ops/lead@example.com"}, {"LastName", "Head"}});
    BOOST_TEST(result.status() == 200, result.message());
    const auto sent = requests();
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    BOOST_TEST(target_of(sent[0]) == "/api/v1/users?search=profile.login%20eq%20%22ops%2Flead%40example.com%22");
    BOOST_TEST(method_of(sent[1]) == "POST");
    BOOST_TEST(target_of(sent[1]) == "/api/v1/users/" + id);
}

BOOST_AUTO_TEST_CASE(nothing_to_change_sends_nothing) {
    const auto result = run("okta.user.update", json::object{{"UserId", "00u1"}});
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
