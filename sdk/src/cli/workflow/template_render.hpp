// {{ expr }} templates in workflow step parameters.
//
// A string that is exactly one template becomes the referenced JSON value
// itself, type kept ("{{ input.count }}" gives 3, not "3"). Templates inside a
// longer string are replaced by the value's text: a string as is, anything
// else as compact JSON. Expressions are dotted paths from a root:
//   input…        the workflow input (--input)
//   steps.<name>… an earlier step's output; for a forEach step, its array of
//                 outputs
//   item…         the current element, inside forEach only
//   index         the current element's position, inside forEach only
// A segment made of digits indexes an array: steps.list.Users.0.id.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace wfn::cli {

// A template that cannot be rendered; what() names the expression.
class template_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What expressions can see. Borrowed; must outlive the render call.
struct template_scope {
    const boost::json::value& input;
    const boost::json::value& steps;  // an object: step name -> output(s)
    const boost::json::value* item = nullptr;  // set inside forEach
    std::optional<std::size_t> index;          // set inside forEach
};

// The value `expression` (without braces) refers to. Throws template_error.
boost::json::value evaluate_expression(std::string_view expression, const template_scope& scope);

// `value` with every template in every string replaced (object keys are left
// as they are). Throws template_error for the first template that fails.
boost::json::value render_templates(const boost::json::value& value, const template_scope& scope);

}  // namespace wfn::cli
