// Group membership changes, and finding a group by its exact name. A PUT or
// DELETE of a membership is idempotent in Okta (a second one changes
// nothing and answers 204 again), so the pipeline may resend it.
#include "okta/client/groups_client.hpp"

#include "okta/protocol/error_codes.hpp"
#include "okta/protocol/group_targets.hpp"
#include "wire/ascii.hpp"

#include <vector>

namespace okta_plugin::okta {
namespace {

// Okta's search compares with eq case-insensitively, as the name check here
// does: every group it returns under that rule counts as a match.
bool has_name(const boost::json::value& group, std::string_view name) {
    const auto* object = group.if_object();
    const auto* profile = object != nullptr ? object->if_contains("profile") : nullptr;
    const auto* stored = profile != nullptr && profile->is_object() ? profile->as_object().if_contains("name") : nullptr;
    return stored != nullptr && stored->is_string() && wire::ascii_iequals(stored->as_string(), name);
}

call_failure no_such_group(std::string_view name, std::string request_id) {
    call_failure failure;
    failure.status = 404;
    failure.code = std::string(okta_codes::not_found);
    failure.message = "Not found: Resource not found: no group is named \"" + std::string(name) + "\" (Group)";
    failure.request_id = std::move(request_id);
    return failure;
}

call_failure ambiguous_name(std::string_view name, const std::vector<std::string>& ids, std::string request_id) {
    call_failure failure;
    failure.status = 409;
    failure.code = std::string(error_codes::group_name_ambiguous);
    failure.message = "GroupName \"" + std::string(name) + "\" matches " + std::to_string(ids.size()) + " groups (";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        failure.message += (i > 0 ? ", " : "") + ids[i];
    }
    failure.message += "); nothing was changed. Give GroupId instead.";
    failure.request_id = std::move(request_id);
    return failure;
}

}  // namespace

result<std::string> groups_client::resolve_group(const group_reference& reference) {
    if (!reference.id.empty()) {
        return reference.id;
    }
    list_query query;
    query.search = group_name_search(reference.name);
    query.limit = 200;
    call_result found = list_groups(query);
    if (!found) {
        return found.error();
    }
    std::vector<std::string> ids;
    for (const auto& group : found->body.as_array()) {
        if (has_name(group, reference.name)) {
            ids.push_back(user_field(group, "id"));
        }
    }
    if (ids.empty()) {
        return no_such_group(reference.name, found->request_id);
    }
    if (ids.size() > 1) {
        return ambiguous_name(reference.name, ids, found->request_id);
    }
    if (ids.front().empty()) {
        return no_answer(error_codes::bad_response, "Okta returned a group without an id.", found->request_id);
    }
    return ids.front();
}

result<membership_change> groups_client::change_membership(wire::method verb, const group_reference& group, std::string_view user) {
    result<std::string> group_id = resolve_group(group);
    if (!group_id) {
        return group_id.error();
    }
    result<std::string> user_id = users_.resolve_user_id(user);
    if (!user_id) {
        return user_id.error();
    }
    okta_request sent;
    sent.kind = request_kind::membership;
    sent.verb = verb;
    sent.target = group_member_target(*group_id, *user_id);
    sent.bucket = rate_bucket::group_write;
    sent.expected = expected_body::nothing;
    call_result done = pipeline_.run(sent);
    if (!done) {
        return done.error();
    }
    return membership_change{std::move(*done), std::move(*group_id), std::move(*user_id)};
}

result<membership_change> groups_client::add_member(const group_reference& group, std::string_view user_id_or_login) {
    return change_membership(wire::method::put, group, user_id_or_login);
}

result<membership_change> groups_client::remove_member(const group_reference& group, std::string_view user_id_or_login) {
    return change_membership(wire::method::del, group, user_id_or_login);
}

}  // namespace okta_plugin::okta
