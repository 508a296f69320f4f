// The Okta org a credential points at, parsed from its Domain value.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

// A credential value that cannot be used. The message names the field and
// never quotes a secret.
class invalid_setting : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

struct org_address {
    // "https://dev-123456.okta.com" or "https://localhost:8443": the only
    // origin the token is ever sent to.
    std::string origin;
    // Lower-case DNS name or IP address, without IPv6 brackets.
    std::string host;
    std::uint16_t port = 443;
};

// Parses Domain: https:// only; a host (custom domain, *.okta.com,
// *.oktapreview.com, *.okta-emea.com, ...) with an optional port; at most a
// trailing "/"; no user:password@, path, query or fragment; not the -admin
// console address. Throws invalid_setting naming Domain.
org_address parse_org_domain(std::string_view domain);

// True when `url` is an absolute https URL on exactly `org`'s origin.
bool same_origin(const org_address& org, std::string_view url);

}  // namespace okta_plugin::okta
