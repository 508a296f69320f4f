#pragma once
// Drives the sandbox's test-control API (/__sandbox/) over verified TLS.
// Every method throws std::runtime_error with the sandbox's own message when
// the call fails.
#include "okta_sandbox/https_client.hpp"
#include "okta_sandbox/process.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace okta_sandbox {

class admin {
 public:
  explicit admin(const process& sandbox);
  admin(std::string_view base_url, const std::filesystem::path& ca_file);

  // Users, request log, faults and rate buckets cleared.
  void reset();
  // Creates n ACTIVE users <prefix><i>@example.com (i from 1); returns how many.
  std::size_t seed(std::size_t n, const std::string& prefix = "seed");
  // The full form: {"count","prefix","status","start","profile"}.
  std::size_t seed(const boost::json::object& request);
  // [{"method","target","headers":{...},"body"}], oldest first.
  boost::json::array requests();
  void clear_requests();
  // {"count": N, "kind": "...", ...}: see the sandbox README for the kinds.
  void inject(const boost::json::object& fault);
  void clear_faults();
  // The faults still queued: [{"kind", "count" (left), "every", ...}].
  boost::json::array faults();
  // Any of {"usersCollection","userGet","userWrite","windowSeconds"}; returns the whole config.
  boost::json::object configure(const boost::json::object& settings);
  // Every stored user but the token's own admin (who answers to "me").
  boost::json::array users();
  // Sets a user's status directly (any of Okta's statuses); returns the user.
  boost::json::object set_user_status(std::string_view id_or_login, std::string_view status);

  // A group of type "OKTA_GROUP" or "APP_GROUP"; returns its Okta JSON.
  boost::json::object create_group(std::string_view name, std::string_view type = "OKTA_GROUP");
  // The full form: {"name","description","type"}.
  boost::json::object create_group(const boost::json::object& request);
  // Creates n OKTA_GROUPs <prefix><i> (i from 1); returns how many.
  std::size_t seed_groups(std::size_t n, const std::string& prefix = "group");
  // Puts the user (id or login) in the group, whatever its type.
  void add_member(std::string_view group_id, std::string_view user_id_or_login);
  // Every group, Everyone included, each with "memberIds".
  boost::json::array groups();
  // {"acceptedConnections","openConnections","peakOpenConnections"} since the last reset.
  boost::json::object stats();

  // OAuth service apps (see the sandbox README): registers or replaces the app
  // `client_id` with one public JWK, its granted scopes, and whether DPoP is required.
  void register_service_app(const std::string& client_id, const boost::json::object& public_jwk,
                            const std::vector<std::string>& scopes, bool dpop_required = false);
  // Any of {"tokenLifetimeSeconds","nonceLifetimeSeconds","insufficientScopeBody":"error"|"empty"};
  // returns the whole OAuth configuration.
  boost::json::object oauth_config(const boost::json::object& settings);
  // Every access token issued so far answers 401 invalid_token from now on.
  void expire_access_tokens();
  // Replaces the token endpoint's DPoP nonce; returns the new one. The old one is refused.
  std::string rotate_dpop_nonce();

  const https_client& client() const { return client_; }

 private:
  boost::json::object call(boost::beast::http::verb method, std::string_view path,
                           const boost::json::object* body = nullptr);
  https_client client_;
};

}  // namespace okta_sandbox
