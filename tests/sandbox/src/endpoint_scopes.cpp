#include "endpoint_scopes.hpp"

#include <array>
#include <vector>

namespace okta_sandbox {
namespace http = boost::beast::http;
namespace {

enum class methods { read, write, any };  // read: GET and HEAD; write: every other method

struct scope_rule {
  methods applies_to;
  std::string_view path;  // segments after /api/v1; "*" is one segment, a trailing "**" any number
  std::string_view scope;
};

// First match wins, so specific paths come before the general ones.
constexpr std::array scope_table{
    scope_rule{methods::read, "users/*/groups", "okta.users.read"},
    scope_rule{methods::write, "groups/*/users/*", "okta.groups.manage"},
    scope_rule{methods::read, "users/**", "okta.users.read"},
    scope_rule{methods::write, "users/**", "okta.users.manage"},
    scope_rule{methods::read, "groups/**", "okta.groups.read"},
    scope_rule{methods::write, "groups/**", "okta.groups.manage"},
};

bool method_matches(methods rule, http::verb method) {
  const bool reads = method == http::verb::get || method == http::verb::head;
  return rule == methods::any || (rule == methods::read) == reads;
}

bool path_matches(std::string_view pattern, const std::vector<std::string>& segments) {
  std::size_t index = 0;
  while (!pattern.empty()) {
    const auto slash = pattern.find('/');
    const std::string_view piece = pattern.substr(0, slash);
    pattern = slash == std::string_view::npos ? std::string_view() : pattern.substr(slash + 1);
    if (piece == "**") return true;
    if (index >= segments.size()) return false;
    if (piece != "*" && piece != segments[index]) return false;
    if (piece == "*" && segments[index].empty()) return false;
    ++index;
  }
  return index == segments.size();
}

}  // namespace

std::optional<std::string_view> required_scope(http::verb method, const boost::urls::url_view& url) {
  std::vector<std::string> segments;
  for (const auto& segment : url.encoded_segments()) segments.push_back(segment.decode());
  if (segments.size() < 2 || segments[0] != "api" || segments[1] != "v1") return std::nullopt;
  segments.erase(segments.begin(), segments.begin() + 2);
  for (const auto& rule : scope_table) {
    if (method_matches(rule.applies_to, method) && path_matches(rule.path, segments)) return rule.scope;
  }
  return std::nullopt;
}

bool scope_granted(std::string_view required, const std::set<std::string>& granted) {
  if (granted.contains(std::string(required))) return true;
  constexpr std::string_view read_suffix = ".read";
  if (required.size() > read_suffix.size() && required.substr(required.size() - read_suffix.size()) == read_suffix) {
    const std::string manage = std::string(required.substr(0, required.size() - read_suffix.size())) + ".manage";
    return granted.contains(manage);
  }
  return false;
}

}  // namespace okta_sandbox
