#include "client_assertion.hpp"

#include "jwt_verifier.hpp"

#include <chrono>

namespace okta_sandbox {
namespace {

constexpr std::int64_t longest_assertion_seconds = 3600;

bool audience_is(const boost::json::object& claims, std::string_view token_url) {
  const auto* aud = claims.if_contains("aud");
  if (aud == nullptr) return false;
  if (aud->is_string()) return aud->get_string() == token_url;
  // An array is accepted only when it names the token URL and nothing else.
  return aud->is_array() && aud->get_array().size() == 1 && aud->get_array()[0].is_string() &&
         aud->get_array()[0].get_string() == token_url;
}

const registered_key* key_for(const service_app& app, const compact_jws& jws, bool& kid_problem) {
  const auto kid = string_claim(jws.header, "kid");
  kid_problem = false;
  if (kid) {
    for (const auto& key : app.keys) {
      if (key.kid == *kid) return &key;
    }
    kid_problem = true;
    return nullptr;
  }
  // Without a kid Okta can only pick the key when the app has exactly one.
  if (app.keys.size() == 1) return &app.keys.front();
  kid_problem = true;
  return nullptr;
}

}  // namespace

std::variant<service_app, assertion_refusal> authenticate_client(const oauth_apps& apps, std::string_view assertion,
                                                                 std::string_view token_url, replay_guard& spent,
                                                                 wall_clock::time_point now) {
  const auto jws = parse_compact_jws(assertion);
  if (!jws) return assertion_refusal{"The client_assertion token is malformed."};
  const auto iss = string_claim(jws->claims, "iss");
  const auto sub = string_claim(jws->claims, "sub");
  if (!sub || sub->empty()) return assertion_refusal{"The client_assertion token lacks the 'sub' claim."};
  const auto app = apps.find(*sub);
  if (!app) return assertion_refusal{"Invalid value for 'client_id' parameter."};
  if (iss != sub) return assertion_refusal{"The issuer and subject claims of the client_assertion must both be the client_id."};
  if (supported_algorithm(*jws).empty()) return assertion_refusal{"The client_assertion signature algorithm must be RS256 or ES256."};
  bool kid_problem = false;
  const registered_key* key = key_for(*app, *jws, kid_problem);
  if (kid_problem || key == nullptr) return assertion_refusal{"The client_assertion JWT kid is invalid."};
  if (!signature_is_valid(*jws, key->key.get())) return assertion_refusal{"The client_assertion signature is invalid."};
  if (!audience_is(jws->claims, token_url)) {
    return assertion_refusal{"The audience claim for client_assertion must be the endpoint invoked for the request."};
  }
  const auto exp = seconds_claim(jws->claims, "exp");
  if (!exp) return assertion_refusal{"The client_assertion token lacks the 'exp' claim."};
  const auto now_seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  if (*exp <= now_seconds) return assertion_refusal{"The client_assertion token is expired."};
  const auto iat = seconds_claim(jws->claims, "iat").value_or(now_seconds);
  if (*exp - iat > longest_assertion_seconds || *exp - now_seconds > longest_assertion_seconds) {
    return assertion_refusal{"The client_assertion token has an expiration too far into the future."};
  }
  const auto jti = string_claim(jws->claims, "jti");
  if (!jti || jti->empty()) return assertion_refusal{"The client_assertion token lacks the 'jti' claim."};
  const auto forget_after = wall_clock::time_point(std::chrono::seconds(*exp));
  if (!spent.first_use(app->client_id + "\n" + *jti, forget_after, now)) {
    return assertion_refusal{"The client_assertion token has already been used (client_assertion_already_used)."};
  }
  return *app;
}

}  // namespace okta_sandbox
