#include "user_record.hpp"

#include <array>
#include <utility>

namespace okta_sandbox {
namespace {

constexpr std::array<std::pair<user_status, std::string_view>, 8> status_names{{
    {user_status::active, "ACTIVE"},
    {user_status::deprovisioned, "DEPROVISIONED"},
    {user_status::locked_out, "LOCKED_OUT"},
    {user_status::password_expired, "PASSWORD_EXPIRED"},
    {user_status::provisioned, "PROVISIONED"},
    {user_status::recovery, "RECOVERY"},
    {user_status::staged, "STAGED"},
    {user_status::suspended, "SUSPENDED"},
}};

boost::json::value timestamp(const std::optional<wall_clock::time_point>& when) {
  if (!when) return nullptr;
  return boost::json::value(iso8601_millis(*when));
}

boost::json::object href(const std::string& url, bool post) {
  boost::json::object link{{"href", url}};
  if (post) link["method"] = "POST";
  return link;
}

// The lifecycle operations Okta offers for each status, as link relations.
std::vector<std::pair<std::string_view, std::string_view>> lifecycle_links(const user_record& user) {
  switch (user.status) {
    case user_status::staged: return {{"activate", "lifecycle/activate"}, {"deactivate", "lifecycle/deactivate"}};
    case user_status::provisioned:
      return {{"reactivate", "lifecycle/reactivate"}, {"resetPassword", "lifecycle/reset_password"},
              {"deactivate", "lifecycle/deactivate"}};
    case user_status::active:
    case user_status::password_expired:
    case user_status::recovery: {
      std::vector<std::pair<std::string_view, std::string_view>> links{
          {"suspend", "lifecycle/suspend"},
          {"resetPassword", "lifecycle/reset_password"},
          {"expirePassword", "lifecycle/expire_password"},
          {"resetFactors", "lifecycle/reset_factors"},
          {"deactivate", "lifecycle/deactivate"}};
      if (user.has_password) {
        links.emplace_back("forgotPassword", "credentials/forgot_password");
        links.emplace_back("changePassword", "credentials/change_password");
        links.emplace_back("changeRecoveryQuestion", "credentials/change_recovery_question");
      }
      return links;
    }
    case user_status::suspended: return {{"unsuspend", "lifecycle/unsuspend"}, {"deactivate", "lifecycle/deactivate"}};
    case user_status::locked_out:
      return {{"unlock", "lifecycle/unlock"}, {"resetPassword", "lifecycle/reset_password"},
              {"deactivate", "lifecycle/deactivate"}};
    case user_status::deprovisioned: return {{"activate", "lifecycle/activate"}};
  }
  return {};
}

boost::json::object credentials_json(const user_record& user) {
  boost::json::object credentials;
  if (user.has_password) credentials["password"] = boost::json::object{};
  if (user.recovery_question) credentials["recovery_question"] = boost::json::object{{"question", *user.recovery_question}};
  credentials["provider"] = boost::json::object{{"type", user.provider_type}, {"name", user.provider_name}};
  return credentials;
}

}  // namespace

std::string_view to_string(user_status status) {
  for (const auto& [value, name] : status_names) {
    if (value == status) return name;
  }
  return "STAGED";
}

std::optional<user_status> parse_user_status(std::string_view text) {
  for (const auto& [value, name] : status_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string user_record::login() const {
  if (const auto* value = profile.if_contains("login"); value != nullptr && value->is_string()) {
    return std::string(value->get_string());
  }
  return {};
}

void change_status(user_record& user, user_status status, wall_clock::time_point now) {
  user.status = status;
  user.status_changed = now;
  user.last_updated = now;
  if (status == user_status::active && !user.activated) user.activated = now;
}

boost::json::object user_json(const user_record& user, std::string_view origin, link_detail links) {
  const std::string self = std::string(origin) + "/api/v1/users/" + user.id;
  boost::json::object link_object{{"self", href(self, false)}};
  if (links == link_detail::full) {
    for (const auto& [relation, suffix] : lifecycle_links(user)) {
      link_object[relation] = href(self + "/" + std::string(suffix), true);
    }
    link_object["schema"] = href(std::string(origin) + "/api/v1/meta/schemas/user/" + user.type_id, false);
    link_object["type"] = href(std::string(origin) + "/api/v1/meta/types/user/" + user.type_id, false);
  }
  return {{"id", user.id},
          {"status", to_string(user.status)},
          {"created", iso8601_millis(user.created)},
          {"activated", timestamp(user.activated)},
          {"statusChanged", timestamp(user.status_changed)},
          {"lastLogin", timestamp(user.last_login)},
          {"lastUpdated", iso8601_millis(user.last_updated)},
          {"passwordChanged", timestamp(user.password_changed)},
          {"type", boost::json::object{{"id", user.type_id}}},
          {"profile", user.profile},
          {"credentials", credentials_json(user)},
          {"_links", std::move(link_object)}};
}

boost::json::value user_property(const user_record& user, std::string_view path) {
  constexpr std::string_view profile_prefix = "profile.";
  if (path.substr(0, profile_prefix.size()) == profile_prefix) {
    if (const auto* value = user.profile.if_contains(path.substr(profile_prefix.size()))) return *value;
    return nullptr;
  }
  if (path == "id") return boost::json::value(user.id);
  if (path == "status") return boost::json::value(to_string(user.status));
  if (path == "created") return boost::json::value(iso8601_millis(user.created));
  if (path == "lastUpdated") return boost::json::value(iso8601_millis(user.last_updated));
  if (path == "activated") return timestamp(user.activated);
  if (path == "statusChanged") return timestamp(user.status_changed);
  if (path == "lastLogin") return timestamp(user.last_login);
  if (path == "passwordChanged") return timestamp(user.password_changed);
  if (path == "type.id") return boost::json::value(user.type_id);
  return nullptr;
}

}  // namespace okta_sandbox
