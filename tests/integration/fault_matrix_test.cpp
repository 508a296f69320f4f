// The fault matrix: every node against every way the network, TLS or the
// server can fail. MaxRetries is 0 and each fault hits every request of the
// row, so each row shows what the workflow gets back when the fault persists:
// StatusCode, ErrorCode, a message that says what happened, Retryable, and no
// secret anywhere in the output or the log.
#include "oauth_bench.hpp"
#include "silent_listener.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <functional>
#include <optional>
#include <ostream>

using namespace okta_it;
using namespace std::chrono_literals;
namespace data = boost::unit_test::data;

namespace {

constexpr std::string_view matrix_password = "Quiet-Harbour-Phrase-42";

// What a row's node call must answer.
struct outcome {
    std::int64_t status;
    std::string_view code;
    std::string_view message_fragment;
    bool retryable;
};

// Where a row's node call is sent, and what the sandbox does with it.
struct fault_row {
    std::string_view name;
    // Queues the sandbox fault, or points the credentials elsewhere.
    std::function<void(json::object& credentials)> arrange;
    outcome expected;
    std::chrono::milliseconds timeout = 30s;
    // The call fails before a request reaches the sandbox.
    bool nothing_reaches_the_sandbox = false;
    // Only a list page carries a Link the plugin follows: other nodes succeed.
    bool lists_only = false;
    // The fault cuts an answer's body short: a node whose every answer is a
    // 204 without a body gets its whole answer, and succeeds.
    bool cuts_a_body = false;
};

std::ostream& operator<<(std::ostream& out, const fault_row& row) { return out << row.name; }

// The fault hits every request of the row: the first one and any lookup or
// second phase the node makes after it.
std::function<void(json::object&)> sandbox_fault(json::object description) {
    return [description = std::move(description)](json::object&) mutable {
        description["count"] = 100;
        admin().inject(description);
    };
}

std::function<void(json::object&)> domain(std::function<std::string()> url) {
    return [url = std::move(url)](json::object& credentials) { credentials["Domain"] = url(); };
}

// A sandbox whose certificate, signed by its own trusted CA, names another host.
okta_sandbox::process& impostor() {
    static okta_sandbox::process instance({"--server-cert-hostname", "other.example", "--quiet"});
    return instance;
}

silent_listener& never_speaks() {
    static silent_listener instance;
    return instance;
}

outcome server_error(std::int64_t status) { return {status, "E0000009", "Internal Server Error", true}; }

const std::vector<fault_row> fault_rows = {
    {"connection_refused", domain([] { return std::string("https://127.0.0.1:1"); }),
     {500, "WFN_CONNECT_FAILED", "Connection refused by 127.0.0.1:1.", true}, 30s, true},
    {"dns_failure", domain([] { return std::string("https://okta-matrix.invalid"); }),
     {500, "WFN_DNS_FAILED", "okta-matrix.invalid", false}, 30s, true},
    {"tls_untrusted", [](json::object& credentials) { credentials.erase("CaCertificate"); },
     {500, "WFN_TLS_VERIFY_FAILED", "certificate verify failed", false}, 30s, true},
    {"tls_wrong_host_name",
     [](json::object& credentials) {
         credentials["Domain"] = impostor().base_url();
         credentials["CaCertificate"] = read_file(impostor().ca_file());
     },
     {500, "WFN_TLS_VERIFY_FAILED", "mismatch", false}, 30s, true},
    {"tls_handshake_timeout", domain([] { return never_speaks().url(); }),
     {500, "WFN_TRANSPORT_TIMEOUT", "timed out after 1000 ms", true}, 1000ms, true},
    {"reset_before_response", sandbox_fault({{"kind", "close_before_response"}}),
     {500, "WFN_CONNECTION_CLOSED", "closed the connection before sending a response", true}},
    {"reset_mid_body", sandbox_fault({{"kind", "close_mid_body"}}),
     {500, "WFN_CONNECTION_CLOSED", "in the middle of the response", true}, 30s, false, false, true},
    {"truncated_body", sandbox_fault({{"kind", "truncated_body"}}),
     {500, "WFN_CONNECTION_CLOSED", "in the middle of the response", true}, 30s, false, false, true},
    {"malformed_json", sandbox_fault({{"kind", "malformed_json"}}),
     {500, "WFN_BAD_RESPONSE", "not valid JSON", false}},
    {"html_error_page", sandbox_fault({{"kind", "status"}, {"status", 502}, {"html", true}}),
     {502, "", "answered 502 without an Okta error body", true}},
    {"unexpected_shape", sandbox_fault({{"kind", "unexpected_shape"}}),
     {500, "WFN_BAD_RESPONSE", "with something other than", false}},
    {"status_500", sandbox_fault({{"kind", "status"}, {"status", 500}}), server_error(500)},
    {"status_502", sandbox_fault({{"kind", "status"}, {"status", 502}}), server_error(502)},
    {"status_503", sandbox_fault({{"kind", "status"}, {"status", 503}}), server_error(503)},
    {"status_504", sandbox_fault({{"kind", "status"}, {"status", 504}}), server_error(504)},
    {"rate_limited_with_reset", sandbox_fault({{"kind", "rate_limit"}, {"resetSeconds", 1}}),
     {429, "E0000047", "The rate limit resets at", true}},
    {"rate_limited_without_reset", sandbox_fault({{"kind", "rate_limit"}, {"omitResetHeader", true}}),
     {429, "E0000047", "Okta sent no X-Rate-Limit-Reset", true}},
    {"slow_past_the_deadline", sandbox_fault({{"kind", "delay"}, {"delayMs", 3000}}),
     {500, "WFN_TRANSPORT_TIMEOUT", "timed out after 1000 ms", true}, 1000ms},
    {"oversized_response", sandbox_fault({{"kind", "oversized"}, {"sizeBytes", 64 * 1024 * 1024 + 1024}}),
     {500, "WFN_RESPONSE_TOO_LARGE", "larger than the 64 MB limit", false}},
    {"link_to_another_host",
     sandbox_fault({{"kind", "foreign_link"}, {"location", "https://evil.example/api/v1/users?after=00u1"}}),
     {500, "WFN_FOREIGN_LINK", "points outside the configured org", false}, 30s, false, true},
};

// What a row's node acts on: a seeded user (in the status the node needs)
// and a group it belongs to.
struct matrix_target {
    std::string user_id;
    std::string group_id;
};

// One node, and the parameters that make it send a request.
struct node_row {
    std::string_view node;
    std::function<json::object(const matrix_target& target)> params;
    std::int64_t success_status = 200;
    // The user's status before the node runs (the transition it needs).
    std::string_view user_status = "ACTIVE";
    // The node reads a list whose rel="next" links it follows.
    bool follows_links = false;
    // Every answer the node reads is a 204 without a body.
    bool answers_without_body = false;
};

std::ostream& operator<<(std::ostream& out, const node_row& row) { return out << row.node; }

json::object on_user(const matrix_target& target) { return {{"UserId", target.user_id}, {"MaxRetries", 0}}; }
json::object on_group(const matrix_target& target) { return {{"GroupId", target.group_id}, {"MaxRetries", 0}}; }
json::object on_membership(const matrix_target& target) {
    return {{"GroupId", target.group_id}, {"UserId", target.user_id}, {"MaxRetries", 0}};
}

const std::vector<node_row> node_rows = {
    {"okta.user.create",
     [](const matrix_target&) {
         return json::object{{"UserName", "matrix@example.com"}, {"Email", "matrix@example.com"}, {"FirstName", "Mat"},
                             {"LastName", "Rix"},  {"Password", matrix_password},             {"MaxRetries", 0}};
     }},
    {"okta.user.get", on_user},
    {"okta.user.list", [](const matrix_target&) { return json::object{{"ReturnAll", true}, {"MaxRetries", 0}}; },
     200, "ACTIVE", true},
    {"okta.user.update",
     [](const matrix_target& target) {
         return json::object{
             {"UserId", target.user_id}, {"FirstName", "Changed"}, {"Password", matrix_password}, {"MaxRetries", 0}};
     }},
    {"okta.user.delete", on_user, 204},
    {"okta.user.activate", on_user, 200, "STAGED"},
    {"okta.user.deactivate", on_user},
    {"okta.user.suspend", on_user},
    {"okta.user.unsuspend", on_user, 200, "SUSPENDED"},
    {"okta.user.unlock", on_user, 200, "LOCKED_OUT"},
    {"okta.user.resetPassword", on_user},
    {"okta.user.expirePassword", on_user},
    {"okta.user.listGroups", on_user, 200, "ACTIVE", true},
    {"okta.group.list", [](const matrix_target&) { return json::object{{"ReturnAll", true}, {"MaxRetries", 0}}; },
     200, "ACTIVE", true},
    {"okta.group.get", on_group},
    {"okta.group.listMembers",
     [](const matrix_target& target) {
         return json::object{{"GroupId", target.group_id}, {"ReturnAll", true}, {"MaxRetries", 0}};
     },
     200, "ACTIVE", true},
    {"okta.group.addUser", on_membership, 204, "ACTIVE", false, true},
    {"okta.group.removeUser", on_membership, 204, "ACTIVE", false, true},
};

// A user in the row's status, in a group of its own.
matrix_target arrange_target(const node_row& node) {
    matrix_target target{bench::seeded_user("matrix-target"), {}};
    if (node.user_status != "ACTIVE") {
        admin().set_user_status(target.user_id, node.user_status);
    }
    target.group_id = std::string(admin().create_group("Matrix").at("id").as_string());
    admin().add_member(target.group_id, target.user_id);
    admin().clear_requests();
    return target;
}

void expect_well_formed(const json::object& output) {
    BOOST_TEST_REQUIRE(output.at("StatusCode").is_int64());
    BOOST_TEST_REQUIRE(output.at("ErrorMessage").is_string());
    BOOST_TEST_REQUIRE(output.at("ErrorCode").is_string());
    BOOST_TEST_REQUIRE(output.at("Retryable").is_bool());
}

// The token endpoint's faults, met by a service app: whatever the node, the
// call answers the token failure and no request reaches the API.
struct token_fault_row {
    std::string_view name;
    json::object fault;
    outcome expected;
    std::chrono::milliseconds timeout = 30s;
};

std::ostream& operator<<(std::ostream& out, const token_fault_row& row) { return out << row.name; }

json::object token_fault(json::object description) {
    description["endpoint"] = "token";
    description["count"] = 100;
    return description;
}

const std::vector<token_fault_row> token_fault_rows = {
    {"token_reset_before_response", token_fault({{"kind", "close_before_response"}}),
     {500, "WFN_CONNECTION_CLOSED", "No access token", true}},
    {"token_truncated_body", token_fault({{"kind", "truncated_body"}}),
     {500, "WFN_CONNECTION_CLOSED", "No access token", true}},
    {"token_malformed_json", token_fault({{"kind", "malformed_json"}}),
     {500, "WFN_BAD_RESPONSE", "was not a token", false}},
    {"token_html_error_page", token_fault({{"kind", "status"}, {"status", 502}, {"html", true}}),
     {502, "WFN_BAD_RESPONSE", "without an OAuth error", true}},
    {"token_status_500", token_fault({{"kind", "status"}, {"status", 500}}),
     {500, "E0000009", "The token endpoint answered 500", true}},
    {"token_status_503", token_fault({{"kind", "status"}, {"status", 503}}),
     {503, "E0000009", "The token endpoint answered 503", true}},
    {"token_slow_past_the_deadline", token_fault({{"kind", "delay"}, {"delayMs", 3000}}),
     {500, "WFN_TRANSPORT_TIMEOUT", "No access token", true}, 1000ms},
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(fault_matrix, bench)

BOOST_DATA_TEST_CASE(every_node_meets_every_fault, data::make(node_rows) * data::make(fault_rows), node, fault) {
    const matrix_target target = arrange_target(node);
    auto credentials = sandbox_credentials();
    fault.arrange(credentials);

    const auto result = run(node.node, node.params(target), credentials, fault.timeout);

    expect_well_formed(result.output);
    BOOST_TEST(find_leaks(result, {sandbox().token(), std::string(matrix_password)}).empty());
    if ((fault.lists_only && !node.follows_links) || (fault.cuts_a_body && node.answers_without_body)) {
        BOOST_TEST(result.status() == node.success_status, result.message());
        BOOST_TEST(result.message().empty());
        return;
    }
    BOOST_TEST(result.status() == fault.expected.status, result.message());
    BOOST_TEST(result.code() == fault.expected.code);
    BOOST_TEST(result.message().find(fault.expected.message_fragment) != std::string::npos, result.message());
    BOOST_TEST(result.output.at("Retryable").as_bool() == fault.expected.retryable);
    BOOST_TEST(result.output.contains("RateLimitReset") == (fault.name == "rate_limited_with_reset"));
    if (fault.nothing_reaches_the_sandbox) {
        BOOST_TEST(requests().empty());
    }
}

BOOST_DATA_TEST_CASE_F(oauth_bench, every_node_meets_every_token_endpoint_fault,
                       data::make(node_rows) * data::make(token_fault_rows), node, fault) {
    register_app();
    const matrix_target target = arrange_target(node);
    admin().inject(fault.fault);
    const auto result = run_as_app(node.node, node.params(target), app_credentials(), fault.timeout);

    expect_well_formed(result.output);
    BOOST_TEST(result.status() == fault.expected.status, result.message());
    BOOST_TEST(result.code() == fault.expected.code);
    BOOST_TEST(result.message().find(fault.expected.message_fragment) != std::string::npos, result.message());
    BOOST_TEST(result.output.at("Retryable").as_bool() == fault.expected.retryable);
    BOOST_TEST(token_requests() == 1u);  // MaxRetries 0
    BOOST_TEST(api_requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
