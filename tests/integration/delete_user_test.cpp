// okta.user.delete end to end: deactivate then delete, converging on reruns.
#include "okta_bench.hpp"

using namespace okta_it;

BOOST_FIXTURE_TEST_SUITE(delete_user, bench)

BOOST_AUTO_TEST_CASE(an_active_user_is_deactivated_then_deleted) {
    const std::string id = seeded_user();
    const auto result = run("okta.user.delete", json::object{{"UserId", id}});
    BOOST_TEST(result.status() == 204, result.message());
    BOOST_TEST(result.message() == "");

    const auto sent = requests();
    BOOST_TEST_REQUIRE(sent.size() == 3u);
    BOOST_TEST(method_of(sent[0]) == "GET");
    BOOST_TEST(target_of(sent[0]) == "/api/v1/users/" + id);
    for (std::size_t i = 1; i < 3; ++i) {
        BOOST_TEST(method_of(sent[i]) == "DELETE");
        BOOST_TEST(target_of(sent[i]) == "/api/v1/users/" + id);
        expect_okta_headers(sent[i].as_object(), false);
    }
    BOOST_TEST(admin().users().empty());
    BOOST_TEST(run("okta.user.get", json::object{{"UserId", id}}).status() == 404);
}

BOOST_AUTO_TEST_CASE(a_deprovisioned_user_takes_one_delete) {
    admin().seed(json::object{{"count", 1}, {"prefix", "gone"}, {"status", "DEPROVISIONED"}});
    const std::string id(admin().users().at(0).at("id").as_string());
    admin().clear_requests();

    const auto result = run("okta.user.delete", json::object{{"UserId", id}, {"SendEmail", true}});
    BOOST_TEST(result.status() == 204, result.message());
    const auto sent = requests();
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    BOOST_TEST(method_of(sent[1]) == "DELETE");
    BOOST_TEST(target_of(sent[1]) == "/api/v1/users/" + id + "?sendEmail=true");
    BOOST_TEST(admin().users().empty());
}

BOOST_AUTO_TEST_CASE(deactivate_only_keeps_oktas_single_call) {
    const std::string id = seeded_user();
    const auto result = run("okta.user.delete", json::object{{"UserId", id}, {"DeactivateOnly", true}});
    BOOST_TEST(result.status() == 204, result.message());
    const auto request = only_request();
    BOOST_TEST(method_of(request) == "DELETE");
    BOOST_TEST(target_of(request) == "/api/v1/users/" + id);
    const auto users = admin().users();
    BOOST_TEST_REQUIRE(users.size() == 1u);
    BOOST_TEST(users.at(0).at("status").as_string() == "DEPROVISIONED");
}

BOOST_AUTO_TEST_CASE(a_rerun_after_a_failure_halfway_finishes_the_job) {
    const std::string id = seeded_user();
    // The second DELETE (the real delete) fails once with a 503.
    admin().inject(json::object{{"count", 1}, {"kind", "delay"}, {"delayMs", 0}});
    admin().inject(json::object{{"count", 1}, {"kind", "delay"}, {"delayMs", 0}});
    admin().inject(json::object{{"count", 1}, {"kind", "status"}, {"status", 503}});
    const auto failed = run("okta.user.delete", json::object{{"UserId", id}});
    BOOST_TEST(failed.status() == 503);

    const auto rerun = run("okta.user.delete", json::object{{"UserId", id}});
    BOOST_TEST(rerun.status() == 204, rerun.message());
    BOOST_TEST(admin().users().empty());
}

BOOST_AUTO_TEST_CASE(an_unknown_user_is_a_404) {
    const auto result = run("okta.user.delete", json::object{{"UserId", "00unobody0000000000"}});
    BOOST_TEST(result.status() == 404);
    BOOST_TEST(result.code() == "E0000007");
    BOOST_TEST(only_request().at("method").as_string() == "GET");
}

BOOST_AUTO_TEST_SUITE_END()
