// schema_set::add: refuses a schema that steps outside the supported subset,
// so a manifest author learns at load time that a rule would not be enforced.
#include "schema_keywords.hpp"
#include "json_checks/schema_validator.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <mutex>
#include <vector>

namespace wfn::json_checks {
namespace {

std::string at(const std::string& schema_path) { return schema_path.empty() ? "#" : "#" + schema_path; }

using pattern_map = std::map<std::string, boost::regex, std::less<>>;

void check_schema(const boost::json::value& schema, const std::string& schema_path, pattern_map& patterns);

void check_schema_map(const boost::json::value& value, const std::string& path, pattern_map& patterns) {
    if (!value.is_object()) {
        throw schema_error(at(path) + ": expected an object of schemas");
    }
    for (const auto& member : value.get_object()) {
        std::string member_path = path;
        append_pointer_token(member_path, member.key());
        check_schema(member.value(), member_path, patterns);
    }
}

void check_schema_list(const boost::json::value& value, const std::string& path, pattern_map& patterns) {
    if (!value.is_array() || value.get_array().empty()) {
        throw schema_error(at(path) + ": expected a non-empty array of schemas");
    }
    const auto& list = value.get_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
        check_schema(list[i], path + "/" + std::to_string(i), patterns);
    }
}

void check_count(const boost::json::value& value, const std::string& path) {
    if (json_type_name(value) != "integer" || value.to_number<double>() < 0) {
        throw schema_error(at(path) + ": expected a non-negative integer");
    }
}

void check_type_keyword(const boost::json::value& value, const std::string& path) {
    constexpr std::string_view names[] = {"null", "boolean", "object", "array", "number", "integer", "string"};
    const auto is_type_name = [&](const boost::json::value& name) {
        if (!name.is_string()) {
            return false;
        }
        for (const auto known : names) {
            if (name.get_string() == known) {
                return true;
            }
        }
        return false;
    };
    if (value.is_array() && !value.get_array().empty()) {
        for (const auto& name : value.get_array()) {
            if (!is_type_name(name)) {
                throw schema_error(at(path) + ": unknown type name " + boost::json::serialize(name));
            }
        }
        return;
    }
    if (!is_type_name(value)) {
        throw schema_error(at(path) + ": expected a type name or a non-empty array of them");
    }
}

void check_assertion(std::string_view keyword, const boost::json::value& value, const std::string& path,
                     pattern_map& patterns) {
    if (keyword == "type") {
        check_type_keyword(value, path);
    } else if (keyword == "properties") {
        check_schema_map(value, path, patterns);
    } else if (keyword == "additionalProperties") {
        check_schema(value, path, patterns);
    } else if (keyword == "items") {
        if (value.is_array()) {
            throw schema_error(at(path) +
                               ": \"items\" as an array (the pre-2020-12 tuple form) is not supported");
        }
        check_schema(value, path, patterns);
    } else if (keyword == "required") {
        if (!value.is_array()) {
            throw schema_error(at(path) + ": expected an array of property names");
        }
        for (const auto& name : value.get_array()) {
            if (!name.is_string()) {
                throw schema_error(at(path) + ": expected an array of property names");
            }
        }
    } else if (keyword == "enum") {
        if (!value.is_array()) {
            throw schema_error(at(path) + ": expected an array of values");
        }
    } else if (keyword == "minimum" || keyword == "maximum") {
        if (!value.is_number()) {
            throw schema_error(at(path) + ": expected a number");
        }
    } else if (keyword == "minLength" || keyword == "maxLength" || keyword == "minItems" || keyword == "maxItems" ||
               keyword == "minProperties" || keyword == "maxProperties") {
        check_count(value, path);
    } else if (keyword == "pattern") {
        if (!value.is_string()) {
            throw schema_error(at(path) + ": expected a regular expression string");
        }
        const std::string text(value.get_string());
        try {
            if (!patterns.contains(text)) {
                patterns.emplace(text, boost::regex(text, boost::regex::ECMAScript));
            }
        } catch (const boost::regex_error& error) {
            throw schema_error(at(path) + ": not a valid ECMAScript regular expression (" + error.what() + ")");
        }
    } else if (keyword == "oneOf" || keyword == "anyOf") {
        check_schema_list(value, path, patterns);
    } else if (keyword == "$ref") {
        if (!value.is_string()) {
            throw schema_error(at(path) + ": expected a reference string");
        }
    }
    // "const" takes any value.
}

void check_schema(const boost::json::value& schema, const std::string& schema_path, pattern_map& patterns) {
    if (schema.is_bool()) {
        return;
    }
    if (!schema.is_object()) {
        throw schema_error(at(schema_path) + ": a schema must be an object or a boolean");
    }
    for (const auto& member : schema.get_object()) {
        const std::string_view keyword = member.key();
        std::string keyword_path = schema_path;
        append_pointer_token(keyword_path, keyword);
        if (keyword == "$defs") {
            check_schema_map(member.value(), keyword_path, patterns);
        } else if (is_assertion_keyword(keyword)) {
            check_assertion(keyword, member.value(), keyword_path, patterns);
        } else if (!is_annotation_keyword(keyword)) {
            throw schema_error(at(schema_path) + ": unsupported keyword \"" + std::string(keyword) + "\"");
        }
    }
}

}  // namespace

