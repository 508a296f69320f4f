// The outcome of one Users API call, whatever happened: Okta's answer, Okta's
// error, or a failure to get an answer at all.
#pragma once

#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace okta_plugin::okta {

struct api_result {
    // Okta's final HTTP status, or 500 when no usable answer arrived.
    int status = 0;
    // Okta's errorCode, or one of error_codes; empty on success.
    std::string error_code;
    // Empty on success; never contains a secret.
    std::string error_message;
    // X-Okta-Request-Id of the last answer.
    std::string request_id;
    // The JSON body of a successful answer (null for 204).
    boost::json::value body;
    // Target (path and query) of the rel="next" page, checked to be on the
    // org's origin; empty on the last page.
    std::string next_page;
    // The next page's after cursor; empty on the last page.
    std::string next_cursor;
    // A list page's JSON text as Okta sent it (expected_body::user_page only).
    std::string body_text;
    // How many users that page holds.
    std::size_t page_users = 0;
    // Whether running the same node again later may well succeed (429,
    // 500/502/503/504, a lost connection, a timeout): the engine's cue to
    // retry. False for success and for answers a rerun cannot change.
    bool retryable = false;
    // For a 429: X-Rate-Limit-Reset, UTC epoch seconds, when Okta sent it.
    std::optional<std::int64_t> rate_limit_reset;
    // The request was sent but its outcome is unknown (no answer, a 5xx that
    // may have come after the work was done, or a 2xx too garbled to read):
    // it may have taken effect.
    bool outcome_unknown = false;
    // A create whose answer was lost, found done by looking the login up.
    bool reconciled = false;

    bool succeeded() const noexcept { return status >= 200 && status < 300 && error_message.empty(); }
};

}  // namespace okta_plugin::okta
