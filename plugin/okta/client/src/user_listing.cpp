// ReturnAll over the Users collection (page_walker.hpp does the walking).
#include "okta/client/users_client.hpp"

namespace okta_plugin::okta {

call_result users_client::list_all_users(const list_query& query, const page_sink& sink, listing_limits limits) {
    return walk_all_pages(pipeline_, {list_users_target(query), rate_bucket::users_collection, "users", limits}, sink);
}

}  // namespace okta_plugin::okta
