// Reads one HTTP answer from Okta into an api_result. Pure protocol logic,
// apart from any I/O, so that every kind of answer can be tested directly.
#pragma once

#include "okta/api_result.hpp"
#include "okta/org_address.hpp"
#include "transport/wire.hpp"

namespace okta_plugin::okta {

enum class expected_body {
    user,       // a user object
    user_list,  // an array of users, maybe with a rel="next" Link
    user_page,  // the same, checked as text (user_page_scan.hpp): `body` stays
                // null, the caller keeps the text, `page_users` counts them
    nothing,    // 204, or any JSON body (a body that is not JSON is a bad response)
};

// The status, X-Okta-Request-Id, and then one of: Okta's error (errorCode,
// errorSummary and causes); the JSON body checked against `expected`; for
// lists and pages, the next page, which must be a /api/v1/users URL on `org`'s own
// origin. A redirect, a body that is not JSON or not the expected shape, and
// a next link elsewhere are 500s with our own error code.
api_result read_answer(const org_address& org, const transport::wire_response& response, expected_body expected);

// A 500 with one of error_codes, for failures that produced no answer.
api_result failed_call(std::string_view code, std::string message, std::string request_id = {});

}  // namespace okta_plugin::okta
