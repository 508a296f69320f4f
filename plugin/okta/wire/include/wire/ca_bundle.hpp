// Checks an extra trust anchor (the CaCertificate credential) before use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace okta_plugin::wire {

// Empty when `pem` holds one or more PEM certificates and nothing else;
// otherwise why it cannot be used, in one sentence.
std::optional<std::string> ca_bundle_problem(std::string_view pem);

}  // namespace okta_plugin::wire
