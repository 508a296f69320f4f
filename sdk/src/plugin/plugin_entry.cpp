// The C side of a plugin written with wfn/plugin.hpp: the descriptor table
// and the execute() trampoline that keeps every exception inside the plugin.
#include <wfn/plugin.hpp>

#include "../common/abi_text.hpp"
#include "../common/output_envelope.hpp"
#include "claimed_abi.hpp"

#include "json_checks/json_text.hpp"

#include <boost/json/serialize.hpp>

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace wfn::detail {
namespace {

// One plugin definition per library: the entry function is the only symbol,
// so the table it exposes is process-wide within this library.
struct plugin_table {
    const plugin_definition* definition = nullptr;
    std::vector<wfn_node_descriptor> descriptors;
    wfn_plugin_entry entry{};
};

plugin_table& table() {
    static plugin_table instance;
    return instance;
}

// Parses one of the two input texts. `what` names it in messages ("Parameters"
// or "Credentials"); the text itself is never echoed, as it may hold secrets.
boost::json::object parse_input(std::string_view text, std::string_view what, bool empty_is_ok) {
    if (text.empty()) {
        if (empty_is_ok) {
            return {};
        }
        throw invalid_input_error(std::string(what) + " are empty: pass a JSON object, such as {}.");
    }
    if (text.size() > max_input_json_bytes) {
        throw invalid_input_error(std::string(what) + " are " + std::to_string(text.size()) +
                                  " bytes of JSON; the limit is " + std::to_string(max_input_json_bytes) +
                                  " bytes.");
    }
    boost::json::value parsed;
    try {
        // The host's own reader: the same "line 1, column 9: syntax error"
        // whichever host passed the text on.
        parsed = json_checks::parse_json_text(text);
    } catch (const json_checks::json_text_error& error) {
        throw invalid_input_error(std::string(what) + " are not valid JSON (" + error.what() + ").");
    }
    if (!parsed.is_object()) {
        throw invalid_input_error(std::string(what) + " must be a JSON object.");
    }
    return std::move(parsed.as_object());
}

// A node that threw has a defect, not a passing condition: Retryable false
// keeps an engine from looping on it.
boost::json::object unexpected_failure(std::string_view message) {
    boost::json::object output = make_output(status_internal_error, message);
    output["Retryable"] = false;
    return output;
}

// The node's output text: its own (run_text), or its object serialised with
// the envelope enforced.
std::string run_node(const node_definition& node, wfn_string_view params_json, wfn_string_view credentials_json,
                     const wfn_call_context& raw_context) {
    try {
        const boost::json::object params = parse_input(to_std_view(params_json), "Parameters", false);
        const boost::json::object credentials = parse_input(to_std_view(credentials_json), "Credentials", true);
        const call_context context(raw_context);
        const node_call call{params, credentials, context};
        if (node.run_text != nullptr) {
            std::string text = node.run_text(call);
            // Checked in one streaming pass: the text may be a huge list.
            if (!keeps_envelope(text)) {
                return boost::json::serialize(unexpected_failure(
                    "Node " + std::string(node.id) +
                    " produced an output that is not a JSON object with an integer StatusCode and a string ErrorMessage."));
            }
            return text;
        }
        boost::json::object output = node.run(call);
        mend_envelope(output, [&] { return "Node " + std::string(node.id) + " returned an output without a StatusCode."; });
        return boost::json::serialize(output);
    } catch (const invalid_input_error& error) {
        return boost::json::serialize(invalid_input(error.what()));
    } catch (const std::exception& error) {
        return boost::json::serialize(
            unexpected_failure("Node " + std::string(node.id) + " failed unexpectedly: " + error.what()));
    } catch (...) {
        return boost::json::serialize(unexpected_failure(
            "Node " + std::string(node.id) + " failed unexpectedly with a non-standard exception."));
    }
}

bool context_is_usable(const wfn_call_context* context) noexcept {
    return context != nullptr && WFN_STRUCT_HAS(context, wfn_call_context, set_result) &&
           context->set_result != nullptr;
}

std::int32_t execute(const wfn_node_descriptor* node, wfn_string_view params_json,
                     wfn_string_view credentials_json, const wfn_call_context* context) {
    if (!context_is_usable(context) || node == nullptr) {
        return WFN_STATUS_INVALID_ARGUMENT;
    }
    const plugin_table& plugin = table();
    if (plugin.descriptors.empty() || node < plugin.descriptors.data() ||
        node >= plugin.descriptors.data() + plugin.descriptors.size()) {
        return WFN_STATUS_INVALID_ARGUMENT;
    }
    const auto index = static_cast<std::size_t>(node - plugin.descriptors.data());
    try {
        const std::string text = run_node(plugin.definition->nodes[index], params_json, credentials_json, *context);
        context->set_result(context->host_data, to_abi_view(text));
        return WFN_STATUS_OK;
    } catch (...) {
        // Only allocation failures get here: tell the host with a status.
        return WFN_STATUS_INTERNAL_ERROR;
    }
}

std::int32_t init() {
    const plugin_definition* definition = table().definition;
    try {
        return definition->on_init == nullptr || definition->on_init() ? WFN_STATUS_OK : WFN_STATUS_INIT_FAILED;
    } catch (...) {
        return WFN_STATUS_INIT_FAILED;
    }
}

void deinit() {
    const plugin_definition* definition = table().definition;
    if (definition->on_deinit != nullptr) {
        try {
            definition->on_deinit();
        } catch (...) {
            // deinit has no way to report; the host is unloading us anyway.
        }
    }
}

std::size_t node_count() { return table().descriptors.size(); }

const wfn_node_descriptor* node_at(std::size_t index) {
    const auto& descriptors = table().descriptors;
    return index < descriptors.size() ? &descriptors[index] : nullptr;
}

void build_table(const plugin_definition& definition, abi_claim claim) {
    plugin_table& plugin = table();
    plugin.definition = &definition;
    plugin.descriptors.reserve(definition.nodes.size());
    for (const node_definition& node : definition.nodes) {
        wfn_node_descriptor descriptor{};
        descriptor.struct_size = sizeof(wfn_node_descriptor);
        descriptor.id = to_abi_view(node.id);
        descriptor.display_name = to_abi_view(node.display_name);
        descriptor.version = node.version;
        descriptor.flags = node.flags;
        descriptor.execute = &execute;
        plugin.descriptors.push_back(descriptor);
    }
    wfn_plugin_entry& entry = plugin.entry;
    entry.struct_size = sizeof(wfn_plugin_entry);
    entry.abi_major = claim.major;
    entry.abi_minor = claim.minor;
    entry.plugin_id = to_abi_view(definition.id);
    entry.plugin_version = to_abi_view(definition.version);
    entry.init = &init;
    entry.deinit = &deinit;
    entry.node_count = &node_count;
    entry.node_at = &node_at;
}

}  // namespace

std::int32_t get_plugin_entry(const plugin_definition& definition, std::uint32_t host_abi_major,
                              std::uint32_t host_abi_minor, const wfn_plugin_entry** out_entry) noexcept {
    return get_plugin_entry_claiming(definition, {WFN_ABI_VERSION_MAJOR, definition.needs_abi_minor}, host_abi_major,
                                     host_abi_minor, out_entry);
}

std::int32_t get_plugin_entry_claiming(const plugin_definition& definition, abi_claim claim,
                                       std::uint32_t host_abi_major, std::uint32_t host_abi_minor,
                                       const wfn_plugin_entry** out_entry) noexcept {
    if (out_entry == nullptr) {
        return WFN_STATUS_INVALID_ARGUMENT;
    }
    *out_entry = nullptr;
    if (host_abi_major != claim.major) {
        return WFN_STATUS_ABI_MAJOR_MISMATCH;
    }
    if (host_abi_minor < claim.minor) {
        return WFN_STATUS_ABI_MINOR_TOO_NEW;
    }
    try {
        static std::once_flag built;
        std::call_once(built, [&] { build_table(definition, claim); });
    } catch (...) {
        return WFN_STATUS_INTERNAL_ERROR;
    }
    *out_entry = &table().entry;
    return WFN_STATUS_OK;
}

}  // namespace wfn::detail
