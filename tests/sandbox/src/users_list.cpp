// GET /api/v1/users: limit, after, q, search, filter and the Link header.
#include "api_call.hpp"
#include "list_paging.hpp"
#include "user_expression.hpp"
#include "utf8_text.hpp"

#include <boost/json/array.hpp>

namespace okta_sandbox {
namespace {

constexpr std::size_t default_limit = 200;
constexpr std::size_t default_limit_with_q = 10;
constexpr std::size_t max_limit = 200;

std::string string_property(const user_record& user, std::string_view name) {
  const auto* value = user.profile.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

bool q_matches(const user_record& user, std::string_view q) {
  if (user.status == user_status::deprovisioned) return false;
  return istarts_with_ascii(string_property(user, "firstName"), q) ||
         istarts_with_ascii(string_property(user, "lastName"), q) ||
         istarts_with_ascii(string_property(user, "email"), q);
}

}  // namespace

api_result list_users(const api_call& call) {
  const auto q = call.query("q");
  const auto search = call.query("search");
  const auto filter = call.query("filter");
  const std::size_t limit = page_limit(call, q ? default_limit_with_q : default_limit, max_limit);

  user_expression expression;
  expression_dialect dialect = expression_dialect::search;
  try {
    if (search) {
      expression = parse_user_expression(*search, expression_dialect::search);
    } else if (filter) {
      dialect = expression_dialect::filter;
      expression = parse_user_expression(*filter, expression_dialect::filter);
    }
  } catch (const expression_error& e) {
    throw okta_failure(errors::invalid_search(std::string(search ? "search" : "filter") + ": " + e.what()));
  }

  const std::string resume_after = after_id(call);

  // search and filter include DEPROVISIONED users; q and a bare listing leave them out.
  const auto wanted = [&](const user_record& user) {
    if (user.org_admin) return false;
    if (expression) {
      return matches(expression, dialect, [&](std::string_view property) { return user_property(user, property); });
    }
    if (q) return q_matches(user, *q);
    return user.status != user_status::deprovisioned;
  };

  boost::json::array page;
  bool more = false;
  std::string last_id;
  call.state.users.scan(resume_after, [&](const user_record& user) {
    if (!wanted(user)) return true;
    if (page.size() == limit) {
      more = true;
      return false;
    }
    page.push_back(user_json(user, call.origin, link_detail::self_only));
    last_id = user.id;
    return true;
  });

  api_result result{200, {}, {}};
  // q answers a single page (Okta: "This doesn't support pagination").
  result.link_fields = page_links(call, "/api/v1/users", limit, more && !q ? std::optional(last_id) : std::nullopt);
  result.body = std::move(page);
  return result;
}

}  // namespace okta_sandbox
