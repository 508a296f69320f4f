#include "okta/protocol/rate_budget_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <charconv>
#include <string>

namespace okta_plugin::okta {
namespace {

constexpr std::size_t max_url_length = 2048;
constexpr std::int64_t max_database = 1'000'000;

[[noreturn]] void refuse(const std::string& why) {
    throw invalid_setting("RateBudgetUrl " + why);
}

std::int64_t whole_number(std::string_view text, std::int64_t low, std::int64_t high, const std::string& what) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < low || value > high) {
        refuse("has " + what + " that is not a whole number from " + std::to_string(low) + " to " +
               std::to_string(high) + ".");
    }
    return value;
}

void read_options(const boost::urls::url_view& url, rate_budget_settings& settings) {
    for (const auto option : url.params()) {
        if (option.key == "max_in_flight") {
            settings.max_in_flight = whole_number(option.value, 1, 1000, "a max_in_flight");
        } else if (option.key == "lease_seconds") {
            settings.lease = std::chrono::seconds(whole_number(option.value, 1, 600, "a lease_seconds"));
        } else {
            refuse("has an unknown option \"" + std::string(option.key).substr(0, 40) +
                   "\": the options are max_in_flight and lease_seconds.");
        }
    }
}

}  // namespace

rate_budget_settings parse_rate_budget_url(std::string_view text) {
    if (text.size() > max_url_length) {
        refuse("is longer than " + std::to_string(max_url_length) + " characters.");
    }
    const auto parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed) {
        // The text may hold a password: say what is wrong, never quote it.
        refuse("is not a URL: use redis://[user:password@]host:port[/db] or rediss:// for TLS.");
    }
    const boost::urls::url_view url = *parsed;
    rate_budget_settings settings;
    const std::string scheme = url.scheme();
    if (scheme == "rediss") {
        settings.redis.tls = true;
    } else if (scheme != "redis") {
        refuse("must start with redis:// or rediss:// (TLS).");
    }
    if (!url.has_authority() || url.host().empty()) {
        refuse("names no host: use redis://host:port.");
    }
    if (url.has_fragment()) {
        refuse("must not have a #fragment.");
    }
    settings.redis.host = url.host_address();  // IPv6 without its brackets
    if (url.has_port()) {
        settings.redis.port =
            static_cast<std::uint16_t>(whole_number(url.port(), 1, 65535, "a port"));
    }
    if (url.has_userinfo()) {
        settings.redis.user = url.user();
        if (url.has_password()) {
            settings.redis.password = wire::secret_text(url.password());
        }
        if (settings.redis.password.empty()) {
            refuse("has a user but no password: use redis://user:password@host:port.");
        }
    }
    const std::string_view path = url.encoded_path();
    if (!path.empty() && path != "/") {
        if (path.front() != '/' || path.find('/', 1) != std::string_view::npos) {
            refuse("has a path that is not a database number: use redis://host:port/0.");
        }
        settings.redis.database = static_cast<int>(whole_number(path.substr(1), 0, max_database, "a database"));
    }
    read_options(url, settings);
    return settings;
}

}  // namespace okta_plugin::okta
