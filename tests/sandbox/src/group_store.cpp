#include "group_store.hpp"

#include <mutex>

namespace okta_sandbox {
namespace {

group_record everyone_group(const std::string& id) {
  group_record group;
  group.id = id;
  group.type = group_type::built_in;
  group.name = "Everyone";
  group.description = "All users in your organization";
  group.created = wall_clock::now();
  group.last_updated = group.created;
  group.last_membership_updated = group.created;
  return group;
}

}  // namespace

group_store::group_store() : everyone_id_(new_group_id()), everyone_(everyone_group(everyone_id_)) {
  by_id_.emplace(everyone_id_, everyone_);
}

void group_store::insert(group_record group) {
  std::unique_lock lock(mutex_);
  const std::string id = group.id;
  by_id_.insert_or_assign(id, std::move(group));
}

std::optional<group_record> group_store::find(std::string_view id) const {
  std::shared_lock lock(mutex_);
  const auto found = by_id_.find(id);
  if (found == by_id_.end()) return std::nullopt;
  return found->second;
}

void group_store::scan(std::string_view after_id, const std::function<bool(const group_record&)>& visit) const {
  std::shared_lock lock(mutex_);
  auto it = after_id.empty() ? by_id_.begin() : by_id_.upper_bound(after_id);
  for (; it != by_id_.end(); ++it) {
    if (!visit(it->second)) return;
  }
}

bool group_store::add_member(std::string_view group_id, const std::string& user_id, wall_clock::time_point now) {
  std::unique_lock lock(mutex_);
  const auto found = by_id_.find(group_id);
  if (found == by_id_.end()) return false;
  if (found->second.type != group_type::built_in && found->second.member_ids.insert(user_id).second) {
    found->second.last_membership_updated = now;
  }
  return true;
}

bool group_store::remove_member(std::string_view group_id, std::string_view user_id, wall_clock::time_point now) {
  std::unique_lock lock(mutex_);
  const auto found = by_id_.find(group_id);
  if (found == by_id_.end()) return false;
  auto& members = found->second.member_ids;
  if (const auto member = members.find(user_id); member != members.end()) {
    members.erase(member);
    found->second.last_membership_updated = now;
  }
  return true;
}

void group_store::forget_user(std::string_view user_id, wall_clock::time_point now) {
  std::unique_lock lock(mutex_);
  for (auto& [id, group] : by_id_) {
    if (const auto member = group.member_ids.find(user_id); member != group.member_ids.end()) {
      group.member_ids.erase(member);
      group.last_membership_updated = now;
    }
  }
}

std::vector<std::string> group_store::groups_of(std::string_view user_id) const {
  std::shared_lock lock(mutex_);
  std::vector<std::string> ids;
  for (const auto& [id, group] : by_id_) {
    if (group.type == group_type::built_in || group.member_ids.contains(user_id)) ids.push_back(id);
  }
  return ids;
}

void group_store::clear() {
  std::unique_lock lock(mutex_);
  by_id_.clear();
  by_id_.emplace(everyone_id_, everyone_);
}

}  // namespace okta_sandbox
