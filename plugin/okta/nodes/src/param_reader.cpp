#include "nodes/param_reader.hpp"

#include <wfn/plugin.hpp>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace okta_plugin::nodes {
namespace {

[[noreturn]] void refuse(std::string_view name, const std::string& why) {
    throw wfn::invalid_input_error(std::string(name) + " " + why + ".");
}

[[noreturn]] void wrong_type(std::string_view name, std::string_view expected, const boost::json::value& got) {
    refuse(name, "must be " + std::string(expected) + ", not " + std::string(json_kind(got)));
}

// Profile values may be free text (a postal address spans lines); only the
// encoding rules apply to them.
void check_nested_text(const boost::json::value& value, const std::string& path) {
    static const text_rule free_text{0, 4096, true, false};
    if (const auto* text = value.if_string()) {
        if (auto problem = text_problem(*text, free_text)) {
            refuse(path, *problem);
        }
    } else if (const auto* object = value.if_object()) {
        for (const auto& member : *object) {
            if (auto problem = text_problem(member.key(), text_rule{1, 256, false, false})) {
                refuse(path + " key \"" + std::string(member.key()) + "\"", *problem);
            }
            check_nested_text(member.value(), path + "." + std::string(member.key()));
        }
    } else if (const auto* array = value.if_array()) {
        for (std::size_t i = 0; i < array->size(); ++i) {
            check_nested_text((*array)[i], path + "[" + std::to_string(i) + "]");
        }
    }
}

}  // namespace

std::string_view json_kind(const boost::json::value& value) {
    switch (value.kind()) {
        case boost::json::kind::null: return "null";
        case boost::json::kind::bool_: return "a boolean";
        case boost::json::kind::int64:
        case boost::json::kind::uint64:
        case boost::json::kind::double_: return "a number";
        case boost::json::kind::string: return "a string";
        case boost::json::kind::array: return "an array";
        case boost::json::kind::object: return "an object";
    }
    return "a value";
}

param_reader::param_reader(const boost::json::object& params, std::string_view node_id,
                           std::initializer_list<std::string_view> known)
    : params_(params) {
    for (const auto& member : params) {
        if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
            std::string list;
            for (std::string_view name : known) {
                list += list.empty() ? "" : ", ";
                list += name;
            }
            throw wfn::invalid_input_error("Parameter \"" + std::string(member.key()) + "\" is not one " +
                                           std::string(node_id) + " takes; it takes " + list + ".");
        }
        // No parameter's declared type includes null: the manifest's schema
        // calls it invalid, so the plugin must not quietly take it as absent.
        if (member.value().is_null()) {
            throw wfn::invalid_input_error(std::string(member.key()) +
                                           " is null: give it a value, or leave it out if it is optional.");
        }
    }
}

const boost::json::value* param_reader::find(std::string_view name) const {
    return params_.if_contains(name);
}

bool param_reader::has(std::string_view name) const { return find(name) != nullptr; }

std::string param_reader::required_text(std::string_view name, const text_rule& rule) const {
    if (!has(name)) {
        refuse(name, "is required");
    }
    return *optional_text(name, rule);
}

const boost::json::string* param_reader::checked_text(std::string_view name, const text_rule& rule) const {
    const auto* value = find(name);
    if (value == nullptr) {
        return nullptr;
    }
    const auto* text = value->if_string();
    if (text == nullptr) {
        wrong_type(name, "a string", *value);
    }
    if (auto problem = text_problem(*text, rule)) {
        refuse(name, *problem);
    }
    return text;
}

std::optional<std::string> param_reader::optional_text(std::string_view name, const text_rule& rule) const {
    const auto* text = checked_text(name, rule);
    return text == nullptr ? std::nullopt : std::optional<std::string>(std::string(*text));
}

std::optional<wire::secret_text> param_reader::optional_secret(std::string_view name, const text_rule& rule) const {
    const auto* text = checked_text(name, rule);
    return text == nullptr ? std::nullopt : std::optional<wire::secret_text>(std::in_place, *text);
}

bool param_reader::optional_bool(std::string_view name, bool fallback) const {
    const auto* value = find(name);
    if (value == nullptr) {
        return fallback;
    }
    if (!value->is_bool()) {
        wrong_type(name, "true or false", *value);
    }
    return value->as_bool();
}

std::optional<std::int64_t> param_reader::optional_integer(std::string_view name, std::int64_t min,
                                                           std::int64_t max) const {
    const auto* value = find(name);
    if (value == nullptr) {
        return std::nullopt;
    }
    const auto out_of_range = [&](const std::string& got) {
        refuse(name, "must be from " + std::to_string(min) + " to " + std::to_string(max) + " (got " + got + ")");
    };
    if (value->is_uint64()) {
        out_of_range(std::to_string(value->as_uint64()));
    }
    std::int64_t number = 0;
    if (value->is_int64()) {
        number = value->as_int64();
    } else if (value->is_double() && std::trunc(value->as_double()) == value->as_double() &&
               std::abs(value->as_double()) < 1e15) {
        // Some engines send every number as a double: 10.0 is still ten.
        number = static_cast<std::int64_t>(value->as_double());
    } else if (value->is_double()) {
        refuse(name, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + " (got " +
                         boost::json::serialize(*value) + ")");
    } else {
        wrong_type(name, "a whole number", *value);
    }
    if (number < min || number > max) {
        out_of_range(std::to_string(number));
    }
    return number;
}

std::optional<boost::json::object> param_reader::optional_object(std::string_view name) const {
    const auto* value = find(name);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_object()) {
        wrong_type(name, "an object", *value);
    }
    check_nested_text(*value, std::string(name));
    return value->as_object();
}

std::vector<std::string> param_reader::optional_text_list(std::string_view name, std::size_t max_items,
                                                          const text_rule& rule) const {
    const auto* value = find(name);
    std::vector<std::string> items;
    if (value == nullptr) {
        return items;
    }
    const auto* array = value->if_array();
    if (array == nullptr) {
        wrong_type(name, "an array of strings", *value);
    }
    if (array->size() > max_items) {
        refuse(name, "holds " + std::to_string(array->size()) + " items; at most " + std::to_string(max_items) +
                         " are allowed");
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string item_name = std::string(name) + "[" + std::to_string(i) + "]";
        const auto* text = (*array)[i].if_string();
        if (text == nullptr) {
            wrong_type(item_name, "a string", (*array)[i]);
        }
        if (auto problem = text_problem(*text, rule)) {
            refuse(item_name, *problem);
        }
        items.emplace_back(*text);
    }
    return items;
}

}  // namespace okta_plugin::nodes
