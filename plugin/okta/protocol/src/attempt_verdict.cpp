#include "okta/protocol/attempt_verdict.hpp"

#include "okta/protocol/answer_reader.hpp"
#include "okta/protocol/error_codes.hpp"
#include "okta/protocol/json_body.hpp"
#include "okta/protocol/retry_rules.hpp"

namespace okta_plugin::okta {
namespace {

void mark_unknown_outcome(call_failure& failure, request_kind kind, attempt_effect effect) {
    failure.outcome_unknown = leaves_outcome_unknown(kind, effect);
    if (failure.outcome_unknown) {
        failure.message += unknown_outcome_note(kind);
    }
}

}  // namespace

std::string_view error_code_for(wire::failure kind) noexcept {
    using wire::failure;
    switch (kind) {
        case failure::dns: return error_codes::dns_failed;
        case failure::connect: return error_codes::connect_failed;
        case failure::tls_verify: return error_codes::tls_verify_failed;
        case failure::tls_handshake: return error_codes::tls_handshake_failed;
        case failure::timeout: return error_codes::transport_timeout;
        case failure::cancelled: return error_codes::cancelled;
        case failure::connection_closed: return error_codes::connection_closed;
        case failure::bad_response: return error_codes::bad_response;
        case failure::too_large: return error_codes::response_too_large;
        case failure::bad_trust_anchor: return error_codes::bad_ca_certificate;
    }
    return error_codes::bad_response;
}

std::string unknown_outcome_note(request_kind kind) {
    const std::string sent = " The " + std::string(kind_name(kind)) + " was sent, so Okta may have carried it out: ";
    if (kind == request_kind::remove || kind == request_kind::transition) {
        return sent + "check the user's status before running this node again.";
    }
    return sent + "check whether the user exists before running this node again.";
}

verdict judge_answer(const org_address& org, const okta_request& request, const wire::response& response,
                     const rate_limit_headers& limits, std::chrono::system_clock::time_point now) {
    const std::string_view target = request.target;
    call_result read = read_answer(org, response, request.expected, target.substr(0, target.find('?')),
                                   request.answer_holds_secret ? wiping_json_storage() : boost::json::storage_ptr());
    if (read) {
        return verdict{std::move(read), attempt_effect::none, remedy::none, std::nullopt};
    }
    call_failure failure = read.error();
    if (response.status == 429) {
        // Okta did not carry a 429 out, whatever the method.
        failure.retryable = true;
        failure.rate_limit_reset = limits.reset_epoch;
        return verdict{std::move(failure), attempt_effect::none, remedy::wait_for_reset, time_until_reset(limits, now)};
    }
    const bool garbled_success = response.status >= 200 && response.status < 300;
    if (!garbled_success && !is_retryable_status(response.status)) {
        return verdict{std::move(failure), attempt_effect::none, remedy::none, std::nullopt};
    }
    failure.retryable = !garbled_success;
    mark_unknown_outcome(failure, request.kind, attempt_effect::unknown);
    return verdict{std::move(failure), attempt_effect::unknown, garbled_success ? remedy::none : remedy::back_off,
                   std::nullopt};
}

verdict judge_failure(const okta_request& request, const wire::transport_error& error, bool time_left) {
    call_failure failure = no_answer(error_code_for(error.kind()), error.what());
    const attempt_effect effect = error.nothing_sent() ? attempt_effect::none : attempt_effect::unknown;
    // A timeout at the deadline is worth another run of the node, but not
    // another try within this call.
    failure.retryable = is_transient_failure(error.kind(), true);
    mark_unknown_outcome(failure, request.kind, effect);
    const remedy next = is_transient_failure(error.kind(), time_left) ? remedy::back_off : remedy::none;
    return verdict{std::move(failure), effect, next, std::nullopt};
}

}  // namespace okta_plugin::okta
