#pragma once
// The access tokens the token endpoint issued, until they expire or a test
// expires them all at once.
#include "clock.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace okta_sandbox {

struct access_grant {
  std::string client_id;
  std::set<std::string> scopes;
  std::string bound_thumbprint;  // the DPoP key's RFC 7638 thumbprint; empty for a Bearer token
  wall_clock::time_point expires;
};

class access_tokens {
 public:
  // Returns the new token (opaque, random).
  std::string issue(access_grant grant);
  // The grant of a live token; nullopt for an unknown, expired or revoked one.
  std::optional<access_grant> find(const std::string& token, wall_clock::time_point now) const;
  void expire_all();

 private:
  mutable std::mutex mutex_;
  std::map<std::string, access_grant> grants_;
};

}  // namespace okta_sandbox
