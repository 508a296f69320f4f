#pragma once
// What an Okta API handler gets (the request, parsed) and gives back (status,
// JSON body, Link fields). Handlers refuse by throwing okta_failure.
#include "okta_error.hpp"
#include "sandbox_state.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/url/url_view.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okta_sandbox {

struct api_call {
  sandbox_state& state;
  boost::urls::url_view url;  // the request target, still encoded
  std::string origin;         // "https://host:port", for _links and Link headers
  std::string_view body;

  // A query parameter, percent-decoded once, with "+" read as a space (form encoding).
  std::optional<std::string> query(std::string_view name) const;

  // A boolean query parameter ("true"/"false", any case); anything else is a 400.
  bool query_flag(std::string_view name, bool fallback) const;
};

struct api_result {
  unsigned status = 200;
  std::optional<boost::json::value> body;  // none: an empty body (204)
  std::vector<std::string> link_fields;
};

// The body as a JSON object, or 400 E0000003.
boost::json::object parse_body_object(std::string_view body);

api_result create_user(const api_call& call);
api_result get_user(const api_call& call, std::string_view id_or_login);
api_result list_users(const api_call& call);
api_result update_user(const api_call& call, std::string_view id_or_login, bool replace);
api_result delete_user(const api_call& call, std::string_view id_or_login);
api_result run_lifecycle(const api_call& call, std::string_view id_or_login, std::string_view operation);

api_result list_user_groups(const api_call& call, std::string_view id_or_login);
api_result list_groups(const api_call& call);
api_result get_group(const api_call& call, std::string_view group_id);
api_result list_group_users(const api_call& call, std::string_view group_id);
// PUT (add) or DELETE (remove) /api/v1/groups/{groupId}/users/{userId}.
api_result change_membership(const api_call& call, std::string_view group_id, std::string_view user_id, bool add);

// The lifecycle operations this sandbox implements.
bool is_lifecycle_operation(std::string_view operation);

}  // namespace okta_sandbox
