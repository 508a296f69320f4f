#pragma once
// The `search` and `filter` expression languages of GET /api/v1/users (the
// rules below) and, through another vocabulary, of GET /api/v1/groups.
//
// search: SCIM-style. Operators eq, sw, co, pr, gt, ge, lt, le joined by and/or,
//   with parentheses. Property names are case-sensitive; operators, and/or and
//   string values are not. co works only on profile.firstName, lastName, email, login.
// filter: Okta's smaller language. Only status, lastUpdated, id, profile.login,
//   profile.email, profile.firstName and profile.lastName; only eq, except that
//   lastUpdated also takes gt, ge, lt, le; and/or with parentheses. Values are
//   compared case-sensitively.
#include <boost/json/value.hpp>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace okta_sandbox {

enum class expression_dialect { search, filter };

enum class comparison_operator { eq, sw, co, pr, gt, ge, lt, le };

struct expression_node {
  enum class kind { all_of, any_of, comparison };
  kind type = kind::comparison;
  std::vector<std::shared_ptr<const expression_node>> operands;  // all_of / any_of
  std::string property;                                          // comparison
  comparison_operator op = comparison_operator::eq;              // comparison
  boost::json::value value;                                      // comparison (null for pr)
};

using user_expression = std::shared_ptr<const expression_node>;

// Thrown for any text the dialect does not accept; what() says what and where.
class expression_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// What a resource lets expressions name: users and groups differ.
struct expression_vocabulary {
  std::function<bool(std::string_view property)> searchable;  // search: any of these properties
  std::vector<std::string_view> filterable;                   // filter: these, with eq
  std::vector<std::string_view> filter_ordered;               // filter: these also with gt, ge, lt, le
  std::vector<std::string_view> containable;                  // search: co only on these
};

user_expression parse_expression(std::string_view text, expression_dialect dialect,
                                 const expression_vocabulary& vocabulary);

// The Users API's vocabulary (the rules at the top of this file).
user_expression parse_user_expression(std::string_view text, expression_dialect dialect);

// Looks a property path up on the candidate; returns null when it has no value.
using property_lookup = std::function<boost::json::value(std::string_view property)>;

bool matches(const user_expression& expression, expression_dialect dialect, const property_lookup& lookup);

}  // namespace okta_sandbox
