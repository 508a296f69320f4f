// okta.credentials.test: the test the credential types declare (their
// "test" member). One cheap read shows whether the credential can reach the
// org, sign in and read: the first user, or for a service app granted only
// group scopes, the first group.
#include "nodes/common_inputs.hpp"
#include "nodes/credential_diagnosis.hpp"
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

#include <optional>

namespace okta_plugin::nodes {
namespace {

constexpr std::string_view node_id = "okta.credentials.test";

// A service app whose Scopes name group scopes but no user scope is meant
// for the group nodes: reading a user would fail it for the wrong reason.
bool reads_groups(const org_connection& org) {
    if (!org.app || org.app->scopes.empty()) {
        return false;
    }
    const std::string_view scopes = org.app->scopes;
    return scopes.find("okta.users.") == std::string_view::npos && scopes.find("okta.groups.") != std::string_view::npos;
}

boost::json::object verdict(boost::json::object output, bool valid, std::string_view problem) {
    output["Valid"] = valid;
    output["Problem"] = problem;
    return output;
}

}  // namespace

credential_test_input read_credential_test(const boost::json::object& params) {
    const param_reader reader(params, node_id, {"MaxRetries"});
    return credential_test_input{read_max_retries(reader)};
}

boost::json::object test_credentials(const wfn::node_call& call) {
    const credential_test_input input = read_credential_test(call.params);
    std::optional<okta_session> session;
    try {
        session.emplace(call, node_id, input.max_retries);
    } catch (const wfn::invalid_input_error& refused) {
        return verdict(wfn::invalid_input(refused.what()), false, credential_problems::invalid_credential);
    }
    const org_connection& org = session->connection();
    const bool groups = reads_groups(org);
    const std::string_view checked = groups ? "GET /api/v1/groups?limit=1" : "GET /api/v1/users?limit=1";
    okta::list_query first_one;
    first_one.limit = 1;
    okta::call_result read = groups ? session->groups().list_groups(first_one) : session->client().list_users(first_one);
    if (!read) {
        const credential_diagnosis diagnosis =
            diagnose_credential_failure(read.error(), org.app ? credential_kind::service_app : credential_kind::api_token,
                                        org.org.origin, checked);
        boost::json::object output = envelope(read.error());
        output["ErrorMessage"] = diagnosis.explanation;
        return session->seal(verdict(std::move(output), false, diagnosis.problem));
    }
    boost::json::object output = verdict(envelope(*read), true, "");
    output["CredentialType"] = org.app ? "okta.oauthServiceApp" : "okta.apiToken";
    output["Org"] = org.org.origin;
    output["Checked"] = checked;
    return output;
}

}  // namespace okta_plugin::nodes
