// One request to Okta, described before it is sent: what it is (its kind
// decides whether it may be sent again), where it goes, how Okta counts it,
// and what a good answer holds.
#pragma once

#include "okta/protocol/rate_limit.hpp"
#include "okta/protocol/resend_policy.hpp"
#include "wire/http_message.hpp"

#include <string>

namespace okta_plugin::okta {

enum class expected_body {
    user,       // a user object
    user_list,  // an array of users, maybe with a rel="next" Link
    user_page,  // the same, checked as text (user_page_scan.hpp): `body` stays
                // null, the caller keeps the text, `page_users` counts them
    nothing,    // 204 with no body
};

struct okta_request {
    request_kind kind = request_kind::read;
    wire::method verb = wire::method::get;
    std::string target;
    // JSON text; in wiping storage since it may carry a password.
    wire::wiping_string body;
    rate_bucket bucket = rate_bucket::user_read;
    expected_body expected = expected_body::user;
};

}  // namespace okta_plugin::okta
