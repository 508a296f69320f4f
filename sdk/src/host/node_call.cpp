#include "node_call.hpp"

#include "abi_checks.hpp"
#include "../common/abi_text.hpp"
#include "../common/output_envelope.hpp"
#include "json_checks/json_text.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace wfn::host::detail {
namespace {

using clock = std::chrono::steady_clock;

// How long after the deadline the host starts answering is_cancelled with
// "yes". Plugins that watch the deadline themselves answer with their own
// timeout message first; this only stops those that never look at it.
constexpr std::chrono::milliseconds deadline_grace{250};

// Everything the callbacks reach through wfn_call_context.host_data. Lives on
// run()'s stack for exactly the execute() call.
struct call_state {
    const run_options& options;
    std::optional<clock::time_point> hard_stop;
    std::mutex log_mutex;
    std::mutex result_mutex;
    std::optional<std::string> result;
    std::mutex progress_mutex;
    // Why the streamed items could not be taken; the call then answers 500.
    std::optional<std::string> stream_fault;
};

void deliver_record(call_state& state, const log_record& record) {
    const std::lock_guard lock(state.log_mutex);
    if (state.options.on_log_record) {
        state.options.on_log_record(record);
        return;
    }
    if (record.fields.empty()) {
        state.options.log(record.level, record.message);
        return;
    }
    std::string line(record.message);
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        line.append(i == 0 ? " (" : ", ").append(record.fields[i].key).append("=").append(record.fields[i].value);
    }
    line += ")";
    state.options.log(record.level, line);
}

std::int32_t is_cancelled(void* host_data) noexcept {
    auto& state = *static_cast<call_state*>(host_data);
    if (state.hard_stop && clock::now() >= *state.hard_stop) {
        return 1;
    }
    if (!state.options.is_cancelled) {
        return 0;
    }
    try {
        return state.options.is_cancelled() ? 1 : 0;
    } catch (...) {
        return 1;
    }
}

void log_line(void* host_data, std::int32_t level, wfn_string_view message) noexcept {
    auto& state = *static_cast<call_state*>(host_data);
    if (level < static_cast<std::int32_t>(state.options.log_level)) {
        return;
    }
    try {
        deliver_record(state, {static_cast<wfn::log_level>(level), wfn::detail::to_std_view(message), {}});
    } catch (...) {
        // A failing log sink loses this line; the call itself goes on.
    }
}

void log_record_of(void* host_data, const wfn_log_record* record) noexcept {
    auto& state = *static_cast<call_state*>(host_data);
    if (record == nullptr || !WFN_STRUCT_HAS(record, wfn_log_record, field_count) ||
        record->level < static_cast<std::int32_t>(state.options.log_level) ||
        (record->fields == nullptr && record->field_count != 0)) {
        return;
    }
    try {
        std::vector<log_field> fields;
        fields.reserve(record->field_count);
        for (std::size_t i = 0; i < record->field_count; ++i) {
            fields.push_back({wfn::detail::to_std_view(record->fields[i].key),
                              wfn::detail::to_std_view(record->fields[i].value)});
        }
        deliver_record(state,
                       {static_cast<wfn::log_level>(record->level), wfn::detail::to_std_view(record->message), fields});
    } catch (...) {
        // As for log_line: the record is lost, the call goes on.
    }
}

void report_progress(void* host_data, std::uint64_t done, std::uint64_t total, wfn_string_view status) noexcept {
    auto& state = *static_cast<call_state*>(host_data);
    try {
        const std::lock_guard lock(state.progress_mutex);
        state.options.on_progress({done, total == WFN_PROGRESS_TOTAL_UNKNOWN ? std::nullopt : std::optional(total),
                                   wfn::detail::to_std_view(status)});
    } catch (...) {
        // Progress is informative only: a failing consumer loses this report.
    }
}

// Checks one streamed batch (a JSON array of objects) and passes each item
// on. The batch is parsed into a buffer of its own, freed when it returns:
// the host holds one page at a time.
std::int32_t emit_items(void* host_data, wfn_string_view member, wfn_string_view items_json) noexcept {
    auto& state = *static_cast<call_state*>(host_data);
    const std::lock_guard lock(state.result_mutex);
    if (state.stream_fault) {
        return WFN_STATUS_INVALID_ARGUMENT;
    }
    try {
        boost::json::monotonic_resource buffer;
        boost::system::error_code ec;
        const boost::json::value batch = boost::json::parse(wfn::detail::to_std_view(items_json), ec, &buffer);
        if (ec || !batch.is_array()) {
            state.stream_fault = "streamed items that are not a JSON array";
            return WFN_STATUS_INVALID_ARGUMENT;
        }
        const std::string_view list = wfn::detail::to_std_view(member);
        for (const boost::json::value& item : batch.get_array()) {
            if (!item.is_object()) {
                state.stream_fault = "streamed an item that is not a JSON object";
                return WFN_STATUS_INVALID_ARGUMENT;
            }
            state.options.on_item(list, item.get_object());
        }
        return WFN_STATUS_OK;
    } catch (const std::exception& error) {
        state.stream_fault = std::string("streamed items the host's consumer could not take (") + error.what() + ")";
    } catch (...) {
        state.stream_fault = "streamed items the host's consumer could not take";
    }
    return WFN_STATUS_INTERNAL_ERROR;
}

