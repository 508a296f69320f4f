#include "user_expression.hpp"

#include "profile_rules.hpp"
#include "utf8_text.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace okta_sandbox {
namespace {

struct token {
  enum class kind { word, quoted, open, close, end };
  kind type = kind::end;
  std::string text;  // the word, or the unescaped string
  std::size_t position = 0;
};

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-' || c == '$' ||
         c == ':' || c == '+';
}

std::string where(std::size_t position) { return " at position " + std::to_string(position + 1); }

std::vector<token> tokenize(std::string_view text) {
  std::vector<token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '(' || c == ')') {
      tokens.push_back({c == '(' ? token::kind::open : token::kind::close, std::string(1, c), i});
      ++i;
    } else if (c == '"') {
      const std::size_t start = i++;
      std::string value;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          value += text[i + 1];
          i += 2;
        } else if (text[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          value += text[i++];
        }
      }
      if (!closed) throw expression_error("Unterminated string" + where(start));
      tokens.push_back({token::kind::quoted, std::move(value), start});
    } else if (is_word_char(c)) {
      const std::size_t start = i;
      while (i < text.size() && is_word_char(text[i])) ++i;
      tokens.push_back({token::kind::word, std::string(text.substr(start, i - start)), start});
    } else {
      throw expression_error(std::string("Unexpected character '") + c + "'" + where(i));
    }
  }
  tokens.push_back({token::kind::end, "", text.size()});
  return tokens;
}

constexpr std::array<std::pair<std::string_view, comparison_operator>, 8> operator_names{{
    {"eq", comparison_operator::eq},
    {"sw", comparison_operator::sw},
    {"co", comparison_operator::co},
    {"pr", comparison_operator::pr},
    {"gt", comparison_operator::gt},
    {"ge", comparison_operator::ge},
    {"lt", comparison_operator::lt},
    {"le", comparison_operator::le},
}};

bool is_ordering(comparison_operator op) {
  return op == comparison_operator::gt || op == comparison_operator::ge || op == comparison_operator::lt ||
         op == comparison_operator::le;
}

constexpr std::array<std::string_view, 7> search_top_level{"id",      "status",      "created",    "activated",
                                                          "statusChanged", "lastUpdated", "type.id"};

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_user_search_property(std::string_view property) {
  constexpr std::string_view profile_prefix = "profile.";
  if (property.substr(0, profile_prefix.size()) == profile_prefix) {
    return find_profile_attribute(property.substr(profile_prefix.size())) != nullptr;
  }
  return std::find(search_top_level.begin(), search_top_level.end(), property) != search_top_level.end();
}

const expression_vocabulary& user_vocabulary() {
  static const expression_vocabulary vocabulary{
      is_user_search_property,
      {"status", "lastUpdated", "id", "profile.login", "profile.email", "profile.firstName", "profile.lastName"},
      {"lastUpdated"},
      {"profile.firstName", "profile.lastName", "profile.email", "profile.login"}};
  return vocabulary;
}

class parser {
 public:
  parser(std::string_view text, expression_dialect dialect, const expression_vocabulary& vocabulary)
      : tokens_(tokenize(text)), dialect_(dialect), vocabulary_(vocabulary) {}

  user_expression parse() {
    if (peek().type == token::kind::end) throw expression_error("The expression is empty");
    auto expression = parse_or();
    if (peek().type != token::kind::end) throw expression_error("Unexpected '" + peek().text + "'" + where(peek().position));
    return expression;
  }

 private:
  const token& peek() const { return tokens_[next_]; }
  const token& take() { return tokens_[next_ == tokens_.size() - 1 ? next_ : next_++]; }
  bool next_is_word(std::string_view word) const {
    return peek().type == token::kind::word && iequals_ascii(peek().text, word);
  }

  user_expression parse_or() { return parse_chain("or", expression_node::kind::any_of, &parser::parse_and); }
  user_expression parse_and() { return parse_chain("and", expression_node::kind::all_of, &parser::parse_primary); }

  user_expression parse_chain(std::string_view joiner, expression_node::kind kind, user_expression (parser::*operand)()) {
    auto first = (this->*operand)();
    if (!next_is_word(joiner)) return first;
    auto node = std::make_shared<expression_node>();
    node->type = kind;
    node->operands.push_back(std::move(first));
    while (next_is_word(joiner)) {
      take();
      node->operands.push_back((this->*operand)());
    }
    return node;
  }

  user_expression parse_primary() {
    if (peek().type == token::kind::open) {
      const std::size_t open_at = take().position;
      auto inner = parse_or();
      if (peek().type != token::kind::close) throw expression_error("Missing ')' for '('" + where(open_at));
      take();
      return inner;
    }
    if (next_is_word("not")) throw expression_error("The 'not' operator is not supported" + where(peek().position));
    if (peek().type != token::kind::word) {
      throw expression_error("Expected a property name" + where(peek().position));
    }
    const token property = take();
    check_property(property);
    if (peek().type != token::kind::word) throw expression_error("Expected an operator after '" + property.text + "'" + where(peek().position));
    const token op_token = take();
    const auto op = operator_named(op_token);
    check_operator(property, op, op_token);
    auto node = std::make_shared<expression_node>();
    node->property = property.text;
    node->op = op;
    if (op != comparison_operator::pr) node->value = parse_value();
    return node;
  }

