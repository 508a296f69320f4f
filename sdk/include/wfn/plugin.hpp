// wfn/plugin.hpp: write a wfn plugin as plain C++ functions.
//
// A plugin author writes one function per node:
//
//     boost::json::object create_user(const wfn::node_call& call);
//
// lists the nodes in a wfn::plugin_definition and exports it with
// WFN_DEFINE_PLUGIN. The helpers build the C descriptor table, parse the
// parameter and credential JSON, stop every exception at the boundary and
// enforce the output envelope (StatusCode and ErrorMessage always present).
#pragma once

#include <wfn/abi.h>
#include <wfn/log_level.hpp>

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace wfn {

// StatusCode values that are not HTTP statuses.
inline constexpr std::int64_t status_invalid_input = -1;
inline constexpr std::int64_t status_internal_error = 500;

// Largest parameter or credential JSON text a node accepts. Anything larger
// is refused with StatusCode -1 before it is parsed.
inline constexpr std::size_t max_input_json_bytes = 1024 * 1024;

// One key/value field of a structured log record. Never a secret.
struct log_field {
    std::string_view key;
    std::string_view value;
};

// The host's per-call services, seen from C++. Valid only during the node
// function's call; safe to use from the calling thread and from threads the
// node joins before returning.
class call_context {
public:
    using clock = std::chrono::steady_clock;

    explicit call_context(const wfn_call_context& raw) noexcept;

    // When the call must be over. clock::time_point::max() when the host set
    // no deadline.
    clock::time_point deadline() const noexcept { return deadline_; }
    bool has_deadline() const noexcept { return deadline_ != clock::time_point::max(); }
    // Time left before the deadline (zero once passed, max() without one).
    clock::duration remaining() const noexcept;
    // The budget the host gave, in milliseconds (0 = none); for messages.
    std::uint64_t timeout_ms() const noexcept { return timeout_ms_; }

    // True once the host asked to abandon the call. Cheap; poll it in waits.
    bool cancelled() const noexcept;

    // True when a message at `level` would reach the host.
    bool logs(log_level level) const noexcept;
    // Sends one line to the host's log. Never pass secrets.
    void log(log_level level, std::string_view message) const noexcept;
    // Sends one structured record: as a wfn_log_record to a host that takes
    // them (ABI 1.1), else as one line with the fields written after the
    // message ("message (key=value, key=value)"). Never pass secrets.
    void log(log_level level, std::string_view message, std::span<const log_field> fields) const noexcept;

    // True when the host takes a list output's items as they arrive (ABI
    // 1.1 emit_items). Otherwise the whole list goes into the output.
    bool streams_items() const noexcept;
    // Hands the host one batch of `member`'s items: `items_json` is one JSON
    // array of objects. False when the host refused them or has no
    // emit_items: stop listing and answer. The output then leaves `member`
    // out.
    bool emit_items(std::string_view member, std::string_view items_json) const noexcept;

    // Reports `done` items so far, of `total` when known, with a short
    // status ("waiting 7 s for the rate-limit window"). Does nothing for a
    // host without report_progress (ABI 1.0).
    void progress(std::uint64_t done, std::optional<std::uint64_t> total = std::nullopt,
                  std::string_view status = {}) const noexcept;

private:
    const wfn_call_context* raw_;
    clock::time_point deadline_;
    std::uint64_t timeout_ms_;
};

// Everything a node function receives.
struct node_call {
    const boost::json::object& params;
    const boost::json::object& credentials;
    const call_context& context;
};

// A node body. It returns the output object; the helper adds StatusCode 500
// and an ErrorMessage if it throws, and fills a missing ErrorMessage.
using node_function = boost::json::object (*)(const node_call& call);

// A node body that returns its output already serialised: for outputs too big
// to hold as a DOM and as text at once (a list of 20,000 users), built
// piece by piece. The text must be one JSON object with an integer
// StatusCode and a string ErrorMessage: the helper checks that in one
// streaming pass (no DOM) and passes the text on unchanged; otherwise it
// answers StatusCode 500 instead. A throw becomes StatusCode 500 (or -1 for
// invalid_input_error) as for node_function. Ownership: the returned string
// is the node's; the helper hands it to the host's set_result, which copies
// it, and frees it. Threading: as node_function, called concurrently.
using text_node_function = std::string (*)(const node_call& call);

struct node_definition {
    std::string_view id;
    std::string_view display_name;
    std::uint32_t version = 1;
    std::uint32_t flags = 0;
    node_function run = nullptr;
    // Used instead of `run` when set.
    text_node_function run_text = nullptr;
};

struct plugin_definition {
    std::string_view id;
    std::string_view version;
    std::span<const node_definition> nodes;
    // Optional process-wide set-up and tear-down (init()/deinit() of the ABI).
    // on_init returns false to refuse loading; it must not throw.
    bool (*on_init)() = nullptr;
    void (*on_deinit)() = nullptr;
    // The ABI minor the plugin needs (wfn_plugin_entry.abi_minor; the
    // manifest's abi.minor says the same). A plugin that reaches newer
    // members only through call_context, which checks WFN_STRUCT_HAS, needs
    // 0 and so runs in a 1.0 host too.
    std::uint32_t needs_abi_minor = 0;
};

// Output envelope builders.
// {"StatusCode": status_code, "ErrorMessage": error_message}.
boost::json::object make_output(std::int64_t status_code, std::string_view error_message = {});
// {"StatusCode": -1, "ErrorMessage": error_message, "Retryable": false}: the
// answer to input that is wrong, which running the node again cannot fix.
// The helper builds the same for invalid_input_error and unparseable input.
boost::json::object invalid_input(std::string_view error_message);

// Thrown by node code to answer StatusCode -1 with `what()` as ErrorMessage
// (the helper catches it). The message must not contain secrets.
class invalid_input_error : public std::exception {
public:
    explicit invalid_input_error(std::string message) : message_(std::move(message)) {}
    const char* what() const noexcept override { return message_.c_str(); }

private:
    std::string message_;
};

namespace detail {
// Implements wfn_get_plugin_entry for `definition`, which must outlive the
// library (a namespace-scope constant).
std::int32_t get_plugin_entry(const plugin_definition& definition, std::uint32_t host_abi_major,
                              std::uint32_t host_abi_minor, const wfn_plugin_entry** out_entry) noexcept;
}  // namespace detail

}  // namespace wfn

// Exports the plugin's one symbol. `definition_expr` is an expression naming a
// `const wfn::plugin_definition` with static storage duration.
#define WFN_DEFINE_PLUGIN(definition_expr)                                                       \
    extern "C" WFN_EXPORT std::int32_t wfn_get_plugin_entry(                                     \
        std::uint32_t host_abi_major, std::uint32_t host_abi_minor,                              \
        const wfn_plugin_entry** out_entry) {                                                    \
        return ::wfn::detail::get_plugin_entry((definition_expr), host_abi_major, host_abi_minor, \
                                               out_entry);                                      \
    }