void set_result(void* host_data, wfn_string_view output_json) noexcept {
    auto& state = *static_cast<call_state*>(host_data);
    try {
        // Copy before locking: the copy is the only step that can fail.
        std::string copy(wfn::detail::to_std_view(output_json));
        const std::lock_guard lock(state.result_mutex);
        state.result = std::move(copy);
    } catch (...) {
        // Out of memory while copying: this output is lost, and without an
        // earlier one the host reports a missing output.
    }
}

boost::json::object checked_output(std::string_view node_id, const std::string& text) {
    boost::json::value parsed;
    try {
        parsed = json_checks::parse_json_text(text);
    } catch (const json_checks::json_text_error& error) {
        return host_output(500, "Node " + std::string(node_id) + " produced an output that is not JSON (" +
                                    error.what() + ").");
    }
    if (!parsed.is_object()) {
        return host_output(500, "Node " + std::string(node_id) + " produced an output that is not a JSON object.");
    }
    boost::json::object output = std::move(parsed.as_object());
    wfn::detail::mend_envelope(output, [&] {
        return "Node " + std::string(node_id) + " produced an output without an integer StatusCode.";
    });
    return output;
}

}  // namespace

boost::json::object host_output(std::int64_t status_code, std::string message) {
    return wfn::detail::make_envelope(status_code, message);
}

namespace {

// now + timeout + grace, saturating: a timeout too large for the clock
// (beyond about 290 years in nanoseconds) would otherwise wrap into the past
// and cancel the call at once.
clock::time_point hard_stop_after(std::chrono::milliseconds timeout) {
    const auto now = clock::now();
    const auto room = std::chrono::duration_cast<std::chrono::milliseconds>(clock::time_point::max() - now);
    if (timeout >= room - deadline_grace) {
        return clock::time_point::max();
    }
    return now + timeout + deadline_grace;
}

// What one execute() call left: the output text it set, or, when it did not
// answer properly, the host's own output saying why.
struct executed {
    std::string text;
    std::optional<boost::json::object> failure;
};

executed execute_node(const wfn_node_descriptor& node, std::string_view node_id, std::string_view params_json,
                      std::string_view credentials_json, const run_options& options) {
    const auto timeout_ms = options.timeout.count() > 0 ? static_cast<std::uint64_t>(options.timeout.count()) : 0u;
    call_state state{options, std::nullopt, {}, {}, {}, {}, {}};
    if (timeout_ms > 0) {
        state.hard_stop = hard_stop_after(options.timeout);
    }

    wfn_call_context context{};
    context.struct_size = sizeof(wfn_call_context);
    context.host_data = &state;
    context.timeout_ms = timeout_ms;
    context.log_level = static_cast<std::int32_t>(options.log_level);
    context.reserved0 = 0;
    context.is_cancelled = &is_cancelled;
    const bool logs = options.log || options.on_log_record;
    context.log = logs ? &log_line : nullptr;
    context.set_result = &set_result;
    context.emit_items = options.on_item ? &emit_items : nullptr;
    context.report_progress = options.on_progress ? &report_progress : nullptr;
    context.log_record = logs ? &log_record_of : nullptr;

    std::int32_t status = WFN_STATUS_INTERNAL_ERROR;
    try {
        status = node.execute(&node, wfn::detail::to_abi_view(params_json), wfn::detail::to_abi_view(credentials_json),
                              &context);
    } catch (...) {
        return {{}, host_output(500, "Node " + std::string(node_id) +
                                        " let an exception escape its plugin, which the ABI forbids.")};
    }

    const std::lock_guard lock(state.result_mutex);
    if (status != WFN_STATUS_OK) {
        return {{}, host_output(500, "Node " + std::string(node_id) + " failed inside its plugin: execute() returned " +
                                        status_name(status) + ".")};
    }
    if (state.stream_fault) {
        return {{}, host_output(500, "Node " + std::string(node_id) + " " + *state.stream_fault + ".")};
    }
    if (!state.result) {
        return {{}, host_output(500, "Node " + std::string(node_id) +
                                        " returned WFN_STATUS_OK without an output (it never called set_result).")};
    }
    return {std::move(*state.result), std::nullopt};
}

}  // namespace

boost::json::object call_node(const wfn_node_descriptor& node, std::string_view node_id,
                              std::string_view params_json, std::string_view credentials_json,
                              const run_options& options) {
    executed result = execute_node(node, node_id, params_json, credentials_json, options);
    if (result.failure) {
        return std::move(*result.failure);
    }
    return checked_output(node_id, result.text);
}

std::string call_node_text(const wfn_node_descriptor& node, std::string_view node_id, std::string_view params_json,
                           std::string_view credentials_json, const run_options& options) {
    executed result = execute_node(node, node_id, params_json, credentials_json, options);
    if (result.failure) {
        return boost::json::serialize(*result.failure);
    }
    if (wfn::detail::keeps_envelope(result.text)) {
        return std::move(result.text);
    }
    // Rare, and never large in practice: mend it the way run() does.
    return boost::json::serialize(checked_output(node_id, result.text));
}

}  // namespace wfn::host::detail
