// What a hostile review of the plugin found, each as the behaviour that must
// hold: no false success, no request to a place it must not go, no answer
// that a rerun turns into a permanent failure.
#include "okta_bench.hpp"

#include "transport/https_client.hpp"

#include <thread>

using namespace okta_it;
using namespace std::chrono_literals;

namespace {

json::object new_hire(const std::string& login) {
    return {{"UserName", login}, {"Email", login}, {"FirstName", "Ada"}, {"LastName", "Lovelace"}};
}

std::size_t users_with_login(const std::string& login) {
    std::size_t count = 0;
    for (const auto& user : admin().users()) {
        count += user.at("profile").at("login").as_string() == login ? 1u : 0u;
    }
    return count;
}

std::string status_of_login(const std::string& login) {
    for (const auto& user : admin().users()) {
        if (user.at("profile").at("login").as_string() == login) {
            return std::string(user.at("status").as_string());
        }
    }
    return "gone";
}

json::object with(json::object params, std::string_view name, json::value value) {
    params[name] = std::move(value);
    return params;
}

// Okta's Date has whole seconds: a user made in the same second as a later
// call cannot be told apart from that call's own. Users "from before" are
// made well before.
void let_a_second_pass() { std::this_thread::sleep_for(1500ms); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(hardening, bench)

BOOST_AUTO_TEST_CASE(a_create_that_meets_an_older_user_with_its_login_is_okta_duplicate_login) {
    const std::string login = "pre1@example.com";
    BOOST_TEST_REQUIRE(run("okta.user.create", new_hire(login)).status() == 200);
    let_a_second_pass();
    admin().clear_requests();
    // Not carried out, but a 503 leaves that unknown: the login is looked up.
    admin().inject(json::object{{"count", 1}, {"kind", "status"}, {"status", 503}});
    const auto result = run("okta.user.create", new_hire(login));

    BOOST_TEST(result.status() == 400);
    BOOST_TEST(result.code() == "E0000001");
    BOOST_TEST(result.message().find("not made by this call") != std::string::npos, result.message());
    BOOST_TEST(!result.output.at("Reconciled").as_bool());
    BOOST_TEST(users_with_login(login) == 1u);
}

BOOST_AUTO_TEST_CASE(a_create_that_meets_a_deprovisioned_user_with_its_login_is_not_a_success) {
    const std::string login = "pre2@example.com";
    const auto made = run("okta.user.create", new_hire(login));
    BOOST_TEST_REQUIRE(made.status() == 200);
    BOOST_TEST_REQUIRE(run("okta.user.delete", json::object{{"UserId", made.user().at("id")}, {"DeactivateOnly", true}})
                           .status() == 204);
    let_a_second_pass();
    admin().inject(json::object{{"count", 1}, {"kind", "status"}, {"status", 503}});
    const auto result = run("okta.user.create", new_hire(login));

    BOOST_TEST(result.status() == 400);
    BOOST_TEST(result.code() == "E0000001");
    BOOST_TEST(status_of_login(login) == "DEPROVISIONED");
}

BOOST_AUTO_TEST_CASE(a_rerun_of_a_create_whose_outcome_stayed_unknown_is_reconciled) {
    const std::string login = "rerun@example.com";
    const json::object create = with(new_hire(login), "MaxRetries", 0);
    // The create is carried out and its answer lost; so is the lookup's.
    admin().inject(json::object{{"count", 2}, {"kind", "close_mid_body"}});
    const auto first = run("okta.user.create", create);
    BOOST_TEST_REQUIRE(first.status() == 500);
    BOOST_TEST(first.output.at("Retryable").as_bool());
    BOOST_TEST(first.message().find("may have carried it out") != std::string::npos, first.message());

    // The workflow follows Retryable: Okta now says "already exists".
    const auto rerun = run("okta.user.create", create);
    BOOST_TEST(rerun.status() == 200, rerun.message());
    BOOST_TEST(rerun.output.at("Reconciled").as_bool());
    BOOST_TEST(users_with_login(login) == 1u);
}

BOOST_AUTO_TEST_CASE(me_never_reaches_a_path) {
    for (std::string_view node : {"okta.user.get", "okta.user.update", "okta.user.delete"}) {
        for (std::string_view alias : {"me", "ME", "Me"}) {
            BOOST_TEST_CONTEXT(node << " " << alias) {
                json::object params{{"UserId", alias}};
                if (node == "okta.user.update") {
                    params["FirstName"] = "Mallory";
                }
                const auto result = run(node, params);
                BOOST_TEST(result.status() == -1);
                BOOST_TEST(result.message().rfind("UserId ", 0) == 0, result.message());
            }
        }
    }
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_CASE(a_port_past_65535_is_refused_not_wrapped_onto_another) {
    // 65536 more than the sandbox's port: read modulo 2^16, it is the sandbox.
    json::object credentials = sandbox_credentials();
    credentials["Domain"] = "https://127.0.0.1:" + std::to_string(sandbox().port() + 65536);
    const auto result = run("okta.user.get", json::object{{"UserId", "00u0000000000000000a"}}, credentials);

    BOOST_TEST(result.status() == -1);
    BOOST_TEST(result.message().rfind("Domain ", 0) == 0, result.message());
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_CASE(a_renaming_update_by_login_whose_answer_was_lost_is_not_a_false_404) {
    seeded_user("rename");
    // The first request that touches the user is carried out, its answer lost.
    admin().inject(json::object{{"count", 1}, {"kind", "close_mid_body"}});
    const auto result = run("okta.user.update", json::object{{"UserId", "rename1@example.com"},
                                                             {"UserName", "renamed1@example.com"}});

    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("profile").at("login").as_string() == "renamed1@example.com");
}

BOOST_AUTO_TEST_CASE(a_deactivation_answered_200_with_a_list_is_not_done) {
    const std::string id = seeded_user("wrong");
    admin().inject(json::object{{"count", 1}, {"kind", "unexpected_shape"}, {"body", json::array{}}});
    const auto result = run("okta.user.delete", json::object{{"UserId", id}, {"DeactivateOnly", true}});

    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_BAD_RESPONSE");
    BOOST_TEST(status_of_login("wrong1@example.com") == "ACTIVE");
}

BOOST_AUTO_TEST_CASE(a_delete_answered_200_with_a_list_is_not_done) {
    const std::string id = seeded_user("wrong");
    BOOST_TEST_REQUIRE(run("okta.user.delete", json::object{{"UserId", id}, {"DeactivateOnly", true}}).status() == 204);
    // The GET reads DEPROVISIONED; the DELETE that would remove the user is
    // answered 200 [] and does nothing.
    admin().inject(json::object{{"count", 1}, {"every", 2}, {"kind", "unexpected_shape"}, {"body", json::array{}}});
    const auto result = run("okta.user.delete", json::object{{"UserId", id}, {"MaxRetries", 0}});

    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_BAD_RESPONSE");
    BOOST_TEST(status_of_login("wrong1@example.com") == "DEPROVISIONED");
}

BOOST_AUTO_TEST_CASE(a_rerun_of_a_delete_whose_outcome_stayed_unknown_and_finds_nobody_is_done) {
    const std::string id = seeded_user("lostdelete");
    // GET, DELETE (deactivates), DELETE (deletes): a proxy's 502 leaves
    // the last one's outcome unknown, and it is not resent.
    admin().inject(json::object{{"count", 1}, {"every", 3}, {"kind", "status"}, {"status", 502}, {"html", true}});
    const json::object params{{"UserId", id}, {"MaxRetries", 0}};
    const auto first = run("okta.user.delete", params);
    BOOST_TEST_REQUIRE(first.status() == 502);
    BOOST_TEST(first.message().find("check the user's status") != std::string::npos, first.message());
    // Whatever finished it meanwhile (here another run, by login), the user
    // is gone when the workflow runs this one again.
    BOOST_TEST_REQUIRE(run("okta.user.delete", json::object{{"UserId", "lostdelete1@example.com"}}).status() == 204);

    const auto rerun = run("okta.user.delete", params);
    BOOST_TEST(rerun.status() == 204, rerun.message());
    BOOST_TEST(rerun.output.at("Reconciled").as_bool());
}

BOOST_AUTO_TEST_CASE(a_delete_of_a_user_nobody_asked_to_delete_is_still_404) {
    const auto result = run("okta.user.delete", json::object{{"UserId", "00u0000000000000nope"}});
    BOOST_TEST(result.status() == 404);
    BOOST_TEST(result.code() == "E0000007");
}

BOOST_AUTO_TEST_CASE(white_space_is_not_an_id_or_a_name) {
    BOOST_TEST(run("okta.user.get", json::object{{"UserId", "   "}}).message().rfind("UserId ", 0) == 0);
    json::object create = new_hire("blank@example.com");
    create["FirstName"] = " \t ";
    const auto result = run("okta.user.create", create);
    BOOST_TEST(result.status() == -1);
    BOOST_TEST(result.message().rfind("FirstName ", 0) == 0, result.message());
    BOOST_TEST(requests().empty());
}

BOOST_AUTO_TEST_CASE(a_login_with_a_slash_is_found_whatever_its_case) {
    BOOST_TEST_REQUIRE(run("okta.user.create", new_hire("ops/lead@example.com")).status() == 200);
    const auto result = run("okta.user.get", json::object{{"UserId", "OPS/Lead@Example.com"}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("profile").at("login").as_string() == "ops/lead@example.com");
}

BOOST_AUTO_TEST_CASE(idle_connections_are_closed_on_time_without_further_calls) {
    okta_plugin::transport::client_options options;
    options.max_idle_time = 1s;
    okta_plugin::transport::https_client client(options);
    const okta_plugin::wire::endpoint server{"127.0.0.1", sandbox().port(), read_file(sandbox().ca_file())};
    okta_plugin::wire::request request;
    request.target = "/api/v1/users?limit=1";
    request.headers.push_back({"Authorization", okta_plugin::wire::wiping_string("SSWS " + sandbox().token())});
    okta_plugin::wire::call_budget budget;
    budget.deadline = std::chrono::steady_clock::now() + 10s;
    BOOST_TEST_REQUIRE(client.send(server, request, budget).status == 200);
    BOOST_TEST(client.idle_connections(server) == 1u);

    // Three times the idle limit, and no call in between.
    std::this_thread::sleep_for(3s);
    BOOST_TEST(client.idle_connections(server) == 0u);
}

BOOST_AUTO_TEST_CASE(a_return_all_listing_whose_next_links_loop_stops_without_a_user_twice) {
    admin().seed(json::object{{"count", 250}, {"prefix", "cycle"}});
    admin().clear_requests();
    // Page A links to B, and B back to A, for as long as the fault lasts.
    admin().inject(json::object{{"count", 10}, {"kind", "link_cycle"}});
    const auto result = run("okta.user.list", json::object{{"Limit", 100}, {"ReturnAll", true}});

    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_BAD_RESPONSE");
    BOOST_TEST(result.message().find("leads back to a page already read") != std::string::npos, result.message());
    // The two distinct pages read are kept, marked incomplete: never handed on as if whole.
    BOOST_TEST(!result.output.at("Complete").as_bool());
    BOOST_TEST(result.output.at("Users").as_array().size() == 200u);
    BOOST_TEST(requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(an_interim_100_before_the_answer_is_skipped) {
    const std::string id = seeded_user("interim");
    admin().inject(json::object{{"count", 1}, {"kind", "interim_100"}});
    const auto result = run("okta.user.get", json::object{{"UserId", id}});

    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("id").as_string() == id);
}

BOOST_AUTO_TEST_CASE(a_body_ended_by_closing_the_connection_is_read_whole) {
    const std::string id = seeded_user("closing");
    admin().inject(json::object{{"count", 1}, {"kind", "close_delimited"}});
    const auto result = run("okta.user.get", json::object{{"UserId", id}});

    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("id").as_string() == id);
    BOOST_TEST(requests().size() == 1u, "read once, not retried");
}

BOOST_AUTO_TEST_CASE(a_delete_answered_with_a_wrong_2xx_is_not_done) {
    const std::string id = seeded_user("wrong");
    admin().inject(json::object{{"count", 1}, {"kind", "wrong_2xx"}});
    const auto result = run("okta.user.delete", json::object{{"UserId", id}, {"DeactivateOnly", true}});

    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_BAD_RESPONSE");
    BOOST_TEST(status_of_login("wrong1@example.com") == "ACTIVE");
}

BOOST_AUTO_TEST_SUITE_END()
