#include "oauth_apps.hpp"

#include <stdexcept>

namespace okta_sandbox {

service_app parse_service_app(const boost::json::object& description) {
  service_app app;
  const auto* client_id = description.if_contains("clientId");
  if (client_id == nullptr || !client_id->is_string() || client_id->get_string().empty()) {
    throw std::invalid_argument("\"clientId\" is required and must be a non-empty string");
  }
  app.client_id = std::string(client_id->get_string());
  const auto* jwks = description.if_contains("jwks");
  const auto* keys = jwks != nullptr && jwks->is_object() ? jwks->get_object().if_contains("keys") : nullptr;
  if (keys == nullptr || !keys->is_array() || keys->get_array().empty()) {
    throw std::invalid_argument("\"jwks\" must be {\"keys\":[...]} with at least one public JWK");
  }
  for (const auto& jwk : keys->get_array()) {
    if (!jwk.is_object()) throw std::invalid_argument("every member of \"jwks.keys\" must be a JWK object");
    registered_key entry;
    entry.key = public_key_from_jwk(jwk.get_object());
    if (const auto* kid = jwk.get_object().if_contains("kid"); kid != nullptr && kid->is_string()) {
      entry.kid = std::string(kid->get_string());
    }
    app.keys.push_back(std::move(entry));
  }
  if (const auto* scopes = description.if_contains("scopes")) {
    if (!scopes->is_array()) throw std::invalid_argument("\"scopes\" must be an array of strings");
    for (const auto& scope : scopes->get_array()) {
      if (!scope.is_string()) throw std::invalid_argument("\"scopes\" must be an array of strings");
      app.scopes.insert(std::string(scope.get_string()));
    }
  }
  if (const auto* dpop = description.if_contains("dpopRequired")) {
    if (!dpop->is_bool()) throw std::invalid_argument("\"dpopRequired\" must be true or false");
    app.dpop_required = dpop->get_bool();
  }
  return app;
}

void oauth_apps::add(service_app app) {
  std::lock_guard lock(mutex_);
  auto id = app.client_id;
  apps_.insert_or_assign(std::move(id), std::move(app));
}

std::optional<service_app> oauth_apps::find(const std::string& client_id) const {
  std::lock_guard lock(mutex_);
  const auto found = apps_.find(client_id);
  if (found == apps_.end()) return std::nullopt;
  return found->second;
}

void oauth_apps::clear() {
  std::lock_guard lock(mutex_);
  apps_.clear();
}

}  // namespace okta_sandbox
