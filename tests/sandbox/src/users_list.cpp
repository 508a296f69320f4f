// GET /api/v1/users: limit, after, q, search, filter and the Link header.
#include "api_call.hpp"
#include "link_header.hpp"
#include "list_cursor.hpp"
#include "user_expression.hpp"
#include "utf8_text.hpp"

#include <boost/json/array.hpp>
#include <boost/url/encoding_opts.hpp>

#include <charconv>

namespace okta_sandbox {
namespace {

constexpr std::size_t default_limit = 200;
constexpr std::size_t default_limit_with_q = 10;
constexpr std::size_t max_limit = 200;

std::size_t page_size(const api_call& call, bool has_q) {
  const auto text = call.query("limit");
  if (!text) return has_q ? default_limit_with_q : default_limit;
  long long value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || value < 1) {
    throw okta_failure(errors::validation_failed({{"limit", "The limit must be a positive whole number"}}));
  }
  // Okta quietly caps larger limits at the maximum.
  return static_cast<std::size_t>(std::min<long long>(value, static_cast<long long>(max_limit)));
}

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

// The parameters that define the result set, in the order the client sent them;
// they are repeated in the self and next links.
query_parameters defining_parameters(const api_call& call) {
  boost::urls::encoding_opts form;
  form.space_as_plus = true;
  query_parameters parameters;
  for (const auto& parameter : call.url.params(form)) {
    if (parameter.key == "limit" || parameter.key == "after") continue;
    parameters.emplace_back(parameter.key, parameter.value);
  }
  return parameters;
}

}  // namespace

api_result list_users(const api_call& call) {
  const auto q = call.query("q");
  const auto search = call.query("search");
  const auto filter = call.query("filter");
  const auto after = call.query("after");
  const std::size_t limit = page_size(call, q.has_value());

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

  std::string after_id;
  if (after) {
    const auto decoded = decode_list_cursor(*after);
    if (!decoded) throw okta_failure(errors::validation_failed({{"after", "The pagination cursor is not valid"}}));
    after_id = *decoded;
  }

  // search and filter include DEPROVISIONED users; q and a bare listing leave them out.
  const auto wanted = [&](const user_record& user) {
    if (expression) {
      return matches(expression, dialect, [&](std::string_view property) { return user_property(user, property); });
    }
    if (q) return q_matches(user, *q);
    return user.status != user_status::deprovisioned;
  };

  boost::json::array page;
  bool more = false;
  std::string last_id;
  call.state.users.scan(after_id, [&](const user_record& user) {
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
  query_parameters self_parameters = defining_parameters(call);
  query_parameters next_parameters = self_parameters;
  self_parameters.emplace_back("limit", std::to_string(limit));
  // A later page's self link carries its own cursor: clients must pick the
  // rel="next" link, not the first "after=" they see.
  if (after) self_parameters.emplace_back("after", *after);
  result.link_fields.push_back(link_field(page_url(call.origin, "/api/v1/users", self_parameters), "self"));
  // q answers a single page (Okta: "This doesn't support pagination").
  if (more && !q) {
    next_parameters.emplace_back("limit", std::to_string(limit));
    next_parameters.emplace_back("after", encode_list_cursor(last_id));
    result.link_fields.push_back(link_field(page_url(call.origin, "/api/v1/users", next_parameters), "next"));
  }
  result.body = std::move(page);
  return result;
}

}  // namespace okta_sandbox
