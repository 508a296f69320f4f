/*
 * wfn/abi.h: the workflow-node plugin C ABI, version 1.
 *
 * A plugin is a shared library that exports exactly one function,
 * wfn_get_plugin_entry(). Everything a host needs is reached from the
 * wfn_plugin_entry it returns.
 *
 * Rules that hold for every declaration below:
 *  - Only fixed-width integers, size_t, wfn_string_view, opaque pointers and
 *    function pointers cross this boundary. No C++ type, C enum or bool.
 *  - Every struct starts with `struct_size`, set by whoever fills the struct to
 *    sizeof(the struct as that side compiled it). Structs only ever grow at
 *    the end; a reader must not touch a member that lies past `struct_size`.
 *  - Memory is never freed on the other side of the boundary. Whoever
 *    allocates a buffer frees it; strings handed across are borrowed for the
 *    stated lifetime and copied if needed longer.
 *  - No exception, longjmp or signal ever crosses it: every plugin function
 *    catches everything and reports a status instead.
 *  - All strings are UTF-8 and are NOT NUL-terminated: always use `size`.
 *
 * Thread rules are written on each member as:
 *  [any-thread]   may be called from any thread, concurrently with itself.
 *  [load-thread]  called only by the thread that loaded the library, never
 *                 concurrently with any other function of the plugin.
 *
 * Compiles as C99 and as C++20.
 */
#ifndef WFN_ABI_H
#define WFN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ------------------------------------------------------------ */

/* A host speaking major M refuses a plugin of another major. A host speaking
 * minor N refuses a plugin built for minor > N: the plugin may rely on members
 * the host does not fill. */
#define WFN_ABI_VERSION_MAJOR 1
#define WFN_ABI_VERSION_MINOR 0

/* ---- Exporting the entry function --------------------------------------- */

#if defined(_WIN32)
#define WFN_EXPORT __declspec(dllexport)
#else
#define WFN_EXPORT __attribute__((visibility("default")))
#endif

/* The single exported symbol's name, for hosts that look it up by string. */
#define WFN_ENTRY_SYMBOL "wfn_get_plugin_entry"

/* ---- Status codes returned by ABI functions ----------------------------- */

/* Success. */
#define WFN_STATUS_OK 0
/* The host's ABI major is not the plugin's. */
#define WFN_STATUS_ABI_MAJOR_MISMATCH 1
/* The plugin needs a newer ABI minor than the host speaks. */
#define WFN_STATUS_ABI_MINOR_TOO_NEW 2
/* An argument was NULL, too small a struct_size, or otherwise unusable. */
#define WFN_STATUS_INVALID_ARGUMENT 3
/* init() could not set the plugin up (for example a TLS library failure). */
#define WFN_STATUS_INIT_FAILED 4
/* An unexpected internal failure; the host should treat the call as failed. */
#define WFN_STATUS_INTERNAL_ERROR 5

/* ---- Log levels (most verbose first) ------------------------------------ */

#define WFN_LOG_TRACE 0
#define WFN_LOG_DEBUG 1
#define WFN_LOG_INFO 2
#define WFN_LOG_WARN 3
#define WFN_LOG_ERROR 4

/* ---- Node flags (bit set) ----------------------------------------------- */

/* The node changes state outside the process (creates, updates, deletes). */
#define WFN_NODE_FLAG_SIDE_EFFECTS 0x1u
/* Running the node twice with the same parameters has the effect of once. */
#define WFN_NODE_FLAG_IDEMPOTENT 0x2u

/* True when the struct at `ptr` (of type `type`, filled by the other side)
 * is large enough to hold `member`. Read a member added after version 1.0
 * only when this holds. */
#define WFN_STRUCT_HAS(ptr, type, member) \
    ((ptr)->struct_size >= offsetof(type, member) + sizeof((ptr)->member))

/* ---- Types -------------------------------------------------------------- */

/* A borrowed UTF-8 string. `data` may be NULL only when `size` is 0. The
 * lifetime of what it points to is stated wherever a string view is used. */
typedef struct wfn_string_view {
    const char *data;
    size_t size;
} wfn_string_view;

/* Per-call services the host gives to execute(). Filled by the host.
 *
 * Lifetime: valid only for the duration of the execute() call it is passed
 * to. The plugin must not keep a pointer to it, nor call any of its callbacks
 * after execute() has returned. */
