#include <wfn/plugin.hpp>

#include "../common/abi_text.hpp"

#include <string>

namespace wfn {
namespace {

// A budget this large is no deadline at all; capping it keeps the
// time_point arithmetic from overflowing.
constexpr std::uint64_t max_meaningful_timeout_ms = 1000ull * 60 * 60 * 24 * 365;

call_context::clock::time_point deadline_from(std::uint64_t timeout_ms) noexcept {
    if (timeout_ms == 0 || timeout_ms > max_meaningful_timeout_ms) {
        return call_context::clock::time_point::max();
    }
    return call_context::clock::now() + std::chrono::milliseconds(timeout_ms);
}

}  // namespace

call_context::call_context(const wfn_call_context& raw) noexcept
    : raw_(&raw), deadline_(deadline_from(raw.timeout_ms)), timeout_ms_(raw.timeout_ms) {}

call_context::clock::duration call_context::remaining() const noexcept {
    if (!has_deadline()) {
        return clock::duration::max();
    }
    const auto now = clock::now();
    return now >= deadline_ ? clock::duration::zero() : deadline_ - now;
}

bool call_context::cancelled() const noexcept {
    return raw_->is_cancelled != nullptr && raw_->is_cancelled(raw_->host_data) != 0;
}

bool call_context::logs(log_level level) const noexcept {
    return raw_->log != nullptr && static_cast<std::int32_t>(level) >= raw_->log_level;
}

void call_context::log(log_level level, std::string_view message) const noexcept {
    if (logs(level)) {
        raw_->log(raw_->host_data, static_cast<std::int32_t>(level), detail::to_abi_view(message));
    }
}

void call_context::log(log_level level, std::string_view message, std::span<const log_field> fields) const noexcept {
    if (!logs(level)) {
        return;
    }
    if (WFN_STRUCT_HAS(raw_, wfn_call_context, log_record) && raw_->log_record != nullptr) {
        constexpr std::size_t max_fields = 16;
        wfn_log_field raw_fields[max_fields];
        const std::size_t count = fields.size() < max_fields ? fields.size() : max_fields;
        for (std::size_t i = 0; i < count; ++i) {
            raw_fields[i] = {detail::to_abi_view(fields[i].key), detail::to_abi_view(fields[i].value)};
        }
        wfn_log_record record{};
        record.struct_size = sizeof(wfn_log_record);
        record.level = static_cast<std::int32_t>(level);
        record.message = detail::to_abi_view(message);
        record.fields = raw_fields;
        record.field_count = count;
        raw_->log_record(raw_->host_data, &record);
        return;
    }
    try {
        std::string line(message);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            line += i == 0 ? " (" : ", ";
            line.append(fields[i].key).append("=").append(fields[i].value);
        }
        line += fields.empty() ? "" : ")";
        log(level, line);
    } catch (...) {
        log(level, message);  // no memory for the fields: the message alone
    }
}

bool call_context::streams_items() const noexcept {
    return WFN_STRUCT_HAS(raw_, wfn_call_context, emit_items) && raw_->emit_items != nullptr;
}

bool call_context::emit_items(std::string_view member, std::string_view items_json) const noexcept {
    return streams_items() && raw_->emit_items(raw_->host_data, detail::to_abi_view(member),
                                               detail::to_abi_view(items_json)) == WFN_STATUS_OK;
}

void call_context::progress(std::uint64_t done, std::optional<std::uint64_t> total,
                            std::string_view status) const noexcept {
    if (WFN_STRUCT_HAS(raw_, wfn_call_context, report_progress) && raw_->report_progress != nullptr) {
        raw_->report_progress(raw_->host_data, done, total.value_or(WFN_PROGRESS_TOTAL_UNKNOWN),
                              detail::to_abi_view(status));
    }
}

}  // namespace wfn
