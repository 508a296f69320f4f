#include "okta/protocol/rate_limit.hpp"

#include <algorithm>
#include <array>
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

namespace {

// Days from 1970-01-01 to the given proleptic Gregorian date (Howard
// Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

bool is_leap(std::int64_t year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(std::int64_t year, unsigned month) noexcept {
    constexpr std::array<unsigned, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

constexpr std::array<std::string_view, 7> day_names{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> month_names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

template <std::size_t N>
std::optional<std::size_t> index_of(const std::array<std::string_view, N>& names, std::string_view name) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == name) {
            return i;
        }
    }
    return std::nullopt;
}

// `count` decimal digits at `text[at]`, or nothing.
std::optional<unsigned> digits_at(std::string_view text, std::size_t at, std::size_t count) noexcept {
    unsigned value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return value;
}

}  // namespace

// Read by hand rather than with strptime: every answer carries a Date, and
// strptime's locale-aware matching is slow for one fixed format.
std::optional<std::int64_t> parse_http_date(std::string_view text) {
    // "Sun, 06 Nov 1994 08:49:37 GMT": every field at a fixed place.
    if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' ||
        text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
        return std::nullopt;
    }
    const auto day_name = index_of(day_names, text.substr(0, 3));
    const auto month_name = index_of(month_names, text.substr(8, 3));
    if (!day_name || !month_name) {
        return std::nullopt;
    }
    const auto day = digits_at(text, 5, 2);
    const auto year = digits_at(text, 12, 4);
    const auto hour = digits_at(text, 17, 2);
    const auto minute = digits_at(text, 20, 2);
    const auto second = digits_at(text, 23, 2);
    const auto month = static_cast<unsigned>(*month_name + 1);
    // A leap second (60) is allowed, as strptime allows it.
    if (!day || !year || !hour || !minute || !second || *day == 0 || *day > days_in_month(*year, month) ||
        *hour > 23 || *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    return days_from_civil(*year, month, *day) * 86400 + *hour * 3600 + *minute * 60 + *second;
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
