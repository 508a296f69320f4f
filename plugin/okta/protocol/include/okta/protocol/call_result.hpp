// The outcome of one Okta call: either Okta's successful answer or a typed
// failure, never both (boost::system::result).
#pragma once

#include <boost/json/value.hpp>
#include <boost/system/result.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace okta_plugin::okta {

struct answer {
    int status = 200;
    // X-Okta-Request-Id of the last answer.
    std::string request_id;
    // The JSON body (null for 204, and for a page read as text).
    boost::json::value body;
    // Okta's Date, as UTC epoch seconds, when it sent one.
    std::optional<std::int64_t> server_date;
    // Target (path and query) of the rel="next" page, checked to be on the
    // org's origin; empty on the last page.
    std::string next_page;
    // The next page's after cursor; empty on the last page.
    std::string next_cursor;
    // A body checked as text instead of parsed, as Okta sent it: a list page
    // (expected_body::object_page) or one object (object_text); and how
    // many users a page holds.
    std::string page_text;
    std::size_t page_users = 0;
    // The request's own answer was lost or refused, and the change was found
    // done by reading Okta's state afterwards.
    bool reconciled = false;
};

struct call_failure {
    // Okta's final HTTP status, or 500 when no usable answer arrived.
    int status = 500;
    // Okta's errorCode, or one of error_codes.
    std::string code;
    // Never empty; never contains a secret.
    std::string message;
    std::string request_id;
    // Whether running the same node again later may well succeed (429,
    // 500/502/503/504, a lost connection, a timeout): the engine's cue.
    bool retryable = false;
    // The request was sent and may have taken effect (no answer, a 5xx that
    // may have come after the work, a 2xx too garbled to read).
    bool outcome_unknown = false;
    // For a 429: X-Rate-Limit-Reset, UTC epoch seconds, when Okta sent it.
    std::optional<std::int64_t> rate_limit_reset;
    // Attempts made before giving up (more than one: it was resent).
    int attempts = 1;
};

// boost::system::result<T, call_failure>::value() throws this on a failure.
class call_failed : public std::runtime_error {
public:
    explicit call_failed(const call_failure& failure) : std::runtime_error(failure.message) {}
};

[[noreturn]] inline void throw_exception_from_error(const call_failure& failure, const boost::source_location&) {
    throw call_failed(failure);
}

template <class T>
using result = boost::system::result<T, call_failure>;

using call_result = result<answer>;

// A 500 with one of error_codes, for failures that produced no answer.
call_failure no_answer(std::string_view code, std::string message, std::string request_id = {});

}  // namespace okta_plugin::okta
