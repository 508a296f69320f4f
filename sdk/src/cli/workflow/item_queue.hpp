// The items a streamed list hands to its forEach: a bounded queue between
// the list's thread and the item threads. A full queue blocks the list, so
// the list is read no faster than its items run.
#pragma once

#include <boost/json/value.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>

namespace wfn::cli {

class item_queue {
public:
    struct entry {
        std::size_t index;
        boost::json::value item;
    };

    explicit item_queue(std::size_t capacity) : capacity_(capacity) {}

    // Waits for room, then queues the item. Returns false without queueing
    // once `give_up()` answers true (polled while waiting) or the queue is
    // abandoned.
    bool push(entry value, const std::function<bool()>& give_up) {
        std::unique_lock lock(mutex_);
        while (items_.size() >= capacity_ && !abandoned_) {
            if (give_up()) {
                return false;
            }
            room_.wait_for(lock, poll_interval);
        }
        if (abandoned_) {
            return false;
        }
        items_.push_back(std::move(value));
        ready_.notify_one();
        return true;
    }

    // The next item, or nothing once the queue is closed and empty, or
    // abandoned. `give_up()` is polled while waiting.
    std::optional<entry> pop(const std::function<bool()>& give_up) {
        std::unique_lock lock(mutex_);
        while (items_.empty() && !closed_ && !abandoned_) {
            if (give_up()) {
                return std::nullopt;
            }
            ready_.wait_for(lock, poll_interval);
        }
        if (items_.empty() || abandoned_) {
            return std::nullopt;
        }
        entry next = std::move(items_.front());
        items_.pop_front();
        room_.notify_one();
        return next;
    }

    // No more items will come.
    void close() {
        const std::lock_guard lock(mutex_);
        closed_ = true;
        ready_.notify_all();
    }

    // Nobody takes items any more: queued ones are dropped, pushes fail.
    void abandon() {
        const std::lock_guard lock(mutex_);
        abandoned_ = true;
        items_.clear();
        ready_.notify_all();
        room_.notify_all();
    }

private:
    // How often a waiting side looks at its give_up(), which no condition
    // variable can signal (a cancellation flag set by a signal handler).
    static constexpr std::chrono::milliseconds poll_interval{50};

    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<entry> items_;
    const std::size_t capacity_;
    bool closed_ = false;
    bool abandoned_ = false;
};

}  // namespace wfn::cli
