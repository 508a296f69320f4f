// Request targets of the Users API, percent-encoded with Boost.URL.
//
// Every path segment and query value is encoded with everything but RFC 3986
// unreserved characters escaped, so "+", "#", "/", "?", "%" and non-ASCII in a
// login all reach Okta as the characters they are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

inline constexpr std::string_view users_path = "/api/v1/users";

// POST /api/v1/users?activate=true
std::string create_user_target(bool activate);

// /api/v1/users/{id or login} (GET, POST partial update)
std::string user_target(std::string_view id_or_login);

// DELETE /api/v1/users/{id}[?sendEmail=true]
std::string delete_user_target(std::string_view id, bool send_email);

struct list_query {
    std::int64_t limit = 0;  // 0: Okta's default
    std::string after;
    std::string search;
    std::string filter;
    std::string q;
};

// GET /api/v1/users?search=…&filter=…&q=…&after=…&limit=…, each only when set.
std::string list_users_target(const list_query& query);

// A login with "/" cannot be a path segment, even encoded (Okta's own note
// on getUser): such logins are looked up with a profile.login filter.
bool needs_login_filter(std::string_view id_or_login) noexcept;

// Okta's user ids: "00u" and 17 letters or digits. Anything else in a
// UserId is a login.
bool looks_like_user_id(std::string_view id_or_login) noexcept;
// An Okta id: `prefix` ("00u", "00g") and 17 letters or digits, 20 in all.
bool looks_like_okta_id(std::string_view text, std::string_view prefix) noexcept;

// "me" in any case: Okta's alias for the API token's own admin, never a
// user a workflow means.
bool is_self_alias(std::string_view id_or_login) noexcept;

// profile.login eq "<login>", with " and \ escaped inside the quotes.
std::string login_filter(std::string_view login);

// <property> eq "<value>", with " and \ escaped inside the quotes: one SCIM
// comparison, whatever the value holds.
std::string equals_expression(std::string_view property, std::string_view value);

// `base` followed by the query's search, filter, q, after and limit, each
// only when set.
std::string with_list_query(std::string base, const list_query& query);

// A path segment or query value, percent-encoded (exposed for tests).
std::string encode_component(std::string_view text);

}  // namespace okta_plugin::okta
