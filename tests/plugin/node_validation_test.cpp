// Every refusal the issue lists: StatusCode -1, the parameter named, nothing
// sent. The credentials point at a closed port, so a node that got past
// validation would answer 500 WFN_CONNECT_FAILED instead.
#include "test_nodes.hpp"

#include <boost/json/array.hpp>
#include <boost/test/unit_test.hpp>

using namespace okta_plugin::test;

namespace {

struct validation_fixture : node_runner {
    // Runs `node_id` with its valid parameters changed by `change`.
    template <class Change>
    boost::json::object run_changed(std::string_view node_id, Change change,
                                    boost::json::object credentials = unreachable_credentials()) {
        boost::json::object params = valid_params(node_id);
        change(params);
        return run(node_id, params, credentials);
    }

    // Asserts a -1 whose message starts with `parameter`, and that tells the
    // engine a rerun with the same input is pointless.
    static void expect_refusal(const boost::json::object& output, std::string_view parameter) {
        BOOST_TEST(status_of(output) == -1);
        BOOST_TEST(output.at("Retryable") == false);
        BOOST_TEST(message_of(output).rfind(std::string(parameter), 0) == 0, "message: " << message_of(output));
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(node_validation, validation_fixture)

BOOST_AUTO_TEST_CASE(valid_parameters_get_as_far_as_connecting) {
    for (std::string_view node : {"okta.user.create", "okta.user.get", "okta.user.list", "okta.user.update",
                                  "okta.user.delete"}) {
        BOOST_TEST_CONTEXT(node) {
            const auto output = run(node, valid_params(node));
            BOOST_TEST(status_of(output) == 500);
            BOOST_TEST(output.at("ErrorCode").as_string() == "WFN_CONNECT_FAILED");
            BOOST_TEST(message_of(output) == "Connection refused by 127.0.0.1:9.");
        }
    }
}

BOOST_AUTO_TEST_CASE(missing_required_values) {
    for (std::string_view name : {"UserName", "Email", "FirstName", "LastName"}) {
        BOOST_TEST_CONTEXT(name) {
            const auto output = run_changed("okta.user.create", [&](auto& p) { p.erase(name); });
            expect_refusal(output, name);
            BOOST_TEST(message_of(output) == std::string(name) + " is required.");
        }
    }
    expect_refusal(run_changed("okta.user.get", [](auto& p) { p.erase("UserId"); }), "UserId");
    expect_refusal(run_changed("okta.user.delete", [](auto& p) { p.erase("UserId"); }), "UserId");
}

// The manifests declare no parameter that may be null, so null is refused,
// required or not, rather than read as absent.
BOOST_AUTO_TEST_CASE(null_is_refused_not_read_as_absent) {
    for (const char* name : {"Email", "Activate", "MaxRetries"}) {
        const auto output = run_changed("okta.user.create", [&](auto& p) { p[name] = nullptr; });
        expect_refusal(output, name);
        BOOST_TEST(message_of(output) == std::string(name) + " is null: give it a value, or leave it out if it is optional.");
    }
}

BOOST_AUTO_TEST_CASE(wrong_json_types) {
    const auto output = run_changed("okta.user.create", [](auto& p) { p["UserName"] = 42; });
    BOOST_TEST(message_of(output) == "UserName must be a string, not a number.");
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["Activate"] = "yes"; }), "Activate");
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["Profile"] = "dept"; }), "Profile");
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["GroupIds"] = "00g1"; }), "GroupIds");
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["GroupIds"] = boost::json::array{1}; }),
                   "GroupIds[0]");
    expect_refusal(run_changed("okta.user.list", [](auto& p) { p["Limit"] = "10"; }), "Limit");
    expect_refusal(run_changed("okta.user.list", [](auto& p) { p["Limit"] = 2.5; }), "Limit");
    expect_refusal(run_changed("okta.user.list", [](auto& p) { p["ReturnAll"] = 1; }), "ReturnAll");
    expect_refusal(run_changed("okta.user.delete", [](auto& p) { p["SendEmail"] = "false"; }), "SendEmail");
    expect_refusal(run_changed("okta.user.get", [](auto& p) { p["UserId"] = boost::json::object{}; }), "UserId");
}

BOOST_AUTO_TEST_CASE(malformed_email) {
    const auto output = run_changed("okta.user.create", [](auto& p) { p["Email"] = "jane.doe.example.com"; });
    expect_refusal(output, "Email");
    BOOST_TEST(message_of(output).find("not a valid email address") != std::string::npos);
    expect_refusal(run_changed("okta.user.update", [](auto& p) { p["Email"] = "jane@"; }), "Email");
}

BOOST_AUTO_TEST_CASE(empty_strings) {
    const auto output = run_changed("okta.user.create", [](auto& p) { p["FirstName"] = ""; });
    BOOST_TEST(message_of(output) == "FirstName is empty.");
    expect_refusal(run_changed("okta.user.get", [](auto& p) { p["UserId"] = ""; }), "UserId");
    expect_refusal(run_changed("okta.user.list", [](auto& p) { p["Search"] = ""; }), "Search");
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["Password"] = ""; }), "Password");
}

BOOST_AUTO_TEST_CASE(an_empty_after_starts_at_the_first_page) {
    const auto output = run_changed("okta.user.list", [](auto& p) { p["After"] = ""; });
    BOOST_TEST(status_of(output) == 500);  // accepted: it went on to connect
}

