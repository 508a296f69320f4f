// The two credential types as the nodes read them: which type a credential
// JSON is, refusals of unknown and contradictory types, service-app fields,
// and every node accepting both types.
#include "test_keys.hpp"
#include "test_nodes.hpp"

#include "node_catalog.hpp"
#include "nodes/credentials.hpp"
#include "nodes/node_scopes.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace okta_plugin::test;
namespace nodes = okta_plugin::nodes;
namespace json = boost::json;

namespace {

json::object service_app(std::string pem = rsa_pem()) {
    return {{"type", "okta.oauthServiceApp"},
            {"Domain", "https://127.0.0.1:9"},
            {"ClientId", "0oa1service"},
            {"PrivateKey", std::move(pem)}};
}

std::string refusal(const json::object& credentials) {
    try {
        nodes::read_credentials(credentials);
    } catch (const wfn::invalid_input_error& error) {
        return error.what();
    }
    return {};
}

bool says(const std::string& message, std::string_view part) { return message.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(oauth_credentials)

BOOST_AUTO_TEST_CASE(credentials_without_a_type_are_an_api_token) {
    const auto read = nodes::read_credentials(unreachable_credentials());
    BOOST_TEST(!read.app.has_value());
    BOOST_TEST(read.token.reveal() == "00secret-token-value");
}

BOOST_AUTO_TEST_CASE(a_service_app_is_read_with_its_key_and_scopes_sorted) {
    auto credentials = service_app(ec_pem(pem_form::traditional));
    credentials["Scopes"] = "okta.users.read  okta.groups.read okta.users.read";
    credentials["KeyId"] = "key-1";
    const auto read = nodes::read_credentials(credentials);
    BOOST_TEST_REQUIRE(read.app.has_value());
    BOOST_TEST(read.app->client_id == "0oa1service");
    BOOST_TEST(read.app->key_id == "key-1");
    BOOST_TEST(read.app->scopes == "okta.groups.read okta.users.read");
    BOOST_TEST(read.app->key->algorithm() == "ES256");
    BOOST_TEST(read.token.empty());
}

BOOST_AUTO_TEST_CASE(an_unknown_type_is_refused_naming_the_types_there_are) {
    auto credentials = unreachable_credentials();
    credentials["type"] = "okta.clientSecret";
    const std::string message = refusal(credentials);
    BOOST_TEST(says(message, "okta.clientSecret"));
    BOOST_TEST(says(message, "okta.apiToken or okta.oauthServiceApp"));
    credentials["type"] = 7;
    BOOST_TEST(says(refusal(credentials), "type must be a string"));
}

BOOST_AUTO_TEST_CASE(members_of_the_other_type_contradict_the_type) {
    auto token_with_key = unreachable_credentials();
    token_with_key["PrivateKey"] = rsa_pem();
    BOOST_TEST(says(refusal(token_with_key), R"(set "type": "okta.oauthServiceApp")"));
    BOOST_TEST(!says(refusal(token_with_key), "PRIVATE KEY-----\n"));
    token_with_key["type"] = "okta.apiToken";
    BOOST_TEST(says(refusal(token_with_key), "PrivateKey, a member of okta.oauthServiceApp"));

    auto app_with_token = service_app();
    app_with_token["ApiToken"] = "00secret-token-value";
    const std::string message = refusal(app_with_token);
    BOOST_TEST(says(message, "carry ApiToken, but their type is okta.oauthServiceApp"));
    BOOST_TEST(!says(message, "00secret-token-value"));
}

BOOST_AUTO_TEST_CASE(a_bad_private_key_is_refused_without_quoting_it) {
    const std::string pem = rsa_pem();
    const std::string message = refusal(service_app(pem.substr(0, pem.size() - 80)));
    BOOST_TEST(says(message, "PrivateKey"));
    BOOST_TEST(!says(message, pem.substr(40, 40)));
    BOOST_TEST(says(refusal(service_app("")), "PrivateKey"));
}

BOOST_AUTO_TEST_CASE(client_ids_key_ids_and_scopes_are_checked) {
    auto spaced = service_app();
    spaced["ClientId"] = "0oa1 service";
    BOOST_TEST(says(refusal(spaced), "ClientId contains a space"));
    auto quoted = service_app();
    quoted["Scopes"] = "okta.users.read \"x\"";
    BOOST_TEST(says(refusal(quoted), "Scopes holds a character no scope may have"));
    BOOST_TEST(nodes::normalised_scopes(" b  a b ") == "a b");
    BOOST_TEST(nodes::normalised_scopes("") == "");
}

BOOST_AUTO_TEST_CASE(every_node_declares_its_scopes) {
    for (const auto& node : okta_plugin::okta_plugin_definition().nodes) {
        BOOST_TEST_CONTEXT(node.id) {
            const std::string_view scopes = nodes::scopes_of(node.id);
            BOOST_TEST(!scopes.empty());
            BOOST_TEST(nodes::normalised_scopes(scopes) == scopes, "sorted, single-spaced");
            // A node that changes something asks for a manage scope.
            if ((node.flags & WFN_NODE_FLAG_SIDE_EFFECTS) != 0) {
                BOOST_TEST(scopes.find(".manage") != std::string_view::npos);
            } else {
                BOOST_TEST(scopes.find(".manage") == std::string_view::npos);
            }
        }
    }
    BOOST_CHECK_THROW(nodes::scopes_of("okta.no.such"), std::logic_error);
}

BOOST_AUTO_TEST_CASE(every_node_accepts_a_service_app_and_asks_for_a_token_first) {
    node_runner runner;
    for (const auto& node : okta_plugin::okta_plugin_definition().nodes) {
        BOOST_TEST_CONTEXT(node.id) {
            // Nothing listens on the org: the token request is what fails.
            const auto output = runner.run(node.id, valid_params(node.id), service_app());
            BOOST_TEST(status_of(output) == 500);
            BOOST_TEST(output.at("ErrorCode").as_string() == "WFN_CONNECT_FAILED");
            BOOST_TEST(says(message_of(output), "No access token"));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
