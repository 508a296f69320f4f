#include "okta/client/rate_pacer.hpp"

#include <algorithm>

namespace okta_plugin::okta {

namespace {

// While the window is used up and nobody knows when it resets (it rolled over
// locally and no answer has come yet), ask again this often.
constexpr std::chrono::milliseconds poll_interval{50};

}  // namespace

void rate_pacer::roll_over(window& state, clock::time_point now) {
    if (state.reset_epoch && !state.rolled_over && now >= state.reset_at) {
        // Okta refills the whole bucket at the reset; without a known limit,
        // know nothing (send, and learn from the answer).
        // Requests still in flight may land in the new window.
        state.remaining = state.limit;
        if (state.remaining) {
            *state.remaining = std::max<std::int64_t>(0, *state.remaining - state.in_flight);
        }
        state.rolled_over = true;
    }
}

rate_pacer::admission rate_pacer::admit(const std::string& origin, rate_bucket bucket, clock::time_point now,
                                        std::uint64_t& ticket) {
    std::lock_guard lock(mutex_);
    window& state = windows_[std::make_pair(origin, bucket)];
    roll_over(state, now);
    const auto place = std::find(state.queue.begin(), state.queue.end(), ticket);
    // The slots left go to those queued ahead first.
    const auto ahead = static_cast<std::int64_t>(place - state.queue.begin());
    if (!state.remaining || *state.remaining > ahead) {
        if (state.remaining) {
            --*state.remaining;
        }
        if (place != state.queue.end()) {
            state.queue.erase(place);
        }
        ++state.in_flight;
        return admission{true, now};
    }
    if (place == state.queue.end()) {
        ticket = state.next_ticket++;
        state.queue.push_back(ticket);
    }
    const bool reset_ahead = state.reset_epoch && !state.rolled_over && state.reset_at > now;
    return admission{false, reset_ahead ? state.reset_at : now + poll_interval};
}

void rate_pacer::force(const std::string& origin, rate_bucket bucket, std::uint64_t ticket) {
    std::lock_guard lock(mutex_);
    window& state = windows_[std::make_pair(origin, bucket)];
    if (auto place = std::find(state.queue.begin(), state.queue.end(), ticket); place != state.queue.end()) {
        state.queue.erase(place);
    }
    if (state.remaining && *state.remaining > 0) {
        --*state.remaining;
    }
    ++state.in_flight;
}

void rate_pacer::force_leave(const std::string& origin, rate_bucket bucket, std::uint64_t ticket) {
    std::lock_guard lock(mutex_);
    window& state = windows_[std::make_pair(origin, bucket)];
    if (auto place = std::find(state.queue.begin(), state.queue.end(), ticket); place != state.queue.end()) {
        state.queue.erase(place);
    }
}

void rate_pacer::record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers,
                        clock::time_point now, std::chrono::system_clock::time_point wall_now) {
    std::lock_guard lock(mutex_);
    window& state = windows_[std::make_pair(origin, bucket)];
    if (state.in_flight > 0) {
        --state.in_flight;
    }
    // Limit 0 is Okta's concurrency 429 (too many requests in flight), not
    // news of the bucket's window: learning from it would close the bucket.
    if (headers.limit && *headers.limit <= 0) {
        return;
    }
    if (headers.limit) {
        state.limit = headers.limit;
    }
    if (!headers.remaining || !headers.reset_epoch) {
        return;
    }
    const auto wait = time_until_reset(headers, wall_now);
    if (!wait) {
        return;
    }
    // Okta's count includes this request, and maybe some of ours still in
    // flight: nothing tells those apart from other clients' requests. While
    // the count could all be ours, it is taken to be, so a lone client uses
    // every slot of a window (counting ours in flight twice left up to 16
    // slots unused per window, and a batch the size of ten windows needed
    // eleven). Once it cannot, other clients share the bucket, and ours in
    // flight are assumed not counted yet: each will take one of the slots
    // it says are left.
    const std::int64_t cautious = std::max<std::int64_t>(0, *headers.remaining - state.in_flight);
    if (state.reset_epoch && *headers.reset_epoch == *state.reset_epoch) {
        // Our own count (each admission takes a slot) is exact for a lone
        // client; an answer that says less reveals other clients. Answers
        // overtake each other: the lowest count is the latest news. Once
        // that window is over here, its late answers teach nothing.
        if (!state.rolled_over && (!state.remaining || *headers.remaining < *state.remaining)) {
            state.remaining = std::min(state.remaining.value_or(cautious), cautious);
        }
        return;
    }
    if (state.retired_epoch && *headers.reset_epoch <= *state.retired_epoch) {
        // A late answer (often a 429) about a window already replaced: taking
        // it would reopen a full window on top of the current one.
        return;
    }
    // Another window: Okta's word wins, even for a reset sooner than the one
    // known (the org's limits changed, a test server restarted).
    if (state.reset_epoch && *headers.reset_epoch > *state.reset_epoch) {
        state.retired_epoch = state.reset_epoch;
    }
    // The first news of a window: the requests it counted before this one
    // could all be ours still in flight when there are no more of them.
    std::int64_t left = cautious;
    if (state.limit) {
        const std::int64_t counted_before = *state.limit - *headers.remaining - 1;
        if (counted_before >= 0 && counted_before <= state.in_flight) {
            left = std::max<std::int64_t>(0, *headers.remaining - (state.in_flight - counted_before));
        }
    }
    state.reset_epoch = headers.reset_epoch;
    state.reset_at = now + *wait + reset_margin;
    state.remaining = left;
    state.rolled_over = false;
}

std::optional<rate_pacer::clock::time_point> rate_pacer::closed_until(const std::string& origin, rate_bucket bucket,
                                                                      clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto found = windows_.find(std::make_pair(origin, bucket));
    if (found == windows_.end()) {
        return std::nullopt;
    }
    window& state = found->second;
    roll_over(state, now);
    if (!state.remaining || *state.remaining > 0) {
        return std::nullopt;
    }
    return state.rolled_over ? now + poll_interval : state.reset_at;
}

}  // namespace okta_plugin::okta
