// The plugin's own ErrorCode values, for failures where Okta gave no usable
// answer. Okta's own codes (E0000001, ...) never start with WFN_.
#pragma once

#include <array>
#include <string_view>

namespace okta_plugin::okta::error_codes {

inline constexpr std::string_view transport_timeout = "WFN_TRANSPORT_TIMEOUT";
inline constexpr std::string_view cancelled = "WFN_CANCELLED";
inline constexpr std::string_view dns_failed = "WFN_DNS_FAILED";
inline constexpr std::string_view connect_failed = "WFN_CONNECT_FAILED";
inline constexpr std::string_view tls_verify_failed = "WFN_TLS_VERIFY_FAILED";
inline constexpr std::string_view tls_handshake_failed = "WFN_TLS_HANDSHAKE_FAILED";
inline constexpr std::string_view connection_closed = "WFN_CONNECTION_CLOSED";
inline constexpr std::string_view bad_response = "WFN_BAD_RESPONSE";
inline constexpr std::string_view response_too_large = "WFN_RESPONSE_TOO_LARGE";
inline constexpr std::string_view redirect_refused = "WFN_REDIRECT_REFUSED";
inline constexpr std::string_view foreign_link = "WFN_FOREIGN_LINK";
inline constexpr std::string_view bad_ca_certificate = "WFN_BAD_CA_CERTIFICATE";

// Every code above, for documentation checks.
inline constexpr std::array<std::string_view, 12> all{
    transport_timeout, cancelled,    dns_failed,         connect_failed,   tls_verify_failed, tls_handshake_failed,
    connection_closed, bad_response, response_too_large, redirect_refused, foreign_link,      bad_ca_certificate};

// Only the group membership nodes answer it: a GroupName that more than one
// group has (StatusCode 409; nothing was changed).
inline constexpr std::string_view group_name_ambiguous = "WFN_GROUP_NAME_AMBIGUOUS";

}  // namespace okta_plugin::okta::error_codes

// Okta's own codes that the client itself answers with, where its rules
// stand in for Okta's (a login filter that finds nobody is Okta's 404; a
// reconciliation that finds someone else's user is Okta's duplicate login).
namespace okta_plugin::okta::okta_codes {

inline constexpr std::string_view api_validation_failed = "E0000001";
inline constexpr std::string_view not_found = "E0000007";

}  // namespace okta_plugin::okta::okta_codes
