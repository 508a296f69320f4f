#include "schema_variants.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstdint>
#include <utility>

namespace okta_it {
namespace {

namespace json = boost::json;

using labelled_values = std::vector<std::pair<std::string, json::value>>;

std::string type_of(const json::object& schema) {
    const auto* type = schema.if_contains("type");
    if (type == nullptr) {
        return {};
    }
    if (type->is_array()) {
        return type->as_array().empty() ? std::string() : std::string(type->as_array().front().as_string());
    }
    return std::string(type->as_string());
}

std::string text_at(const json::object& schema, std::string_view key) {
    const auto* value = schema.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

// `count` repetitions of `unit` (one character, of one or more UTF-8
// bytes); for format email the address shape a…a@b.c of that length, so a
// length probe breaks the length rule and nothing else.
std::string text_of_length(const json::object& schema, std::size_t count, std::string_view unit) {
    const std::string_view domain = "@b.c";
    const bool email = text_at(schema, "format") == "email" && count > domain.size();
    std::string text;
    for (std::size_t i = 0; i < (email ? count - domain.size() : count); ++i) {
        text += unit;
    }
    if (email) {
        text += domain;
    }
    return text;
}

// A number of the schema's kind: a whole number for "integer".
json::value number_like(const json::object& schema, double number) {
    if (type_of(schema) == "integer") {
        return static_cast<std::int64_t>(number);
    }
    return number;
}

std::string label_of(const json::value& value) {
    std::string text = json::serialize(value);
    if (text.size() > 40) {
        text = text.substr(0, 20) + "…(" + std::to_string(text.size()) + " bytes)";
    }
    return text;
}

void add(labelled_values& values, json::value value) {
    std::string label = label_of(value);
    values.emplace_back(std::move(label), std::move(value));
}

std::vector<std::string> required_of(const json::object& schema) {
    std::vector<std::string> names;
    if (const auto* required = schema.if_contains("required")) {
        for (const auto& name : required->as_array()) {
            names.emplace_back(name.as_string());
        }
    }
    return names;
}

// The branches of the root's oneOf and anyOf, each as the names it requires.
std::vector<std::vector<std::string>> alternatives_of(const json::object& inputs) {
    std::vector<std::vector<std::string>> branches;
    for (const char* keyword : {"oneOf", "anyOf"}) {
        if (const auto* list = inputs.if_contains(keyword)) {
            for (const auto& branch : list->as_array()) {
                branches.push_back(required_of(branch.as_object()));
            }
        }
    }
    return branches;
}

const json::object& property_schema(const json::object& inputs, std::string_view name) {
    return inputs.at("properties").at(name).as_object();
}

// Values around every rule `schema` declares: each kind of JSON value
// against `type`, one outside enum / const, each bound and one past it,
// pattern candidates, and for arrays each probe of the items as the one item.
labelled_values probes_for(const json::object& schema) {
    labelled_values values;
    for (json::value kind : {json::value("7"), json::value(7), json::value(2.5), json::value(true),
                             json::value(json::array{}), json::value(json::object{}), json::value(nullptr)}) {
        add(values, std::move(kind));
    }
    if (const auto* choices = schema.if_contains("enum")) {
        const auto& first = choices->as_array().front();
        add(values, first.is_string() ? json::value("NOT_" + std::string(first.as_string())) : json::value(-12345));
    }
    if (const auto* fixed = schema.if_contains("const")) {
        add(values, fixed->is_string() ? json::value("NOT_" + std::string(fixed->as_string())) : json::value(-12345));
    }
    if (const auto* minimum = schema.if_contains("minimum")) {
        const double bound = minimum->to_number<double>();
        add(values, number_like(schema, bound - 1));
        add(values, number_like(schema, bound));
        add(values, json::value(bound));  // a whole number written as a double is still that number
    }
    if (const auto* maximum = schema.if_contains("maximum")) {
        const double bound = maximum->to_number<double>();
        add(values, number_like(schema, bound));
        add(values, number_like(schema, bound + 1));
    }
    // Lengths count characters: each probe in one-byte and two-byte ones.
    for (std::string_view unit : {"a", "\xC3\xA9"}) {
        if (const auto* minimum = schema.if_contains("minLength")) {
            const auto bound = minimum->to_number<std::size_t>();
            if (bound > 0) {
                add(values, json::value(text_of_length(schema, bound - 1, unit)));
            }
            add(values, json::value(text_of_length(schema, bound, unit)));
        }
        if (const auto* maximum = schema.if_contains("maxLength")) {
            const auto bound = maximum->to_number<std::size_t>();
            add(values, json::value(text_of_length(schema, bound, unit)));
            add(values, json::value(text_of_length(schema, bound + 1, unit)));
        }
    }
    if (schema.contains("pattern")) {
        for (const char* candidate : {"", "a", "A", "0", "-", "!", "a b", "\xC3\xA9"}) {
            add(values, json::value(candidate));
        }
    }
    if (const auto* items = schema.if_contains("items"); items != nullptr && items->is_object()) {
        const json::value item = sample_value(items->as_object());
        for (const char* keyword : {"minItems", "maxItems"}) {
            if (const auto* bound = schema.if_contains(keyword)) {
                const auto count = bound->to_number<std::size_t>();
                for (std::size_t size : {count == 0 ? std::size_t{0} : count - 1, count, count + 1}) {
                    add(values, json::value(json::array(size, item)));
                }
            }
        }
        for (auto& [label, value] : probes_for(items->as_object())) {
            values.emplace_back("[" + label + "]", json::array{std::move(value)});
        }
    }
    return values;
}

}  // namespace

json::value sample_value(const json::object& schema) {
    if (const auto* fixed = schema.if_contains("const")) {
        return *fixed;
    }
    if (const auto* choices = schema.if_contains("enum")) {
        return choices->as_array().front();
    }
    const std::string type = type_of(schema);
    if (type == "string") {
        std::size_t length = 1;
        if (const auto* minimum = schema.if_contains("minLength")) {
            length = std::max<std::size_t>(length, minimum->to_number<std::size_t>());
        }
        return json::value(text_of_length(schema, length, "a"));
    }
    if (type == "integer" || type == "number") {
        const auto* minimum = schema.if_contains("minimum");
        return number_like(schema, minimum != nullptr ? minimum->to_number<double>() : 0.0);
    }
    if (type == "boolean") {
        return false;
    }
    if (type == "array") {
        std::size_t count = 0;
        if (const auto* minimum = schema.if_contains("minItems")) {
            count = minimum->to_number<std::size_t>();
        }
        const auto* items = schema.if_contains("items");
        return json::array(count, items != nullptr && items->is_object() ? sample_value(items->as_object())
                                                                         : json::value("a"));
    }
    if (type == "object") {
        json::object object;
        for (const auto& name : required_of(schema)) {
            object[name] = sample_value(property_schema(schema, name));
        }
        return object;
    }
    return nullptr;
}

json::object base_params(const json::object& inputs) {
    json::object params = sample_value(inputs).as_object();
    const auto branches = alternatives_of(inputs);
    if (!branches.empty()) {
        for (const auto& name : branches.front()) {
            params[name] = sample_value(property_schema(inputs, name));
        }
    }
    return params;
}

std::vector<params_variant> variants_of(const json::object& inputs) {
    const json::object base = base_params(inputs);
    std::vector<params_variant> variants;
    for (const auto& name : required_of(inputs)) {
        json::object params = base;
        params.erase(name);
        variants.push_back({"without " + name, name, std::move(params)});
    }
    for (const auto& property : inputs.at("properties").as_object()) {
        const std::string name(property.key());
        const auto& schema = property.value().as_object();
        if (!base.contains(name)) {
            json::object params = base;
            params[name] = sample_value(schema);
            variants.push_back({name + " = " + label_of(params[name]), name, std::move(params)});
        }
        for (auto& [label, value] : probes_for(schema)) {
            json::object params = base;
            params[name] = std::move(value);
            variants.push_back({name + " = " + label, name, std::move(params)});
        }
    }
    const auto branches = alternatives_of(inputs);
    if (!branches.empty()) {
        json::object none = base;
        json::object all = base;
        for (const auto& branch : branches) {
            for (const auto& name : branch) {
                none.erase(name);
                all[name] = sample_value(property_schema(inputs, name));
            }
        }
        // Each alternative alone, with each probe of its parameters: a branch
        // may say more about its parameter than the property does.
        for (const auto& branch : branches) {
            for (const auto& name : branch) {
                json::object alone = none;
                alone[name] = sample_value(property_schema(inputs, name));
                variants.push_back({"only " + name, name, alone});
                for (auto& [label, value] : probes_for(property_schema(inputs, name))) {
                    json::object probed = none;
                    probed[name] = std::move(value);
                    variants.push_back({"only " + name + " = " + label, name, std::move(probed)});
                }
            }
        }
        const std::string first = branches.front().empty() ? std::string() : branches.front().front();
        variants.push_back({"no alternative", first, std::move(none)});
        variants.push_back({"every alternative", first, std::move(all)});
    }
    return variants;
}

}  // namespace okta_it
