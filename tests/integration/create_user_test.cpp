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
    BOOST_TEST(!result.output.at("Retryable").as_bool());  // running it again changes nothing
}

// A create is never sent twice blindly (README "Retry policy"): when its
// answer is lost, the login is looked up first.
namespace {

const char* const lost_answer_create = R"({"UserName": "lost@example.com", "Email": "lost@example.com",
    "FirstName": "Lost", "LastName": "Answer"})";

// The users the sandbox holds with `login`.
std::size_t users_with_login(const std::string& login) {
    std::size_t count = 0;
    for (const auto& user : admin().users()) {
        count += user.at("profile").at("login").as_string() == login ? 1u : 0u;
    }
    return count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_create_carried_out_whose_answer_was_lost_is_reported_as_created) {
    admin().inject(json::object{{"count", 1}, {"kind", "close_mid_body"}});
    const auto result = run("okta.user.create", params(lost_answer_create));

    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.message() == "");
    BOOST_TEST(result.output.at("Reconciled").as_bool());
    BOOST_TEST(!result.output.at("Retryable").as_bool());
    BOOST_TEST(result.user().at("profile").at("login").as_string() == "lost@example.com");
    BOOST_TEST(users_with_login("lost@example.com") == 1u);
    const auto sent = requests();
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    BOOST_TEST(method_of(sent.at(0)) == "POST");
    BOOST_TEST(method_of(sent.at(1)) == "GET");
    BOOST_TEST(target_of(sent.at(1)).rfind("/api/v1/users?search=", 0) == 0);
    bool logged = false;
    for (const auto& line : result.log) {
        logged = logged || line.find("reconciled") != std::string::npos;
    }
    BOOST_TEST(logged);
}

BOOST_AUTO_TEST_CASE(a_create_not_carried_out_is_sent_once_more_after_the_lookup) {
    admin().inject(json::object{{"count", 1}, {"kind", "close_before_response"}});
    const auto result = run("okta.user.create", params(lost_answer_create));

    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(!result.output.at("Reconciled").as_bool());
    BOOST_TEST(users_with_login("lost@example.com") == 1u);
    const auto sent = requests();
    BOOST_TEST_REQUIRE(sent.size() == 3u);
    BOOST_TEST(method_of(sent.at(0)) == "POST");
    BOOST_TEST(method_of(sent.at(1)) == "GET");
    BOOST_TEST(method_of(sent.at(2)) == "POST");
}

BOOST_AUTO_TEST_CASE(with_max_retries_0_a_lost_create_is_looked_up_but_not_resent) {
    admin().inject(json::object{{"count", 1}, {"kind", "close_before_response"}});
    auto create = params(lost_answer_create);
    create["MaxRetries"] = 0;
    const auto result = run("okta.user.create", create);

    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_CONNECTION_CLOSED");
    BOOST_TEST(result.output.at("Retryable").as_bool());
    BOOST_TEST(result.message().find("so nothing was created") != std::string::npos, result.message());
    BOOST_TEST(users_with_login("lost@example.com") == 0u);
    BOOST_TEST(requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_lost_create_that_meets_someone_else_with_the_login_is_not_called_a_success) {
    // Someone else holds the login; our create's answer is a proxy's 502.
    admin().seed(json::object{{"count", 1}, {"prefix", "lost"}});
    admin().clear_requests();
    admin().inject(json::object{{"count", 1}, {"kind", "status"}, {"status", 502}, {"html", true}});
    const auto result = run("okta.user.create", params(R"({"UserName": "lost1@example.com",
        "Email": "lost1@example.com", "FirstName": "Not", "LastName": "Theseed"})"));

    BOOST_TEST(result.status() == 400);
    BOOST_TEST(result.code() == "E0000001");
    BOOST_TEST(result.message().find("already exists with a different profile") != std::string::npos, result.message());
    BOOST_TEST(!result.output.at("Reconciled").as_bool());
    BOOST_TEST(!result.output.contains("User"));
    BOOST_TEST(users_with_login("lost1@example.com") == 1u);
    BOOST_TEST(requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(an_invalid_parameter_sends_nothing) {
    const auto result = run("okta.user.create", params(R"({"UserName": "x@example.com", "Email": "not-an-email",
        "FirstName": "X", "LastName": "Y"})"));
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(result.message().rfind("Email ", 0) == 0);
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
