// okta.user.create end to end.
#include "okta_bench.hpp"

using namespace okta_it;

BOOST_FIXTURE_TEST_SUITE(create_user, bench)

BOOST_AUTO_TEST_CASE(with_a_password_the_user_is_active) {
    const auto result = run("okta.user.create", params(R"({"UserName": "ada@example.com", "Email": "ada@example.com",
        "FirstName": "Ada", "LastName": "Lovelace", "Password": "Analytical-Engine-1843",
        "Profile": {"department": "Research"}})"));

    BOOST_TEST(result.status() == 200);
    BOOST_TEST(result.message() == "");
    BOOST_TEST(result.code() == "");
    BOOST_TEST(!result.output.at("RequestId").as_string().empty());
    BOOST_TEST(result.user().at("status").as_string() == "ACTIVE");
    BOOST_TEST(!result.user().at("id").as_string().empty());
    BOOST_TEST(result.user().at("profile").at("department").as_string() == "Research");

    const auto request = only_request();
    BOOST_TEST(method_of(request) == "POST");
    BOOST_TEST(target_of(request) == "/api/v1/users?activate=true");
    expect_okta_headers(request, true);
    BOOST_TEST(json::parse(request.at("body").as_string()) == json::parse(R"({
        "profile": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
                    "login": "ada@example.com", "department": "Research"},
        "credentials": {"password": {"value": "Analytical-Engine-1843"}}})"));
}

BOOST_AUTO_TEST_CASE(without_a_password_the_user_is_provisioned) {
    const auto result = run("okta.user.create", params(R"({"UserName": "grace@example.com",
        "Email": "grace@example.com", "FirstName": "Grace", "LastName": "Hopper", "GroupIds": []})"));
    BOOST_TEST(result.status() == 200);
    BOOST_TEST(result.user().at("status").as_string() == "PROVISIONED");
    BOOST_TEST(json::parse(only_request().at("body").as_string()) == json::parse(R"({
        "profile": {"firstName": "Grace", "lastName": "Hopper", "email": "grace@example.com",
                    "login": "grace@example.com"}})"));
}

BOOST_AUTO_TEST_CASE(not_activated_the_user_is_staged) {
    const auto result = run("okta.user.create", params(R"({"UserName": "alan@example.com",
        "Email": "alan@example.com", "FirstName": "Alan", "LastName": "Turing", "Activate": false})"));
    BOOST_TEST(result.status() == 200);
    BOOST_TEST(result.user().at("status").as_string() == "STAGED");
    BOOST_TEST(target_of(only_request()) == "/api/v1/users?activate=false");
}

BOOST_AUTO_TEST_CASE(a_duplicate_login_is_okta_validation_error_with_its_cause) {
    const auto create = params(R"({"UserName": "dup@example.com", "Email": "dup@example.com",
        "FirstName": "Dup", "LastName": "Licate"})");
    BOOST_TEST(run("okta.user.create", create).status() == 200);
    const auto result = run("okta.user.create", create);
    BOOST_TEST(result.status() == 400);
    BOOST_TEST(result.code() == "E0000001");
    BOOST_TEST(result.message().rfind("Api validation failed: login (", 0) == 0, result.message());
    BOOST_TEST(result.message().find("already exists") != std::string::npos, result.message());
    BOOST_TEST(!result.output.at("RequestId").as_string().empty());
    BOOST_TEST(!result.output.contains("User"));
}

BOOST_AUTO_TEST_CASE(an_invalid_parameter_sends_nothing) {
    const auto result = run("okta.user.create", params(R"({"UserName": "x@example.com", "Email": "not-an-email",
        "FirstName": "X", "LastName": "Y"})"));
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(result.message().rfind("Email ", 0) == 0);
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
