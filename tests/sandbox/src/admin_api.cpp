#include "admin_api.hpp"

#include "seed_users.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

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

boost::json::object config_json(const rate_limits& limits) {
  return {{"usersCollection", limits.users_collection},
          {"userGet", limits.user_get},
          {"userWrite", limits.user_write},
          {"windowSeconds", limits.window.count()}};
}

boost::json::object configure(sandbox_state& state, const boost::json::object& body) {
  rate_limits limits = state.limiter.limits();
  for (const auto& [name, value] : body) {
    if (name == "usersCollection") limits.users_collection = limit_member(value, name);
    else if (name == "userGet") limits.user_get = limit_member(value, name);
    else if (name == "userWrite") limits.user_write = limit_member(value, name);
    else if (name == "windowSeconds") {
      const auto seconds = limit_member(value, name);
      if (seconds == 0) throw admin_error(http::status::bad_request, "\"windowSeconds\" must be at least 1");
      limits.window = std::chrono::seconds(seconds);
    } else {
      throw admin_error(http::status::bad_request,
                        "unknown setting \"" + std::string(name) + "\" (usersCollection, userGet, userWrite, windowSeconds)");
    }
  }
  state.limiter.configure(limits);
  return config_json(limits);
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
    boost::json::object entry = user_json(user, origin, link_detail::self_only);
    entry["groupIds"] = boost::json::array(user.group_ids.begin(), user.group_ids.end());
    users.push_back(std::move(entry));
    return true;
  });
  return {{"users", std::move(users)}};
}

boost::json::object dispatch(sandbox_state& state, const http_request& request, std::string_view origin) {
  const std::string_view target = request.target();
  const std::string_view name = target.substr(admin_path_prefix.size(), target.find('?') - admin_path_prefix.size());
  const http::verb method = request.method();
  const auto wrong_method = [&]() -> boost::json::object {
    throw admin_error(http::status::method_not_allowed, "/__sandbox/" + std::string(name) + " does not take " +
                                                             std::string(request.method_string()));
  };
  if (name == "reset") {
    if (method != http::verb::post) return wrong_method();
    state.users.clear();
    state.log.clear();
    state.faults.clear();
    state.limiter.reset();
    state.connections.restart();
    return {{"reset", true}};
  }
  if (name == "stats") return method == http::verb::get ? state.connections.to_json() : wrong_method();
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
    if (method == http::verb::get) return config_json(state.limiter.limits());
    if (method == http::verb::post) return configure(state, body_object(request));
    return wrong_method();
  }
  if (name == "users") return method == http::verb::get ? all_users(state, origin) : wrong_method();
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
