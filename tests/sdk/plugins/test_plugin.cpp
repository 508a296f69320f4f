// The SDK's test plugin, written with wfn/plugin.hpp like a real one. Built
// several times with different compile definitions: the good plugin, a
// wrong-major and a newer-minor variant, and a twin that clashes with it.
#include <wfn/plugin.hpp>

#include "claimed_abi.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#ifndef WFN_TEST_PLUGIN_ID
#error "WFN_TEST_PLUGIN_ID must name the plugin"
#endif
// Node ids are <prefix><name>: the lying bundles' build has ids of its own.
#ifndef WFN_TEST_NODE_PREFIX
#define WFN_TEST_NODE_PREFIX "test."
#endif
#ifndef WFN_TEST_ABI_MAJOR
#define WFN_TEST_ABI_MAJOR WFN_ABI_VERSION_MAJOR
#endif
#ifndef WFN_TEST_ABI_MINOR
#define WFN_TEST_ABI_MINOR 0
#endif

namespace {

using namespace std::chrono_literals;

// The twin variant offers only test.echo; [[maybe_unused]] below keeps its
// build warning-free.

boost::json::object ok() { return wfn::make_output(200); }

// Hands back what it received, so tests can check that every thread got its
// own parameters.
boost::json::object echo(const wfn::node_call& call) {
    boost::json::object output = ok();
    output["Params"] = call.params;
    output["HasCredentials"] = !call.credentials.empty();
    return output;
}

[[maybe_unused]] boost::json::object throw_std(const wfn::node_call&) { throw std::runtime_error("boom from test.throw_std"); }

[[maybe_unused]] boost::json::object throw_int(const wfn::node_call&) { throw 42; }

std::int64_t int_param(const wfn::node_call& call, std::string_view name, std::int64_t fallback) {
    const auto* value = call.params.if_contains(name);
    if (value == nullptr) {
        return fallback;
    }
    if (!value->is_int64()) {
        throw wfn::invalid_input_error(std::string(name) + " must be an integer.");
    }
    return value->get_int64();
}

// Sleeps for Ms milliseconds in 5 ms slices. With Watch "deadline" (the
// default) it stops at the deadline or on cancellation; with "cancel-only"
// it ignores the deadline and relies on the host's cancellation alone; with
// "nothing" it ignores both, like a plugin stuck in a call. It
// logs (info) when it starts and when it is done sleeping, so that a test
// can wait on what it has seen instead of on time.
[[maybe_unused]] boost::json::object slow(const wfn::node_call& call) {
    const auto total = std::chrono::milliseconds(int_param(call, "Ms", 10000));
    call.context.log(wfn::log_level::info, "test.slow: sleeping " + std::to_string(total.count()) + " ms");
    const auto* watch = call.params.if_contains("Watch");
    const bool watches_deadline = watch == nullptr || *watch == "deadline";
    const bool watches_cancellation = watch == nullptr || *watch != "nothing";
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < total) {
        if (watches_deadline && call.context.remaining() == std::chrono::steady_clock::duration::zero()) {
            return wfn::make_output(504, "test.slow: the deadline of " + std::to_string(call.context.timeout_ms()) +
                                             " ms passed.");
        }
        if (watches_cancellation && call.context.cancelled()) {
            boost::json::object output = wfn::make_output(499, "test.slow: cancelled by the host.");
            output["ErrorCode"] = "WFN_CANCELLED";
            return output;
        }
        std::this_thread::sleep_for(5ms);
    }
    call.context.log(wfn::log_level::info, "test.slow: slept " + std::to_string(total.count()) + " ms");
    boost::json::object output = ok();
    output["SleptMs"] = total.count();
    return output;
}

// One line at every level, so tests can check the host's level filter.
[[maybe_unused]] boost::json::object log_levels(const wfn::node_call& call) {
    call.context.log(wfn::log_level::trace, "trace line");
    call.context.log(wfn::log_level::debug, "debug line");
    call.context.log(wfn::log_level::info, "info line");
    call.context.log(wfn::log_level::warn, "warn line");
    call.context.log(wfn::log_level::error, "error line");
    return ok();
}

// Waits until Expect calls of the same Round are inside the node at once.
// If the host ran calls one after another, the first would wait until its
// deadline: the output proves real concurrency.
struct rendezvous_state {
    std::mutex mutex;
    std::condition_variable arrived;
    std::map<std::string, std::int64_t> counts;
};

