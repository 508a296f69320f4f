#include "okta_api.hpp"

#include "api_call.hpp"
#include "clock.hpp"
#include "identifiers.hpp"
#include "oauth_api_access.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace okta_sandbox {
namespace http = boost::beast::http;
namespace {

// Where a request goes, from its path split at raw "/" and each segment decoded
// once, so "%2F" inside a login stays part of the login.
struct route {
  enum class kind { users, user, lifecycle, user_groups, groups, group, group_users, group_member, unknown };
  kind type = kind::unknown;
  std::string user_key;
  std::string operation;
  std::string group_id;
};

route route_of(const boost::urls::url_view& url) {
  std::vector<std::string> segments;
  for (const auto& segment : url.encoded_segments()) segments.push_back(segment.decode());
  const bool under_api = segments.size() >= 3 && segments[0] == "api" && segments[1] == "v1" && url.is_path_absolute();
  if (!under_api) return {};
  const auto any_empty = [&] {
    return std::any_of(segments.begin() + 3, segments.end(), [](const std::string& s) { return s.empty(); });
  };
  if (any_empty()) return {};
  if (segments[2] == "users") {
    if (segments.size() == 3) return {route::kind::users, {}, {}, {}};
    if (segments.size() == 4) return {route::kind::user, segments[3], {}, {}};
    if (segments.size() == 5 && segments[4] == "groups") return {route::kind::user_groups, segments[3], {}, {}};
    if (segments.size() == 6 && segments[4] == "lifecycle" && is_lifecycle_operation(segments[5])) {
      return {route::kind::lifecycle, segments[3], segments[5], {}};
    }
    return {};
  }
  if (segments[2] == "groups") {
    if (segments.size() == 3) return {route::kind::groups, {}, {}, {}};
    if (segments.size() == 4) return {route::kind::group, {}, {}, segments[3]};
    if (segments.size() == 5 && segments[4] == "users") return {route::kind::group_users, {}, {}, segments[3]};
    if (segments.size() == 6 && segments[4] == "users") return {route::kind::group_member, segments[5], {}, segments[3]};
  }
  return {};
}

bool method_allowed(const route& r, http::verb method) {
  switch (r.type) {
    case route::kind::users: return method == http::verb::get || method == http::verb::post;
    case route::kind::user:
      return method == http::verb::get || method == http::verb::post || method == http::verb::put ||
             method == http::verb::delete_;
    case route::kind::lifecycle: return method == http::verb::post;
    case route::kind::user_groups:
    case route::kind::groups:
    case route::kind::group:
    case route::kind::group_users: return method == http::verb::get;
    case route::kind::group_member: return method == http::verb::put || method == http::verb::delete_;
    case route::kind::unknown: return false;
  }
  return false;
}

std::string_view allowed_methods(const route& r) {
  switch (r.type) {
    case route::kind::users: return "GET, POST";
    case route::kind::user: return "GET, POST, PUT, DELETE";
    case route::kind::user_groups:
    case route::kind::groups:
    case route::kind::group:
    case route::kind::group_users: return "GET";
    case route::kind::group_member: return "PUT, DELETE";
    default: return "POST";
  }
}

// Okta lets "me" stand for the user the API token belongs to.
std::string user_key(const route& r, const api_call& call) {
  return r.user_key == "me" ? call.state.admin_user_id() : r.user_key;
}

api_result dispatch(const route& r, const api_call& call, http::verb method, token_access access) {
  if (r.type == route::kind::unknown) {
    throw okta_failure(errors::path_not_found(call.url.path(), http::to_string(method)));
  }
  if (!method_allowed(r, method)) throw okta_failure(errors::method_not_allowed());
  if (method != http::verb::get && access != token_access::full) throw okta_failure(errors::access_denied());
  switch (r.type) {
    case route::kind::users: return method == http::verb::get ? list_users(call) : create_user(call);
    case route::kind::user:
      switch (method) {
        case http::verb::get: return get_user(call, user_key(r, call));
        case http::verb::post: return update_user(call, user_key(r, call), false);
        case http::verb::put: return update_user(call, user_key(r, call), true);
        default: return delete_user(call, user_key(r, call));
      }
    case route::kind::lifecycle: return run_lifecycle(call, user_key(r, call), r.operation);
    case route::kind::user_groups: return list_user_groups(call, user_key(r, call));
    case route::kind::groups: return list_groups(call);
    case route::kind::group: return get_group(call, r.group_id);
    case route::kind::group_users: return list_group_users(call, r.group_id);
    case route::kind::group_member:
      return change_membership(call, r.group_id, user_key(r, call), method == http::verb::put);
    case route::kind::unknown: break;
  }
  throw okta_failure(errors::path_not_found(call.url.path(), http::to_string(method)));
}

route route_of_target(std::string_view target) {
  const auto url = boost::urls::parse_origin_form(target);
  return url ? route_of(*url) : route{};
}

}  // namespace

