/* A plugin written against wfn/abi.h alone, in C99, that misbehaves in the
 * ways a host must survive: no output, a failure status, output that is not
 * JSON or not an object, no StatusCode. It also proves the header is usable
 * from C: this file builds with -std=c99 -pedantic -Wall -Wextra -Werror.
 * It is compiled against the ABI 1.0 header kept in tests/sdk/abi_1_0, so it
 * is also the 1.0 plugin that a 1.1 host must keep running (raw.list: a
 * list output the 1.0 way, whole in the output). */
#include <wfn/abi.h>

#include <string.h>

static wfn_string_view text(const char *data) {
    wfn_string_view view;
    view.data = data;
    view.size = strlen(data);
    return view;
}

static int32_t no_result(const wfn_node_descriptor *node, wfn_string_view params, wfn_string_view credentials,
                         const wfn_call_context *context) {
    (void)node, (void)params, (void)credentials, (void)context;
    return WFN_STATUS_OK;
}

static int32_t fail_status(const wfn_node_descriptor *node, wfn_string_view params, wfn_string_view credentials,
                           const wfn_call_context *context) {
    (void)node, (void)params, (void)credentials;
    context->set_result(context->host_data, text("{\"StatusCode\":200,\"ErrorMessage\":\"\"}"));
    return WFN_STATUS_INTERNAL_ERROR;
}

static int32_t not_json(const wfn_node_descriptor *node, wfn_string_view params, wfn_string_view credentials,
                        const wfn_call_context *context) {
    (void)node, (void)params, (void)credentials;
    context->set_result(context->host_data, text("this is not JSON"));
    return WFN_STATUS_OK;
}

static int32_t not_object(const wfn_node_descriptor *node, wfn_string_view params, wfn_string_view credentials,
                          const wfn_call_context *context) {
    (void)node, (void)params, (void)credentials;
    context->set_result(context->host_data, text("[1, 2, 3]"));
    return WFN_STATUS_OK;
}

static int32_t no_status_code(const wfn_node_descriptor *node, wfn_string_view params, wfn_string_view credentials,
                              const wfn_call_context *context) {
    (void)node, (void)params, (void)credentials;
    context->set_result(context->host_data, text("{\"Hello\":\"world\"}"));
    return WFN_STATUS_OK;
}

static int32_t twice(const wfn_node_descriptor *node, wfn_string_view params, wfn_string_view credentials,
                     const wfn_call_context *context) {
    (void)node, (void)params, (void)credentials;
    context->set_result(context->host_data, text("{\"StatusCode\":500,\"ErrorMessage\":\"first\"}"));
    context->set_result(context->host_data, text("{\"StatusCode\":200,\"ErrorMessage\":\"\",\"Which\":\"second\"}"));
    return WFN_STATUS_OK;
}

static int32_t list(const wfn_node_descriptor *node, wfn_string_view params, wfn_string_view credentials,
                    const wfn_call_context *context) {
    (void)node, (void)params, (void)credentials;
    if (context->log != NULL) {
        context->log(context->host_data, WFN_LOG_INFO, text("raw.list: a 1.0 log line"));
    }
    context->set_result(context->host_data,
                        text("{\"StatusCode\":200,\"ErrorMessage\":\"\",\"Items\":[{\"Index\":0},{\"Index\":1}]}"));
    return WFN_STATUS_OK;
}

#define RAW_NODE(id, name, function) \
    { sizeof(wfn_node_descriptor), {id, sizeof(id) - 1}, {name, sizeof(name) - 1}, 1, 0, function }

static const wfn_node_descriptor nodes[] = {
    RAW_NODE("raw.no_result", "Never calls set_result", no_result),
    RAW_NODE("raw.fail_status", "Returns WFN_STATUS_INTERNAL_ERROR", fail_status),
    RAW_NODE("raw.not_json", "Answers text that is not JSON", not_json),
    RAW_NODE("raw.not_object", "Answers a JSON array", not_object),
    RAW_NODE("raw.no_status_code", "Answers without StatusCode", no_status_code),
    RAW_NODE("raw.twice", "Calls set_result twice", twice),
    RAW_NODE("raw.list", "Lists two items the ABI 1.0 way", list),
};

#define NODE_COUNT (sizeof(nodes) / sizeof(nodes[0]))

/* A variable rather than the macro: comparing an unsigned to a constant 0
 * draws a warning, and this file builds with -Werror. */
static const uint32_t built_for_minor = WFN_ABI_VERSION_MINOR;

static int32_t init(void) { return WFN_STATUS_OK; }
static void deinit(void) {}
static size_t node_count(void) { return NODE_COUNT; }
static const wfn_node_descriptor *node_at(size_t index) { return index < NODE_COUNT ? &nodes[index] : NULL; }

static const wfn_plugin_entry entry = {
    sizeof(wfn_plugin_entry),  WFN_ABI_VERSION_MAJOR, WFN_ABI_VERSION_MINOR, {"com.wfn.raw", 11}, {"1.0.0", 5},
    init, deinit, node_count, node_at};

WFN_EXPORT int32_t wfn_get_plugin_entry(uint32_t host_abi_major, uint32_t host_abi_minor,
                                        const wfn_plugin_entry **out_entry) {
    if (out_entry == NULL) {
        return WFN_STATUS_INVALID_ARGUMENT;
    }
    *out_entry = NULL;
    if (host_abi_major != WFN_ABI_VERSION_MAJOR) {
        return WFN_STATUS_ABI_MAJOR_MISMATCH;
    }
    if (host_abi_minor < built_for_minor) {
        return WFN_STATUS_ABI_MINOR_TOO_NEW;
    }
    *out_entry = &entry;
    return WFN_STATUS_OK;
}
