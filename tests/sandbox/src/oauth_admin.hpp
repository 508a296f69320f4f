#pragma once
// The OAuth test controls under /__sandbox/oauth/:
//   POST /__sandbox/oauth/apps           {"clientId","jwks":{"keys":[...]},"scopes":[...],"dpopRequired"} -> {}
//   GET/POST /__sandbox/oauth/config     {"tokenLifetimeSeconds","nonceLifetimeSeconds","insufficientScopeBody"}
//   POST /__sandbox/oauth/expire-tokens  every issued token answers 401 invalid_token from now on -> {}
//   POST /__sandbox/oauth/rotate-nonce   the DPoP nonce is replaced -> {"nonce"}
#include "oauth_state.hpp"

#include <boost/beast/http/status.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <stdexcept>
#include <string_view>

namespace okta_sandbox {

constexpr std::string_view oauth_admin_prefix = "oauth/";

struct oauth_admin_refusal : std::runtime_error {
  oauth_admin_refusal(boost::beast::http::status s, const std::string& message) : std::runtime_error(message), status(s) {}
  boost::beast::http::status status;
};

// `name` is the part after "oauth/". Nullopt for a name that is not an OAuth
// control; throws oauth_admin_refusal for a wrong method or a bad body.
std::optional<boost::json::object> answer_oauth_admin(oauth_state& oauth, boost::beast::http::verb method,
                                                      std::string_view name, const boost::json::object& body);

}  // namespace okta_sandbox
