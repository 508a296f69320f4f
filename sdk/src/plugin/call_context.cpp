#include <wfn/plugin.hpp>

#include "../common/abi_text.hpp"

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

}  // namespace wfn
