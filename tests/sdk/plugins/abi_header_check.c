/* Compiled by ctest as C99 and as C++20 with -pedantic -Werror: wfn/abi.h
 * must be valid, warning-free code in both languages. */
#include <wfn/abi.h>

typedef char wfn_check_string_view_is_two_words[sizeof(wfn_string_view) == 2 * sizeof(void *) ? 1 : -1];
typedef char wfn_check_struct_size_first[offsetof(wfn_call_context, struct_size) == 0 ? 1 : -1];
typedef char wfn_check_entry_size_first[offsetof(wfn_plugin_entry, struct_size) == 0 ? 1 : -1];
typedef char wfn_check_descriptor_size_first[offsetof(wfn_node_descriptor, struct_size) == 0 ? 1 : -1];

int wfn_check_struct_has(const wfn_call_context *context);

int wfn_check_struct_has(const wfn_call_context *context) {
    return WFN_STRUCT_HAS(context, wfn_call_context, set_result) ? 1 : 0;
}

typedef char wfn_check_log_record_size_first[offsetof(wfn_log_record, struct_size) == 0 ? 1 : -1];
/* The 1.1 members come after every 1.0 member. */
typedef char wfn_check_new_members_last[offsetof(wfn_call_context, emit_items) > offsetof(wfn_call_context, set_result) ? 1 : -1];

int wfn_check_streams(const wfn_call_context *context);

int wfn_check_streams(const wfn_call_context *context) {
    return WFN_STRUCT_HAS(context, wfn_call_context, emit_items) && context->emit_items != NULL ? 1 : 0;
}
