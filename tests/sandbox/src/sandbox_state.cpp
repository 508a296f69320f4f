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
      default_type_id("oty" + random_alphanumeric(17)),
      admin_user_id_(new_user_id()) {
  add_admin_user();
}

void sandbox_state::add_admin_user() {
  const auto now = wall_clock::now();
  user_record admin;
  admin.id = admin_user_id_;
  admin.created = now;
  admin.last_updated = now;
  admin.type_id = default_type_id;
  admin.profile = {{"login", "admin@example.com"},
                   {"email", "admin@example.com"},
                   {"firstName", "Sandbox"},
                   {"lastName", "Administrator"}};
  admin.has_password = true;
  admin.password_changed = now;
  admin.org_admin = true;
  change_status(admin, user_status::active, now);
  users.insert(std::move(admin));
}

void sandbox_state::reset_directory() {
  users.clear();
  groups.clear();
  add_admin_user();
}

bool sandbox_state::try_enter() {
  const std::uint32_t limit = concurrent_limit.load();
  std::uint32_t current = in_flight_.load();
  do {
    if (current >= limit) return false;
  } while (!in_flight_.compare_exchange_weak(current, current + 1));
  api.entered(current + 1);
  return true;
}

void sandbox_state::leave() { in_flight_.fetch_sub(1); }

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