BOOST_AUTO_TEST_CASE(limit_out_of_range) {
    const auto output = run_changed("okta.user.list", [](auto& p) { p["Limit"] = 201; });
    BOOST_TEST(message_of(output) == "Limit must be from 0 to 200 (got 201).");
    expect_refusal(run_changed("okta.user.list", [](auto& p) { p["Limit"] = -1; }), "Limit");
    BOOST_TEST(status_of(run_changed("okta.user.list", [](auto& p) { p["Limit"] = 0; })) == 500);
    BOOST_TEST(status_of(run_changed("okta.user.list", [](auto& p) { p["Limit"] = 200; })) == 500);
    expect_refusal(run_changed("okta.user.get", [](auto& p) { p["MaxRetries"] = 11; }), "MaxRetries");
}

BOOST_AUTO_TEST_CASE(invalid_utf8) {
    // Built in memory: JSON text could not even carry these bytes.
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["LastName"] = "Do\xC3"; }), "LastName");
    expect_refusal(run_changed("okta.user.get", [](auto& p) { p["UserId"] = "\xFF\xFEjane@example.com"; }), "UserId");
}

BOOST_AUTO_TEST_CASE(four_byte_characters) {
    const auto output = run_changed("okta.user.create", [](auto& p) { p["FirstName"] = "Jane 😀"; });
    expect_refusal(output, "FirstName");
    BOOST_TEST(message_of(output).find("4-byte") != std::string::npos);
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["Profile"] = {{"nickName", "🚀"}}; }),
                   "Profile.nickName");
    expect_refusal(run_changed("okta.user.update", [](auto& p) { p["Password"] = "pass🔑word1"; }), "Password");
}

BOOST_AUTO_TEST_CASE(values_longer_than_okta_allows) {
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["LastName"] = std::string(51, 'x'); }),
                   "LastName must be 1 to 50 characters long (it has 51)");
    expect_refusal(run_changed("okta.user.create",
                               [](auto& p) { p["UserName"] = std::string(95, 'a') + "@x.com"; }),
                   "UserName must be 5 to 100 characters long (it has 101)");
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["UserName"] = "a@b."; }), "UserName");
    expect_refusal(run_changed("okta.user.get", [](auto& p) { p["UserId"] = std::string(101, 'x'); }), "UserId");
    boost::json::array groups;
    for (int i = 0; i < 21; ++i) {
        groups.emplace_back("00g" + std::to_string(i));
    }
    expect_refusal(run_changed("okta.user.create", [&](auto& p) { p["GroupIds"] = groups; }),
                   "GroupIds holds 21 items; at most 20 are allowed");
}

BOOST_AUTO_TEST_CASE(control_characters_in_ids) {
    const auto output = run_changed("okta.user.get", [](auto& p) { p["UserId"] = "00u1\r\nX-Evil: 1"; });
    expect_refusal(output, "UserId");
    BOOST_TEST(message_of(output).find("control character") != std::string::npos);
    expect_refusal(run_changed("okta.user.update", [](auto& p) { p["UserId"] = "00u1\n"; }), "UserId");
    expect_refusal(run_changed("okta.user.list", [](auto& p) { p["After"] = "00u1\r\n"; }), "After");
}

BOOST_AUTO_TEST_CASE(dot_segments_are_not_user_ids) {
    expect_refusal(run_changed("okta.user.get", [](auto& p) { p["UserId"] = ".."; }), "UserId");
}

BOOST_AUTO_TEST_CASE(control_characters_in_the_token_are_refused_without_echoing_it) {
    auto credentials = unreachable_credentials();
    credentials["ApiToken"] = "00secret\r\nX-Evil: 1";
    const auto output = run("okta.user.get", valid_params("okta.user.get"), credentials);
    expect_refusal(output, "ApiToken");
    BOOST_TEST(message_of(output).find("00secret") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_credentials) {
    auto credentials = unreachable_credentials();
    credentials["Domain"] = "http://dev-1.okta.com";
    expect_refusal(run("okta.user.get", valid_params("okta.user.get"), credentials), "Domain");
    credentials = unreachable_credentials();
    credentials.erase("ApiToken");
    expect_refusal(run("okta.user.get", valid_params("okta.user.get"), credentials), "ApiToken is required");
    credentials = unreachable_credentials();
    credentials["CaCertificate"] = "not a certificate";
    expect_refusal(run("okta.user.get", valid_params("okta.user.get"), credentials), "CaCertificate");
    expect_refusal(run("okta.user.get", valid_params("okta.user.get"), boost::json::object{}), "Domain is required");
}

BOOST_AUTO_TEST_CASE(update_with_nothing_to_change) {
    const auto output = run("okta.user.update", boost::json::parse(R"({"UserId": "00u1"})").as_object());
    BOOST_TEST(status_of(output) == -1);
    BOOST_TEST(message_of(output).rfind("Nothing to update", 0) == 0);
    BOOST_TEST(status_of(run("okta.user.update",
                             boost::json::parse(R"({"UserId": "00u1", "Profile": {}})").as_object())) == -1);
}

BOOST_AUTO_TEST_CASE(profile_must_not_repeat_a_named_parameter) {
    expect_refusal(run_changed("okta.user.create", [](auto& p) { p["Profile"] = {{"login", "x@example.com"}}; }),
                   "Profile.login duplicates the UserName parameter");
}

BOOST_AUTO_TEST_CASE(unknown_parameters_are_refused_by_name) {
    const auto output = run_changed("okta.user.create", [](auto& p) { p["Username"] = "typo@example.com"; });
    BOOST_TEST(status_of(output) == -1);
    BOOST_TEST(message_of(output).rfind("Parameter \"Username\" is not one okta.user.create takes", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_password_never_appears_in_a_refusal) {
    const auto output = run_changed("okta.user.create", [](auto& p) {
        p["Password"] = "correct-Horse-7";
        p["Email"] = "bad";
    });
    BOOST_TEST(message_of(output).find("correct-Horse-7") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
