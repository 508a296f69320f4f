#include "okta/protocol/org_address.hpp"

#include "wire/ascii.hpp"
#include "wire/transport_error.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <array>
#include <charconv>
#include <optional>

namespace okta_plugin::okta {
namespace {

constexpr std::string_view example = "such as https://dev-123456.okta.com";

[[noreturn]] void refuse(const std::string& why) { throw invalid_setting("Domain " + why); }

std::string host_of(const boost::urls::url_view& url) {
    // host_address() drops IPv6 brackets; names are compared case-insensitively.
    return wire::ascii_lowered(url.host_address());
}

// The port as written, 1 to 65535; nothing when it is out of range. Boost.URL's
// port_number() keeps only the low 16 bits, so 99847 would read as 34311.
std::optional<std::uint16_t> port_of(const boost::urls::url_view& url) {
    if (!url.has_port()) {
        return std::uint16_t{443};
    }
    const std::string_view text = url.port();
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value == 0 || value > 65535) {
        return std::nullopt;
    }
    return static_cast<std::uint16_t>(value);
}

}  // namespace

org_address parse_org_domain(std::string_view domain) {
    if (domain.empty()) {
        refuse("is empty: set it to your Okta org URL, " + std::string(example) + ".");
    }
    for (unsigned char c : domain) {
        if (c < 0x20 || c == 0x7f || c == ' ') {
            refuse("contains a space or a control character (such as CR or LF); give only the org URL, " +
                   std::string(example) + ".");
        }
    }
    auto parsed = boost::urls::parse_uri(domain);
    if (!parsed) {
        refuse("is not a URL; give the org URL with https://, " + std::string(example) + ".");
    }
    const boost::urls::url_view& url = *parsed;
    if (wire::ascii_lowered(url.scheme()) != "https") {
        refuse("must start with https:// (the token is never sent unencrypted), " + std::string(example) + ".");
    }
    if (url.has_userinfo()) {
        refuse("must not contain a user name or password (user:password@); put the token in ApiToken.");
    }
    if (url.host_type() == boost::urls::host_type::none || url.encoded_host().empty() ||
        url.host_type() == boost::urls::host_type::ipvfuture) {
        refuse("has no host name, " + std::string(example) + ".");
    }
    const auto port = port_of(url);
    if (!port) {
        refuse("has an invalid port; leave the port out or give one from 1 to 65535.");
    }
    if (!url.encoded_path().empty() && url.encoded_path() != "/") {
        refuse("must be only the org URL, without a path (such as /api/v1 or /admin), " + std::string(example) +
               ".");
    }
    if (url.has_query() || url.has_fragment()) {
        refuse("must be only the org URL, without a query (?...) or fragment (#...), " + std::string(example) +
               ".");
    }
    // Checked on the encoded form: the decoded host could hide CR LF ("dev%0d%0a.okta.com").
    if (url.host_type() == boost::urls::host_type::name && url.encoded_host().find('%') != std::string_view::npos) {
        refuse("has a percent-encoded host name; give the host as it is, " + std::string(example) + ".");
    }
    const std::string host = host_of(url);
    static constexpr std::array<std::string_view, 3> okta_suffixes{".okta.com", ".oktapreview.com", ".okta-emea.com"};
    for (std::string_view suffix : okta_suffixes) {
        const std::string admin_suffix = "-admin" + std::string(suffix);
        if (std::string_view(host).ends_with(admin_suffix)) {
            refuse("is the Admin Console address; use the org URL without -admin, such as https://" +
                   host.substr(0, host.size() - admin_suffix.size()) + std::string(suffix) + ".");
        }
    }

    org_address org;
    org.host = host;
    org.port = *port;
    org.origin = "https://" + wire::bracketed_host(host);
    if (org.port != 443) {
        org.origin += ":" + std::to_string(org.port);
    }
    return org;
}

bool same_origin(const org_address& org, std::string_view candidate) {
    auto parsed = boost::urls::parse_uri(candidate);
    if (!parsed) {
        return false;
    }
    const boost::urls::url_view& url = *parsed;
    return wire::ascii_lowered(url.scheme()) == "https" && !url.has_userinfo() && host_of(url) == org.host &&
           port_of(url) == std::optional(org.port);
}

}  // namespace okta_plugin::okta

