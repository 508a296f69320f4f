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
    object,       // one JSON object: a user, a group, a lifecycle answer
    object_list,  // an array of objects, maybe with a rel="next" Link
    object_page,  // the same, checked as text (user_page_scan.hpp): `body`
                  // stays null, the caller keeps the text, `page_users`
                  // counts the objects
    object_text,  // one JSON object, checked as text (user_page_scan.hpp):
                  // `body` stays null, the caller keeps the text
    object_or_nothing,  // a JSON object, or no body at all (a lifecycle
                        // answer: `body` stays null when there is none)
    nothing,      // 204 with no body
};

struct okta_request {
    request_kind kind = request_kind::read;
    wire::method verb = wire::method::get;
    std::string target;
    // JSON text; in wiping storage since it may carry a password.
    wire::wiping_string body;
    rate_bucket bucket = rate_bucket::user_read;
    expected_body expected = expected_body::object;
    // The answer carries a one-time secret (an activation URL, a temporary
    // password): it is parsed into wiping storage.
    bool answer_holds_secret = false;
};

}  // namespace okta_plugin::okta
