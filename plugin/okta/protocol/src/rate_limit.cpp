#include "okta/protocol/rate_limit.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>

namespace okta_plugin::okta {
namespace {

std::optional<std::int64_t> integer_header(const wire::response& response, std::string_view name) {
    auto text = response.value(name);
    if (!text) {
        return std::nullopt;
    }
    std::string_view digits = *text;
    while (!digits.empty() && digits.front() == ' ') {
        digits.remove_prefix(1);
    }
    while (!digits.empty() && digits.back() == ' ') {
        digits.remove_suffix(1);
    }
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc{} || end != digits.data() + digits.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::optional<std::int64_t> parse_http_date(std::string_view text) {
    std::tm parts{};
    const std::string copy(text);
    const char* end = strptime(copy.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
    if (end == nullptr || *end != '\0') {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(timegm(&parts));
}

std::string format_utc(std::int64_t epoch_seconds) {
    const auto seconds = static_cast<std::time_t>(epoch_seconds);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    const auto length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return std::string(text, length);
}

std::optional<std::int64_t> parse_utc_millis(std::string_view text) {
    // "2026-11-22T20:45:10Z", or with milliseconds, "2026-11-22T20:45:10.123Z".
    if (text.size() < 20 || text.back() != 'Z') {
        return std::nullopt;
    }
    std::tm parts{};
    const std::string whole(text.substr(0, 19));
    const char* end = strptime(whole.c_str(), "%Y-%m-%dT%H:%M:%S", &parts);
    if (end == nullptr || *end != '\0') {
        return std::nullopt;
    }
    int millis = 0;
    const std::string_view fraction = text.substr(19, text.size() - 20);
    if (!fraction.empty()) {
        const auto [stop, error] = std::from_chars(fraction.data() + 1, fraction.data() + fraction.size(), millis);
        if (fraction.size() != 4 || fraction[0] != '.' || error != std::errc{} || stop != fraction.data() + 4) {
            return std::nullopt;
        }
    }
    return static_cast<std::int64_t>(timegm(&parts)) * 1000 + millis;
}

rate_limit_headers read_rate_limit_headers(const wire::response& response) {
    rate_limit_headers headers;
    headers.limit = integer_header(response, "X-Rate-Limit-Limit");
    headers.remaining = integer_header(response, "X-Rate-Limit-Remaining");
    headers.reset_epoch = integer_header(response, "X-Rate-Limit-Reset");
    if (auto date = response.value("Date")) {
        headers.server_date = parse_http_date(*date);
    }
    return headers;
}

std::optional<std::chrono::milliseconds> time_until_reset(const rate_limit_headers& headers,
                                                          std::chrono::system_clock::time_point now) {
    using std::chrono::milliseconds;
    if (!headers.reset_epoch) {
        return std::nullopt;
    }
    // Whole seconds in int64, each clamped to >= 0 (a time before 1970 is
    // nonsense) and to max_reset_wait, so nothing below can overflow.
    const std::int64_t reset = std::max<std::int64_t>(0, *headers.reset_epoch);
    const auto local_seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const std::int64_t cap = max_reset_wait.count();
    // The server's own Date measures the reset, whatever our clock says,
    // as long as that gives a wait a window can have. A Date far off (a day
    // ahead or behind) is the server's mistake: then our clock measures it.
    if (headers.server_date) {
        const std::int64_t date = std::max<std::int64_t>(0, *headers.server_date);
        if (reset <= date) {
            return milliseconds(0);
        }
        if (reset - date <= cap) {
            // Date has whole seconds: counting from it would wake up to a
            // second late, every window. When the local clock falls inside
            // the second the server stamped, keep its sub-second part.
            if (local_seconds == date) {
                return std::chrono::ceil<milliseconds>(std::chrono::seconds(reset) - now.time_since_epoch());
            }
            return std::chrono::duration_cast<milliseconds>(std::chrono::seconds(reset - date));
        }
    }
    if (reset <= local_seconds) {
        return milliseconds(0);
    }
    if (reset - local_seconds > cap) {
        return std::chrono::duration_cast<milliseconds>(max_reset_wait);
    }
    return std::chrono::ceil<milliseconds>(std::chrono::seconds(reset) - now.time_since_epoch());
}

}  // namespace okta_plugin::okta
