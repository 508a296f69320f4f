#include "schema_keywords.hpp"

#include <array>
#include <algorithm>
#include <cmath>

namespace wfn::json_checks {
namespace {

// `format` is an annotation in 2020-12 unless a vocabulary says otherwise.
constexpr std::array<std::string_view, 9> annotation_keywords{
    "$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples", "format"};

constexpr std::array<std::string_view, 19> assertion_keywords{
    "type",          "properties",    "required",  "additionalProperties", "items",    "enum",     "const",
    "minimum",       "maximum",       "minLength", "maxLength",            "minItems", "maxItems", "pattern",
    "minProperties", "maxProperties", "oneOf",     "anyOf",                "$ref"};

bool is_whole_number(double number) noexcept { return std::isfinite(number) && std::trunc(number) == number; }

}  // namespace

bool is_annotation_keyword(std::string_view keyword) noexcept {
    return keyword.starts_with("x-") ||
           std::find(annotation_keywords.begin(), annotation_keywords.end(), keyword) != annotation_keywords.end();
}

bool is_assertion_keyword(std::string_view keyword) noexcept {
    return std::find(assertion_keywords.begin(), assertion_keywords.end(), keyword) != assertion_keywords.end();
}

std::string_view json_type_name(const boost::json::value& value) noexcept {
    switch (value.kind()) {
    case boost::json::kind::null:
        return "null";
    case boost::json::kind::bool_:
        return "boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
        return "integer";
    case boost::json::kind::double_:
        return is_whole_number(value.get_double()) ? "integer" : "number";
    case boost::json::kind::string:
        return "string";
    case boost::json::kind::array:
        return "array";
    case boost::json::kind::object:
        return "object";
    }
    return "unknown";
}

bool has_json_type(const boost::json::value& value, std::string_view type_name) noexcept {
    if (type_name == "number") {
        return value.is_number();
    }
    return json_type_name(value) == type_name;
}

void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer += '/';
    for (const char c : token) {
        if (c == '~') {
            pointer += "~0";
        } else if (c == '/') {
            pointer += "~1";
        } else {
            pointer += c;
        }
    }
}

}  // namespace wfn::json_checks
