// Changes this process sent whose outcome stayed unknown (a create or a
// delete whose answer was lost): when the workflow runs the same node again,
// Okta's "already exists" or "not found" may be the first run's work, not a
// failure. Remembered per org and key for a while; bounded. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>

namespace okta_plugin::okta {

enum class change_kind { create, remove };

class unconfirmed_changes {
public:
    using clock = std::chrono::steady_clock;

    // How long a rerun may come after the unconfirmed change.
    static constexpr std::chrono::hours remembered_for{1};
    static constexpr std::size_t max_entries = 10'000;

    // `started_epoch`: when the unconfirmed call began, on Okta's clock.
    void remember(const std::string& origin, change_kind kind, const std::string& key, std::int64_t started_epoch,
                  clock::time_point now = clock::now());
    // When the earliest unconfirmed change of `key` began, if one is remembered.
    std::optional<std::int64_t> started(const std::string& origin, change_kind kind, const std::string& key,
                                        clock::time_point now = clock::now());
    void forget(const std::string& origin, change_kind kind, const std::string& key);

private:
    struct entry {
        std::int64_t started_epoch = 0;
        clock::time_point remembered_at{};
    };
    using change_key = std::tuple<std::string, change_kind, std::string>;
    void drop_expired(clock::time_point now);

    std::mutex mutex_;
    std::map<change_key, entry> entries_;
};

}  // namespace okta_plugin::okta