void schema_set::add(std::string name, boost::json::value document) {
    pattern_map patterns;
    try {
        check_schema(document, "", patterns);
    } catch (const schema_error& error) {
        throw schema_error(name + error.what());
    }
    // Not a structured binding: Clang 14 (the fuzz build) cannot capture one in a lambda.
    for (auto& entry : patterns) {
        compiled_pattern& slot = patterns_.try_emplace(entry.first).first->second;
        std::call_once(slot.once, [&] { slot.regex.emplace(std::move(entry.second)); });
    }
    documents_.insert_or_assign(std::move(name), std::move(document));
}

namespace {

// Every string under a "pattern" key. It may also pick up a property that
// happens to be called "pattern" with a string default; that only costs an
// unused entry, never compiled.
void collect_patterns(const boost::json::value& value, std::vector<std::string_view>& out) {
    if (value.is_object()) {
        for (const auto& member : value.get_object()) {
            if (member.key() == "pattern" && member.value().is_string()) {
                out.emplace_back(member.value().get_string());
            }
            collect_patterns(member.value(), out);
        }
    } else if (value.is_array()) {
        for (const auto& item : value.get_array()) {
            collect_patterns(item, out);
        }
    }
}

}  // namespace

void schema_set::add_prechecked(std::string name, boost::json::value document) {
    std::vector<std::string_view> texts;
    collect_patterns(document, texts);
    for (const auto text : texts) {
        patterns_.try_emplace(std::string(text));
    }
    documents_.insert_or_assign(std::move(name), std::move(document));
}

const boost::json::value* schema_set::find(std::string_view name) const noexcept {
    const auto found = documents_.find(name);
    return found == documents_.end() ? nullptr : &found->second;
}

const boost::regex* schema_set::find_pattern(std::string_view pattern) const noexcept {
    const auto found = patterns_.find(pattern);
    if (found == patterns_.end()) {
        return nullptr;
    }
    const compiled_pattern& slot = found->second;
    try {
        std::call_once(slot.once, [&] { slot.regex.emplace(found->first, boost::regex::ECMAScript); });
    } catch (...) {
        // Only a pre-checked schema can get here (add() compiles eagerly),
        // and the unit test compiles those; the caller reports it as a
        // pattern that was never compiled.
        return nullptr;
    }
    return slot.regex ? &*slot.regex : nullptr;
}

const std::string* schema_set::find_name(std::string_view name) const noexcept {
    const auto found = documents_.find(name);
    return found == documents_.end() ? nullptr : &found->first;
}

}  // namespace wfn::json_checks
