#pragma once
// One sandbox per test case, with helpers that speak to it as an Okta client would.
#include <okta_sandbox/admin.hpp>
#include <okta_sandbox/process.hpp>

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include <string>
#include <vector>

namespace okta_sandbox::testing {

namespace http = boost::beast::http;

struct sandbox_fixture {
  explicit sandbox_fixture(std::vector<std::string> flags = {"--quiet"})
      : sandbox(std::move(flags)), control(sandbox), client(sandbox.base_url(), sandbox.ca_file()) {}

  // An Okta API call with the sandbox's token.
  http_reply okta(http::verb method, std::string_view target, std::string_view body = {},
                  const std::string& token = {}) const {
    return client.request(method, target, body,
                          {{"Authorization", "SSWS " + (token.empty() ? sandbox.token() : token)},
                           {"Accept", "application/json"}});
  }

  http_reply create(const boost::json::object& user, std::string_view query = "?activate=true") const {
    return okta(http::verb::post, "/api/v1/users" + std::string(query), boost::json::serialize(user));
  }

  process sandbox;
  admin control;
  https_client client;
};

inline boost::json::object user_body(const std::string& login, const std::string& password = {}) {
  boost::json::object body{{"profile",
                            {{"firstName", "Isaac"}, {"lastName", "Brock"}, {"email", login}, {"login", login}}}};
  if (!password.empty()) body["credentials"] = {{"password", {{"value", password}}}};
  return body;
}

inline std::string error_code(const http_reply& reply) {
  return std::string(reply.json().at("errorCode").as_string());
}

// The target (path and query) of the Link field with this relation, or "" when there is none.
inline std::string link_target(const http_reply& reply, std::string_view relation) {
  for (const auto& field : reply.headers_named("Link")) {
    if (field.find("rel=\"" + std::string(relation) + "\"") == std::string::npos) continue;
    // The URL view points into its text: keep the text alive while it is read.
    const std::string text(field.substr(1, field.find('>') - 1));
    const auto url = boost::urls::parse_absolute_uri(text);
    return url ? std::string(url->encoded_target()) : std::string();
  }
  return {};
}

inline std::string id_of(const boost::json::value& resource) { return std::string(resource.at("id").as_string()); }

}  // namespace okta_sandbox::testing
