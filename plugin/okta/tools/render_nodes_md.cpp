// Renders plugin/okta/NODES.md from manifests/okta, so that the node
// reference cannot drift from what the canvas shows.
//
//   okta_nodes_md <manifest dir>                 print the Markdown
//   okta_nodes_md <manifest dir> --write <file>  write it to <file>
//   okta_nodes_md <manifest dir> --check <file>  exit 1 if <file> differs
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

json::value read_json(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + file.string());
    }
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

std::string text_of(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

// One Markdown table cell: no line breaks, pipes escaped.
std::string cell(std::string text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') {
            out += ' ';
        } else if (c == '|') {
            out += "\\|";
        } else {
            out += c;
        }
    }
    return out;
}

std::string number(const json::value& value) {
    return value.is_int64() ? std::to_string(value.as_int64()) : json::serialize(value);
}

std::string describe_type(const json::object& schema) {
    std::string type = text_of(schema, "type");
    if (type.empty()) {
        type = "any";
    }
    if (type == "array") {
        if (const auto* items = schema.if_contains("items"); items != nullptr && items->is_object()) {
            type = "array of " + describe_type(items->as_object());
        }
        if (const auto* most = schema.if_contains("maxItems")) {
            type += ", at most " + number(*most) + " items";
        }
        return type;
    }
    const auto* min_length = schema.if_contains("minLength");
    const auto* max_length = schema.if_contains("maxLength");
    if (min_length != nullptr && max_length != nullptr) {
        type += ", " + number(*min_length) + "–" + number(*max_length) + " characters";
    } else if (max_length != nullptr) {
        type += ", at most " + number(*max_length) + " characters";
    }
    const auto* minimum = schema.if_contains("minimum");
    const auto* maximum = schema.if_contains("maximum");
    if (minimum != nullptr && maximum != nullptr) {
        type += ", " + number(*minimum) + "–" + number(*maximum);
    }
    if (const auto* format = schema.if_contains("format"); format != nullptr && format->is_string()) {
        type += ", " + std::string(format->as_string());
    }
    return type;
}

bool is_secret(const json::object& schema) {
    const auto* ui = schema.if_contains("x-ui");
    if (ui == nullptr || !ui->is_object()) {
        return false;
    }
    const auto* secret = ui->as_object().if_contains("secret");
    return secret != nullptr && secret->is_bool() && secret->as_bool();
}

std::int64_t order_of(const json::object& schema) {
    const auto* ui = schema.if_contains("x-ui");
    if (ui != nullptr && ui->is_object()) {
        if (const auto* order = ui->as_object().if_contains("order"); order != nullptr && order->is_int64()) {
            return order->as_int64();
        }
    }
    return 1000;
}

// Properties in canvas order (x-ui.order, then name).
std::vector<std::pair<std::string, const json::object*>> ordered_properties(const json::object& schema) {
    std::vector<std::pair<std::string, const json::object*>> list;
    if (const auto* properties = schema.if_contains("properties"); properties != nullptr && properties->is_object()) {
        for (const auto& member : properties->as_object()) {
            list.emplace_back(std::string(member.key()), &member.value().as_object());
        }
    }
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return order_of(*a.second) < order_of(*b.second);
    });
    return list;
}

bool is_required(const json::object& schema, const std::string& name) {
    const auto* required = schema.if_contains("required");
    if (required == nullptr || !required->is_array()) {
        return false;
    }
    const auto& names = required->as_array();
    return std::find(names.begin(), names.end(), json::value(name)) != names.end();
}

void render_inputs(std::ostream& out, const json::object& schema, std::string_view noun) {
    const auto properties = ordered_properties(schema);
    if (properties.empty()) {
        out << "None.\n\n";
        return;
    }
    out << "| " << noun << " | Label | Type | Required | Default | Description |\n|---|---|---|---|---|---|\n";
    for (const auto& [name, property] : properties) {
        std::string type = describe_type(*property);
        if (is_secret(*property)) {
            type += ", secret";
        }
        const auto* fallback = property->if_contains("default");
        out << "| `" << name << "` | " << cell(text_of(*property, "title")) << " | " << cell(type) << " | "
            << (is_required(schema, name) ? "yes" : "no") << " | "
            << (fallback != nullptr ? "`" + cell(json::serialize(*fallback)) + "`" : std::string()) << " | "
            << cell(text_of(*property, "description")) << " |\n";
    }
    out << '\n';
}

// "`a`, `b`" from an array of strings; empty when there is none.
std::string code_list(const json::object& object, std::string_view key) {
    std::string list;
    if (const auto* values = object.if_contains(key); values != nullptr && values->is_array()) {
        for (const auto& value : values->as_array()) {
            if (value.is_string()) {
                list += (list.empty() ? "`" : ", `") + std::string(value.as_string()) + "`";
            }
        }
    }
    return list;
}

