// The shipped workflows (packaging/demo) run by the real wfn-host binary
// against the sandbox, as a workflow author would run them: onboarding puts
// a new hire in their group and reads it back; offboarding suspends a
// leaver, takes them out of every group they can leave, deactivates and
// deletes them.
#include "host_cli.hpp"
#include "okta_bench.hpp"

#include <filesystem>
#include <set>
#include <vector>

using namespace okta_it;

namespace {

const std::filesystem::path demo_dir = WFN_DEMO_DIR;

struct workflow_run {
    int exit_code = -1;
    json::object document;

    const json::object& step(std::string_view name) const {
        for (const auto& step : document.at("steps").as_array()) {
            if (step.at("name").as_string() == name) {
                return step.as_object();
            }
        }
        BOOST_FAIL("no step " << name);
        return document;
    }
};

workflow_run run_workflow(const std::string& file, const json::object& input) {
    scratch_dir dir;
    const cli_result run = run_wfn_host("workflow " + (demo_dir / file).string() + " --plugins " + okta_plugins_dir() +
                                        " --credentials " + dir.write("credentials.json", sandbox_credentials()) +
                                        " --input " + dir.write("input.json", input));
    workflow_run result;
    result.exit_code = run.exit_code;
    result.document = json::parse(run.out).as_object();
    return result;
}

std::string stored_status(const std::string& login) {
    for (const auto& user : admin().users()) {
        if (user.at("profile").at("login").as_string() == login) {
            return std::string(user.at("status").as_string());
        }
    }
    return "gone";
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(demo_workflows, bench)

BOOST_AUTO_TEST_CASE(onboarding_creates_groups_and_removes_the_new_hire) {
    const std::string group(admin().create_group("Research").at("id").as_string());
    const auto run = run_workflow("onboarding.workflow.json",
                                  json::object{{"login", "ada.lovelace@example.com"}, {"firstName", "Ada"},
                                               {"lastName", "Lovelace"}, {"password", "Demo-7f3a9c2e41b8-Qz9"},
                                               {"group", "Research"}});
    BOOST_TEST(run.exit_code == 0, json::serialize(run.document));
    BOOST_TEST(run.document.at("succeeded").as_bool());
    BOOST_TEST(run.step("addToGroup").at("output").at("GroupId").as_string() == group);
    std::set<std::string> names;
    for (const auto& one : run.step("getWithGroups").at("output").at("Groups").as_array()) {
        names.emplace(one.at("profile").at("name").as_string());
    }
    BOOST_TEST((names == std::set<std::string>{"Everyone", "Research"}));
    BOOST_TEST(run.step("confirmGone").at("output").at("StatusCode").as_int64() == 404);
    BOOST_TEST(stored_status("ada.lovelace@example.com") == "gone");
}

BOOST_AUTO_TEST_CASE(offboarding_suspends_leaves_every_group_deactivates_and_deletes) {
    const std::string leaver = seeded_user("leaver");
    std::vector<std::string> groups;
    for (const char* name : {"Sales", "Travel", "Parking"}) {
        groups.emplace_back(admin().create_group(name).at("id").as_string());
        admin().add_member(groups.back(), leaver);
    }
    admin().add_member(std::string(admin().create_group("Salesforce users", "APP_GROUP").at("id").as_string()), leaver);
    admin().clear_requests();

    const auto run = run_workflow("offboarding.workflow.json", json::object{{"login", "leaver1@example.com"}});
    BOOST_TEST(run.exit_code == 0, json::serialize(run.document));
    BOOST_TEST(run.document.at("succeeded").as_bool());
    BOOST_TEST(run.step("suspend").at("output").at("User").at("status").as_string() == "SUSPENDED");
    BOOST_TEST(run.step("leaveGroups").at("outputs").as_array().size() == 3u);  // not Everyone, not the app group
    BOOST_TEST(run.step("deactivate").at("output").at("User").at("status").as_string() == "DEPROVISIONED");
    BOOST_TEST(run.step("delete").at("output").at("StatusCode").as_int64() == 204);
    BOOST_TEST(stored_status("leaver1@example.com") == "gone");

    // Every membership change went to the leaver, and in the order the workflow gives.
    std::vector<std::string> order;
    for (const auto& sent : requests()) {
        const std::string target = target_of(sent);
        if (method_of(sent) != "GET") {
            order.push_back(method_of(sent) + (target.find("/lifecycle/") != std::string::npos ? " lifecycle" : ""));
        }
    }
    BOOST_TEST_REQUIRE(order.size() >= 6u);
    BOOST_TEST(order.front() == "POST lifecycle");
    BOOST_TEST(order[1] == "DELETE");
}

BOOST_AUTO_TEST_SUITE_END()
