#include "stderr_log.hpp"

#include <wfn/abi.h>

#include <array>
#include <iostream>
#include <mutex>

namespace wfn::cli {
namespace {

constexpr std::array<std::string_view, 5> level_names{"trace", "debug", "info", "warn", "error"};

// Lines from concurrent forEach items must not interleave mid-line.
std::mutex& stderr_mutex() {
    static std::mutex mutex;
    return mutex;
}

void print_line(const std::string& line) {
    const std::lock_guard lock(stderr_mutex());
    std::cerr << line << '\n' << std::flush;
}

}  // namespace

std::optional<log_level> parse_log_level(std::string_view name) noexcept {
    for (std::size_t index = 0; index < level_names.size(); ++index) {
        if (level_names[index] == name) {
            return static_cast<log_level>(WFN_LOG_TRACE + static_cast<std::int32_t>(index));
        }
    }
    return std::nullopt;
}

std::string_view log_level_name(log_level level) noexcept {
    const auto value = static_cast<std::int32_t>(level);
    return value >= WFN_LOG_TRACE && value <= WFN_LOG_ERROR ? level_names[static_cast<std::size_t>(value - WFN_LOG_TRACE)]
                                                           : "log";
}

void log_line(std::string_view source, log_level level, std::string_view message) {
    print_line("wfn-host: [" + std::string(log_level_name(level)) + "] " + std::string(source) + ": " +
               std::string(message));
}

void print_warning(std::string_view message) { print_line("wfn-host: warning: " + std::string(message)); }

void print_error(std::string_view message) { print_line("wfn-host: error: " + std::string(message)); }

}  // namespace wfn::cli
