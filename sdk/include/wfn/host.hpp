// wfn/host.hpp: discover, load and run wfn plugins from a C++ host.
//
// Discovery is manifest-first: every folder directly under a plugins
// folder is a candidate plugin bundle, visited in sorted name order. Its
// manifest.json, node files and credential type files are read and validated
// against the JSON Schemas of manifests/schema/ (compiled into this library)
// before the library is loaded. The library is then loaded with Boost.DLL
// (RTLD_NOW | RTLD_LOCAL), asked for its entry with this host's ABI version,
// init()ed, and its descriptors are checked against the manifest: same plugin
// id and version, same node ids, same node versions, same count. A node id
// already provided by an earlier plugin makes the later plugin refused, from
// its manifest alone: its library is never opened.
//
// A host may search several plugins folders (a search path): they are
// visited in the order given, each in sorted name order, and the first
// plugin with a given id wins. A later bundle with the same plugin id is
// skipped and recorded in load_errors(), naming the copy that was loaded.
// A folder reached twice (the same folder by two names) is visited once.
//
// A broken plugin is recorded in load_errors() and never stops the others
// from loading. Loaded libraries stay loaded for the host's lifetime.
//
// Threading: construct and destroy a plugin_host on one thread (the load
// thread of abi.h). Between the two, every const member may be called from
// any number of threads at once.
#pragma once

#include <wfn/log_level.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wfn::host {

// Why one plugin folder could not be used.
struct load_error {
    // The file the reason is about: the bundle folder, its manifest.json, a
    // node or credential file, or the library.
    std::filesystem::path path;
    // One clear sentence without secrets, completing "<path>: ", for example
    // "does not export wfn_get_plugin_entry, so it is not a wfn plugin".
    std::string reason;
};

// A node that loaded and matched its manifest.
struct node_info {
    std::string id;            // for example "okta.user.create"
    std::string display_name;  // from the library's descriptor
    std::uint32_t version = 0;
    std::uint32_t flags = 0;   // WFN_NODE_FLAG_* bits
    std::string plugin_id;
    std::filesystem::path plugin_dir;
    boost::json::object manifest;  // the node's own manifest document (nodes/<id>.json)
};

// A plugin that loaded with all its nodes.
struct plugin_info {
    std::string id;       // reverse-DNS, for example "com.wfn.okta"
    std::string name;     // "Okta"
    std::string version;  // semantic version, equal in manifest and library
    std::filesystem::path dir;
    boost::json::object manifest;  // manifest.json as validated
    // The credential type documents (credentials/<id>.json) the manifest lists.
    std::vector<boost::json::object> credential_types;
};

// One structured log record from a plugin (ABI 1.1 log_record), or a plain
// line (a 1.0 plugin's log) with no fields. Everything is borrowed for the
// callback only.
struct log_field {
    std::string_view key;
    std::string_view value;
};
struct log_record {
    wfn::log_level level = wfn::log_level::info;
    std::string_view message;
    std::span<const log_field> fields;
};

// How far a call has come, as the plugin reports it (ABI 1.1). Borrowed
// for the callback only.
struct progress_report {
    std::uint64_t done = 0;                // items so far
    std::optional<std::uint64_t> total;    // of the whole run, when known
    std::string_view status;               // "waiting 7 s for the rate-limit window", or ""
};

// Takes a streamed list's items one at a time (see run_options::on_item).
class item_sink {
public:
    virtual ~item_sink() = default;
    // `member` names the list ("Users"); `item` is borrowed for the call.
    virtual void take(std::string_view member, const boost::json::object& item) = 0;
};

struct run_options {
    // The call's budget, handed to the plugin as wfn_call_context.timeout_ms.
    // 0 means no deadline. Shortly after the deadline the host also reports
    // the call as cancelled, for plugins that only poll is_cancelled.
    std::chrono::milliseconds timeout{30000};
    // Polled by the plugin during waits; return true to abandon the call.
    // Called from the thread running run() or threads the node joins before
    // run() returns. Must not throw (a throw counts as "cancelled"). May be
    // empty: the call is then cancelled only by its deadline.
    std::function<bool()> is_cancelled;
    // Receives the plugin's log lines at `log_level` and above; `message` is
    // borrowed for the call. Calls for one run() are serialised by the host;
    // calls from concurrent run()s are not, so a log shared between threads
    // must be thread-safe. Must not throw (a throw drops the line). Empty:
    // logging is off.
    std::function<void(wfn::log_level level, std::string_view message)> log;
    wfn::log_level log_level = wfn::log_level::info;

    // When set, the host offers the plugin item streaming (ABI 1.1
    // emit_items): a node with a list output hands over each page as it
    // arrives, the host checks it and calls this once per item, in output
    // order, and the output run() returns leaves the list member out. The
    // host never holds more than one page. A plugin without streaming (ABI
    // 1.0) still returns the whole list in its output. Called from the
    // threads of is_cancelled, never concurrently for one run(). A throw
    // stops the node and run() answers StatusCode 500 naming the consumer's
    // failure.
    std::function<void(std::string_view member, const boost::json::object& item)> on_item;
    // Receives the plugin's progress reports (ABI 1.1). Calls for one run()
    // are serialised. Must not throw (a throw drops the report). Empty: no
    // progress is asked for.
    std::function<void(const progress_report& report)> on_progress;
    // Receives every plugin log event at `log_level` and above as a record,
    // instead of `log`: structured records from a 1.1 plugin, plain lines
    // (no fields) from a 1.0 plugin. Same threading and throwing rules as
    // `log`. Empty: records go to `log` as lines with their fields appended.
    std::function<void(const log_record& record)> on_log_record;
};