endpoint_class endpoint_class_of(const http_request& request) {
  const route r = route_of_target(request.target());
  const bool get = request.method() == http::verb::get;
  switch (r.type) {
    case route::kind::users: return endpoint_class::users_collection;
    case route::kind::user: return get ? endpoint_class::user_get : endpoint_class::user_write;
    case route::kind::lifecycle: return endpoint_class::user_write;
    case route::kind::user_groups: return endpoint_class::user_get;
    case route::kind::groups: return endpoint_class::groups_collection;
    case route::kind::group:
    case route::kind::group_users: return endpoint_class::group_get;
    case route::kind::group_member: return endpoint_class::group_write;
    case route::kind::unknown: return endpoint_class::other;
  }
  return endpoint_class::other;
}

std::string request_origin(const http_request& request, std::string_view fallback) {
  const auto host = request[http::field::host];
  if (!host.empty() && boost::urls::parse_authority(host)) return "https://" + std::string(host);
  return std::string(fallback);
}

void add_okta_headers(http_response& response) {
  response.set("X-Okta-Request-Id", new_request_id());
  response.set(http::field::date, http_date(wall_clock::now()));
  response.set(http::field::cache_control, "no-cache, no-store");
  response.set(http::field::pragma, "no-cache");
  response.set(http::field::expires, "0");
}

http_response answer_over_concurrency_limit(sandbox_state& state, const http_request& request) {
  http_response response{http::status::too_many_requests, request.version()};
  add_okta_headers(response);
  response.set("X-Rate-Limit-Limit", "0");
  response.set("X-Rate-Limit-Remaining", "0");
  response.set("X-Rate-Limit-Reset", std::to_string(epoch_seconds(wall_clock::now()) + 1));
  response.set(http::field::content_type, "application/json");
  response.body() = boost::json::serialize(okta_error_body(errors::concurrency_limit_exceeded()));
  state.api.answered(true);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  if (state.recorder) {
    const auto parsed = boost::urls::parse_origin_form(request.target());
    const std::string path = parsed ? std::string(parsed->encoded_path()) : std::string(request.target());
    state.recorder->record(request.method_string(), path, 429, response.body());
  }
  return response;
}

http_response answer_okta_request(sandbox_state& state, const http_request& request, std::string_view origin,
                                  bool record) {
  const auto parsed = boost::urls::parse_origin_form(request.target());
  const route r = parsed ? route_of(*parsed) : route{};
  const rate_decision rate = state.limiter.take(endpoint_class_of(request), wall_clock::now());

  api_result result;
  std::string challenge;
  try {
    if (!rate.allowed) throw okta_failure(errors::rate_limit_exceeded());
    oauth_access oauth = check_oauth_access(state.oauth, request, origin, parsed ? &*parsed : nullptr);
    challenge = oauth.challenge;
    if (oauth.refusal) throw std::move(*oauth.refusal);
    const token_access access = oauth.uses_oauth ? token_access::full : state.access_for(request[http::field::authorization]);
    if (access == token_access::none) throw okta_failure(errors::invalid_token());
    if (!parsed) throw okta_failure(errors::path_not_found(request.target(), request.method_string()));
    const api_call call{state, *parsed, std::string(origin), request.body()};
    result = dispatch(r, call, request.method(), access);
  } catch (api_result& refusal) {
    result = std::move(refusal);
  } catch (const okta_failure& failure) {
    result = {failure.error().status, boost::json::value(okta_error_body(failure.error())), {}};
  }

  state.api.answered(result.status == 429);
  http_response response{static_cast<http::status>(result.status), request.version()};
  add_okta_headers(response);
  response.set("X-Rate-Limit-Limit", std::to_string(rate.limit));
  response.set("X-Rate-Limit-Remaining", std::to_string(rate.remaining));
  response.set("X-Rate-Limit-Reset", std::to_string(rate.reset_epoch_seconds));
  if (result.status == 405) response.set(http::field::allow, allowed_methods(r));
  if (!challenge.empty()) response.set(http::field::www_authenticate, challenge);
  for (const auto& link : result.link_fields) response.insert(http::field::link, link);
  if (result.body) {
    response.set(http::field::content_type, "application/json");
    response.body() = boost::json::serialize(*result.body);
  }
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  // The empty insufficient_scope 403 a test can ask for departs from the spec
  // on purpose, as Okta does, so it stays out of the spec check's record.
  const bool departs_from_spec = !result.body && !challenge.empty();
  if (record && state.recorder && !departs_from_spec) {
    const std::string path = parsed ? std::string(parsed->encoded_path()) : std::string(request.target());
    state.recorder->record(request.method_string(), path, result.status, response.body());
  }
  return response;
}

}  // namespace okta_sandbox
