// wfn/host.hpp: discover, load and run wfn plugins from a C++ host.
//
// Discovery is manifest-first: every folder under the plugins directory that
// holds a manifest.json is a candidate plugin. The manifest is read and
// validated before the library is loaded; after loading, the library's
// descriptors are checked against the manifest. A broken plugin is recorded
// in load_errors() and never stops the others from loading.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wfn::host {

// Why one plugin folder could not be used.
struct load_error {
    std::filesystem::path path;  // the manifest or library concerned
    std::string reason;          // one clear sentence, no secrets
};

// A node that loaded and matched its manifest.
struct node_info {
    std::string id;
    std::string display_name;
    std::uint32_t version = 0;
    std::uint32_t flags = 0;
    std::string plugin_id;
    std::filesystem::path plugin_dir;
    boost::json::object manifest;  // the node's own manifest document
};

struct run_options {
    // 0 means no deadline.
    std::chrono::milliseconds timeout{30000};
    // Polled by the plugin during waits; return true to abandon the call.
    std::function<bool()> is_cancelled;
    // Receives the plugin's log lines at `log_level` and above. Called from
    // the thread running the node (or threads it joins); must be thread-safe
    // when nodes run concurrently.
    std::function<void(std::int32_t level, std::string_view message)> log;
    std::int32_t log_level = 2;  // WFN_LOG_INFO
};

class plugin_host {
public:
    // Discovers and loads every plugin under `plugins_dir`. Never throws for
    // a broken plugin (see load_errors()); throws std::runtime_error only
    // when `plugins_dir` itself cannot be read.
    explicit plugin_host(const std::filesystem::path& plugins_dir);
    ~plugin_host();  // deinit()s and unloads every plugin
    plugin_host(const plugin_host&) = delete;
    plugin_host& operator=(const plugin_host&) = delete;

    const std::vector<load_error>& load_errors() const noexcept;
    const std::vector<node_info>& nodes() const noexcept;
    const node_info* find(std::string_view node_id) const noexcept;

    // Runs one node and returns its output object, which always carries
    // StatusCode and ErrorMessage. An unknown node id or a plugin failure is
    // reported in the output (StatusCode -1 or 500), never thrown.
    // Thread-safe: any number of threads may call run() at once.
    boost::json::object run(std::string_view node_id, std::string_view params_json,
                            std::string_view credentials_json, const run_options& options = {}) const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// The folder the build lays plugin bundles out in, for --plugins defaults.
std::filesystem::path default_plugins_dir();

}  // namespace wfn::host
