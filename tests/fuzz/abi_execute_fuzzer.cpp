// Fuzzes the plugin through its C ABI, as a host would call it:
// wfn_get_plugin_entry, init, then every node's execute with arbitrary
// parameter and credential texts.
//
// Input: the parameters text, a line "---", then the credentials text
// (without the separator, the credentials are empty). Either may be any
// bytes, not only JSON.
//
// Nothing leaves the machine: a credential Domain that the plugin would
// accept is replaced by https://127.0.0.1:1, where nothing listens, and each
// call gets a 1 ms budget, so a call that passes validation fails fast with
// a transport error.
//
// Oracles: execute returns WFN_STATUS_OK and hands back exactly one JSON
// object with an integer StatusCode (-1 for bad input, 500 for the expected
// transport failure) and a string ErrorMessage; a realistic API token given
// in the credentials never appears in the output.
#include "fuzz_input.hpp"

#include "okta/protocol/org_address.hpp"

#include <wfn/abi.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" std::int32_t wfn_get_plugin_entry(std::uint32_t host_abi_major, std::uint32_t host_abi_minor,
                                             const wfn_plugin_entry** out_entry);

namespace {

constexpr std::string_view unreachable_domain = "https://127.0.0.1:1";
constexpr std::uint64_t call_budget_ms = 1;

const wfn_plugin_entry* plugin = nullptr;
// WFN_FUZZ_SHOW_OUTPUT=1 prints every output, to see what a crash input does.
bool show_output = false;

struct call_record {
    int results = 0;
    std::string output;
    std::string log;  // every log line, one per line
};

void set_result(void* host_data, wfn_string_view output_json) {
    auto& record = *static_cast<call_record*>(host_data);
    ++record.results;
    record.output.assign(output_json.data == nullptr ? "" : output_json.data, output_json.size);
}

void log_line(void* host_data, std::int32_t, wfn_string_view message) {
    auto& record = *static_cast<call_record*>(host_data);
    record.log.append(message.data == nullptr ? "" : message.data, message.size).append("\n");
}

std::int32_t never_cancelled(void*) { return 0; }

// The credentials as the plugin will see them, with any Domain it would
// accept pointed at a closed loopback port instead.
std::string keep_on_loopback(std::string_view credentials_text) {
    boost::system::error_code ec;
    boost::json::value credentials = boost::json::parse(credentials_text, ec);
    if (ec || !credentials.is_object()) {
        return std::string(credentials_text);
    }
    auto* domain = credentials.as_object().if_contains("Domain");
    if (domain == nullptr || !domain->is_string()) {
        return std::string(credentials_text);
    }
    try {
        (void)okta_plugin::okta::parse_org_domain(domain->as_string());
    } catch (const okta_plugin::okta::invalid_setting&) {
        return std::string(credentials_text);  // refused before any connection
    }
    *domain = unreachable_domain;
    return boost::json::serialize(credentials);
}

// A token that looks like a real Okta one: 20+ characters of [A-Za-z0-9_-]
// mixing upper and lower case and digits. Such a string cannot occur by
// chance in the plugin's own messages, so finding it in an output or a log
// line means a leak. Empty for any other token.
std::string realistic_token(std::string_view credentials_text) {
    boost::system::error_code ec;
    const boost::json::value credentials = boost::json::parse(credentials_text, ec);
    const auto* token = !ec && credentials.is_object() ? credentials.as_object().if_contains("ApiToken") : nullptr;
    if (token == nullptr || !token->is_string() || token->as_string().size() < 20) {
        return {};
    }
    bool upper = false;
    bool lower = false;
    bool digit = false;
    for (unsigned char c : token->as_string()) {
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        digit |= c >= '0' && c <= '9';
        if (!std::isalnum(c) && c != '_' && c != '-') {
            return {};
        }
    }
    return upper && lower && digit ? std::string(token->as_string()) : std::string();
}

// The parameters with JSON escapes decoded: a node may quote a parameter
// back, and a token hidden in a parameter as \u0041... is still the token.
std::string decoded_params(std::string_view params_text) {
    boost::system::error_code ec;
    const boost::json::value params = boost::json::parse(params_text, ec);
    return ec ? std::string(params_text) : boost::json::serialize(params);
}

void check_output(const call_record& record, const std::string& params, const std::string& token) {
    wfn_fuzz::check(record.results == 1, "execute did not call set_result exactly once");
    boost::system::error_code ec;
    const boost::json::value output = boost::json::parse(record.output, ec);
    wfn_fuzz::check(!ec && output.is_object(), "the output is not a JSON object");
    const auto* status = output.as_object().if_contains("StatusCode");
    const auto* message = output.as_object().if_contains("ErrorMessage");
    wfn_fuzz::check(status != nullptr && status->is_int64(), "the output has no integer StatusCode");
    wfn_fuzz::check(message != nullptr && message->is_string(), "the output has no string ErrorMessage");
    wfn_fuzz::check(status->as_int64() == -1 || status->as_int64() == 500,
                    "StatusCode is neither -1 nor 500 though nothing can answer");
    wfn_fuzz::check(!message->as_string().empty(), "a failed call has an empty ErrorMessage");
    // A token that the parameters also carry may be quoted from them.
    if (!token.empty() && params.find(token) == std::string::npos) {
        wfn_fuzz::check(record.output.find(token) == std::string::npos, "the API token leaked into the output");
        wfn_fuzz::check(record.log.find(token) == std::string::npos, "the API token leaked into the log");
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (wfn_get_plugin_entry(WFN_ABI_VERSION_MAJOR, WFN_ABI_VERSION_MINOR, &plugin) != WFN_STATUS_OK ||
        plugin == nullptr || plugin->init() != WFN_STATUS_OK || plugin->node_count() == 0) {
        wfn_fuzz::fail("the Okta plugin did not load");
    }
    show_output = std::getenv("WFN_FUZZ_SHOW_OUTPUT") != nullptr;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = wfn_fuzz::split(wfn_fuzz::as_text(data, size), wfn_fuzz::document_separator, 2);
    const std::string_view params_text = parts[0];
    const std::string credentials_text = parts.size() > 1 ? keep_on_loopback(parts[1]) : std::string();
    const std::string token = realistic_token(credentials_text);
    const std::string params = decoded_params(params_text);

    for (std::size_t i = 0; i < plugin->node_count(); ++i) {
        const wfn_node_descriptor* node = plugin->node_at(i);
        call_record record;
        wfn_call_context context{};
        context.struct_size = sizeof context;
        context.host_data = &record;
        context.timeout_ms = call_budget_ms;
        context.log_level = WFN_LOG_TRACE;
        context.is_cancelled = &never_cancelled;
        context.log = &log_line;
        context.set_result = &set_result;
        const std::int32_t status = node->execute(node, {params_text.data(), params_text.size()},
                                                  {credentials_text.data(), credentials_text.size()}, &context);
        wfn_fuzz::check(status == WFN_STATUS_OK, "execute did not return WFN_STATUS_OK");
        if (show_output) {
            std::fprintf(stderr, "%.*s -> %s\n%s", static_cast<int>(node->id.size), node->id.data,
                         record.output.c_str(), record.log.c_str());
        }
        check_output(record, params, token);
    }
    return 0;
}
