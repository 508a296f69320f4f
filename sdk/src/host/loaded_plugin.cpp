#include "loaded_plugin.hpp"

#include "load_failure.hpp"
#include "../common/abi_text.hpp"

#include <boost/dll/shared_library_load_mode.hpp>

#include <cstddef>
#include <map>
#include <string_view>

#if !defined(_WIN32)
#include <dlfcn.h>
#endif

namespace wfn::host::detail {
namespace {

namespace fs = std::filesystem;

// The size of each struct as ABI 1.0 defined it: a plugin filling less than
// this is refused, a plugin filling more is fine (structs grow at the end).
constexpr std::size_t entry_size_v1_0 = offsetof(wfn_plugin_entry, node_at) + sizeof(wfn_plugin_entry::node_at);
constexpr std::size_t descriptor_size_v1_0 =
    offsetof(wfn_node_descriptor, execute) + sizeof(wfn_node_descriptor::execute);

using wfn::detail::to_std_view;

// Boost.DLL reports every dlopen failure as "bad file descriptor"; the
// dynamic loader's own message ("invalid ELF header", "undefined symbol…")
// is what tells a plugin author what to fix.
std::string dynamic_loader_message(const boost::system::error_code& ec) {
#if !defined(_WIN32)
    if (const char* message = ::dlerror()) {
        return message;
    }
#endif
    return ec.message();
}

std::string node_list_difference(const bundle_manifest& manifest,
                                 const std::map<std::string, const wfn_node_descriptor*, std::less<>>& provided) {
    std::string problems;
    const auto add = [&problems](const std::string& problem) {
        problems += problems.empty() ? problem : "; " + problem;
    };
    for (const auto& [id, descriptor] : provided) {
        const manifest_node* declared = nullptr;
        for (const auto& node : manifest.nodes) {
            if (node.id == id) {
                declared = &node;
            }
        }
        if (declared == nullptr) {
            add("the library provides node " + id + ", which manifest.json does not list");
        } else if (declared->version != descriptor->version) {
            add("node " + id + " is version " + std::to_string(descriptor->version) + " in the library but version " +
                std::to_string(declared->version) + " in manifest.json");
        }
    }
    for (const auto& node : manifest.nodes) {
        if (!provided.contains(node.id)) {
            add("manifest.json lists node " + node.id + ", which the library does not provide");
        }
    }
    return problems;
}

}  // namespace

loaded_plugin::loaded_plugin(bundle_manifest manifest) : manifest_(std::move(manifest)) {}

loaded_plugin::~loaded_plugin() {
    if (initialised_ && entry_->deinit != nullptr) {
        entry_->deinit();
    }
}

std::unique_ptr<loaded_plugin> loaded_plugin::load(bundle_manifest manifest) {
    std::unique_ptr<loaded_plugin> plugin(new loaded_plugin(std::move(manifest)));
    plugin->open_library();
    plugin->fetch_entry();
    plugin->initialise();
    plugin->match_descriptors();
    return plugin;
}

void loaded_plugin::open_library() {
    const fs::path& path = manifest_.library;
    std::error_code status_error;
    if (!fs::exists(path, status_error)) {
        throw load_failure(path, std::string("does not exist (manifest.json names it as the ") + platform_key() +
                                     " library)");
    }
    if (!fs::is_regular_file(path, status_error)) {
        throw load_failure(path, "is not a regular file, so it cannot be a plugin library");
    }
    boost::system::error_code ec;
    library_.load(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, ec);
    if (ec) {
        throw load_failure(path, "cannot be loaded as a shared library: " + dynamic_loader_message(ec));
    }
}

void loaded_plugin::fetch_entry() {
    const fs::path& path = manifest_.library;
    if (!library_.has(WFN_ENTRY_SYMBOL)) {
        throw load_failure(path, "does not export " WFN_ENTRY_SYMBOL ", so it is not a wfn plugin");
    }
    const auto get_entry = library_.get<std::remove_pointer_t<wfn_get_plugin_entry_fn>>(WFN_ENTRY_SYMBOL);
    std::int32_t status = WFN_STATUS_INTERNAL_ERROR;
    try {
        status = get_entry(host_abi.major, host_abi.minor, &entry_);
    } catch (...) {
        throw load_failure(path, WFN_ENTRY_SYMBOL " let an exception escape, which the ABI forbids");
    }
    const std::string declared = "manifest.json declares ABI " + manifest_.abi.to_string();
    if (status == WFN_STATUS_ABI_MAJOR_MISMATCH) {
        throw load_failure(path, "refuses this host's wfn ABI " + host_abi.to_string() +
                                     " because it speaks another major version (" + declared + ")");
    }
    if (status == WFN_STATUS_ABI_MINOR_TOO_NEW) {
        throw load_failure(path, "refuses this host's wfn ABI " + host_abi.to_string() +
                                     " because it needs a newer minor version (" + declared + ")");
    }
    if (status != WFN_STATUS_OK) {
        throw load_failure(path, WFN_ENTRY_SYMBOL " failed with " + status_name(status));
    }
    if (entry_ == nullptr) {
        throw load_failure(path, WFN_ENTRY_SYMBOL " returned WFN_STATUS_OK but no entry");
    }
    if (entry_->struct_size < entry_size_v1_0) {
        const auto size = entry_->struct_size;
        entry_ = nullptr;
        throw load_failure(path, "its wfn_plugin_entry has struct_size " + std::to_string(size) +
                                     ", smaller than the " + std::to_string(entry_size_v1_0) +
                                     " bytes of ABI 1.0");
    }
    const abi_version reported{entry_->abi_major, entry_->abi_minor};
    if (auto refusal = abi_refusal("reports", reported)) {
        throw load_failure(path, *refusal);
    }
    if (reported != manifest_.abi) {
        throw load_failure(path, "reports wfn ABI " + reported.to_string() + ", but " + declared);
    }
    if (entry_->init == nullptr || entry_->deinit == nullptr || entry_->node_count == nullptr ||
        entry_->node_at == nullptr) {
        throw load_failure(path, "its wfn_plugin_entry leaves a required function pointer NULL");
    }
    if (to_std_view(entry_->plugin_id) != manifest_.id || to_std_view(entry_->plugin_version) != manifest_.version) {
        throw load_failure(path, "is plugin " + std::string(to_std_view(entry_->plugin_id)) + " " +
                                     std::string(to_std_view(entry_->plugin_version)) + ", but manifest.json declares " +
                                     manifest_.id + " " + manifest_.version);
    }
}

void loaded_plugin::initialise() {
    std::int32_t status = WFN_STATUS_INTERNAL_ERROR;
    try {
        status = entry_->init();
    } catch (...) {
        throw load_failure(manifest_.library, "init() let an exception escape, which the ABI forbids");
    }
    if (status != WFN_STATUS_OK) {
        throw load_failure(manifest_.library, "init() failed with " + status_name(status));
    }
    initialised_ = true;
}

void loaded_plugin::match_descriptors() {
    const fs::path& path = manifest_.library;
    std::map<std::string, const wfn_node_descriptor*, std::less<>> provided;
    const std::size_t count = entry_->node_count();
    for (std::size_t index = 0; index < count; ++index) {
        const wfn_node_descriptor* descriptor = entry_->node_at(index);
        const std::string where = "node_at(" + std::to_string(index) + ")";
        if (descriptor == nullptr) {
            throw load_failure(path, where + " returned NULL although node_count() is " + std::to_string(count));
        }
        if (descriptor->struct_size < descriptor_size_v1_0) {
            throw load_failure(path, where + " has struct_size " + std::to_string(descriptor->struct_size) +
                                         ", smaller than the " + std::to_string(descriptor_size_v1_0) +
                                         " bytes of ABI 1.0");
        }
        const std::string id(to_std_view(descriptor->id));
        if (id.empty() || descriptor->execute == nullptr) {
            throw load_failure(path, where + " has an empty id or a NULL execute");
        }
        if (!provided.emplace(id, descriptor).second) {
            throw load_failure(path, "the library provides node " + id + " twice");
        }
    }
    if (const std::string problems = node_list_difference(manifest_, provided); !problems.empty()) {
        throw load_failure(manifest_.manifest_file, "does not match the library: " + problems);
    }
    for (const auto& node : manifest_.nodes) {
        descriptors_.push_back(provided.at(node.id));
    }
}

}  // namespace wfn::host::detail
