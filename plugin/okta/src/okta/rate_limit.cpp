#include "okta/rate_limit.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>

namespace okta_plugin::okta {
namespace {

std::optional<std::int64_t> integer_header(const transport::wire_response& response, std::string_view name) {
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

rate_limit_headers read_rate_limit_headers(const transport::wire_response& response) {
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
    // Whole seconds in int64 cannot overflow, whatever the server sends; the
    // cap keeps the later conversions (to milliseconds, to a steady_clock time
    // point) in range too.
    // Both are clamped to >= 0 (a Date before 1970 is nonsense), so the
    // difference below always fits.
    const std::int64_t now_seconds = std::max<std::int64_t>(
        0, headers.server_date ? *headers.server_date
                               : std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
    const std::int64_t reset = std::max<std::int64_t>(0, *headers.reset_epoch);
    if (reset <= now_seconds) {
        return milliseconds(0);
    }
    if (reset - now_seconds >= max_reset_wait.count()) {
        return std::chrono::duration_cast<milliseconds>(max_reset_wait);
    }
    if (headers.server_date) {
        return std::chrono::duration_cast<milliseconds>(std::chrono::seconds(reset - now_seconds));
    }
    // Without a server clock, keep the sub-second part of the local one.
    return std::chrono::duration_cast<milliseconds>(std::chrono::seconds(reset) - now.time_since_epoch());
}

void rate_pacer::record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers) {
    const auto key = std::make_pair(origin, bucket);
    std::lock_guard lock(mutex_);
    if (headers.remaining && *headers.remaining == 0) {
        if (auto wait = time_until_reset(headers, std::chrono::system_clock::now())) {
            closed_[key] = clock::now() + *wait;
            return;
        }
    }
    if (headers.remaining) {
        closed_.erase(key);
    }
}

std::optional<rate_pacer::clock::time_point> rate_pacer::closed_until(const std::string& origin, rate_bucket bucket) {
    std::lock_guard lock(mutex_);
    auto found = closed_.find(std::make_pair(origin, bucket));
    if (found == closed_.end()) {
        return std::nullopt;
    }
    if (found->second <= clock::now()) {
        closed_.erase(found);
        return std::nullopt;
    }
    return found->second;
}

}  // namespace okta_plugin::okta
