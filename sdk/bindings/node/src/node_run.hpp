// One run of a wfn node from JavaScript: its own worker thread, its cancel
// flag and the thread-safe function that carries the plugin's log records,
// items, progress and the result back to the event loop.
#pragma once

#include <wfn/host.hpp>

#include <napi.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <initializer_list>
#include <string>
#include <thread>

namespace wfn::node_binding {

// What the caller asked for.
struct run_request {
    std::string node_id;
    std::string params_json;
    std::string credentials_json;
    // When not empty: test a credential of this type instead of running node_id.
    std::string credential_type_id;
    std::chrono::milliseconds timeout{30000};
    wfn::log_level log_level = wfn::log_level::info;
    Napi::Function on_log;  // each may be empty
    Napi::Function on_item;
    Napi::Function on_progress;
};

// Owns itself from start() until it settles its promise on the event loop.
class node_run {
public:
    // Starts the call on its own thread. `host_object` (the JS object that
    // owns `host`) is kept alive until the call settles; `on_settled` runs on
    // the event loop just before the call deletes itself.
    static node_run& start(Napi::Env env, const wfn::host::plugin_host& host, Napi::Object host_object,
                           run_request request, std::function<void()> on_settled);

    Napi::Promise promise() const { return deferred_.Promise(); }
    void cancel() noexcept { cancelled_.store(true); }

    node_run(const node_run&) = delete;
    node_run& operator=(const node_run&) = delete;

private:
    node_run(Napi::Env env, Napi::Object host_object, run_request request, std::function<void()> on_settled);
    ~node_run();
    void work(const wfn::host::plugin_host& host);
    wfn::host::run_options options();
    // On the event loop: one of the caller's callbacks. A throw cancels the
    // call and becomes its rejection.
    void call_back(Napi::Env env, const Napi::FunctionReference& callback, std::initializer_list<napi_value> args);
    void settle(Napi::Env env, const std::string& output_json);
    // Env teardown: cancel the call and wait for its thread, before Node
    // frees the thread-safe function it uses.
    static void on_env_cleanup(void* self);
    void join() noexcept;

    napi_env env_;
    Napi::Promise::Deferred deferred_;
    Napi::ObjectReference host_object_;
    Napi::FunctionReference on_log_, on_item_, on_progress_;
    run_request request_;
    std::function<void()> on_settled_;
    Napi::ThreadSafeFunction events_;
    std::atomic<bool> cancelled_{false};
    Napi::Reference<Napi::Value> callback_error_;
    bool cleanup_hook_added_ = false;
    std::thread thread_;
};

}  // namespace wfn::node_binding
