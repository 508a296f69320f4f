#pragma once
// The OAuth 2.0 service apps a test registered: who may ask for tokens, with
// which public keys, for which scopes, and whether DPoP is required.
#include "jwk_key.hpp"

#include <boost/json/object.hpp>

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace okta_sandbox {

struct registered_key {
  std::string kid;  // may be empty
  shared_pkey key;
};

struct service_app {
  std::string client_id;
  std::vector<registered_key> keys;
  std::set<std::string> scopes;
  bool dpop_required = false;
};

// Reads {"clientId","jwks":{"keys":[...]},"scopes":[...],"dpopRequired"}.
// Throws std::invalid_argument naming the bad member.
service_app parse_service_app(const boost::json::object& description);

class oauth_apps {
 public:
  void add(service_app app);  // replaces an app with the same client id
  std::optional<service_app> find(const std::string& client_id) const;
  void clear();

 private:
  mutable std::mutex mutex_;
  std::map<std::string, service_app> apps_;
};

}  // namespace okta_sandbox
