// Reads one HTTP answer from Okta into a call_result. Pure protocol logic,
// apart from any I/O, so that every kind of answer can be tested directly.
#pragma once

#include "okta/protocol/call_result.hpp"
#include "okta/protocol/okta_request.hpp"
#include "okta/protocol/org_address.hpp"
#include "okta/protocol/user_targets.hpp"
#include "wire/http_message.hpp"

#include <boost/json/storage_ptr.hpp>

namespace okta_plugin::okta {

// The status, X-Okta-Request-Id and Date, and then one of: Okta's error
// (errorCode, errorSummary and causes); the body checked against
// `expected`; for lists and pages, the next page, which must be a page of
// `list_path` (the collection listed) on `org`'s own origin. A redirect, a status outside
// 200-599, a body that is not JSON or not the expected shape (a DELETE's
// answer is 204 with no body), and a next link elsewhere are 500s with our
// own error code. A JSON body is parsed into `storage`.
call_result read_answer(const org_address& org, const wire::response& response, expected_body expected,
                        std::string_view list_path = users_path, const boost::json::storage_ptr& storage = {});

}  // namespace okta_plugin::okta