  boost::json::value parse_value() {
    const token value = take();
    if (value.type == token::kind::quoted) return boost::json::value(value.text);
    if (value.type == token::kind::word) {
      if (value.text == "true") return true;
      if (value.text == "false") return false;
      if (value.text == "null") return nullptr;
      boost::system::error_code ec;
      auto number = boost::json::parse(value.text, ec);
      if (!ec && number.is_number()) return number;
    }
    throw expression_error("Expected a value (a quoted string, a number, true, false or null)" + where(value.position));
  }

  comparison_operator operator_named(const token& word) const {
    for (const auto& [name, op] : operator_names) {
      if (iequals_ascii(word.text, name)) return op;
    }
    if (iequals_ascii(word.text, "ne")) throw expression_error("The 'ne' operator is not supported" + where(word.position));
    throw expression_error("Unknown operator '" + word.text + "'" + where(word.position));
  }

  void check_property(const token& property) const {
    const bool known = dialect_ == expression_dialect::search ? vocabulary_.searchable(property.text)
                                                              : contains(vocabulary_.filterable, property.text);
    if (!known) {
      throw expression_error("Property '" + property.text + "' cannot be used in a " +
                             (dialect_ == expression_dialect::search ? "search" : "filter") + where(property.position));
    }
  }

  void check_operator(const token& property, comparison_operator op, const token& op_token) const {
    if (dialect_ == expression_dialect::search) {
      if (op == comparison_operator::co && !contains(vocabulary_.containable, property.text)) {
        throw expression_error("The 'co' operator cannot be used with '" + property.text + "'" + where(op_token.position));
      }
      return;
    }
    const bool allowed =
        op == comparison_operator::eq || (contains(vocabulary_.filter_ordered, property.text) && is_ordering(op));
    if (!allowed) {
      throw expression_error("The '" + op_token.text + "' operator cannot be used with '" + property.text +
                             "' in a filter" + where(op_token.position));
    }
  }

  std::vector<token> tokens_;
  std::size_t next_ = 0;
  expression_dialect dialect_;
  const expression_vocabulary& vocabulary_;
};

int compare_text(std::string_view a, std::string_view b, bool ignore_case) {
  if (!ignore_case) return a.compare(b);
  const std::string la = ascii_lower(a);
  const std::string lb = ascii_lower(b);
  return la.compare(lb);
}

bool compare_scalar(const boost::json::value& actual, comparison_operator op, const boost::json::value& expected,
                    bool ignore_case) {
  if (op == comparison_operator::pr) {
    return !actual.is_null() && !(actual.is_string() && actual.get_string().empty());
  }
  if (actual.is_string() && expected.is_string()) {
    const std::string_view a = actual.get_string();
    const std::string_view b = expected.get_string();
    switch (op) {
      case comparison_operator::eq: return compare_text(a, b, ignore_case) == 0;
      case comparison_operator::sw: return ignore_case ? istarts_with_ascii(a, b) : a.substr(0, b.size()) == b;
      case comparison_operator::co: return ignore_case ? icontains_ascii(a, b) : a.find(b) != std::string_view::npos;
      case comparison_operator::gt: return compare_text(a, b, ignore_case) > 0;
      case comparison_operator::ge: return compare_text(a, b, ignore_case) >= 0;
      case comparison_operator::lt: return compare_text(a, b, ignore_case) < 0;
      case comparison_operator::le: return compare_text(a, b, ignore_case) <= 0;
      case comparison_operator::pr: return true;
    }
  }
  if (actual.is_number() && expected.is_number()) {
    const double a = actual.to_number<double>();
    const double b = expected.to_number<double>();
    switch (op) {
      case comparison_operator::eq: return a == b;
      case comparison_operator::gt: return a > b;
      case comparison_operator::ge: return a >= b;
      case comparison_operator::lt: return a < b;
      case comparison_operator::le: return a <= b;
      default: return false;
    }
  }
  return op == comparison_operator::eq && actual == expected;
}

bool evaluate(const expression_node& node, bool ignore_case, const property_lookup& lookup) {
  switch (node.type) {
    case expression_node::kind::all_of:
      return std::all_of(node.operands.begin(), node.operands.end(),
                         [&](const user_expression& e) { return evaluate(*e, ignore_case, lookup); });
    case expression_node::kind::any_of:
      return std::any_of(node.operands.begin(), node.operands.end(),
                         [&](const user_expression& e) { return evaluate(*e, ignore_case, lookup); });
    case expression_node::kind::comparison: break;
  }
  const boost::json::value actual = lookup(node.property);
  // An array property matches when any of its elements does (SCIM semantics).
  if (const auto* elements = actual.if_array()) {
    return std::any_of(elements->begin(), elements->end(), [&](const boost::json::value& element) {
      return compare_scalar(element, node.op, node.value, ignore_case);
    });
  }
  return compare_scalar(actual, node.op, node.value, ignore_case);
}

}  // namespace

user_expression parse_expression(std::string_view text, expression_dialect dialect,
                                 const expression_vocabulary& vocabulary) {
  return parser(text, dialect, vocabulary).parse();
}

user_expression parse_user_expression(std::string_view text, expression_dialect dialect) {
  return parse_expression(text, dialect, user_vocabulary());
}

bool matches(const user_expression& expression, expression_dialect dialect, const property_lookup& lookup) {
  return evaluate(*expression, dialect == expression_dialect::search, lookup);
}

}  // namespace okta_sandbox
