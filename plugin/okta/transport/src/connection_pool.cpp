#include "transport/connection_pool.hpp"

#include "wire/transport_error.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace okta_plugin::transport {

connection_pool::lease::lease(connection_pool& pool, std::string key, std::unique_ptr<connection> held, bool reused)
    : pool_(&pool), key_(std::move(key)), connection_(std::move(held)), reused_(reused) {}

connection_pool::lease::lease(lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      key_(std::move(other.key_)),
      connection_(std::move(other.connection_)),
      reused_(other.reused_) {}

connection_pool::lease::~lease() {
    if (pool_ != nullptr) {
        pool_->release(key_, std::move(connection_), false);
    }
}

void connection_pool::lease::give_back(bool keep_alive) {
    if (pool_ != nullptr) {
        std::exchange(pool_, nullptr)->release(key_, std::move(connection_), keep_alive);
    }
}

connection_pool::connection_pool(pool_limits limits)
    : limits_(limits), reaper_([this](std::stop_token stop) {
          // A connection is closed at most a quarter of max_idle_time late.
          const auto sweep_every = std::max<std::chrono::steady_clock::duration>(
              std::chrono::milliseconds(100), limits_.max_idle_time / 4);
          std::unique_lock lock(mutex_);
          for (;;) {
              reaper_wakeup_.wait_for(lock, stop, sweep_every, [] { return false; });
              if (stop.stop_requested()) {
                  return;
              }
              lock.unlock();
              close_expired_idle(std::chrono::steady_clock::now());
              lock.lock();
          }
      }) {}

void connection_pool::close_expired_idle(std::chrono::steady_clock::time_point now) {
    std::vector<std::unique_ptr<connection>> expired;
    {
        std::lock_guard lock(mutex_);
        for (auto& [key, slot] : slots_) {
            auto stale = std::stable_partition(slot.idle.begin(), slot.idle.end(), [&](const auto& idle) {
                return now - idle->idle_since() < limits_.max_idle_time;
            });
            std::move(stale, slot.idle.end(), std::back_inserter(expired));
            slot.idle.erase(stale, slot.idle.end());
        }
    }
    // `expired` closes its sockets here, outside the lock.
}

connection_pool::lease connection_pool::acquire(const std::string& key, const std::string& server,
                                                const connection_factory& make, const wire::call_budget& budget,
                                                liveness_check check) {
    std::unique_lock lock(mutex_);
    for (;;) {
        server_slot& slot = slots_[key];
        // Most recently used first: the likeliest to still be open. The slot
        // is taken before the lock is dropped, so the liveness check (a
        // poll() system call) runs outside the lock, not serialising every
        // thread behind it.
        if (!slot.idle.empty()) {
            std::unique_ptr<connection> candidate = std::move(slot.idle.back());
            slot.idle.pop_back();
            ++slot.in_use;
            lock.unlock();
            const bool fresh_enough =
                std::chrono::steady_clock::now() - candidate->idle_since() < limits_.max_idle_time;
            if (fresh_enough && candidate->still_usable(check)) {
                return lease(*this, key, std::move(candidate), true);
            }
            candidate.reset();  // closes the stale socket outside the lock
            lock.lock();
            --slots_[key].in_use;
            if (waiting_ != 0) {
                slot_freed_.notify_one();
            }
            continue;
        }
        if (slot.in_use < limits_.max_per_server) {
            ++slot.in_use;
            lock.unlock();
            try {
                return lease(*this, key, make(), false);
            } catch (...) {
                release(key, nullptr, false);
                throw;
            }
        }
        if (budget.cancelled()) {
            throw wire::transport_error(wire::failure::cancelled,
                                  "The request to " + server + " was cancelled while waiting for a free connection.",
                                  true);
        }
        if (budget.expired()) {
            throw wire::transport_error(wire::failure::timeout,
                                  "The request to " + server + " timed out after " + std::to_string(budget.budget_ms) +
                                      " ms while waiting for a free connection.",
                                  true);
        }
        ++waiting_;
        slot_freed_.wait_for(lock, std::min<wire::call_budget::clock::duration>(wire::cancellation_slice, budget.remaining()));
        --waiting_;
    }
}

void connection_pool::release(const std::string& key, std::unique_ptr<connection> returned, bool keep_alive) {
    std::unique_ptr<connection> closing;
    bool someone_waits = false;
    {
        std::lock_guard lock(mutex_);
        server_slot& slot = slots_[key];
        --slot.in_use;
        if (returned && keep_alive && returned->is_open() && slot.idle.size() < limits_.max_idle_per_server) {
            returned->mark_idle();
            slot.idle.push_back(std::move(returned));
        } else {
            closing = std::move(returned);
        }
        someone_waits = waiting_ != 0;
    }
    // Waking no one is the common case (16 threads, 32 connections allowed):
    // it skips a futex call per request.
    if (someone_waits) {
        slot_freed_.notify_one();
    }
    // `closing` closes its socket here, outside the lock.
}

std::size_t connection_pool::idle_count(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto found = slots_.find(key);
    return found == slots_.end() ? 0 : found->second.idle.size();
}

}  // namespace okta_plugin::transport
