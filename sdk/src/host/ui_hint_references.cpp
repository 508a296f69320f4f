#include "ui_hint_references.hpp"

#include "load_failure.hpp"

#include <boost/json/array.hpp>

#include <map>
#include <string>

namespace wfn::host::detail {
namespace {

const boost::json::object* object_member(const boost::json::object& object, std::string_view key) {
    const auto* member = object.if_contains(key);
    return member != nullptr && member->is_object() ? &member->get_object() : nullptr;
}

bool is_required(const boost::json::object& inputs, std::string_view name) {
    const auto* required = inputs.if_contains("required");
    if (required == nullptr || !required->is_array()) {
        return false;
    }
    for (const auto& entry : required->get_array()) {
        if (entry.is_string() && entry.get_string() == name) {
            return true;
        }
    }
    return false;
}

const manifest_node* find_node(const bundle_manifest& bundle, std::string_view id) {
    for (const auto& node : bundle.nodes) {
        if (node.id == id) {
            return &node;
        }
    }
    return nullptr;
}

void check_show_if(const manifest_node& node, const boost::json::object& properties, const std::string& input,
                   const boost::json::object& show_if) {
    if (show_if.empty()) {
        throw load_failure(node.file, "input " + input + ": x-ui.showIf names no input");
    }
    for (const auto& [sibling, values] : show_if) {
        const std::string name(sibling);
        if (name == input || !properties.contains(sibling)) {
            throw load_failure(node.file, "input " + input + ": x-ui.showIf names " + name +
                                              ", which is not another input of " + node.id);
        }
    }
}

void check_options(const bundle_manifest& bundle, const manifest_node& node, const std::string& input,
                   const boost::json::object& options) {
    const std::string source(options.at("node").get_string());
    const manifest_node* lister = find_node(bundle, source);
    if (lister == nullptr) {
        throw load_failure(node.file, "input " + input + ": x-ui.options names node " + source +
                                          ", which is not one of the plugin's nodes");
    }
    const std::string items(options.at("items").get_string());
    const auto* outputs = object_member(lister->document, "outputs");
    const auto* output_properties = outputs != nullptr ? object_member(*outputs, "properties") : nullptr;
    const auto* list = output_properties != nullptr ? object_member(*output_properties, items) : nullptr;
    const auto* type = list != nullptr ? list->if_contains("type") : nullptr;
    if (type == nullptr || !type->is_string() || type->get_string() != "array") {
        throw load_failure(node.file, "input " + input + ": x-ui.options takes items from " + source + "'s output " +
                                          items + ", which that node does not declare as an array");
    }
}

}  // namespace

void check_ui_hint_references(const bundle_manifest& bundle) {
    for (const auto& node : bundle.nodes) {
        const auto* inputs = object_member(node.document, "inputs");
        const auto* properties = inputs != nullptr ? object_member(*inputs, "properties") : nullptr;
        if (properties == nullptr) {
            continue;
        }
        std::map<std::string, std::vector<std::string>> choice_groups;
        for (const auto& [key, schema] : *properties) {
            const std::string input(key);
            const auto* hints = schema.is_object() ? object_member(schema.get_object(), "x-ui") : nullptr;
            if (hints == nullptr) {
                continue;
            }
            if (const auto* show_if = object_member(*hints, "showIf")) {
                check_show_if(node, *properties, input, *show_if);
            }
            if (const auto* group = object_member(*hints, "choiceGroup")) {
                if (is_required(*inputs, input)) {
                    throw load_failure(node.file, "input " + input +
                                                      " is required, so it cannot be one alternative of x-ui.choiceGroup " +
                                                      std::string(group->at("name").get_string()));
                }
                choice_groups[std::string(group->at("name").get_string())].push_back(input);
            }
            if (const auto* options = object_member(*hints, "options")) {
                check_options(bundle, node, input, *options);
            }
        }
        for (const auto& [group, members] : choice_groups) {
            if (members.size() < 2) {
                throw load_failure(node.file, "x-ui.choiceGroup " + group + " has only the input " + members.front() +
                                                  ": a choice needs at least two");
            }
        }
    }
}

}  // namespace wfn::host::detail
