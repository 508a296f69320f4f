// okta.user.list: GET /api/v1/users, one page or (ReturnAll) every page,
// the pages copied as text (page_output.hpp).
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/okta_session.hpp"
#include "nodes/output.hpp"
#include "nodes/page_output.hpp"

#include <boost/json/serialize.hpp>

namespace okta_plugin::nodes {

std::string list_users(const wfn::node_call& call) {
    const list_users_input input = read_list_users(call.params);
    okta_session session(call, "okta.user.list", input.max_retries);
    okta::users_client& client = session.client();
    if (!input.return_all) {
        return boost::json::serialize(session.seal(page_of("Users", client.list_users(input.query))));
    }
    page_output users(session, "Users", input.query.after);
    okta::call_result listed = client.list_all_users(input.query, users.sink());
    return finish_listing(session, std::move(users), std::move(listed));
}

}  // namespace okta_plugin::nodes
