#pragma once
// Everything the OAuth side of the sandbox shares between connections: the
// registered apps, issued tokens, DPoP nonce, spent jtis and the settings tests change.
#include "access_tokens.hpp"
#include "dpop_nonces.hpp"
#include "oauth_apps.hpp"
#include "replay_guard.hpp"

#include <boost/json/object.hpp>

#include <atomic>
#include <chrono>

namespace okta_sandbox {

struct oauth_settings {
  std::chrono::seconds token_lifetime{3600};
  std::chrono::seconds nonce_lifetime{86400};
  // Okta often answers a missing scope with an empty 403 body; the default
  // sends its E0000006 error JSON, which the spec documents.
  bool insufficient_scope_empty_body = false;
};

class oauth_state {
 public:
  oauth_settings settings() const;
  // Reads any of {"tokenLifetimeSeconds","nonceLifetimeSeconds","insufficientScopeBody":"error"|"empty"};
  // throws std::invalid_argument naming a bad member. Returns the whole configuration.
  boost::json::object configure(const boost::json::object& changes);
  boost::json::object settings_json() const;
  // Apps, tokens, nonce, spent jtis and settings back to the start.
  void reset();

  oauth_apps apps;
  access_tokens tokens;
  dpop_nonces nonces;
  replay_guard assertion_ids;
  replay_guard proof_ids;

 private:
  mutable std::mutex mutex_;
  oauth_settings settings_;
};

}  // namespace okta_sandbox
