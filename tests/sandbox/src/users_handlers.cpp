// Create, get, update and delete: POST /api/v1/users and /api/v1/users/{idOrLogin}.
#include "api_call.hpp"
#include "identifiers.hpp"
#include "profile_rules.hpp"
#include "user_credentials.hpp"
#include "utf8_text.hpp"

#include <boost/json/parse.hpp>
#include <boost/url/encoding_opts.hpp>

namespace okta_sandbox {
namespace {

constexpr std::size_t max_group_ids = 20;

boost::json::object profile_member(const boost::json::object& body) {
  const auto* profile = body.if_contains("profile");
  if (profile == nullptr || profile->is_null()) return {};
  if (!profile->is_object()) throw okta_failure(errors::malformed_body());
  return profile->get_object();
}

std::optional<std::string> type_id_member(const boost::json::object& body) {
  const auto* type = body.if_contains("type");
  if (type == nullptr || type->is_null()) return std::nullopt;
  const auto* type_object = type->if_object();
  const auto* id = type_object != nullptr ? type_object->if_contains("id") : nullptr;
  if (id == nullptr || !id->is_string()) throw okta_failure(errors::malformed_body());
  return std::string(id->get_string());
}

std::vector<std::string> group_ids_member(const boost::json::object& body) {
  std::vector<std::string> ids;
  const auto* groups = body.if_contains("groupIds");
  if (groups == nullptr || groups->is_null()) return ids;
  if (!groups->is_array()) throw okta_failure(errors::malformed_body());
  for (const auto& id : groups->get_array()) {
    if (!id.is_string()) throw okta_failure(errors::malformed_body());
    ids.emplace_back(id.get_string());
  }
  if (ids.size() > max_group_ids) throw okta_failure(errors::too_many_groups());
  return ids;
}

std::string login_of(const boost::json::object& profile) {
  const auto* login = profile.if_contains("login");
  return login != nullptr && login->is_string() ? std::string(login->get_string()) : std::string();
}

// The status a new user starts in: the table in the spec's User tag description.
user_status initial_status(bool activate, bool expire_password, const credentials_input& credentials) {
  if (!activate) return user_status::staged;
  const bool federated = credentials.provider_type == "FEDERATION" || credentials.provider_type == "SOCIAL";
  if (federated) return user_status::active;
  if (expire_password) return user_status::password_expired;
  return credentials.sets_password() ? user_status::active : user_status::provisioned;
}

}  // namespace

std::optional<std::string> api_call::query(std::string_view name) const {
  boost::urls::encoding_opts form;
  form.space_as_plus = true;
  for (const auto& parameter : url.params(form)) {
    if (parameter.key == name) return parameter.value;
  }
  return std::nullopt;
}

bool api_call::query_flag(std::string_view name, bool fallback) const {
  const auto text = query(name);
  if (!text) return fallback;
  if (iequals_ascii(*text, "true")) return true;
  if (iequals_ascii(*text, "false")) return false;
  throw okta_failure(errors::validation_failed({{std::string(name), "The value must be true or false"}}));
}

boost::json::object parse_body_object(std::string_view body) {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object()) throw okta_failure(errors::malformed_body());
  return std::move(value.get_object());
}

