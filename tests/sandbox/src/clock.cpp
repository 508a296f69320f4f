#include "clock.hpp"

#include <array>
#include <cstdio>
#include <ctime>

namespace okta_sandbox {
namespace {

std::tm utc_fields(std::time_t seconds) {
  std::tm fields{};
  gmtime_r(&seconds, &fields);
  return fields;
}

}  // namespace

std::int64_t epoch_seconds(wall_clock::time_point when) {
  return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

std::string iso8601_millis(wall_clock::time_point when) {
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
  const std::tm fields = utc_fields(static_cast<std::time_t>(millis / 1000));
  std::array<char, 96> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", fields.tm_year + 1900,
                fields.tm_mon + 1, fields.tm_mday, fields.tm_hour, fields.tm_min, fields.tm_sec,
                static_cast<int>(millis % 1000));
  return text.data();
}

std::string http_date(wall_clock::time_point when) {
  // Spelled out rather than strftime("%a") so the process locale cannot change it.
  static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::tm fields = utc_fields(static_cast<std::time_t>(epoch_seconds(when)));
  std::array<char, 96> text{};
  std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                days.at(static_cast<std::size_t>(fields.tm_wday)), fields.tm_mday,
                months.at(static_cast<std::size_t>(fields.tm_mon)), fields.tm_year + 1900, fields.tm_hour,
                fields.tm_min, fields.tm_sec);
  return text.data();
}

}  // namespace okta_sandbox
