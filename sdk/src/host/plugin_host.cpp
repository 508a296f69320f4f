// plugin_host: discovery in folder order, the node registry, and run().
#include <wfn/host.hpp>

#include "bundle_manifest.hpp"
#include "input_checks.hpp"
#include "load_failure.hpp"
#include "loaded_plugin.hpp"
#include "node_call.hpp"
#include "../common/abi_text.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>

namespace wfn::host {

namespace fs = std::filesystem;

struct plugin_host::impl {
    std::vector<std::unique_ptr<detail::loaded_plugin>> libraries;
    std::vector<plugin_info> plugins;
    std::vector<node_info> nodes;
    std::vector<const wfn_node_descriptor*> descriptors;  // parallel to nodes
    std::vector<std::unique_ptr<const detail::input_checks>> checks;  // parallel to nodes
    std::map<std::string, std::size_t, std::less<>> node_index;
    std::vector<load_error> errors;

    ~impl() {
        // Later plugins may have been built on earlier ones' presence; tear
        // down in reverse load order.
        while (!libraries.empty()) {
            libraries.pop_back();
        }
    }

    void load_folder(const fs::path& folder) {
        try {
            detail::bundle_manifest manifest = detail::read_bundle_manifest(folder);
            // A clash is visible in the manifest: refuse it before the
            // library is opened, so that a plugin that would be refused
            // anyway never runs its initialisers or init().
            refuse_clashes(manifest);
            // Compiled before the library is opened: a schema the host
            // cannot enforce refuses the plugin like any manifest fault.
            auto node_checks = compile_checks(manifest);
            register_plugin(detail::loaded_plugin::load(std::move(manifest)), std::move(node_checks));
        } catch (const detail::load_failure& failure) {
            errors.push_back({failure.path(), failure.what()});
        } catch (const std::exception& failure) {
            errors.push_back({folder, std::string("could not be loaded: ") + failure.what()});
        }
    }

    // Node ids repeated inside one manifest are refused while it is read.
    void refuse_clashes(const detail::bundle_manifest& manifest) const {
        // Across the folders of a search path the first copy of a plugin
        // wins; inside one folder, bundles are told apart by their nodes.
        for (const plugin_info& earlier : plugins) {
            if (earlier.id == manifest.id && earlier.dir.parent_path() != manifest.folder.parent_path()) {
                throw detail::load_failure(manifest.manifest_file,
                                           "is plugin " + manifest.id + ", which is already loaded from " +
                                               earlier.dir.string() +
                                               " (the first folder on the search path wins); this copy is not loaded");
            }
        }
        for (const auto& node : manifest.nodes) {
            if (const auto found = node_index.find(node.id); found != node_index.end()) {
                const node_info& earlier = nodes[found->second];
                throw detail::load_failure(manifest.manifest_file,
                                           "provides node " + node.id + ", which plugin " + earlier.plugin_id +
                                               " (" + earlier.plugin_dir.string() + ") already provides; plugin " +
                                               manifest.id + " is not loaded");
            }
        }
    }

    static std::vector<std::unique_ptr<const detail::input_checks>> compile_checks(
        const detail::bundle_manifest& manifest) {
        const auto credentials = std::make_shared<const detail::credential_schemas>(manifest);
        std::vector<std::unique_ptr<const detail::input_checks>> compiled;
        for (const auto& node : manifest.nodes) {
            compiled.push_back(std::make_unique<const detail::input_checks>(manifest, node, credentials));
        }
        return compiled;
    }

