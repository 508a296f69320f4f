// The keywords of the supported JSON Schema subset, shared by the checker
// (schema_set::add) and the evaluator so the two can never disagree.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace wfn::json_checks {

// Keywords with no effect on validity (annotations), accepted anywhere.
bool is_annotation_keyword(std::string_view keyword) noexcept;

// Keywords the evaluator enforces.
bool is_assertion_keyword(std::string_view keyword) noexcept;

// The JSON Schema type name of a value ("integer" for whole numbers).
std::string_view json_type_name(const boost::json::value& value) noexcept;

// True when `value` is of the JSON Schema type `type_name`.
bool has_json_type(const boost::json::value& value, std::string_view type_name) noexcept;

// Appends one JSON Pointer reference token, escaping '~' and '/'.
void append_pointer_token(std::string& pointer, std::string_view token);

}  // namespace wfn::json_checks
