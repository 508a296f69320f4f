// wfn-host's diagnostics on standard error: plugin log records, progress,
// warnings and the one-line error before a non-zero exit. Lines are plain
// text, or one JSON object per line with --log-format json.
#pragma once

#include <wfn/host.hpp>
#include <wfn/log_level.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wfn::cli {

enum class log_format { text, json };

// "trace" … "error" to the level, or nothing for an unknown name.
std::optional<log_level> parse_log_level(std::string_view name) noexcept;
// The level's name; "log" for a value outside the enum (a plugin may send any).
std::string_view log_level_name(log_level level) noexcept;
// "text" or "json" to the format, or nothing for an unknown name.
std::optional<log_format> parse_log_format(std::string_view name) noexcept;

// How every later line is written; text until set. Call before any thread
// that logs is started.
void use_log_format(log_format format) noexcept;

// Thread-safe writers; each call prints exactly one line.
void log_record_line(std::string_view source, const host::log_record& record);
void print_warning(std::string_view message);
void print_error(std::string_view message);

// Progress of one node call. On a terminal (text format) it is one line,
// redrawn in place, that log lines step around and end_progress() clears;
// otherwise each report is a line of its own. Thread-safe.
void print_progress(std::string_view source, const host::progress_report& report);
// Whether print_progress() redraws one terminal line (text format on a tty).
bool progress_redraws_in_place();
void end_progress();

}  // namespace wfn::cli