class plugin_host {
public:
    // Discovers and loads every plugin under `plugins_dir`. Never throws for
    // a broken plugin (see load_errors()); throws std::runtime_error only
    // when `plugins_dir` itself cannot be read.
    explicit plugin_host(const std::filesystem::path& plugins_dir);
    // Discovers and loads the plugins of every folder of `search_path`, in
    // that order (see default_plugin_search_path()). Folders that do not
    // exist are skipped; one that exists but cannot be read is a
    // load_error. Never throws for a folder or a plugin.
    explicit plugin_host(const std::vector<std::filesystem::path>& search_path);
    // deinit()s every plugin and unloads its library, in reverse load order.
    // No run() may be in progress.
    ~plugin_host();
    plugin_host(const plugin_host&) = delete;
    plugin_host& operator=(const plugin_host&) = delete;

    // One entry per plugin folder that could not be used, in folder order.
    // Valid for the host's lifetime.
    const std::vector<load_error>& load_errors() const noexcept;

    // Every loaded node, in folder order then manifest order. Valid for the
    // host's lifetime.
    const std::vector<node_info>& nodes() const noexcept;

    // Every loaded plugin, in folder order. Valid for the host's lifetime.
    const std::vector<plugin_info>& plugins() const noexcept;

    // The node with this id, or nullptr. The pointer lives as long as the host.
    const node_info* find(std::string_view node_id) const noexcept;

    // The credential type document with this id from any loaded plugin, or
    // nullptr. The pointer lives as long as the host.
    const boost::json::object* find_credential_type(std::string_view credential_type_id) const noexcept;

    // Runs one node on the calling thread and returns its output object,
    // which always carries an integer StatusCode and a string ErrorMessage:
    //  - unknown node id: StatusCode -1;
    //  - the plugin's execute() returned a failure status, never called
    //    set_result, or produced something that is not a JSON object:
    //    StatusCode 500 with a message naming the node and the fault;
    //  - otherwise the plugin's output (a missing ErrorMessage becomes "").
    // Never throws for plugin failures (std::bad_alloc may still escape).
    // The texts are borrowed for the call. Thread-safe: any number of threads
    // may call run() at once.
    boost::json::object run(std::string_view node_id, std::string_view params_json,
                            std::string_view credentials_json, const run_options& options = {}) const;

    // run(), for a host that passes outputs on as text (to a queue, a store,
    // the next process): the output's JSON text, never parsed into a DOM.
    // The plugin's text is returned as is when it keeps the envelope, which
    // is checked in one streaming pass; otherwise it is mended as run() would
    // and serialised. The returned string is the caller's (a copy made when
    // the plugin set it, so it outlives the call). Same failures, threading
    // and borrowing of the arguments as run().
    std::string run_text(std::string_view node_id, std::string_view params_json,
                         std::string_view credentials_json, const run_options& options = {}) const;

    // Tests a credential as its type declares (the type document's "test"
    // member, manifests/schema/README.md "Credential tests"): runs that node
    // with the parameters {} and the credential, and returns its output,
    // whose Valid (boolean) and Problem (string) say whether the credential
    // works and, if not, what is wrong; ErrorMessage says it for a person.
    // A credential without a "type" member is tested as `credential_type_id`
    // (the member is added); one naming another type is refused. The host
    // answers itself, with StatusCode -1, Valid false and these Problems:
    //  - "unknown_credential_type": no loaded plugin has the type;
    //  - "no_test": the type declares no test;
    //  - "invalid_credential": the credential is not a JSON object, or its
    //    "type" names another type.
    // Never throws for plugin failures; same threading and borrowing as run().
    boost::json::object test_credential(std::string_view credential_type_id, std::string_view credentials_json,
                                        const run_options& options = {}) const;

    // run() with item streaming into `sink` (options.on_item is replaced by
    // the sink). Returns the output without the streamed list member.
    boost::json::object run_streaming(std::string_view node_id, std::string_view params_json,
                                      std::string_view credentials_json, item_sink& sink,
                                      const run_options& options = {}) const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// The folders plugins are looked for in when the caller names none, in order:
//  1. when $WFN_PLUGINS_DIR is set and not empty, that one folder and no other;
//  2. each folder of $WFN_PLUGINS_PATH (colon-separated, empty entries
//     ignored), so a user's plugins override installed ones;
//  3. next to the running program, for an installation moved anywhere:
//     <program dir>/../<libdir>/wfn/plugins, where <libdir> is this build's
//     install libdir, the multiarch lib/<triplet> and plain lib;
//  4. the system folders /usr/local/lib/<triplet>/wfn/plugins,
//     /usr/local/lib/wfn/plugins, /usr/lib/<triplet>/wfn/plugins and
//     /usr/lib/wfn/plugins.
// With plugin_host(search_path), the first folder holding a plugin id wins.
// Folders that do not exist are listed too (plugin_host skips them); a
// folder named twice is listed once. No folder of the machine that built the
// library is ever on it. Thread-safe (reads the environment).
std::vector<std::filesystem::path> default_plugin_search_path();

// For hosts that take one folder: the first folder of
// default_plugin_search_path() that exists, else its first folder.
// Thread-safe.
std::filesystem::path default_plugins_dir();

}  // namespace wfn::host
