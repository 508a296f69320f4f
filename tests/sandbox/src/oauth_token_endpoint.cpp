#include "oauth_token_endpoint.hpp"

#include "client_assertion.hpp"
#include "dpop_verifier.hpp"
#include "okta_api.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include <map>
#include <sstream>

namespace okta_sandbox {
namespace http = boost::beast::http;
namespace {

constexpr std::string_view jwt_bearer_type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

// An OAuth error answer: status, error, error_description, and for the
// nonce challenge the nonce to use.
struct oauth_refusal {
  unsigned status;
  std::string error;
  std::string description;
  std::string nonce;
};

oauth_refusal invalid_request(std::string description) { return {400, "invalid_request", std::move(description), {}}; }
oauth_refusal invalid_client(std::string description) { return {401, "invalid_client", std::move(description), {}}; }
oauth_refusal invalid_dpop_proof(std::string description) { return {400, "invalid_dpop_proof", std::move(description), {}}; }

// The form's parameters, each decoded once with "+" as a space. Nullopt when
// a name appears twice (RFC 6749 section 3.2: parameters must not repeat).
std::optional<std::map<std::string, std::string>> form_parameters(std::string_view body) {
  std::map<std::string, std::string> parameters;
  const std::string as_query = "?" + std::string(body);
  const auto parsed = boost::urls::parse_relative_ref(as_query);
  if (!parsed) return parameters;
  boost::urls::encoding_opts form;
  form.space_as_plus = true;
  for (const auto& parameter : parsed->params(form)) {
    if (!parameters.emplace(parameter.key, parameter.value).second) return std::nullopt;
  }
  return parameters;
}

std::set<std::string> scope_set(std::string_view text) {
  std::set<std::string> scopes;
  std::istringstream words{std::string(text)};
  for (std::string word; words >> word;) scopes.insert(word);
  return scopes;
}

std::string joined(const std::set<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

http_response json_answer(const http_request& request, unsigned status, const boost::json::object& body) {
  http_response response{static_cast<http::status>(status), request.version()};
  add_okta_headers(response);
  response.set(http::field::content_type, "application/json");
  response.body() = boost::json::serialize(body);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

http_response refusal_answer(const http_request& request, const oauth_refusal& refusal) {
  http_response response =
      json_answer(request, refusal.status, {{"error", refusal.error}, {"error_description", refusal.description}});
  if (!refusal.nonce.empty()) response.set("DPoP-Nonce", refusal.nonce);
  if (refusal.status == 401) response.set(http::field::www_authenticate, "Basic realm=\"okta\"");
  return response;
}

struct issued_token {
  std::string token;
  std::string token_type;
  std::set<std::string> scopes;
  std::int64_t expires_in;
  std::string nonce;  // sent along with a DPoP token
};

std::variant<issued_token, oauth_refusal> grant(oauth_state& oauth, const http_request& request, std::string_view origin) {
  const auto now = wall_clock::now();
  const oauth_settings settings = oauth.settings();
  const auto parameters = form_parameters(request.body());
  if (!parameters) return invalid_request("A request parameter was given more than once.");
  const auto parameter = [&](const std::string& name) -> std::optional<std::string> {
    const auto found = parameters->find(name);
    if (found == parameters->end()) return std::nullopt;
    return found->second;
  };
  const auto grant_type = parameter("grant_type");
  if (!grant_type) return invalid_request("The 'grant_type' parameter is required.");
  if (*grant_type != "client_credentials") {
    return oauth_refusal{400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].", {}};
  }
  const auto assertion_type = parameter("client_assertion_type");
  const auto assertion = parameter("client_assertion");
  if (!assertion || assertion->empty()) {
    return invalid_client("Client authentication failed: the 'client_assertion' parameter is required.");
  }
  if (assertion_type != jwt_bearer_type) {
    return invalid_client("The 'client_assertion_type' parameter must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.");
  }
  const std::string token_url = std::string(origin) + std::string(token_endpoint_path);
  auto authenticated = authenticate_client(oauth.apps, *assertion, token_url, oauth.assertion_ids, now);
  if (const auto* refusal = std::get_if<assertion_refusal>(&authenticated)) return invalid_client(refusal->description);
  const service_app& app = std::get<service_app>(authenticated);
  if (const auto client_id = parameter("client_id"); client_id && *client_id != app.client_id) {
    return invalid_client("The 'client_id' parameter does not match the client_assertion's subject.");
  }

  const auto scope = parameter("scope");
  const std::set<std::string> requested = scope_set(scope.value_or(""));
  if (requested.empty()) {
    return oauth_refusal{400, "invalid_scope", "The authorization server resource does not have any configured default scopes, 'scope' must be provided.", {}};
  }
  std::set<std::string> missing;
  for (const auto& s : requested) {
    if (!app.scopes.contains(s)) missing.insert(s);
  }
  if (!missing.empty()) {
    return oauth_refusal{400, "invalid_scope", "The following scopes are not granted to the client: " + joined(missing) + ".", {}};
  }

  access_grant granted{app.client_id, requested, {}, now + settings.token_lifetime};
  std::string nonce;
  // A proof sent to an app that does not require DPoP is ignored: Okta's own
  // SDKs send one with every token request.
  if (app.dpop_required) {
    const auto header = request.find("DPoP");
    if (header == request.end() || header->value().empty()) {
      return invalid_dpop_proof("The DPoP proof JWT header is missing.");
    }
    const dpop_verdict verdict = verify_dpop_proof(header->value(), {"POST", token_url, std::nullopt}, oauth.proof_ids, now);
    if (!verdict.valid) return invalid_dpop_proof(verdict.problem);
    if (!verdict.nonce || !oauth.nonces.is_current(*verdict.nonce, now, settings.nonce_lifetime)) {
      return oauth_refusal{400, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof.",
                           oauth.nonces.current(now, settings.nonce_lifetime)};
    }
    granted.bound_thumbprint = verdict.thumbprint;
    nonce = oauth.nonces.current(now, settings.nonce_lifetime);
  }
  const std::string token_type = app.dpop_required ? "DPoP" : "Bearer";
  return issued_token{oauth.tokens.issue(std::move(granted)), token_type, requested, settings.token_lifetime.count(), nonce};
}

}  // namespace

bool is_token_endpoint(std::string_view target) { return target.substr(0, target.find('?')) == token_endpoint_path; }

http_response answer_token_request(oauth_state& oauth, const http_request& request, std::string_view origin) {
  if (request.method() != http::verb::post) {
    http_response response = refusal_answer(request, invalid_request("The token endpoint takes only POST."));
    response.result(http::status::method_not_allowed);
    response.set(http::field::allow, "POST");
    return response;
  }
  auto outcome = grant(oauth, request, origin);
  if (const auto* refusal = std::get_if<oauth_refusal>(&outcome)) return refusal_answer(request, *refusal);
  const auto& issued = std::get<issued_token>(outcome);
  http_response response = json_answer(request, 200,
                                       {{"token_type", issued.token_type},
                                        {"expires_in", issued.expires_in},
                                        {"access_token", issued.token},
                                        {"scope", joined(issued.scopes)}});
  if (!issued.nonce.empty()) response.set("DPoP-Nonce", issued.nonce);
  return response;
}

}  // namespace okta_sandbox
