// The bytes of one HTTP/1.1 request, built without I/O: the request line,
// Host, the request's own fields, Content-Length when there is a body (or a
// POST or PUT, which Okta wants framed even when empty), then the body.
// Built in wiping storage, since it carries the Authorization header and
// any password in the body.
#pragma once

#include "wire/http_message.hpp"
#include "wire/secret_text.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace okta_plugin::transport {

// Appends the request to `out` (cleared first, its capacity kept). Returns
// why it cannot be sent when a field name, a value or the target could
// split the message (CR, LF, NUL, or a name that is not an HTTP token);
// the reason names the field, never its value.
std::optional<std::string> write_request_text(const wire::request& request, std::string_view host_field,
                                              wire::wiping_string& out);

}  // namespace okta_plugin::transport
