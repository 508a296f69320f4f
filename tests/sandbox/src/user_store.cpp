#include "user_store.hpp"

#include "okta_error.hpp"
#include "utf8_text.hpp"

#include <iterator>
#include <mutex>
#include <stdexcept>
#include <unordered_set>

namespace okta_sandbox {
namespace {

std::string short_name_key(std::string_view login) { return ascii_lower(login.substr(0, login.find('@'))); }

okta_error duplicate_login() {
  return errors::validation_failed({{"login", "An object with this field already exists in the current organization"}});
}

}  // namespace

std::string login_key(std::string_view login) { return ascii_lower(login); }

void user_store::insert(user_record user) {
  std::unique_lock lock(mutex_);
  if (login_taken(login_key(user.login()), {})) throw okta_failure(duplicate_login());
  index(user);
  const std::string id = user.id;
  by_id_.emplace(id, std::move(user));
}

void user_store::insert_many(std::vector<user_record> users) {
  std::unique_lock lock(mutex_);
  std::unordered_set<std::string> batch_logins;
  batch_logins.reserve(users.size());
  for (const auto& user : users) {
    const std::string key = login_key(user.login());
    if (login_taken(key, {}) || !batch_logins.insert(key).second) {
      throw std::invalid_argument("a user with login " + user.login() + " exists already");
    }
  }
  id_by_login_.reserve(id_by_login_.size() + users.size());
  for (auto& user : users) {
    index(user);
    const std::string id = user.id;
    by_id_.emplace(id, std::move(user));
  }
}

std::optional<user_record> user_store::find(std::string_view id_or_login) const {
  std::shared_lock lock(mutex_);
  if (const auto* user = locate(id_or_login)) return *user;
  return std::nullopt;
}

std::optional<user_record> user_store::modify(std::string_view id_or_login,
                                              const std::function<after_change(user_record&)>& change) {
  std::unique_lock lock(mutex_);
  const auto* current = locate(id_or_login);
  if (current == nullptr) throw okta_failure(errors::user_not_found(id_or_login));
  user_record updated = *current;
  const after_change action = change(updated);
  if (action == after_change::erase) {
    const std::string id = current->id;
    unindex(*current);
    by_id_.erase(id);
    return std::nullopt;
  }
  const std::string new_key = login_key(updated.login());
  if (new_key != login_key(current->login())) {
    if (login_taken(new_key, current->id)) throw okta_failure(duplicate_login());
  }
  unindex(*current);
  index(updated);
  auto& slot = by_id_.find(updated.id)->second;
  slot = updated;
  return updated;
}

void user_store::scan(std::string_view after_id, const std::function<bool(const user_record&)>& visit) const {
  std::shared_lock lock(mutex_);
  auto it = after_id.empty() ? by_id_.begin() : by_id_.upper_bound(after_id);
  for (; it != by_id_.end(); ++it) {
    if (!visit(it->second)) return;
  }
}

std::size_t user_store::size() const {
  std::shared_lock lock(mutex_);
  return by_id_.size();
}

void user_store::clear() {
  std::unique_lock lock(mutex_);
  by_id_.clear();
  id_by_login_.clear();
  ids_by_short_name_.clear();
}

const user_record* user_store::locate(std::string_view id_or_login) const {
  if (const auto by_id = by_id_.find(id_or_login); by_id != by_id_.end()) return &by_id->second;
  if (const auto by_login = id_by_login_.find(login_key(id_or_login)); by_login != id_by_login_.end()) {
    return &by_id_.find(by_login->second)->second;
  }
  if (id_or_login.find('@') == std::string_view::npos) {
    const auto [first, last] = ids_by_short_name_.equal_range(ascii_lower(id_or_login));
    if (first != last && std::next(first) == last) return &by_id_.find(first->second)->second;
  }
  return nullptr;
}

bool user_store::login_taken(const std::string& key, std::string_view except_id) const {
  const auto found = id_by_login_.find(key);
  return found != id_by_login_.end() && found->second != except_id;
}

void user_store::index(const user_record& user) {
  const std::string login = user.login();
  id_by_login_[login_key(login)] = user.id;
  ids_by_short_name_.emplace(short_name_key(login), user.id);
}

void user_store::unindex(const user_record& user) {
  const std::string login = user.login();
  id_by_login_.erase(login_key(login));
  const auto [first, last] = ids_by_short_name_.equal_range(short_name_key(login));
  for (auto it = first; it != last; ++it) {
    if (it->second == user.id) {
      ids_by_short_name_.erase(it);
      break;
    }
  }
}

}  // namespace okta_sandbox
