#include "stderr_log.hpp"

#include <wfn/abi.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <ctime>
#include <iostream>
#include <mutex>

#include <unistd.h>

namespace wfn::cli {
namespace {

constexpr std::array<std::string_view, 5> level_names{"trace", "debug", "info", "warn", "error"};

std::atomic<log_format> chosen_format{log_format::text};

// Lines from concurrent forEach items must not interleave mid-line, and a
// log line must not land in the middle of the terminal's progress line.
struct stderr_state {
    std::mutex mutex;
    std::string progress_line;  // shown on the terminal now, or empty
};

stderr_state& state() {
    static stderr_state instance;
    return instance;
}

bool stderr_is_terminal() {
    static const bool terminal = ::isatty(STDERR_FILENO) == 1;
    return terminal;
}

// "2026-12-03T12:34:56.789Z": what log shippers parse without a hint.
std::string utc_timestamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm parts{};
    ::gmtime_r(&seconds, &parts);
    char text[32];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(millis));
    return std::string(text, length) + fraction;
}

boost::json::object json_record(std::string_view level, std::string_view source, std::string_view message) {
    return {{"time", utc_timestamp()}, {"level", level}, {"source", source}, {"message", message}};
}

// Writes `line` (without its newline), keeping a terminal's progress line
// below it.
void print_line(const std::string& line) {
    stderr_state& shared = state();
    const std::lock_guard lock(shared.mutex);
    if (!shared.progress_line.empty()) {
        std::cerr << "\r\033[K";
    }
    std::cerr << line << '\n';
    if (!shared.progress_line.empty()) {
        std::cerr << shared.progress_line;
    }
    std::cerr << std::flush;
}

// `label` is the text form's word for `level`.
void print_own_line(log_level level, std::string_view label, std::string_view message) {
    if (chosen_format.load() == log_format::json) {
        print_line(boost::json::serialize(json_record(log_level_name(level), "wfn-host", message)));
    } else {
        print_line("wfn-host: " + std::string(label) + ": " + std::string(message));
    }
}

std::string progress_text(std::string_view source, const host::progress_report& report) {
    std::string text = std::string(source) + ": " + std::to_string(report.done);
    if (report.total) {
        text += " of " + std::to_string(*report.total);
    }
    text += " items";
    if (!report.status.empty()) {
        text += ", " + std::string(report.status);
    }
    return text;
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

std::optional<log_format> parse_log_format(std::string_view name) noexcept {
    if (name == "text") return log_format::text;
    if (name == "json") return log_format::json;
    return std::nullopt;
}

void use_log_format(log_format format) noexcept { chosen_format = format; }

void log_record_line(std::string_view source, const host::log_record& record) {
    const std::string_view level = log_level_name(record.level);
    if (chosen_format.load() == log_format::json) {
        boost::json::object line = json_record(level, source, record.message);
        if (!record.fields.empty()) {
            boost::json::object fields;
            for (const host::log_field& field : record.fields) {
                fields[field.key] = field.value;
            }
            line["fields"] = std::move(fields);
        }
        print_line(boost::json::serialize(line));
        return;
    }
    std::string line = "wfn-host: [" + std::string(level) + "] " + std::string(source) + ": " + std::string(record.message);
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        line.append(i == 0 ? " (" : ", ").append(record.fields[i].key).append("=").append(record.fields[i].value);
    }
    if (!record.fields.empty()) {
        line.append(")");
    }
    print_line(line);
}

void print_warning(std::string_view message) { print_own_line(log_level::warn, "warning", message); }

void print_error(std::string_view message) { print_own_line(log_level::error, "error", message); }

void print_progress(std::string_view source, const host::progress_report& report) {
    if (chosen_format.load() == log_format::json) {
        boost::json::object line = json_record("info", source, report.status);
        line["event"] = "progress";
        line["done"] = report.done;
        if (report.total) {
            line["total"] = *report.total;
        }
        print_line(boost::json::serialize(line));
        return;
    }
    if (!progress_redraws_in_place()) {
        print_line("wfn-host: [progress] " + progress_text(source, report));
        return;
    }
    stderr_state& shared = state();
    const std::lock_guard lock(shared.mutex);
    shared.progress_line = "wfn-host: " + progress_text(source, report);
    std::cerr << "\r\033[K" << shared.progress_line << std::flush;
}

bool progress_redraws_in_place() { return chosen_format.load() == log_format::text && stderr_is_terminal(); }

void end_progress() {
    stderr_state& shared = state();
    const std::lock_guard lock(shared.mutex);
    if (!shared.progress_line.empty()) {
        std::cerr << "\r\033[K" << std::flush;
        shared.progress_line.clear();
    }
}

}  // namespace wfn::cli
