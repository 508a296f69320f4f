#include "sandbox_state.hpp"

#include "identifiers.hpp"
#include "utf8_text.hpp"

#include <algorithm>

namespace okta_sandbox {

sandbox_state::sandbox_state(rate_limits limits, std::size_t request_log_capacity, api_tokens api_tokens,
                             std::unique_ptr<response_recorder> response_recorder)
    : limiter(limits),
      log(request_log_capacity),
      tokens(std::move(api_tokens)),
      recorder(std::move(response_recorder)),
      default_type_id("oty" + random_alphanumeric(17)) {}

token_access sandbox_state::access_for(std::string_view authorization) const {
  constexpr std::string_view scheme = "SSWS ";
  if (!istarts_with_ascii(authorization, scheme)) return token_access::none;
  const std::string_view token = authorization.substr(scheme.size());
  const auto listed = [&](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), token) != list.end();
  };
  if (listed(tokens.full_access)) return token_access::full;
  if (listed(tokens.read_only)) return token_access::read_only;
  return token_access::none;
}

}  // namespace okta_sandbox
