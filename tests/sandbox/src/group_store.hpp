#pragma once
// The org's groups, ordered by id (the listing order), and who is in them.
// The built-in Everyone group always exists, survives clear(), and has every
// user as a member without listing any. Safe to use from many threads.
#include "group_record.hpp"

#include <functional>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace okta_sandbox {

class group_store {
 public:
  group_store();

  void insert(group_record group);
  std::optional<group_record> find(std::string_view id) const;

  // Visits groups in id order, starting after `after_id` (empty: from the first),
  // until `visit` returns false.
  void scan(std::string_view after_id, const std::function<bool(const group_record&)>& visit) const;

  // The member list changes only when it must; either way the group must exist
  // (false when it does not). lastMembershipUpdated moves only on a real change.
  bool add_member(std::string_view group_id, const std::string& user_id, wall_clock::time_point now);
  bool remove_member(std::string_view group_id, std::string_view user_id, wall_clock::time_point now);

  // A deleted user leaves every group.
  void forget_user(std::string_view user_id, wall_clock::time_point now);

  // The ids of the groups the user is in, Everyone included, in id order.
  std::vector<std::string> groups_of(std::string_view user_id) const;

  const std::string& everyone_id() const { return everyone_id_; }

  // Drops every group but Everyone.
  void clear();

 private:
  mutable std::shared_mutex mutex_;
  std::map<std::string, group_record, std::less<>> by_id_;
  const std::string everyone_id_;
  const group_record everyone_;
};

}  // namespace okta_sandbox
