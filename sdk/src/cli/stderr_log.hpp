// wfn-host's diagnostics on standard error: plugin log lines, warnings and
// the one-line error before a non-zero exit.
#pragma once

#include <wfn/log_level.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wfn::cli {

// "trace" … "error" to the level, or nothing for an unknown name.
std::optional<log_level> parse_log_level(std::string_view name) noexcept;
// The level's name; "log" for a value outside the enum (a plugin may send any).
std::string_view log_level_name(log_level level) noexcept;

// Thread-safe writers; each call prints exactly one line.
void log_line(std::string_view source, log_level level, std::string_view message);
void print_warning(std::string_view message);
void print_error(std::string_view message);

}  // namespace wfn::cli