[[maybe_unused]] boost::json::object rendezvous(const wfn::node_call& call) {
    static rendezvous_state state;
    const auto expect = int_param(call, "Expect", 2);
    const auto* round_value = call.params.if_contains("Round");
    const std::string round = round_value != nullptr && round_value->is_string() ? std::string(round_value->get_string()) : "";
    std::unique_lock lock(state.mutex);
    ++state.counts[round];
    state.arrived.notify_all();
    while (state.counts[round] < expect) {
        if (call.context.cancelled() || call.context.remaining() == std::chrono::steady_clock::duration::zero()) {
            return wfn::make_output(504, "test.rendezvous: only " + std::to_string(state.counts[round]) + " of " +
                                             std::to_string(expect) + " calls arrived.");
        }
        state.arrived.wait_for(lock, 5ms);
    }
    boost::json::object output = ok();
    output["Arrived"] = state.counts[round];
    output["Params"] = call.params;
    return output;
}

// Lists Count items {"Index": i} in pages of PageSize: streamed page by
// page when the host takes items (ABI 1.1), else all in "Items". Reports
// progress and logs one structured record per page at info, so tests can
// check each 1.1 member, and each one's absence. With FailAfter it stops
// after that many items with a 503 and keeps what it listed (Complete
// false), like a ReturnAll that fails midway.
[[maybe_unused]] boost::json::object items(const wfn::node_call& call) {
    const auto count = int_param(call, "Count", 3);
    const auto page_size = std::max<std::int64_t>(1, int_param(call, "PageSize", 2));
    const auto fail_after = int_param(call, "FailAfter", -1);
    const bool streamed = call.context.streams_items();
    boost::json::array kept;
    std::int64_t done = 0;
    bool complete = true;
    while (done < count) {
        if (fail_after >= 0 && done >= fail_after) {
            complete = false;
            break;
        }
        boost::json::array page;
        for (std::int64_t i = 0; i < page_size && done < count; ++i, ++done) {
            page.push_back(boost::json::object{{"Index", done}});
        }
        const std::string page_number = std::to_string(done);
        const wfn::log_field fields[] = {{"node", "test.items"}, {"done", page_number}};
        call.context.log(wfn::log_level::info, "test.items: listed a page", fields);
        if (streamed) {
            if (!call.context.emit_items("Items", boost::json::serialize(page))) {
                return wfn::make_output(499, "test.items: the host refused the items.");
            }
        } else {
            for (auto& item : page) {
                kept.push_back(std::move(item));
            }
        }
        call.context.progress(static_cast<std::uint64_t>(done), static_cast<std::uint64_t>(count),
                              done < count ? "listing" : "");
    }
    boost::json::object output = complete ? ok() : wfn::make_output(503, "test.items: failed midway.");
    if (!streamed) {
        output["Items"] = std::move(kept);
    }
    output["Complete"] = complete;
    output["Listed"] = done;
    return output;
}

#ifdef WFN_TEST_PLUGIN_TWIN
constexpr wfn::node_definition nodes[] = {
    {WFN_TEST_NODE_PREFIX "echo", "Echo (twin)", 1, 0, &echo},
};
#else
constexpr wfn::node_definition nodes[] = {
    {WFN_TEST_NODE_PREFIX "echo", "Echo", 1, WFN_NODE_FLAG_IDEMPOTENT, &echo},
    {WFN_TEST_NODE_PREFIX "throw_std", "Throw std::runtime_error", 1, 0, &throw_std},
    {WFN_TEST_NODE_PREFIX "throw_int", "Throw an int", 1, 0, &throw_int},
    {WFN_TEST_NODE_PREFIX "slow", "Slow", 1, 0, &slow},
    {WFN_TEST_NODE_PREFIX "log", "Log at every level", 1, 0, &log_levels},
    {WFN_TEST_NODE_PREFIX "rendezvous", "Rendezvous", 1, 0, &rendezvous},
#ifndef WFN_TEST_WITHOUT_ITEMS
    {WFN_TEST_NODE_PREFIX "items", "Items", 1, WFN_NODE_FLAG_IDEMPOTENT, &items},
#endif
};
#endif

constexpr wfn::plugin_definition plugin{
    .id = WFN_TEST_PLUGIN_ID,
    .version = "1.0.0",
    .nodes = nodes,
};

}  // namespace

// WFN_DEFINE_PLUGIN, except that the ABI version claimed is the build's
// (another major or a newer minor makes a plugin every host must refuse).
extern "C" WFN_EXPORT std::int32_t wfn_get_plugin_entry(std::uint32_t host_abi_major, std::uint32_t host_abi_minor,
                                                        const wfn_plugin_entry** out_entry) {
    return wfn::detail::get_plugin_entry_claiming(plugin, {WFN_TEST_ABI_MAJOR, WFN_TEST_ABI_MINOR}, host_abi_major,
                                                  host_abi_minor, out_entry);
}
