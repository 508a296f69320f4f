#pragma once
// Identifiers shaped like the ones Okta hands out.
#include <string>

namespace okta_sandbox {

// "00u" followed by 17 letters and digits: 20 characters, like Okta user ids.
std::string new_user_id();

// Unique per process run; goes into X-Okta-Request-Id.
std::string new_request_id();

// The errorId of an Okta error body ("oae" followed by 22 characters).
std::string new_error_id();

// A random token of the given length drawn from letters and digits.
std::string random_alphanumeric(std::size_t length);

}  // namespace okta_sandbox
