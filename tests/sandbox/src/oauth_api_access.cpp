#include "oauth_api_access.hpp"

#include "dpop_verifier.hpp"
#include "endpoint_scopes.hpp"
#include "okta_error.hpp"
#include "utf8_text.hpp"

namespace okta_sandbox {
namespace http = boost::beast::http;
namespace {

enum class scheme { bearer, dpop };

constexpr std::string_view dpop_algorithms = "RS256 ES256";

// A path as it may stand inside a quoted challenge parameter.
std::string quotable(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) out.push_back(c);
  }
  return out;
}

struct challenge_parts {
  scheme kind;
  std::string_view origin;
  std::string_view resource;
};

std::string challenge(const challenge_parts& parts, std::string_view error, std::string_view description,
                      std::string_view scope = {}) {
  std::string text = parts.kind == scheme::dpop ? "DPoP algs=\"" + std::string(dpop_algorithms) + "\", " : "Bearer ";
  text += "authorization_uri=\"" + std::string(parts.origin) + "/oauth2/v1/authorize\", realm=\"" +
          std::string(parts.origin) + "\", ";
  if (!scope.empty()) text += "scope=\"" + std::string(scope) + "\", ";
  text += "error=\"" + std::string(error) + "\", error_description=\"" + std::string(description) +
          "\", resource=\"" + quotable(parts.resource) + "\"";
  return text;
}

oauth_access refuse_401(const challenge_parts& parts, std::string_view error, std::string_view description) {
  oauth_access access;
  access.uses_oauth = true;
  const okta_error invalid = errors::invalid_token();
  access.refusal = api_result{invalid.status, boost::json::value(okta_error_body(invalid)), {}};
  access.challenge = challenge(parts, error, description);
  return access;
}

}  // namespace

oauth_access check_oauth_access(oauth_state& oauth, const http_request& request, std::string_view origin,
                                const boost::urls::url_view* url) {
  const std::string_view authorization = request[http::field::authorization];
  scheme kind;
  std::string_view token;
  if (istarts_with_ascii(authorization, "Bearer ")) {
    kind = scheme::bearer;
    token = authorization.substr(7);
  } else if (istarts_with_ascii(authorization, "DPoP ")) {
    kind = scheme::dpop;
    token = authorization.substr(5);
  } else {
    return {};
  }
  const std::string resource = url != nullptr ? std::string(url->encoded_path()) : std::string(request.target());
  const challenge_parts parts{kind, origin, resource};
  const auto now = wall_clock::now();
  const auto grant = oauth.tokens.find(std::string(token), now);
  if (!grant) return refuse_401(parts, "invalid_token", "The access token is invalid.");

  if (kind == scheme::bearer && !grant->bound_thumbprint.empty()) {
    return refuse_401(parts, "invalid_token", "The access token is DPoP-bound; send it with the DPoP scheme and a DPoP proof.");
  }
  if (kind == scheme::dpop) {
    if (grant->bound_thumbprint.empty()) {
      return refuse_401(parts, "invalid_token", "The access token is not DPoP-bound; send it with the Bearer scheme.");
    }
    const auto proof = request.find("DPoP");
    if (proof == request.end() || proof->value().empty()) {
      return refuse_401(parts, "invalid_dpop_proof", "The DPoP proof JWT header is missing.");
    }
    const std::string htu = std::string(origin) + (url != nullptr ? std::string(url->path()) : std::string());
    const dpop_verdict verdict =
        verify_dpop_proof(proof->value(), {request.method_string(), htu, token}, oauth.proof_ids, now);
    if (!verdict.valid) return refuse_401(parts, "invalid_dpop_proof", verdict.problem);
    if (verdict.thumbprint != grant->bound_thumbprint) {
      return refuse_401(parts, "invalid_dpop_proof", "The DPoP proof JWT key is not the key the access token is bound to.");
    }
  }

  oauth_access access;
  access.uses_oauth = true;
  const auto scope = url != nullptr ? required_scope(request.method(), *url) : std::nullopt;
  if (scope && !scope_granted(*scope, grant->scopes)) {
    const okta_error denied = errors::access_denied();
    std::optional<boost::json::value> body;
    if (!oauth.settings().insufficient_scope_empty_body) body = boost::json::value(okta_error_body(denied));
    access.refusal = api_result{denied.status, std::move(body), {}};
    access.challenge = challenge(parts, "insufficient_scope",
                                 "The access token provided does not contain the required scopes.", *scope);
  }
  return access;
}

}  // namespace okta_sandbox
