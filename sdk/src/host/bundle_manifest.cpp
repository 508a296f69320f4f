#include "bundle_manifest.hpp"

#include "json_checks/builtin_schemas.hpp"
#include "json_checks/json_text.hpp"
#include "load_failure.hpp"
#include "ui_hint_references.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <set>

namespace wfn::host::detail {
namespace {

using namespace wfn::json_checks;

namespace fs = std::filesystem;

// One sentence for the first violation, with a count of the rest: enough to
// fix the file without flooding the log.
std::string describe_violations(const std::vector<schema_violation>& violations, std::string_view schema_name) {
    std::string reason = "does not match " + std::string(schema_name) + ": " + violations.front().to_string();
    if (violations.size() > 1) {
        reason += " (and " + std::to_string(violations.size() - 1) + " more problem" +
                  (violations.size() > 2 ? "s" : "") + ")";
    }
    return reason;
}

// What a path that is not a regular file is instead, for the refusal: "does
// not exist" for a FIFO would send its author looking in the wrong place.
std::string not_a_regular_file(const fs::path& file) {
    std::error_code error;
    switch (fs::status(file, error).type()) {
    case fs::file_type::not_found:
        return "does not exist";
    case fs::file_type::directory:
        return "is a directory, not a file";
    case fs::file_type::fifo:
        return "is a FIFO (named pipe), not a regular file, so it is not read";
    case fs::file_type::socket:
        return "is a socket, not a regular file, so it is not read";
    case fs::file_type::block:
    case fs::file_type::character:
        return "is a device, not a regular file, so it is not read";
    default:
        return "cannot be examined" + (error ? ": " + error.message() : std::string());
    }
}

boost::json::object read_validated(const fs::path& file, std::string_view schema_name) {
    boost::json::value document;
    if (std::error_code error; !fs::is_regular_file(file, error)) {
        throw load_failure(file, not_a_regular_file(file));
    }
    try {
        document = read_json_file(file);
    } catch (const json_text_error& error) {
        throw load_failure(file, std::string("is not valid JSON: ") + error.what());
    }
    const auto violations = schema_validator(builtin_schemas(), schema_name).validate(document);
    if (!violations.empty()) {
        throw load_failure(file, describe_violations(violations, schema_name));
    }
    return std::move(document.as_object());
}

std::string text(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

std::uint32_t uint32_at(const boost::json::object& object, std::string_view key) {
    return object.at(key).to_number<std::uint32_t>();
}

// True when `path`, once symlinks and dot segments are resolved, lies inside
// `folder` (also resolved).
bool resolves_inside(const fs::path& folder, const fs::path& path) {
    std::error_code error;
    const fs::path root = fs::weakly_canonical(folder, error);
    const fs::path target = error ? fs::path() : fs::weakly_canonical(path, error);
    if (error) {
        return false;
    }
    const auto [root_end, target_end] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    return root_end == root.end() && target_end != target.end();
}

// The schema refuses most bad names, but the manifest is untrusted input: an
// absolute path, a '..' segment or a symlink must never make the host read or
// load a file outside the bundle.
fs::path inside_bundle(const bundle_manifest& bundle, std::string_view relative) {
    const fs::path path(relative);
    const auto leaves = [&] {
        return load_failure(bundle.manifest_file,
                            "names \"" + std::string(relative) + "\", which leaves the plugin folder");
    };
    if (path.empty() || path.has_root_path()) {
        throw leaves();
    }
    for (const auto& part : path) {
        if (part == "..") {
            throw leaves();
        }
    }
    if (!resolves_inside(bundle.folder, bundle.folder / path)) {
        throw leaves();
    }
    return bundle.folder / path;
}

void read_credential_types(bundle_manifest& bundle) {
    const auto* entries = bundle.document.if_contains("credentialTypes");
    if (entries == nullptr) {
        return;
    }
    for (const auto& entry : entries->get_array()) {
        const auto& object = entry.get_object();
        manifest_credential_type type{text(object, "id"), inside_bundle(bundle, text(object, "file")), {}};
        for (const auto& known : bundle.credential_types) {
            if (known.id == type.id) {
                throw load_failure(bundle.manifest_file, "lists credential type " + type.id + " twice");
            }
        }
        type.document = read_validated(type.file, credential_type_schema);
        if (text(type.document, "id") != type.id) {
            throw load_failure(type.file, "declares credential type " + text(type.document, "id") +
                                              ", but manifest.json lists it as " + type.id);
        }
        bundle.credential_types.push_back(std::move(type));
    }
}

void read_nodes(bundle_manifest& bundle) {
    std::set<std::string, std::less<>> credential_ids;
    for (const auto& type : bundle.credential_types) {
        credential_ids.insert(type.id);
    }
    for (const auto& entry : bundle.document.at("nodes").get_array()) {
        const auto& object = entry.get_object();
        manifest_node node{text(object, "id"), uint32_at(object, "version"), inside_bundle(bundle, text(object, "file")), {}};
        for (const auto& known : bundle.nodes) {
            if (known.id == node.id) {
                throw load_failure(bundle.manifest_file, "lists node " + node.id + " twice");
            }
        }
        node.document = read_validated(node.file, node_manifest_schema);
        const std::string file_id = text(node.document, "id");
        const std::uint32_t file_version = uint32_at(node.document, "version");
        if (file_id != node.id || file_version != node.version) {
            throw load_failure(node.file, "describes node " + file_id + " version " + std::to_string(file_version) +
                                              ", but manifest.json lists " + node.id + " version " +
                                              std::to_string(node.version));
        }
        const std::string credential_type = text(node.document, "credentialType");
        if (!credential_type.empty() && !credential_ids.contains(credential_type)) {
            throw load_failure(node.file, "uses credential type " + credential_type +
                                              ", which manifest.json does not list in credentialTypes");
        }
        bundle.nodes.push_back(std::move(node));
    }
}

// A credential type's test node must be one of this plugin's nodes and take
// that type, or a host would run something that cannot judge the credential.
void check_credential_tests(const bundle_manifest& bundle) {
    for (const auto& type : bundle.credential_types) {
        const auto* test = type.document.if_contains("test");
        if (test == nullptr) {
            continue;
        }
        const std::string node_id = text(test->get_object(), "node");
        const manifest_node* found = nullptr;
        for (const auto& node : bundle.nodes) {
            if (node.id == node_id) {
                found = &node;
            }
        }
        if (found == nullptr) {
            throw load_failure(type.file, "names " + node_id + " as its test, which is not one of the plugin's nodes");
        }
        bool takes_type = text(found->document, "credentialType") == type.id;
        if (const auto* accepted = found->document.if_contains("credentialTypes")) {
            for (const auto& accepted_type : accepted->get_array()) {
                takes_type = takes_type || accepted_type.get_string() == type.id;
            }
        }
        if (!takes_type) {
            throw load_failure(type.file, "names " + node_id + " as its test, but that node does not accept " +
                                              type.id + " credentials");
        }
    }
}

}  // namespace

const char* platform_key() noexcept {
#if defined(_WIN32)
    return "windows";
#elif defined(__APPLE__)
    return "macos";
#else
    return "linux";
#endif
}

bundle_manifest read_bundle_manifest(const fs::path& folder) {
    bundle_manifest bundle;
    bundle.folder = folder;
    bundle.manifest_file = folder / "manifest.json";
    if (!fs::exists(bundle.manifest_file)) {
        throw load_failure(folder, "has no manifest.json, so it is not a plugin bundle");
    }
    bundle.document = read_validated(bundle.manifest_file, plugin_manifest_schema);

    const auto& abi = bundle.document.at("abi").get_object();
    bundle.abi = {uint32_at(abi, "major"), uint32_at(abi, "minor")};
    if (auto refusal = abi_refusal("declares", bundle.abi)) {
        throw load_failure(bundle.manifest_file, *refusal);
    }
    bundle.id = text(bundle.document, "id");
    bundle.name = text(bundle.document, "name");
    bundle.version = text(bundle.document, "version");

    const auto& libraries = bundle.document.at("library").get_object();
    const auto* library = libraries.if_contains(platform_key());
    if (library == nullptr) {
        throw load_failure(bundle.manifest_file, std::string("names no library for ") + platform_key());
    }
    bundle.library = inside_bundle(bundle, library->get_string());

    read_credential_types(bundle);
    read_nodes(bundle);
    check_credential_tests(bundle);
    check_ui_hint_references(bundle);
    return bundle;
}

}  // namespace wfn::host::detail
