#include "node_summary.hpp"

#include "text_wrap.hpp"

#include <wfn/abi.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <limits>
#include <sstream>
#include <vector>

namespace wfn::cli {

boost::json::array node_flag_names(std::uint32_t flags) {
    boost::json::array names;
    if ((flags & WFN_NODE_FLAG_SIDE_EFFECTS) != 0) {
        names.emplace_back("sideEffects");
    }
    if ((flags & WFN_NODE_FLAG_IDEMPOTENT) != 0) {
        names.emplace_back("idempotent");
    }
    return names;
}

std::vector<std::string> credential_type_ids(const boost::json::object& manifest) {
    std::vector<std::string> ids;
    if (const auto* list = manifest.if_contains("credentialTypes"); list != nullptr && list->is_array()) {
        for (const boost::json::value& id : list->get_array()) {
            if (id.is_string()) {
                ids.emplace_back(id.get_string());
            }
        }
    }
    if (const auto* single = manifest.if_contains("credentialType");
        single != nullptr && single->is_string() &&
        std::find(ids.begin(), ids.end(), single->get_string()) == ids.end()) {
        ids.insert(ids.begin(), std::string(single->get_string()));
    }
    return ids;
}

namespace {

namespace json = boost::json;

// A string as written, anything else as JSON: ReturnAll is false, Limit 200.
std::string plain(const json::value& value) {
    return value.is_string() ? std::string(value.get_string()) : json::serialize(value);
}

const json::object* object_at(const json::object& object, std::string_view key) {
    const auto* member = object.if_contains(key);
    return member != nullptr && member->is_object() ? &member->get_object() : nullptr;
}

std::string string_at(const json::object& object, std::string_view key) {
    const auto* member = object.if_contains(key);
    return member != nullptr && member->is_string() ? std::string(member->get_string()) : std::string();
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string text;
    for (const std::string& part : parts) {
        text += (text.empty() ? "" : std::string(separator)) + part;
    }
    return text;
}

std::vector<std::string> plain_all(const json::array& values) {
    std::vector<std::string> texts;
    for (const json::value& value : values) {
        texts.push_back(plain(value));
    }
    return texts;
}

// "string", "integer or null", "array of object"; "any" without a type.
std::string type_text(const json::object& schema) {
    const auto* type = schema.if_contains("type");
    std::string text = "any";
    if (type != nullptr && type->is_string()) {
        text = type->get_string();
    } else if (type != nullptr && type->is_array()) {
        text = joined(plain_all(type->get_array()), " or ");
    }
    if (const auto* items = object_at(schema, "items"); text == "array" && items != nullptr) {
        text += " of " + type_text(*items);
    }
    return text;
}

void add_range(const json::object& schema, std::string_view low, std::string_view high, std::string_view unit,
               std::vector<std::string>& rules) {
    const auto* from = schema.if_contains(low);
    const auto* to = schema.if_contains(high);
    if (from != nullptr && to != nullptr) {
        rules.push_back(plain(*from) + " to " + plain(*to) + std::string(unit));
    } else if (from != nullptr) {
        rules.push_back("at least " + plain(*from) + std::string(unit));
    } else if (to != nullptr) {
        rules.push_back("at most " + plain(*to) + std::string(unit));
    }
}

// What a value must be, besides its type: "one of A, B", "0 to 10".
std::vector<std::string> value_rules(const json::object& schema) {
    std::vector<std::string> rules;
    if (const auto* values = schema.if_contains("enum"); values != nullptr && values->is_array()) {
        rules.push_back("one of " + joined(plain_all(values->get_array()), ", "));
    }
    if (const auto* value = schema.if_contains("const")) {
        rules.push_back("always " + plain(*value));
    }
    add_range(schema, "minimum", "maximum", "", rules);
    add_range(schema, "minLength", "maxLength", " characters", rules);
    add_range(schema, "minItems", "maxItems", " items", rules);
    add_range(schema, "minProperties", "maxProperties", " properties", rules);
    if (const std::string format = string_at(schema, "format"); !format.empty()) {
        rules.push_back("format " + format);
    }
    if (const std::string pattern = string_at(schema, "pattern"); !pattern.empty()) {
        rules.push_back("matching " + pattern);
    }
    return rules;
}

bool flag_at(const json::object& object, std::string_view key) {
    const auto* member = object.if_contains(key);
    return member != nullptr && member->is_bool() && member->get_bool();
}

// "shown when ReturnAll is false", "… is one of A or B", joined by "and".
std::string show_if_text(const json::object& show_if) {
    std::vector<std::string> conditions;
    for (const auto& [name, values] : show_if) {
        if (!values.is_array()) {
            continue;
        }
        const auto& list = values.get_array();
        conditions.push_back(std::string(name) + (list.size() == 1 ? " is " : " is one of ") +
                             joined(plain_all(list), " or "));
    }
    return "shown when " + joined(conditions, " and ");
}

// "choices from okta.user.list (Users: profile.login → id)": the node a
// picker runs, the list it offers and what a person sees → what the input gets.
std::string options_text(const json::object& options) {
    std::string text = "choices from " + string_at(options, "node") + " (" + string_at(options, "items") + ": " +
                       string_at(options, "label") + " \u2192 " + string_at(options, "value") + ")";
    if (const auto* params = object_at(options, "params"); params != nullptr && !params->empty()) {
        text += ", listed with " + json::serialize(*params);
    }
    return text;
}

struct field {
    std::string name;
    const json::object* schema;
    std::int64_t order;
};

// The properties in form order: x-ui order first, then as the manifest lists them.
std::vector<field> fields_in_order(const json::object& object_schema) {
    std::vector<field> fields;
    const json::object* properties = object_at(object_schema, "properties");
    if (properties == nullptr) {
        return fields;
    }
    for (const auto& [name, schema] : *properties) {
        if (!schema.is_object()) {
            continue;
        }
        std::int64_t order = std::numeric_limits<std::int64_t>::max();
        if (const auto* ui = object_at(schema.get_object(), "x-ui")) {
            if (const auto* value = ui->if_contains("order"); value != nullptr && value->is_int64()) {
                order = value->get_int64();
            }
        }
        fields.push_back({std::string(name), &schema.get_object(), order});
    }
    std::stable_sort(fields.begin(), fields.end(),
                     [](const field& a, const field& b) { return a.order < b.order; });
    return fields;
}

bool is_required(const json::object& object_schema, std::string_view name) {
    const auto* required = object_schema.if_contains("required");
    if (required == nullptr || !required->is_array()) {
        return false;
    }
    const auto& names = required->get_array();
    return std::any_of(names.begin(), names.end(), [&](const json::value& v) { return v.is_string() && v.get_string() == name; });
}

// Inputs get every detail; outputs and credential members one line each.
enum class field_kind { input, output, credential };

// "  Limit "Max Items": integer, 1 to 200, default 20" and, for inputs, the
// lines on when it shows, its choice group, its picker and its description.
void print_fields(std::ostringstream& text, const json::object& object_schema, field_kind kind,
                  std::string_view indent) {
    for (const field& entry : fields_in_order(object_schema)) {
        const json::object& schema = *entry.schema;
        const json::object* ui = object_at(schema, "x-ui");
        std::vector<std::string> facts{type_text(schema)};
        if (is_required(object_schema, entry.name)) {
            facts.emplace_back(kind == field_kind::output ? "always present" : "required");
        }
        for (std::string& rule : value_rules(schema)) {
            facts.push_back(std::move(rule));
        }
        if (const auto* fallback = schema.if_contains("default")) {
            facts.push_back("default " + plain(*fallback));
        }
        if (ui != nullptr && flag_at(*ui, "secret")) {
            facts.emplace_back("secret");
        }
        if (ui != nullptr && flag_at(*ui, "advanced")) {
            facts.emplace_back("advanced");
        }
        const std::string title = string_at(schema, "title");
        text << indent << entry.name << (title.empty() || title == entry.name ? "" : " \"" + title + "\"") << ": "
             << joined(facts, ", ") << '\n';
        if (kind != field_kind::input) {
            continue;
        }
        const std::string detail = std::string(indent) + "    ";
        if (const auto* show_if = ui != nullptr ? object_at(*ui, "showIf") : nullptr) {
            text << detail << show_if_text(*show_if) << '\n';
        }
        if (const auto* group = ui != nullptr ? object_at(*ui, "choiceGroup") : nullptr) {
            text << detail << "in choice group \"" << string_at(*group, "name") << "\" as \"" << string_at(*group, "label")
                 << "\"\n";
        }
        if (const auto* options = ui != nullptr ? object_at(*ui, "options") : nullptr) {
            text << detail << options_text(*options) << '\n';
        }
        if (const std::string description = string_at(schema, "description"); !description.empty()) {
            text << wrapped(description, detail);
        }
    }
}

// "  group: GroupId "By ID" or GroupName "By Name"", one line per group, in
// the order their first input comes.
void print_choice_groups(std::ostringstream& text, const json::object& inputs) {
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;
    for (const field& entry : fields_in_order(inputs)) {
        const json::object* ui = object_at(*entry.schema, "x-ui");
        const json::object* group = ui != nullptr ? object_at(*ui, "choiceGroup") : nullptr;
        if (group == nullptr) {
            continue;
        }
        const std::string name = string_at(*group, "name");
        auto found = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == name; });
        if (found == groups.end()) {
            found = groups.insert(groups.end(), {name, {}});
        }
        found->second.push_back(entry.name + " \"" + string_at(*group, "label") + "\"");
    }
    if (groups.empty()) {
        return;
    }
    text << "\nChoice groups (give exactly one input of each):\n";
    for (const auto& [name, members] : groups) {
        text << "  " << name << ": " << joined(members, " or ") << '\n';
    }
}