    void register_plugin(std::unique_ptr<detail::loaded_plugin> plugin,
                         std::vector<std::unique_ptr<const detail::input_checks>> node_checks) {
        const detail::bundle_manifest& manifest = plugin->manifest();
        for (std::size_t i = 0; i < manifest.nodes.size(); ++i) {
            const wfn_node_descriptor* descriptor = plugin->descriptors()[i];
            const auto& node = manifest.nodes[i];
            node_index.emplace(node.id, nodes.size());
            nodes.push_back({node.id,
                             std::string(wfn::detail::to_std_view(descriptor->display_name)),
                             descriptor->version, descriptor->flags, manifest.id, manifest.folder, node.document});
            descriptors.push_back(descriptor);
            checks.push_back(std::move(node_checks[i]));
        }
        plugin_info info{manifest.id, manifest.name, manifest.version, manifest.folder, manifest.document, {}};
        for (const auto& type : manifest.credential_types) {
            info.credential_types.push_back(type.document);
        }
        plugins.push_back(std::move(info));
        libraries.push_back(std::move(plugin));
    }
};

namespace {

// The bundle folders directly under `plugins_dir`; `ec` says why it could
// not be read.
std::vector<fs::path> sorted_subfolders(const fs::path& plugins_dir, std::error_code& ec) {
    std::vector<fs::path> folders;
    for (fs::directory_iterator it(plugins_dir, ec), end; !ec && it != end; it.increment(ec)) {
        // Loose files next to the bundles (a README, a checksum list) are
        // not plugins and not errors.
        if (it->is_directory(ec)) {
            folders.push_back(it->path());
        }
    }
    // Sorted so that which of two clashing plugins wins never depends on the
    // file system's order.
    std::sort(folders.begin(), folders.end());
    return folders;
}

std::vector<fs::path> bundle_folders(const fs::path& plugins_dir) {
    std::error_code ec;
    if (!fs::is_directory(plugins_dir, ec)) {
        throw std::runtime_error("The plugins folder " + plugins_dir.string() + " does not exist or is not a folder.");
    }
    std::vector<fs::path> folders = sorted_subfolders(plugins_dir, ec);
    if (ec) {
        throw std::runtime_error("The plugins folder " + plugins_dir.string() + " cannot be read: " + ec.message());
    }
    return folders;
}

// The search path's folders that exist, each once however it is spelt.
std::vector<fs::path> existing_distinct_folders(const std::vector<fs::path>& search_path) {
    std::vector<fs::path> folders;
    std::vector<fs::path> seen;
    for (const fs::path& folder : search_path) {
        std::error_code ec;
        if (folder.empty() || !fs::is_directory(folder, ec)) {
            continue;
        }
        fs::path canonical = fs::canonical(folder, ec);
        if (ec) {
            canonical = folder.lexically_normal();
        }
        if (std::find(seen.begin(), seen.end(), canonical) == seen.end()) {
            seen.push_back(std::move(canonical));
            folders.push_back(folder);
        }
    }
    return folders;
}

}  // namespace

plugin_host::plugin_host(const fs::path& plugins_dir) : impl_(std::make_unique<impl>()) {
    for (const fs::path& folder : bundle_folders(plugins_dir)) {
        impl_->load_folder(folder);
    }
}

plugin_host::plugin_host(const std::vector<fs::path>& search_path) : impl_(std::make_unique<impl>()) {
    for (const fs::path& plugins_dir : existing_distinct_folders(search_path)) {
        std::error_code ec;
        const std::vector<fs::path> folders = sorted_subfolders(plugins_dir, ec);
        if (ec) {
            impl_->errors.push_back({plugins_dir, "is on the plugin search path but cannot be read: " + ec.message()});
            continue;
        }
        for (const fs::path& folder : folders) {
            impl_->load_folder(folder);
        }
    }
}

plugin_host::~plugin_host() = default;

const std::vector<load_error>& plugin_host::load_errors() const noexcept { return impl_->errors; }

const std::vector<node_info>& plugin_host::nodes() const noexcept { return impl_->nodes; }

const std::vector<plugin_info>& plugin_host::plugins() const noexcept { return impl_->plugins; }

const node_info* plugin_host::find(std::string_view node_id) const noexcept {
    const auto found = impl_->node_index.find(node_id);
    return found == impl_->node_index.end() ? nullptr : &impl_->nodes[found->second];
}

const boost::json::object* plugin_host::find_credential_type(std::string_view credential_type_id) const noexcept {
    for (const plugin_info& plugin : impl_->plugins) {
        for (const auto& type : plugin.credential_types) {
            const auto* id = type.if_contains("id");
            if (id != nullptr && id->is_string() && id->get_string() == credential_type_id) {
                return &type;
            }
        }
    }
    return nullptr;
}

boost::json::object plugin_host::run(std::string_view node_id, std::string_view params_json,
                                     std::string_view credentials_json, const run_options& options) const {
    const auto found = impl_->node_index.find(node_id);
    if (found == impl_->node_index.end()) {
        return detail::host_output(-1, "Unknown node " + std::string(node_id) + ": no loaded plugin provides it.");
    }
    if (auto refusal = impl_->checks[found->second]->refusal(params_json, credentials_json)) {
        return detail::host_output(-1, std::move(*refusal));
    }
    return detail::call_node(*impl_->descriptors[found->second], node_id, params_json, credentials_json, options);
}

namespace {

boost::json::object credential_refusal(std::string_view problem, std::string message) {
    boost::json::object output = detail::host_output(-1, std::move(message));
    output["Valid"] = false;
    output["Problem"] = problem;
    return output;
}

}  // namespace

boost::json::object plugin_host::test_credential(std::string_view credential_type_id,
                                                 std::string_view credentials_json, const run_options& options) const {
    const boost::json::object* type = find_credential_type(credential_type_id);
    if (type == nullptr) {
        return credential_refusal("unknown_credential_type", "Unknown credential type " +
                                                                 std::string(credential_type_id) +
                                                                 ": no loaded plugin declares it.");
    }
    const auto* test = type->if_contains("test");
    if (test == nullptr) {
        return credential_refusal("no_test", "The credential type " + std::string(credential_type_id) +
                                                 " declares no test, so this host cannot check it before use.");
    }
    boost::system::error_code failed;
    boost::json::value credential = boost::json::parse(credentials_json, failed);
    if (failed || !credential.is_object()) {
        return credential_refusal("invalid_credential", "The credential must be one JSON object.");
    }
    boost::json::object& fields = credential.get_object();
    if (const auto* named = fields.if_contains("type"); named == nullptr) {
        fields["type"] = credential_type_id;
    } else if (!named->is_string() || named->get_string() != credential_type_id) {
        return credential_refusal("invalid_credential", "The credential's \"type\" member names another type than " +
                                                            std::string(credential_type_id) + ".");
    }
    std::string text = boost::json::serialize(credential);
    // The parsed credential holds secrets: wipe them before the DOM is freed.
    for (auto& member : fields) {
        if (member.value().is_string()) {
            boost::json::string& value = member.value().get_string();
            std::fill(value.data(), value.data() + value.size(), '\0');
        }
    }
    boost::json::object output = run(test->at("node").get_string(), "{}", text, options);
    std::fill(text.begin(), text.end(), '\0');
    // The host's own refusals (a member the type does not declare) carry no
    // verdict; a test always answers one.
    if (!output.contains("Valid")) {
        output["Valid"] = false;
        output["Problem"] = "invalid_credential";
    }
    return output;
}

std::string plugin_host::run_text(std::string_view node_id, std::string_view params_json,
                                  std::string_view credentials_json, const run_options& options) const {
    const auto found = impl_->node_index.find(node_id);
    if (found == impl_->node_index.end()) {
        return boost::json::serialize(
            detail::host_output(-1, "Unknown node " + std::string(node_id) + ": no loaded plugin provides it."));
    }
    if (auto refusal = impl_->checks[found->second]->refusal(params_json, credentials_json)) {
        return boost::json::serialize(detail::host_output(-1, std::move(*refusal)));
    }
    return detail::call_node_text(*impl_->descriptors[found->second], node_id, params_json, credentials_json, options);
}

boost::json::object plugin_host::run_streaming(std::string_view node_id, std::string_view params_json,
                                               std::string_view credentials_json, item_sink& sink,
                                               const run_options& options) const {
    run_options streaming = options;
    streaming.on_item = [&sink](std::string_view member, const boost::json::object& item) { sink.take(member, item); };
    return run(node_id, params_json, credentials_json, streaming);
}

}  // namespace wfn::host