typedef struct wfn_call_context {
    /* sizeof(wfn_call_context) as the host compiled it. */
    size_t struct_size;

    /* Opaque host pointer, passed back unchanged to every callback below.
     * Owned by the host. */
    void *host_data;

    /* The call's time budget in milliseconds, counted from the moment
     * execute() is entered. 0 means the host set no deadline. A plugin must
     * stop every wait and every I/O once the budget is spent and answer
     * with a timeout error. */
    uint64_t timeout_ms;

    /* The most verbose level the host wants; messages below it need not be
     * produced at all. One of WFN_LOG_*. */
    int32_t log_level;

    /* Reserved; the host sets it to 0. */
    int32_t reserved0;

    /* Returns nonzero once the host wants the call abandoned. The plugin
     * polls it during waits (at least every 100 ms) and answers promptly.
     * May be NULL: the call is then never cancelled.
     * [any-thread] Called from the thread running execute() or from threads
     * that execute() itself started and joins before it returns. */
    int32_t (*is_cancelled)(void *host_data);

    /* Receives one log line. `message` is borrowed for the duration of the
     * call only: copy it to keep it. The plugin never passes secrets (tokens,
     * passwords, private keys) in a message. May be NULL: logging is off.
     * [any-thread] Same threads as is_cancelled; the host serialises or
     * tolerates concurrent calls itself. */
    void (*log)(void *host_data, int32_t level, wfn_string_view message);

    /* Hands the node's output, one JSON object as text, to the host, which
     * copies it before returning. The plugin calls it exactly once per
     * successful execute(); a later call replaces the earlier output.
     * Must not be NULL.
     * [any-thread] Same threads as is_cancelled. */
    void (*set_result)(void *host_data, wfn_string_view output_json);
} wfn_call_context;

/* One node the plugin offers. Filled and owned by the plugin.
 *
 * Lifetime: from a successful init() until deinit(). Every string it points
 * to lives as long. */
typedef struct wfn_node_descriptor {
    /* sizeof(wfn_node_descriptor) as the plugin compiled it. */
    size_t struct_size;

    /* Stable, globally unique id, for example "okta.user.create". */
    wfn_string_view id;

    /* Name shown on the canvas, for example "Create a New User". */
    wfn_string_view display_name;

    /* The node's own contract version. It grows when its parameters or
     * outputs change incompatibly; the manifest states the same value. */
    uint32_t version;

    /* WFN_NODE_FLAG_* bits. */
    uint32_t flags;

    /* Runs the node once.
     *  node              this descriptor. Borrowed.
     *  params_json       the node's parameters, one JSON object as text.
     *                    Borrowed for the duration of the call.
     *  credentials_json  the credentials, one JSON object as text (may be
     *                    empty). Borrowed for the duration of the call. It
     *                    holds secrets: the plugin never logs or echoes it.
     *  context           per-call services. Borrowed for the call.
     *
     * Returns WFN_STATUS_OK after calling context->set_result exactly once.
     * Bad parameters are not an ABI failure: they produce an output with
     * StatusCode -1 and still return WFN_STATUS_OK. Any other return value
     * means the plugin could not produce an output at all; the host then
     * reports StatusCode 500 itself.
     *
     * [any-thread] Re-entrant: many threads may run the same or different
     * nodes at once, between init() and deinit(). */
    int32_t (*execute)(const struct wfn_node_descriptor *node, wfn_string_view params_json,
                       wfn_string_view credentials_json, const wfn_call_context *context);
} wfn_node_descriptor;

/* What the entry function returns. Filled and owned by the plugin; it lives
 * until the library is unloaded. */
typedef struct wfn_plugin_entry {
    /* sizeof(wfn_plugin_entry) as the plugin compiled it. */
    size_t struct_size;

    /* The ABI version the plugin was built against. */
    uint32_t abi_major;
    uint32_t abi_minor;

    /* Reverse-DNS plugin id and semantic version, as in manifest.json.
     * Live until unload. */
    wfn_string_view plugin_id;
    wfn_string_view plugin_version;

    /* Sets the plugin up. Called once before anything else below.
     * Returns WFN_STATUS_OK, or WFN_STATUS_INIT_FAILED; after a failure the
     * host calls nothing else but may call init() again.
     * [load-thread] */
    int32_t (*init)(void);

    /* Releases everything init() acquired. Called once, after every
     * execute() has returned; descriptors are invalid afterwards.
     * [load-thread] */
    void (*deinit)(void);

    /* Number of node descriptors. Constant between init() and deinit().
     * [any-thread] */
    size_t (*node_count)(void);

    /* The descriptor at `index` (0 <= index < node_count()), or NULL when out
     * of range. The pointer lives until deinit().
     * [any-thread] */
    const wfn_node_descriptor *(*node_at)(size_t index);
} wfn_plugin_entry;

/* The one exported function.
 *
 * The host passes the ABI version it speaks. The plugin stores its entry in
 * *out_entry and returns WFN_STATUS_OK, or returns
 * WFN_STATUS_ABI_MAJOR_MISMATCH / WFN_STATUS_ABI_MINOR_TOO_NEW and stores
 * NULL when it cannot serve that host. Returns WFN_STATUS_INVALID_ARGUMENT if
 * out_entry is NULL. The entry lives until the library is unloaded.
 * [load-thread] */
typedef int32_t (*wfn_get_plugin_entry_fn)(uint32_t host_abi_major, uint32_t host_abi_minor,
                                           const wfn_plugin_entry **out_entry);

#ifdef __cplusplus
}
#endif

#endif /* WFN_ABI_H */