void print_credential_types(std::ostringstream& text, const host::plugin_host& host, const json::object& manifest) {
    const std::vector<std::string> ids = credential_type_ids(manifest);
    if (ids.empty()) {
        text << "\nCredential types: none\n";
        return;
    }
    text << "\nCredential types" << (ids.size() > 1 ? " (any one of them)" : "") << ":\n";
    for (const std::string& id : ids) {
        const json::object* type = host.find_credential_type(id);
        if (type == nullptr) {
            text << "  " << id << " (not provided by any loaded plugin)\n";
            continue;
        }
        const std::string name = string_at(*type, "displayName");
        text << "  " << id << (name.empty() ? "" : " \"" + name + "\"") << '\n';
        if (const json::object* schema = object_at(*type, "schema")) {
            print_fields(text, *schema, field_kind::credential, "    ");
        }
    }
}

}  // namespace

std::string node_summary_text(const host::plugin_host& host, const host::node_info& node) {
    const json::object& manifest = node.manifest;
    std::ostringstream text;
    text << node.display_name << " (" << node.id << ", version " << node.version << ")\n";
    for (const host::plugin_info& plugin : host.plugins()) {
        if (plugin.id == node.plugin_id) {
            text << "Plugin: " << plugin.name << " (" << plugin.id << ' ' << plugin.version << ")\n";
        }
    }
    std::vector<std::string> flags;
    for (const json::value& flag : node_flag_names(node.flags)) {
        flags.push_back(plain(flag));
    }
    text << "Flags: " << (flags.empty() ? std::string("none") : joined(flags, ", ")) << '\n';
    if (const auto* scopes = manifest.if_contains("scopes"); scopes != nullptr && scopes->is_array()) {
        text << "Scopes: " << joined(plain_all(scopes->get_array()), ", ") << '\n';
    }
    if (const std::string docs = string_at(manifest, "docsUrl"); !docs.empty()) {
        text << "Docs: " << docs << '\n';
    }
    if (const std::string description = string_at(manifest, "description"); !description.empty()) {
        text << '\n' << wrapped(description, "");
    }
    const json::object* inputs = object_at(manifest, "inputs");
    text << "\nInputs:\n";
    if (inputs == nullptr || fields_in_order(*inputs).empty()) {
        text << "  none declared\n";
    } else {
        print_fields(text, *inputs, field_kind::input, "  ");
        print_choice_groups(text, *inputs);
    }
    if (const json::object* outputs = object_at(manifest, "outputs")) {
        text << "\nOutputs:\n";
        print_fields(text, *outputs, field_kind::output, "  ");
    }
    print_credential_types(text, host, manifest);
    return std::move(text).str();
}

}  // namespace wfn::cli
