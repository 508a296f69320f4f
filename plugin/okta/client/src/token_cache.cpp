#include "okta/client/token_cache.hpp"

namespace okta_plugin::okta {
namespace {

std::string client_key(std::string_view origin, std::string_view client_id) {
    std::string key(origin);
    key += '\n';
    key += client_id;
    return key;
}

}  // namespace

token_slot& token_cache::slot(std::string_view origin, std::string_view client_id, std::string_view scopes) {
    std::string key = client_key(origin, client_id);
    key += '\n';
    key += scopes;
    std::lock_guard lock(mutex_);
    auto found = slots_.find(key);
    if (found == slots_.end()) {
        found = slots_.emplace(std::move(key), std::make_unique<token_slot>()).first;
    }
    return *found->second;
}

dpop_state token_cache::dpop(std::string_view origin, std::string_view client_id) const {
    std::lock_guard lock(mutex_);
    const auto found = dpop_.find(client_key(origin, client_id));
    return found == dpop_.end() ? dpop_state{} : found->second;
}

void token_cache::remember_dpop(std::string_view origin, std::string_view client_id, const dpop_state& state) {
    std::lock_guard lock(mutex_);
    dpop_[client_key(origin, client_id)] = state;
}

const signing_key& token_cache::dpop_key() {
    std::call_once(dpop_key_made_, [this] { dpop_key_.emplace(signing_key::generate_p256()); });
    return *dpop_key_;
}

std::chrono::steady_clock::duration refresh_lead(std::chrono::seconds lifetime) {
    const auto fifth = std::chrono::duration_cast<std::chrono::steady_clock::duration>(lifetime) / 5;
    return std::min<std::chrono::steady_clock::duration>(fifth, std::chrono::minutes(1));
}

}  // namespace okta_plugin::okta
