#pragma once
// OAuth access tokens on the Okta API: "Authorization: Bearer <token>" for
// unbound tokens, "Authorization: DPoP <token>" plus a DPoP proof for bound
// ones, and each endpoint's scope. Refusals carry Okta's WWW-Authenticate challenge.
#include "api_call.hpp"
#include "http_types.hpp"
#include "oauth_state.hpp"

#include <boost/url/url_view.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace okta_sandbox {

struct oauth_access {
  bool uses_oauth = false;            // false: not an OAuth scheme; SSWS rules apply
  std::optional<api_result> refusal;  // set when the request must not go on
  std::string challenge;              // the WWW-Authenticate value of the refusal
};

// `url` is the parsed target, or null when it did not parse.
oauth_access check_oauth_access(oauth_state& oauth, const http_request& request, std::string_view origin,
                                const boost::urls::url_view* url);

}  // namespace okta_sandbox
