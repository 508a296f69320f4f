#pragma once
// The org's users: ordered by id (the listing order), with indexes for the
// lookups Okta allows on GET /api/v1/users/{idOrLogin}. Safe to use from many threads.
#include "user_record.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace okta_sandbox {

class user_store {
 public:
  // What a change function asks the store to do with the user afterwards.
  enum class after_change { keep, erase };

  // Adds a user; a login that exists already (ignoring case) fails with Okta's
  // duplicate-login error.
  void insert(user_record user);

  // Adds many users under one lock (seeding). Fails with std::invalid_argument,
  // adding none, if any login exists already or repeats.
  void insert_many(std::vector<user_record> users);

  // By id, then by login (ignoring case), then by login short name (the part
  // before "@") when exactly one user has it.
  std::optional<user_record> find(std::string_view id_or_login) const;

  // Runs `change` on a copy of the user under the write lock and stores the result.
  // `change` may throw okta_failure to refuse. A login change is checked for
  // uniqueness. Returns the stored user, or nullopt when the user is gone.
  // Throws okta_failure (E0000007) when no user matches.
  std::optional<user_record> modify(std::string_view id_or_login,
                                    const std::function<after_change(user_record&)>& change);

  // Visits users in id order, starting after `after_id` (empty: from the first),
  // until `visit` returns false.
  void scan(std::string_view after_id, const std::function<bool(const user_record&)>& visit) const;

  std::size_t size() const;
  void clear();

 private:
  const user_record* locate(std::string_view id_or_login) const;
  bool login_taken(const std::string& login_key, std::string_view except_id) const;
  void index(const user_record& user);
  void unindex(const user_record& user);

  mutable std::shared_mutex mutex_;
  std::map<std::string, user_record, std::less<>> by_id_;
  std::unordered_map<std::string, std::string> id_by_login_;           // lower-case login -> id
  std::unordered_multimap<std::string, std::string> ids_by_short_name_;  // lower-case short name -> id
};

// The key logins are compared by: Okta treats logins that differ only in case as the same.
std::string login_key(std::string_view login);

}  // namespace okta_sandbox
