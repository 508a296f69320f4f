// The statuses each node's manifest lists, node by node: 401, 403, 429, and
// the 400s Okta gives for values only it can judge.
#include "okta_bench.hpp"

#include <array>

using namespace okta_it;

namespace {

struct status_bench : bench {
    std::string id = seeded_user();

    // Parameters each node accepts and sends, aimed at the seeded user.
    json::object params_for(std::string_view node) const {
        if (node == "okta.user.create") {
            return params(R"({"UserName": "new@example.com", "Email": "new@example.com", "FirstName": "New",
                              "LastName": "User"})");
        }
        if (node == "okta.user.list") {
            return json::object{};
        }
        if (node == "okta.user.update") {
            return json::object{{"UserId", id}, {"LastName", "Changed"}};
        }
        return json::object{{"UserId", id}};
    }
};

constexpr std::array<std::string_view, 5> all_nodes{"okta.user.create", "okta.user.get", "okta.user.list",
                                                    "okta.user.update", "okta.user.delete"};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(statuses, status_bench)

BOOST_AUTO_TEST_CASE(every_node_answers_401_to_a_wrong_token) {
    auto credentials = sandbox_credentials();
    credentials["ApiToken"] = "00Not-A-Valid-Token-00";
    for (std::string_view node : all_nodes) {
        BOOST_TEST_CONTEXT(node) {
            const auto result = run(node, params_for(node), credentials);
            BOOST_TEST(result.status() == 401);
            BOOST_TEST(result.code() == "E0000011");
            BOOST_TEST(json::serialize(result.output).find("00Not-A-Valid-Token-00") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_node_hands_back_a_429_when_max_retries_is_0) {
    for (std::string_view node : all_nodes) {
        BOOST_TEST_CONTEXT(node) {
            admin().inject(json::object{{"count", 1}, {"kind", "rate_limit"}, {"resetSeconds", 1}});
            auto node_params = params_for(node);
            node_params["MaxRetries"] = 0;
            const auto result = run(node, node_params);
            BOOST_TEST(result.status() == 429);
            BOOST_TEST(result.code() == "E0000047");
            BOOST_TEST(result.message().find("The rate limit resets at") != std::string::npos, result.message());
        }
    }
}

BOOST_AUTO_TEST_CASE(writes_with_a_read_only_token_answer_403) {
    okta_sandbox::process restricted({"--token", "full-token", "--read-only-token", "reader-token",
                                      "--seed-users", "1"});
    okta_sandbox::admin restricted_admin(restricted);
    const std::string seeded(restricted_admin.users().at(0).at("id").as_string());
    const json::object reader{{"Domain", restricted.base_url()},
                              {"ApiToken", "reader-token"},
                              {"CaCertificate", read_file(restricted.ca_file())}};
    BOOST_TEST(run("okta.user.get", json::object{{"UserId", seeded}}, reader).status() == 200);
    for (std::string_view node : {"okta.user.create", "okta.user.update", "okta.user.delete"}) {
        BOOST_TEST_CONTEXT(node) {
            auto node_params = params_for(node);
            if (node_params.contains("UserId")) {
                node_params["UserId"] = seeded;
            }
            const auto result = run(node, node_params, reader);
            BOOST_TEST(result.status() == 403);
            BOOST_TEST(result.code() == "E0000006");
        }
    }
}

BOOST_AUTO_TEST_CASE(update_values_okta_refuses_are_its_400) {
    const auto result = run("okta.user.update", json::object{{"UserId", id}, {"Password", "abc"}});
    BOOST_TEST(result.status() == 400);
    BOOST_TEST(result.code() == "E0000001");
    BOOST_TEST(result.message().find("password") != std::string::npos, result.message());
    BOOST_TEST(result.message().find("abc") == std::string::npos, result.message());
}

BOOST_AUTO_TEST_SUITE_END()
