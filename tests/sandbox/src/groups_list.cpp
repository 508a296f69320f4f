// GET /api/v1/groups: q, search, filter, limit, after and the Link header.
#include "api_call.hpp"
#include "list_paging.hpp"
#include "user_expression.hpp"
#include "utf8_text.hpp"

#include <boost/json/array.hpp>

namespace okta_sandbox {
namespace {

constexpr std::size_t default_limit = 10'000;
constexpr std::size_t default_limit_with_q = 300;
constexpr std::size_t max_limit = 10'000;

// search: the group's own properties (app-group source.id is not modelled);
// filter: Okta's short list, with gt/lt only on the timestamps.
const expression_vocabulary& group_vocabulary() {
  static const expression_vocabulary vocabulary{
      [](std::string_view property) {
        return property == "id" || property == "type" || property == "profile.name" ||
               property == "profile.description" || property == "created" || property == "lastUpdated" ||
               property == "lastMembershipUpdated";
      },
      {"id", "type", "lastUpdated", "lastMembershipUpdated"},
      {"lastUpdated", "lastMembershipUpdated"},
      {"profile.name", "profile.description"}};
  return vocabulary;
}

}  // namespace

api_result list_groups(const api_call& call) {
  const auto q = call.query("q");
  const auto search = call.query("search");
  const auto filter = call.query("filter");
  const std::size_t limit = page_limit(call, q ? default_limit_with_q : default_limit, max_limit);

  user_expression expression;
  expression_dialect dialect = expression_dialect::search;
  try {
    if (search) {
      expression = parse_expression(*search, expression_dialect::search, group_vocabulary());
    } else if (filter) {
      dialect = expression_dialect::filter;
      expression = parse_expression(*filter, expression_dialect::filter, group_vocabulary());
    }
  } catch (const expression_error& e) {
    throw okta_failure(errors::invalid_search(std::string(search ? "search" : "filter") + ": " + e.what()));
  }
  const std::string resume_after = after_id(call);

  const auto wanted = [&](const group_record& group) {
    if (expression) {
      return matches(expression, dialect, [&](std::string_view property) { return group_property(group, property); });
    }
    if (q) return istarts_with_ascii(group.name, *q);
    return true;
  };

  boost::json::array page;
  bool more = false;
  std::string last_id;
  call.state.groups.scan(resume_after, [&](const group_record& group) {
    if (!wanted(group)) return true;
    if (page.size() == limit) {
      more = true;
      return false;
    }
    page.push_back(group_json(group, call.origin));
    last_id = group.id;
    return true;
  });

  api_result result{200, {}, {}};
  // A query is a single page: "You can't page a query."
  result.link_fields = page_links(call, "/api/v1/groups", limit, more && !q ? std::optional(last_id) : std::nullopt);
  result.body = std::move(page);
  return result;
}

}  // namespace okta_sandbox
