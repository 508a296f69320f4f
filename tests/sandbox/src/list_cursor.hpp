#pragma once
// The opaque `after` cursor of GET /api/v1/users. It is standard base64, so it
// always contains "+", "/" and "=": characters a client must percent-encode when
// it builds a URL by hand. Clients that follow the Link header never see the inside.
#include <optional>
#include <string>
#include <string_view>

namespace okta_sandbox {

// A cursor that resumes listing after the user with this id.
std::string encode_list_cursor(std::string_view last_user_id);

// The user id inside a cursor; nullopt for anything this sandbox did not produce.
std::optional<std::string> decode_list_cursor(std::string_view cursor);

}  // namespace okta_sandbox
