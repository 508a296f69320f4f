// What one attempt of a request came to, and what may be done about it:
// answer now, back off and resend, or wait for the rate-limit reset and
// resend. Pure: the pipeline does the waiting and the sending.
#pragma once

#include "okta/protocol/call_result.hpp"
#include "okta/protocol/okta_request.hpp"
#include "okta/protocol/org_address.hpp"
#include "okta/protocol/rate_limit.hpp"
#include "wire/http_message.hpp"
#include "wire/transport_error.hpp"

#include <chrono>
#include <optional>

namespace okta_plugin::okta {

enum class remedy {
    none,            // final: answer it
    back_off,        // transient: resend after a full-jitter backoff
    wait_for_reset,  // a 429: resend once the window resets
};

struct verdict {
    call_result result;  // what the call answers if nothing more is done
    attempt_effect effect = attempt_effect::none;
    remedy next = remedy::none;
    // For a 429 that said when its window resets.
    std::optional<std::chrono::milliseconds> reset_wait;
};

// An answer arrived. `now` is the local wall clock, for the reset time.
verdict judge_answer(const org_address& org, const okta_request& request, const wire::response& response,
                     const rate_limit_headers& limits, std::chrono::system_clock::time_point now);

// No complete answer arrived. `time_left`: the call's deadline has not passed.
verdict judge_failure(const okta_request& request, const wire::transport_error& error, bool time_left);

// The ErrorCode for a transport failure.
std::string_view error_code_for(wire::failure kind) noexcept;

// What a failure whose outcome is unknown adds to its message.
std::string unknown_outcome_note(request_kind kind);

}  // namespace okta_plugin::okta
