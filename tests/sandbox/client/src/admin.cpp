#include "okta_sandbox/admin.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <stdexcept>

namespace okta_sandbox {
namespace http = boost::beast::http;
namespace {

std::string segment(std::string_view text) { return boost::urls::encode(text, boost::urls::unreserved_chars); }

}  // namespace

admin::admin(const process& sandbox) : client_(sandbox.base_url(), sandbox.ca_file()) {}

admin::admin(std::string_view base_url, const std::filesystem::path& ca_file) : client_(base_url, ca_file) {}

boost::json::object admin::call(http::verb method, std::string_view path, const boost::json::object* body) {
  const std::string target = "/__sandbox/" + std::string(path);
  const http_reply reply = client_.request(method, target, body != nullptr ? boost::json::serialize(*body) : std::string());
  const auto parsed = reply.json();
  if (reply.status != 200 || !parsed.is_object()) {
    const auto* error = parsed.is_object() ? parsed.get_object().if_contains("error") : nullptr;
    throw std::runtime_error(std::string(http::to_string(method)) + " " + target + " answered " +
                             std::to_string(reply.status) + ": " +
                             (error != nullptr && error->is_string() ? std::string(error->get_string()) : reply.body));
  }
  return parsed.get_object();
}

void admin::reset() { call(http::verb::post, "reset"); }

std::size_t admin::seed(std::size_t n, const std::string& prefix) {
  return seed(boost::json::object{{"count", n}, {"prefix", prefix}});
}

std::size_t admin::seed(const boost::json::object& request) {
  const auto answer = call(http::verb::post, "seed", &request);
  return static_cast<std::size_t>(answer.at("created").to_number<std::uint64_t>());
}

boost::json::array admin::requests() { return call(http::verb::get, "requests").at("requests").as_array(); }

void admin::clear_requests() { call(http::verb::delete_, "requests"); }

void admin::inject(const boost::json::object& fault) { call(http::verb::post, "faults", &fault); }

void admin::clear_faults() { call(http::verb::delete_, "faults"); }

boost::json::array admin::faults() { return call(http::verb::get, "faults").at("faults").as_array(); }

boost::json::object admin::configure(const boost::json::object& settings) {
  return call(http::verb::post, "config", &settings);
}

boost::json::array admin::users() { return call(http::verb::get, "users").at("users").as_array(); }

boost::json::object admin::set_user_status(std::string_view id_or_login, std::string_view status) {
  const boost::json::object body{{"status", status}};
  return call(http::verb::post, "users/" + segment(id_or_login) + "/status", &body);
}

boost::json::object admin::create_group(std::string_view name, std::string_view type) {
  return create_group(boost::json::object{{"name", name}, {"type", type}});
}

boost::json::object admin::create_group(const boost::json::object& request) {
  return call(http::verb::post, "groups", &request);
}

std::size_t admin::seed_groups(std::size_t n, const std::string& prefix) {
  const boost::json::object body{{"count", n}, {"prefix", prefix}};
  return static_cast<std::size_t>(call(http::verb::post, "groups/seed", &body).at("created").to_number<std::uint64_t>());
}

void admin::add_member(std::string_view group_id, std::string_view user_id_or_login) {
  call(http::verb::put, "groups/" + segment(group_id) + "/users/" + segment(user_id_or_login));
}

boost::json::array admin::groups() { return call(http::verb::get, "groups").at("groups").as_array(); }

boost::json::object admin::stats() { return call(http::verb::get, "stats"); }

void admin::register_service_app(const std::string& client_id, const boost::json::object& public_jwk,
                                 const std::vector<std::string>& scopes, bool dpop_required) {
  const boost::json::object app{{"clientId", client_id},
                                {"jwks", {{"keys", boost::json::array{public_jwk}}}},
                                {"scopes", boost::json::array(scopes.begin(), scopes.end())},
                                {"dpopRequired", dpop_required}};
  call(http::verb::post, "oauth/apps", &app);
}

boost::json::object admin::oauth_config(const boost::json::object& settings) {
  return call(http::verb::post, "oauth/config", &settings);
}

void admin::expire_access_tokens() { call(http::verb::post, "oauth/expire-tokens"); }

std::string admin::rotate_dpop_nonce() {
  return std::string(call(http::verb::post, "oauth/rotate-nonce").at("nonce").as_string());
}

}  // namespace okta_sandbox
