#include "okta/client/unconfirmed_changes.hpp"

#include "wire/ascii.hpp"

#include <algorithm>

namespace okta_plugin::okta {

void unconfirmed_changes::drop_expired(clock::time_point now) {
    std::erase_if(entries_, [now](const auto& item) { return now - item.second.remembered_at > remembered_for; });
}

void unconfirmed_changes::remember(const std::string& origin, change_kind kind, const std::string& key,
                                   std::int64_t started_epoch, clock::time_point now) {
    const std::lock_guard lock(mutex_);
    drop_expired(now);
    auto [place, added] = entries_.try_emplace({origin, kind, wire::ascii_lowered(key)}, entry{started_epoch, now});
    if (!added) {
        place->second.started_epoch = std::min(place->second.started_epoch, started_epoch);
        place->second.remembered_at = now;
    }
    if (entries_.size() > max_entries) {
        auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
            return a.second.remembered_at < b.second.remembered_at;
        });
        entries_.erase(oldest);
    }
}

std::optional<std::int64_t> unconfirmed_changes::started(const std::string& origin, change_kind kind,
                                                         const std::string& key, clock::time_point now) {
    const std::lock_guard lock(mutex_);
    drop_expired(now);
    const auto found = entries_.find({origin, kind, wire::ascii_lowered(key)});
    return found == entries_.end() ? std::nullopt : std::optional(found->second.started_epoch);
}

void unconfirmed_changes::forget(const std::string& origin, change_kind kind, const std::string& key) {
    const std::lock_guard lock(mutex_);
    entries_.erase({origin, kind, wire::ascii_lowered(key)});
}

}  // namespace okta_plugin::okta