api_result create_user(const api_call& call) {
  const bool activate = call.query_flag("activate", true);
  call.query_flag("provider", false);
  const auto next_login = call.query("nextLogin");
  const boost::json::object body = parse_body_object(call.body);

  const boost::json::object profile = profile_member(body);
  std::vector<field_problem> problems = profile_problems(profile);
  const credentials_input credentials = read_credentials(body, problems);
  check_password(credentials, login_of(profile), problems);
  if (next_login && *next_login != "changePassword") {
    problems.push_back({"nextLogin", "The value must be changePassword"});
  }
  const auto group_ids = group_ids_member(body);
  const auto type_id = type_id_member(body);
  if (!problems.empty()) throw okta_failure(errors::validation_failed(problems));
  const bool expire_password = next_login.has_value();
  if (expire_password && !activate) throw okta_failure(errors::expire_needs_activation());
  if (expire_password && !credentials.sets_password()) throw okta_failure(errors::expire_needs_password());

  const auto now = wall_clock::now();
  user_record user;
  user.id = new_user_id();
  user.created = now;
  user.last_updated = now;
  user.type_id = type_id.value_or(call.state.default_type_id);
  user.profile = profile;
  user.has_password = credentials.sets_password();
  if (user.has_password) user.password_changed = now;
  user.recovery_question = credentials.recovery_question;
  if (credentials.provider_type) {
    user.provider_type = *credentials.provider_type;
    user.provider_name = credentials.provider_name.value_or(*credentials.provider_type);
  }
  user.group_ids = group_ids;
  const user_status status = initial_status(activate, expire_password, credentials);
  if (status != user_status::staged) change_status(user, status, now);
  if (status == user_status::password_expired) user.activated = now;

  call.state.users.insert(user);
  // "Creates a user that is immediately added to the specified groups." Ids of
  // no OKTA_GROUP are passed over, so tests may send made-up ids.
  for (const auto& group_id : group_ids) {
    const auto group = call.state.groups.find(group_id);
    if (group && group->type == group_type::okta_group) call.state.groups.add_member(group_id, user.id, now);
  }
  return {200, boost::json::value(user_json(user, call.origin, link_detail::full)), {}};
}

api_result get_user(const api_call& call, std::string_view id_or_login) {
  const auto user = call.state.users.find(id_or_login);
  if (!user) throw okta_failure(errors::user_not_found(id_or_login));
  return {200, boost::json::value(user_json(*user, call.origin, link_detail::full)), {}};
}

api_result update_user(const api_call& call, std::string_view id_or_login, bool replace) {
  call.query_flag("strict", false);
  const boost::json::object body = parse_body_object(call.body);
  const bool has_profile = body.contains("profile") && !body.at("profile").is_null();
  const boost::json::object profile_input = profile_member(body);
  const auto type_id = type_id_member(body);

  const auto updated = call.state.users.modify(id_or_login, [&](user_record& user) {
    if (user.status == user_status::deprovisioned) throw okta_failure(errors::wrong_lifecycle_status());
    boost::json::object profile = user.profile;
    if (replace && has_profile) {
      // PUT: the profile sent is the whole profile; whatever is left out is erased.
      profile = profile_input;
    } else {
      // POST: only the properties sent change.
      for (const auto& [name, value] : profile_input) profile[name] = value;
    }
    std::vector<field_problem> problems = profile_problems(profile);
    const credentials_input credentials = read_credentials(body, problems);
    check_password(credentials, login_of(profile), problems);
    if (!replace && type_id && *type_id != user.type_id) {
      problems.push_back({"type", "The user type can only be changed with a full replacement (PUT)"});
    }
    if (!problems.empty()) throw okta_failure(errors::validation_failed(problems));

    const auto now = wall_clock::now();
    user.profile = std::move(profile);
    user.last_updated = now;
    if (replace && type_id) user.type_id = *type_id;
    if (credentials.sets_password()) {
      user.has_password = true;
      user.password_changed = now;
      // An administrator setting a password ends the "must change password" state.
      if (user.status == user_status::password_expired) change_status(user, user_status::active, now);
    }
    if (credentials.recovery_question) user.recovery_question = credentials.recovery_question;
    return user_store::after_change::keep;
  });
  return {200, boost::json::value(user_json(*updated, call.origin, link_detail::full)), {}};
}

api_result delete_user(const api_call& call, std::string_view id_or_login) {
  call.query_flag("sendEmail", false);
  std::string erased_id;
  call.state.users.modify(id_or_login, [&](user_record& user) {
    // The first DELETE only deactivates; a second one on a DEPROVISIONED user deletes it.
    if (user.status == user_status::deprovisioned) {
      erased_id = user.id;
      return user_store::after_change::erase;
    }
    change_status(user, user_status::deprovisioned, wall_clock::now());
    return user_store::after_change::keep;
  });
  if (!erased_id.empty()) call.state.groups.forget_user(erased_id, wall_clock::now());
  return {204, std::nullopt, {}};
}

}  // namespace okta_sandbox
