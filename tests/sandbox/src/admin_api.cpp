#include "admin_api.hpp"

#include "okta_error.hpp"
#include "oauth_admin.hpp"
#include "seed_users.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include <optional>
#include <stdexcept>
#include <vector>

namespace okta_sandbox {
namespace http = boost::beast::http;
namespace {

// A request the admin API cannot serve; the status says why.
struct admin_error : std::runtime_error {
  admin_error(http::status s, const std::string& message) : std::runtime_error(message), status(s) {}
  http::status status;
};

boost::json::object body_object(const http_request& request) {
  if (request.body().empty()) return {};
  boost::system::error_code ec;
  auto value = boost::json::parse(request.body(), ec);
  if (ec || !value.is_object()) throw admin_error(http::status::bad_request, "the body must be a JSON object");
  return std::move(value.get_object());
}

std::uint32_t limit_member(const boost::json::value& value, std::string_view name) {
  const auto* n = value.if_int64();
  if (n == nullptr || *n < 0 || *n > 100'000'000) {
    throw admin_error(http::status::bad_request, "\"" + std::string(name) + "\" must be a whole number from 0 to 100000000");
  }
  return static_cast<std::uint32_t>(*n);
}

boost::json::object config_json(const sandbox_state& state) {
  const rate_limits limits = state.limiter.limits();
  return {{"usersCollection", limits.users_collection},
          {"userGet", limits.user_get},
          {"userWrite", limits.user_write},
          {"groupsCollection", limits.groups_collection},
          {"groupGet", limits.group_get},
          {"groupWrite", limits.group_write},
          {"windowSeconds", limits.window.count()},
          {"concurrentRequests", state.concurrent_limit.load()},
          {"userGroupsPageSize", state.user_groups_page_size.load()}};
}

boost::json::object configure(sandbox_state& state, const boost::json::object& body) {
  rate_limits limits = state.limiter.limits();
  std::optional<std::uint32_t> concurrent;
  std::optional<std::uint32_t> page_size;
  for (const auto& [name, value] : body) {
    if (name == "usersCollection") limits.users_collection = limit_member(value, name);
    else if (name == "userGet") limits.user_get = limit_member(value, name);
    else if (name == "userWrite") limits.user_write = limit_member(value, name);
    else if (name == "groupsCollection") limits.groups_collection = limit_member(value, name);
    else if (name == "groupGet") limits.group_get = limit_member(value, name);
    else if (name == "groupWrite") limits.group_write = limit_member(value, name);
    else if (name == "concurrentRequests") concurrent = limit_member(value, name);
    else if (name == "userGroupsPageSize") {
      page_size = limit_member(value, name);
      if (*page_size == 0) throw admin_error(http::status::bad_request, "\"userGroupsPageSize\" must be at least 1");
    } else if (name == "windowSeconds") {
      const auto seconds = limit_member(value, name);
      if (seconds == 0) throw admin_error(http::status::bad_request, "\"windowSeconds\" must be at least 1");
      limits.window = std::chrono::seconds(seconds);
    } else {
      throw admin_error(http::status::bad_request,
                        "unknown setting \"" + std::string(name) +
                            "\" (usersCollection, userGet, userWrite, groupsCollection, groupGet, groupWrite, "
                            "windowSeconds, concurrentRequests, userGroupsPageSize)");
    }
  }
  state.limiter.configure(limits);
  if (concurrent) state.concurrent_limit = *concurrent;
  if (page_size) state.user_groups_page_size = *page_size;
  return config_json(state);
}

boost::json::object queue_fault(sandbox_state& state, const boost::json::object& body) {
  std::uint32_t count = 1;
  if (const auto* value = body.if_contains("count")) count = limit_member(*value, "count");
  std::uint32_t every = 1;
  if (const auto* value = body.if_contains("every")) {
    every = limit_member(*value, "every");
    if (every == 0) throw admin_error(http::status::bad_request, "\"every\" must be at least 1");
  }
  try {
    state.faults.push(parse_fault(body), count, every);
  } catch (const std::invalid_argument& e) {
    throw admin_error(http::status::bad_request, e.what());
  }
  return {{"faults", state.faults.pending()}};
}

boost::json::object seed(sandbox_state& state, const boost::json::object& body) {
  try {
    const seed_request request = parse_seed_request(body);
    state.users.insert_many(build_seed_users(request, state.default_type_id, wall_clock::now()));
    return {{"created", request.count}};
  } catch (const std::invalid_argument& e) {
    throw admin_error(http::status::conflict, e.what());
  }
}

boost::json::object all_users(const sandbox_state& state, std::string_view origin) {
  boost::json::array users;
  users.reserve(state.users.size());
  state.users.scan({}, [&](const user_record& user) {
    if (user.org_admin) return true;
    boost::json::object entry = user_json(user, origin, link_detail::self_only);
    entry["groupIds"] = boost::json::array(user.group_ids.begin(), user.group_ids.end());
    users.push_back(std::move(entry));
    return true;
  });
  return {{"users", std::move(users)}};
}

std::string string_member(const boost::json::object& body, std::string_view name, std::string fallback) {
  const auto* value = body.if_contains(name);
  if (value == nullptr) return fallback;
  if (!value->is_string()) throw admin_error(http::status::bad_request, "\"" + std::string(name) + "\" must be a string");
  return std::string(value->get_string());
}

boost::json::object create_group(sandbox_state& state, const boost::json::object& body, std::string_view origin) {
  const std::string name = string_member(body, "name", "");
  if (name.empty()) throw admin_error(http::status::bad_request, "\"name\" is required and must be a non-empty string");
  const std::string type_text = string_member(body, "type", "OKTA_GROUP");
  const auto type = parse_group_type(type_text);
  if (!type || *type == group_type::built_in) {
    throw admin_error(http::status::bad_request, "\"type\" must be \"OKTA_GROUP\" or \"APP_GROUP\"");
  }
  group_record group = make_group(name, string_member(body, "description", ""), *type, wall_clock::now());
  boost::json::object answer = group_json(group, origin);
  state.groups.insert(std::move(group));
  return answer;
}

boost::json::object seed_groups(sandbox_state& state, const boost::json::object& body) {
  constexpr std::int64_t max_count = 100'000;
  std::int64_t count = 0;
  if (const auto* value = body.if_contains("count")) {
    const auto* n = value->if_int64();
    if (n == nullptr || *n < 0 || *n > max_count) {
      throw admin_error(http::status::bad_request, "\"count\" must be a whole number from 0 to 100000");
    }
    count = *n;
  }
  const std::string prefix = string_member(body, "prefix", "group");
  if (prefix.empty()) throw admin_error(http::status::bad_request, "\"prefix\" must be a non-empty string");
  for (std::int64_t i = 1; i <= count; ++i) {
    state.groups.insert(make_group(prefix + std::to_string(i), "", group_type::okta_group, wall_clock::now()));
  }
  return {{"created", count}};
}

boost::json::object all_groups(const sandbox_state& state, std::string_view origin) {
  boost::json::array groups;
  state.groups.scan({}, [&](const group_record& group) {
    boost::json::object entry = group_json(group, origin);
    entry["memberIds"] = boost::json::array(group.member_ids.begin(), group.member_ids.end());
    groups.push_back(std::move(entry));
    return true;
  });
  return {{"groups", std::move(groups)}};
}

boost::json::object add_member(sandbox_state& state, const std::string& group_id, const std::string& user_key) {
  const auto user = state.users.find(user_key);
  if (!user) throw admin_error(http::status::not_found, "no user " + user_key);
  if (!state.groups.add_member(group_id, user->id, wall_clock::now())) {
    throw admin_error(http::status::not_found, "no group " + group_id);
  }
  return {{"added", true}};
}

boost::json::object set_user_status(sandbox_state& state, const std::string& user_key, const boost::json::object& body,
                                    std::string_view origin) {
  const std::string text = string_member(body, "status", "");
  const auto status = parse_user_status(text);
  if (!status) throw admin_error(http::status::bad_request, "\"status\" must be one of Okta's user statuses, e.g. \"LOCKED_OUT\"");
  try {
    const auto user = state.users.modify(user_key, [&](user_record& record) {
      change_status(record, *status, wall_clock::now());
      return user_store::after_change::keep;
    });
    return user_json(*user, origin, link_detail::full);
  } catch (const okta_failure&) {
    throw admin_error(http::status::not_found, "no user " + user_key);
  }
}

std::vector<std::string> path_segments(std::string_view name) {
  std::vector<std::string> segments;
  const auto url = boost::urls::parse_relative_ref(name);
  if (!url) throw admin_error(http::status::not_found, "no admin endpoint /__sandbox/" + std::string(name));
  for (const auto& segment : url->encoded_segments()) segments.push_back(segment.decode());
  return segments;
}

boost::json::object dispatch(sandbox_state& state, const http_request& request, std::string_view origin) {
  const std::string_view target = request.target();
  const std::string_view name = target.substr(admin_path_prefix.size(), target.find('?') - admin_path_prefix.size());
  const std::vector<std::string> segments = path_segments(name);
  const http::verb method = request.method();
  const auto wrong_method = [&]() -> boost::json::object {
    throw admin_error(http::status::method_not_allowed, "/__sandbox/" + std::string(name) + " does not take " +
                                                             std::string(request.method_string()));
  };
  if (name == "reset") {
    if (method != http::verb::post) return wrong_method();
    state.reset_directory();
    state.log.clear();
    state.faults.clear();
    state.limiter.reset();
    state.connections.restart();
    state.api.restart();
    state.oauth.reset();
    return {{"reset", true}};
  }
  if (name == "stats") {
    if (method != http::verb::get) return wrong_method();
    boost::json::object stats = state.connections.to_json();
    state.api.add_to(stats);
    return stats;
  }
  if (name == "seed") return method == http::verb::post ? seed(state, body_object(request)) : wrong_method();
  if (name == "requests") {
    if (method == http::verb::get) return {{"requests", state.log.to_json()}};
    if (method == http::verb::delete_) {
      state.log.clear();
      return {{"cleared", true}};
    }
    return wrong_method();
  }
  if (name == "faults") {
    if (method == http::verb::get) return {{"faults", state.faults.pending()}};
    if (method == http::verb::post) return queue_fault(state, body_object(request));
    if (method == http::verb::delete_) {
      state.faults.clear();
      return {{"cleared", true}};
    }
    return wrong_method();
  }
  if (name == "config") {
    if (method == http::verb::get) return config_json(state);
    if (method == http::verb::post) return configure(state, body_object(request));
    return wrong_method();
  }
  if (name == "users") return method == http::verb::get ? all_users(state, origin) : wrong_method();
  if (segments.size() == 3 && segments[0] == "users" && segments[2] == "status") {
    return method == http::verb::post ? set_user_status(state, segments[1], body_object(request), origin)
                                      : wrong_method();
  }
  if (name == "groups") {
    if (method == http::verb::get) return all_groups(state, origin);
    if (method == http::verb::post) return create_group(state, body_object(request), origin);
    return wrong_method();
  }
  if (name == "groups/seed") return method == http::verb::post ? seed_groups(state, body_object(request)) : wrong_method();
  if (segments.size() == 4 && segments[0] == "groups" && segments[2] == "users") {
    return method == http::verb::put ? add_member(state, segments[1], segments[3]) : wrong_method();
  }
  if (name.substr(0, oauth_admin_prefix.size()) == oauth_admin_prefix) {
    try {
      const boost::json::object body = method == http::verb::post ? body_object(request) : boost::json::object{};
      if (auto answer = answer_oauth_admin(state.oauth, method, name.substr(oauth_admin_prefix.size()), body)) return *answer;
    } catch (const oauth_admin_refusal& e) {
      throw admin_error(e.status, e.what());
    }
  }
  throw admin_error(http::status::not_found, "no admin endpoint " + std::string(target));
}

}  // namespace

http_response answer_admin_request(sandbox_state& state, const http_request& request, std::string_view origin) {
  http_response response{http::status::ok, request.version()};
  try {
    response.body() = boost::json::serialize(dispatch(state, request, origin));
  } catch (const admin_error& e) {
    response.result(e.status);
    response.body() = boost::json::serialize(boost::json::object{{"error", e.what()}});
  }
  response.set(http::field::content_type, "application/json");
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

}  // namespace okta_sandbox
