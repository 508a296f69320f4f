// The lifecycle nodes end to end: every transition the sandbox's Okta state
// machine allows and refuses, the user answered after the change, the
// one-time secrets handed over only in the output, and a suspension whose
// answer was lost but that happened.
#include "okta_bench.hpp"

#include <algorithm>

using namespace okta_it;

namespace {

// A user in `status`, made through the sandbox; its id.
std::string user_in(std::string_view status) {
    const std::string id = bench::seeded_user("life");
    admin().set_user_status(id, status);
    admin().clear_requests();
    return id;
}

std::string stored_status(const std::string& id) {
    for (const auto& user : admin().users()) {
        if (user.at("id").as_string() == id) {
            return std::string(user.at("status").as_string());
        }
    }
    return "gone";
}

struct transition {
    std::string_view node;
    std::string_view from;
    std::string_view to;
};

// The secret appears in the output member and in no log line.
void expect_only_in_output(const node_run& run, std::string_view member) {
    const std::string secret(run.output.at(member).as_string());
    BOOST_TEST_REQUIRE(secret.size() >= 12u, member << " is not a usable secret");
    for (const auto& line : run.log) {
        BOOST_TEST(line.find(secret) == std::string::npos, member << " leaked into the log: " << line);
    }
    BOOST_TEST(run.message().find(secret) == std::string::npos);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(lifecycle, bench)

BOOST_AUTO_TEST_CASE(every_allowed_transition_answers_the_user_in_its_new_status) {
    const transition allowed[] = {
        {"okta.user.suspend", "ACTIVE", "SUSPENDED"},
        {"okta.user.unsuspend", "SUSPENDED", "ACTIVE"},
        {"okta.user.unlock", "LOCKED_OUT", "ACTIVE"},
        {"okta.user.deactivate", "ACTIVE", "DEPROVISIONED"},
        {"okta.user.deactivate", "SUSPENDED", "DEPROVISIONED"},
        {"okta.user.resetPassword", "ACTIVE", "RECOVERY"},
        {"okta.user.expirePassword", "ACTIVE", "PASSWORD_EXPIRED"},
    };
    for (const auto& step : allowed) {
        BOOST_TEST_CONTEXT(step.node << " from " << step.from) {
            admin().reset();
            const std::string id = user_in(step.from);
            const auto result = run(step.node, json::object{{"UserId", id}});
            BOOST_TEST(result.status() == 200, result.message());
            BOOST_TEST(result.code() == "");
            BOOST_TEST(result.user().at("id").as_string() == id);
            BOOST_TEST(result.user().at("status").as_string() == step.to);
            BOOST_TEST(result.output.at("Reconciled").as_bool() == false);
            BOOST_TEST(stored_status(id) == step.to);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_refused_transition_is_oktas_answer_and_changes_nothing) {
    const transition refused[] = {
        {"okta.user.activate", "ACTIVE", "E0000016"},
        {"okta.user.suspend", "SUSPENDED", "E0000038"},
        {"okta.user.suspend", "STAGED", "E0000038"},
        {"okta.user.unsuspend", "ACTIVE", "E0000038"},
        {"okta.user.unlock", "ACTIVE", "E0000038"},
        {"okta.user.deactivate", "DEPROVISIONED", "E0000038"},
    };
    for (const auto& step : refused) {
        BOOST_TEST_CONTEXT(step.node << " from " << step.from) {
            admin().reset();
            const std::string id = user_in(step.from);
            const auto result = run(step.node, json::object{{"UserId", id}});
            BOOST_TEST(result.status() == 403, result.message());
            BOOST_TEST(result.code() == step.to);
            BOOST_TEST(!result.message().empty());
            BOOST_TEST(result.output.at("Retryable").as_bool() == false);
            BOOST_TEST(stored_status(id) == step.from);
            const auto sent = requests();
            BOOST_TEST(sent.size() == 1u, "only the POST, no read: " << json::serialize(sent));
        }
    }
}

BOOST_AUTO_TEST_CASE(activation_without_email_hands_over_the_link_and_nothing_else_sees_it) {
    const std::string id = user_in("STAGED");
    const auto result = run("okta.user.activate", json::object{{"UserId", id}, {"SendEmail", false}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("status").as_string() != "STAGED");
    expect_only_in_output(result, "ActivationUrl");
    const auto sent = requests();
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    BOOST_TEST(target_of(sent[0]) == "/api/v1/users/" + id + "/lifecycle/activate?sendEmail=false");
    BOOST_TEST(method_of(sent[1]) == "GET");  // Okta's answer is a token: the user is read after it
}

BOOST_AUTO_TEST_CASE(activation_with_email_hands_over_no_link) {
    const std::string id = user_in("STAGED");
    const auto result = run("okta.user.activate", json::object{{"UserId", id}, {"SendEmail", true}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(!result.output.contains("ActivationUrl"));
    BOOST_TEST(target_of(requests().at(0)) == "/api/v1/users/" + id + "/lifecycle/activate?sendEmail=true");
}

BOOST_AUTO_TEST_CASE(a_reset_hands_over_its_url_only_in_the_output) {
    const std::string id = user_in("ACTIVE");
    const auto result = run("okta.user.resetPassword", json::object{{"UserId", id}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("status").as_string() == "RECOVERY");
    expect_only_in_output(result, "ResetPasswordUrl");
}

BOOST_AUTO_TEST_CASE(expiring_with_a_temporary_password_hands_it_over_only_in_the_output) {
    const std::string id = user_in("ACTIVE");
    const auto result = run("okta.user.expirePassword", json::object{{"UserId", id}, {"TempPassword", true}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("status").as_string() == "PASSWORD_EXPIRED");
    expect_only_in_output(result, "TempPassword");
    BOOST_TEST(target_of(requests().at(0)) == "/api/v1/users/" + id + "/lifecycle/expire_password_with_temp_password");
}

BOOST_AUTO_TEST_CASE(a_login_is_resolved_and_the_change_goes_to_the_id) {
    const std::string id = user_in("ACTIVE");
    const auto result = run("okta.user.suspend", json::object{{"UserId", "life1@example.com"}});
    BOOST_TEST(result.status() == 200, result.message());
    const auto sent = requests();
    BOOST_TEST_REQUIRE(sent.size() >= 2u);
    BOOST_TEST(target_of(sent[1]) == "/api/v1/users/" + id + "/lifecycle/suspend");
}

BOOST_AUTO_TEST_CASE(an_ambiguous_suspend_that_really_happened_is_reconciled) {
    const std::string id = user_in("ACTIVE");
    // The POST is carried out; its answer breaks off half-way.
    admin().inject(json::object{{"count", 1}, {"kind", "close_mid_body"}});
    const auto result = run("okta.user.suspend", json::object{{"UserId", id}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.output.at("Reconciled").as_bool());
    BOOST_TEST(result.user().at("status").as_string() == "SUSPENDED");
    const auto sent = requests();
    const auto posts = std::count_if(sent.begin(), sent.end(), [](const json::value& r) { return method_of(r) == "POST"; });
    BOOST_TEST(posts == 1, "the suspension is never sent twice");
}

BOOST_AUTO_TEST_CASE(a_suspend_whose_answer_was_refused_by_a_proxy_is_sent_again_once) {
    const std::string id = user_in("ACTIVE");
    // A 502 before Okta: not carried out, and the user is still ACTIVE.
    admin().inject(json::object{{"count", 1}, {"kind", "status"}, {"status", 502}});
    const auto result = run("okta.user.suspend", json::object{{"UserId", id}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.output.at("Reconciled").as_bool() == false);
    BOOST_TEST(stored_status(id) == "SUSPENDED");
}

BOOST_AUTO_TEST_CASE(a_suspension_answered_with_a_wrong_2xx_is_checked_and_made_once) {
    const std::string id = user_in("ACTIVE");
    // 200 with [] and nothing done: the user is read, is still ACTIVE, and
    // the suspension is sent once more.
    admin().inject(json::object{{"count", 1}, {"kind", "wrong_2xx"}});
    const auto result = run("okta.user.suspend", json::object{{"UserId", id}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.output.at("Reconciled").as_bool() == false);
    BOOST_TEST(stored_status(id) == "SUSPENDED");
    const auto sent = requests();
    const auto posts = std::count_if(sent.begin(), sent.end(), [](const json::value& r) { return method_of(r) == "POST"; });
    BOOST_TEST(posts == 2);
}

BOOST_AUTO_TEST_CASE(me_is_refused_before_anything_is_sent) {
    const auto result = run("okta.user.deactivate", json::object{{"UserId", "Me"}});
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
