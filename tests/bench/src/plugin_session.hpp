// The engine's side of the benchmark: one wfn::host::plugin_host over the
// build's plugin bundles, plus the credentials and call options every
// scenario passes to it. Nothing here is timed by itself; the scenarios
// decide what their clocks cover.
#pragma once

#include "bench_options.hpp"

#include <wfn/host.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace wfn_bench {

// The node ids the scenarios run.
inline constexpr std::string_view get_user_node = "okta.user.get";
inline constexpr std::string_view list_users_node = "okta.user.list";
inline constexpr std::string_view create_user_node = "okta.user.create";

// Throws std::runtime_error naming the first load error when the Okta
// plugin's nodes are not all there: a benchmark of a half-loaded plugin
// would measure nothing useful.
void require_okta_nodes(const wfn::host::plugin_host& host);

// The output's StatusCode, or -1 when it is missing or not an integer.
std::int64_t status_code(const boost::json::object& output);

// The output's ErrorMessage, or an empty string.
std::string error_message(const boost::json::object& output);

// {"UserId": user_id} as JSON text.
std::string get_user_params(const std::string& user_id);

// Runs nodes with the run's credentials and deadline. Thread-safe, as
// plugin_host::run is.
class plugin_session {
public:
    plugin_session(const wfn::host::plugin_host& host, const bench_options& options);

    boost::json::object run(std::string_view node_id, std::string_view params_json) const;

    // The output as the plugin wrote it (plugin_host::run_text): what an
    // engine that forwards outputs as text receives, with no DOM built.
    std::string run_text(std::string_view node_id, std::string_view params_json) const;

    // The output without its streamed list, whose items go to `sink` as
    // they arrive (plugin_host::run_streaming): memory flat in the list's size.
    boost::json::object run_streaming(std::string_view node_id, std::string_view params_json,
                                      wfn::host::item_sink& sink) const;

    // One Get a User that must answer 200; throws otherwise. Used to open the
    // connection (TLS handshake included) before a timed section.
    void warm_up(const std::string& user_id) const;

private:
    const wfn::host::plugin_host& host_;
    std::string credentials_json_;
    wfn::host::run_options run_options_;
};

// The set-up the call scenarios share: a host over the build's bundles, the
// Okta nodes checked, a session, and one warm-up call, so that what a
// scenario then measures starts from a loaded plugin and an open connection.
// Not copyable or movable: the session refers to the host.
class warm_plugin {
public:
    explicit warm_plugin(const bench_options& options);
    warm_plugin(const warm_plugin&) = delete;
    warm_plugin& operator=(const warm_plugin&) = delete;

    const plugin_session& session() const { return session_; }

private:
    wfn::host::plugin_host host_;
    plugin_session session_;
};

}  // namespace wfn_bench