// Which credentials the node takes, and the OAuth scopes it needs.
void render_access(std::ostream& out, const json::object& node) {
    std::string credentials = code_list(node, "credentialTypes");
    if (credentials.empty() && !text_of(node, "credentialType").empty()) {
        credentials = "`" + text_of(node, "credentialType") + "`";
    }
    if (!credentials.empty()) {
        out << "Credentials: " << credentials;
        if (!text_of(node, "credentialType").empty()) {
            out << " (without `type`: `" << text_of(node, "credentialType") << "`)";
        }
        out << ".";
    }
    if (const std::string scopes = code_list(node, "scopes"); !scopes.empty()) {
        out << (credentials.empty() ? "" : " ") << "OAuth scopes: " << scopes << ".";
    }
    if (!credentials.empty() || !code_list(node, "scopes").empty()) {
        out << "\n\n";
    }
}

void render_outputs(std::ostream& out, const json::object& schema) {
    out << "| Output | Type | Description |\n|---|---|---|\n";
    for (const auto& [name, property] : ordered_properties(schema)) {
        const std::string type = describe_type(*property) + (is_secret(*property) ? ", secret" : "");
        out << "| `" << name << "` | " << cell(type) << " | " << cell(text_of(*property, "description")) << " |\n";
    }
    out << '\n';
}

std::string render(const fs::path& dir) {
    const json::object manifest = read_json(dir / "manifest.json").as_object();
    std::ostringstream out;
    out << "<!-- Generated from manifests/okta by plugin/okta/tools/render_nodes_md.cpp; do not edit.\n"
        << "     Regenerate: cmake --build <build dir> --target okta_update_nodes_md -->\n\n";
    out << "# " << text_of(manifest, "name") << " nodes reference\n\n";
    out << "Plugin `" << text_of(manifest, "id") << "` version " << text_of(manifest, "version") << ". "
        << text_of(manifest, "description") << "\n\n";

    out << "Every node answers one JSON object with `StatusCode` and `ErrorMessage`, plus `ErrorCode` and "
           "`RequestId`; see each node's outputs.\n\n";

    if (const auto* types = manifest.if_contains("credentialTypes"); types != nullptr && types->is_array()) {
        for (const auto& entry : types->as_array()) {
            const json::object credential = read_json(dir / std::string(entry.as_object().at("file").as_string())).as_object();
            out << "## Credentials: " << text_of(credential, "displayName") << " (`" << text_of(credential, "id")
                << "`)\n\n"
                << text_of(credential, "description") << "\n\n";
            render_inputs(out, credential.at("schema").as_object(), "Field");
        }
    }

    for (const auto& entry : manifest.at("nodes").as_array()) {
        const json::object node = read_json(dir / std::string(entry.as_object().at("file").as_string())).as_object();
        out << "## " << text_of(node, "displayName") << " (`" << text_of(node, "id") << "`, version "
            << number(node.at("version")) << ")\n\n";
        out << text_of(node, "description") << "\n\n";
        if (auto docs = text_of(node, "docsUrl"); !docs.empty()) {
            out << "Okta reference: <" << docs << ">\n\n";
        }
        render_access(out, node);
        const json::object& inputs = node.at("inputs").as_object();
        out << "### Parameters\n\n";
        render_inputs(out, inputs, "Parameter");
        out << "### Outputs\n\n";
        render_outputs(out, node.at("outputs").as_object());
        if (const auto* examples = inputs.if_contains("examples"); examples != nullptr && examples->is_array()) {
            out << "### Example parameters\n\n";
            for (const auto& example : examples->as_array()) {
                out << "```json\n" << json::serialize(example) << "\n```\n\n";
            }
        }
    }
    std::string text = out.str();
    while (text.size() >= 2 && text.substr(text.size() - 2) == "\n\n") {
        text.pop_back();
    }
    return text;
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc != 2 && argc != 4) {
            std::cerr << "usage: okta_nodes_md <manifest dir> [--write|--check <NODES.md>]\n";
            return 2;
        }
        const std::string markdown = render(argv[1]);
        if (argc == 2) {
            std::cout << markdown;
            return 0;
        }
        const std::string mode = argv[2];
        const fs::path target = argv[3];
        if (mode == "--write") {
            std::ofstream(target, std::ios::binary) << markdown;
            return 0;
        }
        if (mode == "--check") {
            if (read_text(target) != markdown) {
                std::cerr << target.string() << " is out of date with the manifests; regenerate it with\n"
                          << "  cmake --build <build dir> --target okta_update_nodes_md\n";
                return 1;
            }
            return 0;
        }
        std::cerr << "unknown mode " << mode << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "okta_nodes_md: " << error.what() << "\n";
        return 2;
    }
}
