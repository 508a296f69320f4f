// wfn-host's diagnostics on standard error: plugin log lines, warnings and
// the one-line error before a non-zero exit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wfn::cli {

// "trace" … "error" to WFN_LOG_*, or nothing for an unknown name.
std::optional<std::int32_t> parse_log_level(std::string_view name) noexcept;
std::string_view log_level_name(std::int32_t level) noexcept;

// Thread-safe writers; each call prints exactly one line.
void log_line(std::string_view source, std::int32_t level, std::string_view message);
void print_warning(std::string_view message);
void print_error(std::string_view message);

}  // namespace wfn::cli
