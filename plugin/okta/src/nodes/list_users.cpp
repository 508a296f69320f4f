// okta.user.list: GET /api/v1/users, one page or (ReturnAll) every page.
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"

namespace okta_plugin::nodes {

boost::json::object list_users(const wfn::node_call& call) {
    const list_users_input input = read_list_users(call.params);
    okta_session session(call, input.max_retries);
    okta::users_client& client = session.client();
    okta::api_result result = input.return_all ? client.list_all_users(input.query) : client.list_users(input.query);
    boost::json::object output = envelope(result);
    if (result.succeeded()) {
        output["Users"] = std::move(result.body);
        output["NextCursor"] = result.next_cursor;
    }
    return session.seal(std::move(output));
}

}  // namespace okta_plugin::nodes
