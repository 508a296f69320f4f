// Reading groups: one group, a page or every page of groups or members, and
// a user's groups.
#include "okta/client/groups_client.hpp"

#include "okta/protocol/group_targets.hpp"

#include <boost/json/parse.hpp>

namespace okta_plugin::okta {
namespace {

okta_request read_request(std::string target, rate_bucket bucket, expected_body expected) {
    okta_request request;
    request.target = std::move(target);
    request.bucket = bucket;
    request.expected = expected;
    return request;
}

}  // namespace

call_result groups_client::get_group(std::string_view group_id) {
    return pipeline_.run(read_request(group_target(group_id), rate_bucket::group_read, expected_body::object));
}

call_result groups_client::list_groups(const list_query& query) {
    return pipeline_.run(
        read_request(list_groups_target(query), rate_bucket::groups_collection, expected_body::object_list));
}

call_result groups_client::list_all_groups(const list_query& query, const page_sink& sink, listing_limits limits) {
    return walk_all_pages(pipeline_, {list_groups_target(query), rate_bucket::groups_collection, "groups", limits},
                          sink);
}

call_result groups_client::list_members(std::string_view group_id, const list_query& query) {
    return pipeline_.run(read_request(group_members_target(group_id, query), rate_bucket::group_read,
                                      expected_body::object_list));
}

call_result groups_client::list_all_members(std::string_view group_id, const list_query& query, const page_sink& sink,
                                            listing_limits limits) {
    return walk_all_pages(pipeline_, {group_members_target(group_id, query), rate_bucket::group_read, "members", limits},
                          sink);
}

result<boost::json::array> groups_client::user_groups(std::string_view id_or_login) {
    result<std::string> id = users_.resolve_user_id(id_or_login);
    if (!id) {
        return id.error();
    }
    boost::json::array groups;
    // A user is in few groups: the pages are gathered into one array. Each
    // page was checked to be an array of objects, so it parses.
    call_result listed =
        walk_all_pages(pipeline_, {user_groups_target(*id), rate_bucket::user_read, "groups", {}},
                       [&groups](const listed_page& page) {
                           boost::json::value parsed = boost::json::parse(page.text);
                           for (auto& group : parsed.as_array()) {
                               groups.push_back(std::move(group));
                           }
                           return true;
                       });
    if (!listed) {
        return listed.error();
    }
    return groups;
}

call_result groups_client::list_all_user_groups(std::string_view id_or_login, std::string_view after,
                                                const page_sink& sink) {
    result<std::string> id = users_.resolve_user_id(id_or_login);
    if (!id) {
        return id.error();
    }
    return walk_all_pages(pipeline_, {user_groups_target(*id, after), rate_bucket::user_read, "groups", {}}, sink);
}

}  // namespace okta_plugin::okta
