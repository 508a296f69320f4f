#include "node_run.hpp"

#include <boost/json/serialize.hpp>

#include <memory>
#include <utility>
#include <vector>

namespace wfn::node_binding {
namespace {

const char* level_name(wfn::log_level level) {
    switch (level) {
        case wfn::log_level::trace: return "trace";
        case wfn::log_level::debug: return "debug";
        case wfn::log_level::info: return "info";
        case wfn::log_level::warn: return "warn";
        case wfn::log_level::error: return "error";
    }
    return "info";
}

Napi::Value parse_json(Napi::Env env, const std::string& text) {
    const auto parse = env.Global().Get("JSON").As<Napi::Object>().Get("parse").As<Napi::Function>();
    return parse.Call({Napi::String::New(env, text)});
}

// A log record copied off the plugin's buffers, for the event loop.
struct owned_record {
    wfn::log_level level;
    std::string message;
    std::vector<std::pair<std::string, std::string>> fields;
};

}  // namespace

node_run& node_run::start(Napi::Env env, const wfn::host::plugin_host& host, Napi::Object host_object,
                          run_request request, std::function<void()> on_settled) {
    auto* run = new node_run(env, host_object, std::move(request), std::move(on_settled));
    // Added after the thread-safe function so it runs before Node's own
    // teardown of it (cleanup hooks run last-added first).
    if (napi_add_env_cleanup_hook(env, &node_run::on_env_cleanup, run) == napi_ok) run->cleanup_hook_added_ = true;
    run->thread_ = std::thread([run, &host] { run->work(host); });
    return *run;
}

node_run::node_run(Napi::Env env, Napi::Object host_object, run_request request, std::function<void()> on_settled)
    : env_(env),
      deferred_(Napi::Promise::Deferred::New(env)),
      host_object_(Napi::Persistent(host_object)),
      request_(std::move(request)),
      on_settled_(std::move(on_settled)) {
    if (!request_.on_log.IsEmpty()) on_log_ = Napi::Persistent(request_.on_log);
    if (!request_.on_item.IsEmpty()) on_item_ = Napi::Persistent(request_.on_item);
    if (!request_.on_progress.IsEmpty()) on_progress_ = Napi::Persistent(request_.on_progress);
    request_.on_log = request_.on_item = request_.on_progress = Napi::Function();
    events_ = Napi::ThreadSafeFunction::New(env, Napi::Function::New(env, [](const Napi::CallbackInfo&) {}),
                                            "wfn.run", 0, 1);
}

node_run::~node_run() {
    if (cleanup_hook_added_) napi_remove_env_cleanup_hook(env_, &node_run::on_env_cleanup, this);
}

wfn::host::run_options node_run::options() {
    wfn::host::run_options options;
    options.timeout = request_.timeout;
    options.log_level = request_.log_level;
    options.is_cancelled = [this] { return cancelled_.load(); };
    if (!on_log_.IsEmpty()) {
        options.on_log_record = [this](const wfn::host::log_record& record) {
            auto copy = std::make_unique<owned_record>(owned_record{record.level, std::string(record.message), {}});
            for (const auto& field : record.fields) copy->fields.emplace_back(field.key, field.value);
            events_.NonBlockingCall([this, copy = copy.release()](Napi::Env env, Napi::Function) {
                const std::unique_ptr<owned_record> owned(copy);
                auto js = Napi::Object::New(env);
                js.Set("level", level_name(owned->level));
                js.Set("message", owned->message);
                auto fields = Napi::Object::New(env);
                for (const auto& [key, value] : owned->fields) fields.Set(key, value);
                js.Set("fields", fields);
                call_back(env, on_log_, {js});
            });
        };
    }
    if (!on_item_.IsEmpty()) {
        options.on_item = [this](std::string_view member, const boost::json::object& item) {
            events_.NonBlockingCall([this, member = std::string(member), text = boost::json::serialize(item)](
                                        Napi::Env env, Napi::Function) {
                call_back(env, on_item_, {parse_json(env, text), Napi::String::New(env, member)});
            });
        };
    }
    if (!on_progress_.IsEmpty()) {
        options.on_progress = [this](const wfn::host::progress_report& report) {
            events_.NonBlockingCall([this, done = report.done, total = report.total,
                                     status = std::string(report.status)](Napi::Env env, Napi::Function) {
                auto js = Napi::Object::New(env);
                js.Set("done", Napi::Number::New(env, static_cast<double>(done)));
                if (total) js.Set("total", Napi::Number::New(env, static_cast<double>(*total)));
                js.Set("status", status);
                call_back(env, on_progress_, {js});
            });
        };
    }
    return options;
}

void node_run::work(const wfn::host::plugin_host& host) {
    std::string output;
    try {
        const auto run_options = options();
        if (request_.credential_type_id.empty()) {
            output = host.run_text(request_.node_id, request_.params_json, request_.credentials_json, run_options);
        } else {
            output = boost::json::serialize(
                host.test_credential(request_.credential_type_id, request_.credentials_json, run_options));
        }
    } catch (const std::exception& error) {
        output = boost::json::serialize(boost::json::object{
            {"StatusCode", 500}, {"ErrorMessage", std::string("the host failed: ") + error.what()}});
    }
    events_.BlockingCall([this, output = std::move(output)](Napi::Env env, Napi::Function) { settle(env, output); });
    events_.Release();
}

void node_run::call_back(Napi::Env env, const Napi::FunctionReference& callback,
                         std::initializer_list<napi_value> args) {
    if (!callback_error_.IsEmpty()) return;
    try {
        callback.Call(args);
    } catch (const Napi::Error& error) {
        callback_error_ = Napi::Persistent(error.Value().As<Napi::Value>());
        cancel();
    }
    (void)env;
}

void node_run::settle(Napi::Env env, const std::string& output_json) {
    join();
    Napi::HandleScope scope(env);
    if (!callback_error_.IsEmpty()) {
        deferred_.Reject(callback_error_.Value());
    } else {
        try {
            deferred_.Resolve(parse_json(env, output_json));
        } catch (const Napi::Error& error) {
            deferred_.Reject(error.Value());
        }
    }
    if (on_settled_) on_settled_();
    delete this;
}

void node_run::on_env_cleanup(void* self) {
    auto* run = static_cast<node_run*>(self);
    run->cleanup_hook_added_ = false;
    run->cancel();
    run->join();
    // The promise can no longer settle: the environment is going away. The
    // call's JS references go with it, so the call is left to the process.
}

void node_run::join() noexcept {
    if (thread_.joinable()) thread_.join();
}

}  // namespace wfn::node_binding
