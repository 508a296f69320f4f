// Which requests may be sent again after a failure: a named policy per kind
// of request, not a branch in the retry loop.
#pragma once

#include <string_view>

namespace okta_plugin::okta {

enum class request_kind {
    read,            // GET: no effect at all
    partial_update,  // POST /users/{id}: sets the fields sent, so twice is once
    create,          // POST /users: a second one could make a second user
    remove,          // DELETE: a second one deletes what the first deactivated
    transition,      // a lifecycle POST: a second one meets the new status
                     // and is refused, or mints a second token
    membership,      // PUT or DELETE of a group member: twice is once
};

// What is known of a failed attempt's effect on Okta.
enum class attempt_effect {
    // Certainly not carried out: a 429, or not a byte of it was sent.
    none,
    // Perhaps carried out: sent, and then no answer, a 5xx (a proxy may
    // answer after Okta did the work) or a 2xx too garbled to read.
    unknown,
};

// Idempotent kinds may be resent whatever happened; the others only when
// the attempt certainly had no effect.
constexpr bool is_idempotent(request_kind kind) noexcept {
    return kind == request_kind::read || kind == request_kind::partial_update || kind == request_kind::membership;
}

constexpr bool may_resend(request_kind kind, attempt_effect effect) noexcept {
    return effect == attempt_effect::none || is_idempotent(kind);
}

// After an attempt of `kind` with `effect`, is the call's outcome unknown
// to the workflow? Never for an idempotent kind: running it again is safe.
constexpr bool leaves_outcome_unknown(request_kind kind, attempt_effect effect) noexcept {
    return effect == attempt_effect::unknown && !is_idempotent(kind);
}

std::string_view kind_name(request_kind kind) noexcept;

}  // namespace okta_plugin::okta
