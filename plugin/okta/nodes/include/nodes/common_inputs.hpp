// Parameters several nodes share, read the same way everywhere.
#pragma once

#include "nodes/param_reader.hpp"
#include "okta/protocol/user_targets.hpp"

#include <string>

namespace okta_plugin::nodes {

// Ids are 20 characters; a login is at most 100.
inline constexpr text_rule user_id_rule{1, 100, false, false};
inline constexpr text_rule group_id_rule{1, 100, false, false};
inline constexpr text_rule expression_rule{1, 4096, false, false};
inline constexpr text_rule cursor_rule{0, 1024, false, false};

// MaxRetries: resends of each request, whatever their cause (a 429, a
// retryable 5xx, a lost connection); every node takes it.
inline constexpr int default_max_retries = 2;
inline constexpr int highest_max_retries = 10;

int read_max_retries(const param_reader& reader);

// UserId: an id or a login; "me", "." and ".." are refused.
std::string read_user_id(const param_reader& reader);

// GroupId: "." and ".." are refused, as they would change the path.
std::string read_group_id(const param_reader& reader, std::string_view name = "GroupId");

// GroupType: OKTA_GROUP, APP_GROUP or BUILT_IN; empty when not given.
std::string read_group_type(const param_reader& reader);

// Limit (1-200 unless `max_limit` says otherwise), After, and when
// `with_expressions` Search, Filter and Query.
okta::list_query read_list_query(const param_reader& reader, bool with_expressions, std::int64_t max_limit = 200);

}  // namespace okta_plugin::nodes
