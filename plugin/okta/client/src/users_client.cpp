#include "okta/client/users_client.hpp"

#include "okta/protocol/error_codes.hpp"
#include "wire/ascii.hpp"

#include <boost/json/serialize.hpp>

namespace okta_plugin::okta {
namespace {

okta_request read_request(std::string target, rate_bucket bucket, expected_body expected) {
    okta_request request;
    request.target = std::move(target);
    request.bucket = bucket;
    request.expected = expected;
    return request;
}

call_failure not_found(std::string_view login, std::string request_id) {
    call_failure failure;
    failure.status = 404;
    failure.code = std::string(okta_codes::not_found);
    failure.message = "Not found: Resource not found: " + std::string(login) + " (User)";
    failure.request_id = std::move(request_id);
    return failure;
}

}  // namespace

std::string user_field(const boost::json::value& user, std::string_view name) {
    const auto* object = user.if_object();
    const auto* field = object != nullptr ? object->if_contains(name) : nullptr;
    return field != nullptr && field->is_string() ? std::string(field->as_string()) : std::string();
}

call_result users_client::get_user(std::string_view id_or_login) {
    if (needs_login_filter(id_or_login)) {
        return find_user_by_login(id_or_login);
    }
    return pipeline_.run(read_request(user_target(id_or_login), rate_bucket::user_read, expected_body::object));
}

call_result users_client::get_user_text(std::string_view id_or_login) {
    if (!needs_login_filter(id_or_login)) {
        return pipeline_.run(read_request(user_target(id_or_login), rate_bucket::user_read, expected_body::object_text));
    }
    call_result found = find_user_by_login(id_or_login);
    if (found) {
        found->page_text = boost::json::serialize(found->body);
        found->body = nullptr;
    }
    return found;
}

call_result users_client::find_user_by_login(std::string_view login) {
    // search, not filter: Okta's search compares strings case-insensitively,
    // as it compares logins everywhere else.
    list_query query;
    query.search = login_filter(login);
    call_result found = list_users(query);
    if (!found) {
        return found;
    }
    for (const auto& user : found->body.as_array()) {
        const auto* profile = user.as_object().if_contains("profile");
        const auto* stored = profile != nullptr && profile->is_object() ? profile->as_object().if_contains("login") : nullptr;
        if (stored != nullptr && stored->is_string() && wire::ascii_iequals(stored->as_string(), login)) {
            answer one = std::move(*found);
            one.body = user;
            one.next_page.clear();
            one.next_cursor.clear();
            return one;
        }
    }
    return not_found(login, found->request_id);
}

result<std::string> users_client::resolve_user_id(std::string_view id_or_login) {
    if (looks_like_user_id(id_or_login)) {
        return std::string(id_or_login);
    }
    call_result found = get_user(id_or_login);
    if (!found) {
        return found.error();
    }
    std::string id = user_field(found->body, "id");
    if (id.empty()) {
        return no_answer(error_codes::bad_response, "Okta returned a user without an id.", found->request_id);
    }
    return id;
}

call_result users_client::list_users(const list_query& query) {
    return pipeline_.run(read_request(list_users_target(query), rate_bucket::users_collection, expected_body::object_list));
}

}  // namespace okta_plugin::okta
