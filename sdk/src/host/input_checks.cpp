#include "input_checks.hpp"

#include "load_failure.hpp"

#include "json_checks/json_text.hpp"
#include "json_checks/near_miss.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace wfn::host::detail {
namespace {

using json_checks::schema_violation;

std::string text_at(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

// "; did you mean `X`?" for a near miss, "." otherwise.
std::string sentence_end(std::string_view given, const std::vector<std::string_view>& candidates) {
    std::string suggestion = json_checks::did_you_mean(given, candidates);
    return suggestion.empty() ? std::string(".") : suggestion;
}

std::vector<std::string_view> views(const std::vector<std::string>& names) {
    return {names.begin(), names.end()};
}

// "Limit" for "/Limit", "Profile/department" deeper down; "" for the root.
std::string field_of(const schema_violation& violation) {
    return violation.instance_path.empty() ? std::string() : violation.instance_path.substr(1);
}

boost::json::value parse_or_empty(std::string_view text) {
    return json_checks::parse_json_text(text);
}

std::string_view kind_name(const boost::json::value& value) {
    switch (value.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "a boolean";
    case boost::json::kind::string: return "a string";
    case boost::json::kind::array: return "an array";
    case boost::json::kind::object: return "an object";
    default: return "a number";
    }
}

}  // namespace

credential_schemas::credential_schemas(const bundle_manifest& manifest) {
    for (const auto& type : manifest.credential_types) {
        try {
            schemas_.add(type.id, type.document.at("schema"));
        } catch (const json_checks::schema_error& error) {
            throw load_failure(type.file, std::string("declares a credential schema the host cannot enforce: ") +
                                              error.what());
        }
    }
}

input_checks::input_checks(const bundle_manifest& manifest, const manifest_node& node,
                           std::shared_ptr<const credential_schemas> credentials)
    : node_id_(node.id), credentials_(std::move(credentials)) {
    const auto& inputs = node.document.at("inputs");
    try {
        inputs_.add("inputs", inputs);
    } catch (const json_checks::schema_error& error) {
        throw load_failure(node.file, std::string("declares an input schema the host cannot enforce: ") + error.what());
    }
    if (const auto* properties = inputs.get_object().if_contains("properties")) {
        for (const auto& property : properties->get_object()) {
            input_names_.emplace_back(property.key());
        }
    }
    default_credential_type_ = text_at(node.document, "credentialType");
    if (const auto* types = node.document.if_contains("credentialTypes")) {
        for (const auto& type : types->get_array()) {
            credential_types_.emplace_back(type.get_string());
        }
    } else if (!default_credential_type_.empty()) {
        credential_types_.push_back(default_credential_type_);
    }
    if (const auto* deferred = manifest.document.if_contains("checkedByPlugin")) {
        for (const auto& keyword : deferred->get_array()) {
            deferred_.emplace(keyword.get_string());
        }
    }
}

const schema_violation* input_checks::first_reported(const std::vector<schema_violation>& violations) const {
    for (const auto& violation : violations) {
        if (!deferred_.contains(violation.keyword)) {
            return &violation;
        }
    }
    return nullptr;
}

std::optional<std::string> input_checks::refusal(std::string_view params_json,
                                                 std::string_view credentials_json) const {
    if (auto refused = params_refusal(params_json)) {
        return refused;
    }
    return credentials_refusal(credentials_json);
}

std::vector<schema_violation> input_checks::input_violations(const boost::json::value& params) const {
    return json_checks::schema_validator(inputs_, "inputs").validate(params);
}

std::optional<std::string> input_checks::params_refusal(std::string_view params_json) const {
    boost::json::value params;
    try {
        params = parse_or_empty(params_json);
    } catch (const json_checks::json_text_error&) {
        // Every plugin must refuse text that is not JSON anyway, with its
        // own limits and messages; the schemas say nothing about it.
        return std::nullopt;
    }
    if (!params.is_object()) {
        return std::nullopt;
    }
    const auto violations = input_violations(params);
    const schema_violation* violation = first_reported(violations);
    if (violation == nullptr) {
        return std::nullopt;
    }
    const std::string field = field_of(*violation);
    if (field.empty()) {
        return "The parameters of " + node_id_ + ": " + violation->message + " (" + violation->keyword + ").";
    }
    if (violation->keyword == "additionalProperties" && field.find('/') == std::string::npos) {
        return "Parameter " + field + " is not one " + node_id_ + " declares (additionalProperties: false)" +
               sentence_end(field, views(input_names_));
    }
    return "Parameter " + field + ": " + violation->message + " (" + violation->keyword + ").";
}

std::optional<std::string> input_checks::credentials_refusal(std::string_view credentials_json) const {
    if (credential_types_.empty()) {
        return std::nullopt;
    }
    boost::json::value credentials;
    try {
        credentials = parse_or_empty(credentials_json);
    } catch (const json_checks::json_text_error&) {
        return std::nullopt;
    }
    if (!credentials.is_object()) {
        return std::nullopt;
    }
    std::string type = default_credential_type_;
    if (const auto* member = credentials.get_object().if_contains("type")) {
        if (!member->is_string()) {
            return "Credential member type must be a string naming a credential type, not " +
                   std::string(kind_name(*member)) + " (type).";
        }
        type = std::string(member->get_string());
    }
    if (std::find(credential_types_.begin(), credential_types_.end(), type) == credential_types_.end()) {
        std::string accepted;
        for (const auto& name : credential_types_) {
            accepted += (accepted.empty() ? "" : ", ") + name;
        }
        return "Credential type " + type + " is not one " + node_id_ + " accepts; it accepts " + accepted +
               sentence_end(type, views(credential_types_));
    }
    if (credentials_ == nullptr || credentials_->schemas().find(type) == nullptr) {
        // A type another plugin declares: that plugin's schema is not ours to apply.
        return std::nullopt;
    }
    const auto violations = json_checks::schema_validator(credentials_->schemas(), type).validate(credentials);
    const schema_violation* violation = first_reported(violations);
    if (violation == nullptr) {
        return std::nullopt;
    }
    const std::string field = field_of(*violation);
    if (violation->keyword == "additionalProperties" && !field.empty() && field.find('/') == std::string::npos) {
        std::vector<std::string_view> members;
        if (const auto* properties = credentials_->schemas().find(type)->get_object().if_contains("properties")) {
            for (const auto& property : properties->get_object()) {
                members.push_back(property.key());
            }
        }
        return "Credential member " + field + " is not part of a " + type + " credential (additionalProperties: false)" +
               sentence_end(field, members);
    }
    // Messages name rules and lengths, never a value, except a number's: a
    // credential's numbers are not secrets, but they are left out all the same.
    std::string message = violation->message;
    if (const auto is = message.find(", is "); is != std::string::npos &&
                                               (violation->keyword == "minimum" || violation->keyword == "maximum")) {
        message.resize(is);
    }
    return (field.empty() ? "The " + type + " credential: " : "Credential member " + field + ": ") + message + " (" +
           violation->keyword + ").";
}

}  // namespace wfn::host::detail
