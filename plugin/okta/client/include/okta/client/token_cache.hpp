// Access tokens of OAuth service apps, shared by every thread of the
// process: one slot per (org, client id, scope set), each fetched by a
// single flight; and per (org, client id), whether the app needs DPoP and
// the token endpoint's last DPoP nonce. Also the process's DPoP key.
#pragma once

#include "okta/protocol/call_result.hpp"
#include "okta/protocol/attempt_verdict.hpp"
#include "okta/protocol/jose_crypto.hpp"
#include "wire/secret_text.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

// What a client learnt of the token endpoint's DPoP rules.
struct dpop_state {
    bool required = false;
    std::string nonce;  // empty: none known
    std::chrono::steady_clock::time_point nonce_received{};
};

// The cached token of one (org, client, scope set). Guarded by `mutex`.
struct token_slot {
    using clock = std::chrono::steady_clock;

    std::mutex mutex;
    std::condition_variable changed;
    wire::secret_text token;
    bool dpop_bound = false;
    clock::time_point refresh_at{};  // fetch a new one from here on
    clock::time_point expires_at{};  // unusable from here on
    std::uint64_t generation = 0;    // counts the tokens stored, so a stale 401 never drops a newer one
    bool fetching = false;
    std::uint64_t flights = 0;             // flights finished
    std::optional<verdict> last_failure;  // of the last flight, for the callers that waited on it
};

class token_cache {
public:
    // The slot for this key, made on first use; it lives as long as the cache.
    token_slot& slot(std::string_view origin, std::string_view client_id, std::string_view scopes);

    // A copy of the client's DPoP state, and an update of it.
    dpop_state dpop(std::string_view origin, std::string_view client_id) const;
    void remember_dpop(std::string_view origin, std::string_view client_id, const dpop_state& state);

    // The process's ephemeral DPoP key, made on first use. Never an
    // assertion key: it is generated here and nowhere else.
    const signing_key& dpop_key();

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::unique_ptr<token_slot>, std::less<>> slots_;
    std::map<std::string, dpop_state, std::less<>> dpop_;
    std::once_flag dpop_key_made_;
    std::optional<signing_key> dpop_key_;
};

// When a token of `lifetime` received now is refreshed: a fifth of its
// lifetime, at most a minute, before it expires.
std::chrono::steady_clock::duration refresh_lead(std::chrono::seconds lifetime);

// How long a DPoP nonce is used before it is dropped and asked for anew.
inline constexpr std::chrono::hours dpop_nonce_lifetime{22};

}  // namespace okta_plugin::okta
