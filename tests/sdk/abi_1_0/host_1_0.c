/* A host built from the ABI 1.0 header (tests/sdk/abi_1_0/wfn/abi.h, kept
 * as released), as a host that was never rebuilt would be. It loads one
 * plugin library, asks for its entry as ABI 1.0 and runs one node with a
 * 1.0-sized wfn_call_context, printing the node's log lines and then its
 * output on stdout:
 *
 *   host_1_0 LIBRARY NODE PARAMS   run NODE; exit 0 when it answered
 *   host_1_0 LIBRARY --refused     exit 0 when the plugin refuses a 1.0 host
 *
 * C99, so that nothing of the C++ SDK (built from the 1.1 header) leaks in. */
#include <wfn/abi.h>

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static void print_log(void *host_data, int32_t level, wfn_string_view message) {
    (void)host_data;
    printf("log %d: %.*s\n", (int)level, (int)message.size, message.data);
}

static void print_result(void *host_data, wfn_string_view output) {
    *(int *)host_data += 1;
    printf("output: %.*s\n", (int)output.size, output.data);
}

static wfn_string_view text(const char *data) {
    wfn_string_view view;
    view.data = data;
    view.size = strlen(data);
    return view;
}

int main(int argc, char **argv) {
    void *library;
    wfn_get_plugin_entry_fn get_entry;
    const wfn_plugin_entry *entry = NULL;
    int32_t status;
    size_t i;
    if (argc < 3) {
        fprintf(stderr, "usage: host_1_0 LIBRARY NODE PARAMS | LIBRARY --refused\n");
        return 2;
    }
    library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 2;
    }
    *(void **)&get_entry = dlsym(library, WFN_ENTRY_SYMBOL);
    if (get_entry == NULL) {
        fprintf(stderr, "no entry symbol\n");
        return 2;
    }
    status = get_entry(WFN_ABI_VERSION_MAJOR, WFN_ABI_VERSION_MINOR, &entry);
    if (strcmp(argv[2], "--refused") == 0) {
        printf("get_entry: %d\n", (int)status);
        return status == WFN_STATUS_ABI_MINOR_TOO_NEW && entry == NULL ? 0 : 1;
    }
    if (argc < 4 || status != WFN_STATUS_OK || entry == NULL || entry->init() != WFN_STATUS_OK) {
        fprintf(stderr, "the plugin refused ABI 1.0 (status %d)\n", (int)status);
        return 1;
    }
    printf("plugin needs ABI %u.%u\n", (unsigned)entry->abi_major, (unsigned)entry->abi_minor);
    for (i = 0; i < entry->node_count(); ++i) {
        const wfn_node_descriptor *node = entry->node_at(i);
        if (node->id.size == strlen(argv[2]) && memcmp(node->id.data, argv[2], node->id.size) == 0) {
            int results = 0;
            wfn_call_context context;
            memset(&context, 0, sizeof context);
            context.struct_size = sizeof context;
            context.host_data = &results;
            context.log_level = WFN_LOG_INFO;
            context.log = print_log;
            context.set_result = print_result;
            /* set_result increments *host_data; log ignores it. */
            status = node->execute(node, text(argv[3]), text(""), &context);
            entry->deinit();
            return status == WFN_STATUS_OK && results == 1 ? 0 : 1;
        }
    }
    fprintf(stderr, "no node %s\n", argv[2]);
    return 1;
}
