// The output envelope, in one place for the plugin helpers, the host and
// wfn-host: every node output is a JSON object with an integer StatusCode
// and a string ErrorMessage. Building it, mending an output that lost it,
// checking it on text (envelope_scan.hpp) and reading success from it all
// live here. Header-only: the plugin helpers are linked into each plugin.
// Pure functions: callable from any thread.
#pragma once

#include "envelope_scan.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace wfn::detail {

inline constexpr std::string_view status_code_key = "StatusCode";
inline constexpr std::string_view error_message_key = "ErrorMessage";
// What an output that lost its StatusCode answers instead.
inline constexpr std::int64_t envelope_fault_status = 500;

// {"StatusCode": status_code, "ErrorMessage": error_message}.
inline boost::json::object make_envelope(std::int64_t status_code, std::string_view error_message) {
    boost::json::object output;
    output[status_code_key] = status_code;
    output[error_message_key] = error_message;
    return output;
}

// Makes `output` keep the envelope. A missing or non-integer StatusCode
// becomes 500 with the ErrorMessage `fault_message()` names (called only
// then, so the happy path builds no text); a missing or non-string
// ErrorMessage becomes "". The node's other members are kept.
template <class FaultMessage>
void mend_envelope(boost::json::object& output, FaultMessage&& fault_message) {
    const auto* status = output.if_contains(status_code_key);
    if (status == nullptr || !status->is_int64()) {
        output[status_code_key] = envelope_fault_status;
        output[error_message_key] = std::forward<FaultMessage>(fault_message)();
        return;
    }
    const auto* message = output.if_contains(error_message_key);
    if (message == nullptr || !message->is_string()) {
        output[error_message_key] = "";
    }
}

// True when `output` is an object whose StatusCode is 200-299.
inline bool envelope_succeeded(const boost::json::value& output) noexcept {
    if (!output.is_object()) {
        return false;
    }
    const auto* status = output.get_object().if_contains(status_code_key);
    return status != nullptr && status->is_int64() && status->get_int64() >= 200 && status->get_int64() <= 299;
}

}  // namespace wfn::detail
