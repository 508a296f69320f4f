// The wfn Node-API addon: a Host class over wfn::host::plugin_host. Loading
// happens on the calling (JS) thread; every run is a node_run on its own
// thread. index.js is the public JavaScript API over this.
#include "node_run.hpp"

#include <wfn/host.hpp>

#include <boost/json/serialize.hpp>

#include <napi.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace wfn::node_binding {
namespace {

Napi::Value json_value(Napi::Env env, const boost::json::value& value) {
    const auto parse = env.Global().Get("JSON").As<Napi::Object>().Get("parse").As<Napi::Function>();
    return parse.Call({Napi::String::New(env, boost::json::serialize(value))});
}

std::string string_argument(const Napi::CallbackInfo& info, std::size_t index, const char* what) {
    if (info.Length() <= index || !info[index].IsString()) {
        throw Napi::TypeError::New(info.Env(), std::string(what) + " must be a string");
    }
    return info[index].As<Napi::String>().Utf8Value();
}

wfn::log_level level_of(Napi::Env env, const std::string& name) {
    if (name == "trace") return wfn::log_level::trace;
    if (name == "debug") return wfn::log_level::debug;
    if (name == "info") return wfn::log_level::info;
    if (name == "warn") return wfn::log_level::warn;
    if (name == "error") return wfn::log_level::error;
    throw Napi::RangeError::New(env, "logLevel must be one of trace, debug, info, warn, error");
}

Napi::Function optional_function(Napi::Object options, const char* name) {
    const auto value = options.Get(name);
    if (value.IsUndefined() || value.IsNull()) return Napi::Function();
    if (!value.IsFunction()) throw Napi::TypeError::New(options.Env(), std::string(name) + " must be a function");
    return value.As<Napi::Function>();
}

class host_object : public Napi::ObjectWrap<host_object> {
public:
    static Napi::Function define(Napi::Env env) {
        return DefineClass(env, "NativeHost",
                           {InstanceMethod<&host_object::nodes>("nodes"),
                            InstanceMethod<&host_object::plugins>("plugins"),
                            InstanceMethod<&host_object::load_errors>("loadErrors"),
                            InstanceMethod<&host_object::start>("start"),
                            InstanceMethod<&host_object::cancel>("cancel")});
    }

    explicit host_object(const Napi::CallbackInfo& info) : Napi::ObjectWrap<host_object>(info) {
        const auto env = info.Env();
        try {
            host_ = std::make_unique<wfn::host::plugin_host>(
                info.Length() > 0 && info[0].IsString()
                    ? std::filesystem::path(info[0].As<Napi::String>().Utf8Value())
                    : wfn::host::default_plugins_dir());
        } catch (const std::exception& error) {
            throw Napi::Error::New(env, error.what());
        }
    }

private:
    Napi::Value nodes(const Napi::CallbackInfo& info) {
        const auto env = info.Env();
        auto list = Napi::Array::New(env);
        std::uint32_t index = 0;
        for (const auto& node : host_->nodes()) {
            auto js = Napi::Object::New(env);
            js.Set("id", node.id);
            js.Set("displayName", node.display_name);
            js.Set("version", node.version);
            js.Set("flags", node.flags);
            js.Set("pluginId", node.plugin_id);
            js.Set("pluginDir", node.plugin_dir.string());
            js.Set("manifest", json_value(env, node.manifest));
            list.Set(index++, js);
        }
        return list;
    }

    Napi::Value plugins(const Napi::CallbackInfo& info) {
        const auto env = info.Env();
        auto list = Napi::Array::New(env);
        std::uint32_t index = 0;
        for (const auto& plugin : host_->plugins()) {
            auto js = Napi::Object::New(env);
            js.Set("id", plugin.id);
            js.Set("name", plugin.name);
            js.Set("version", plugin.version);
            js.Set("dir", plugin.dir.string());
            js.Set("manifest", json_value(env, plugin.manifest));
            auto types = Napi::Array::New(env);
            std::uint32_t type_index = 0;
            for (const auto& type : plugin.credential_types) types.Set(type_index++, json_value(env, type));
            js.Set("credentialTypes", types);
            list.Set(index++, js);
        }
        return list;
    }

    Napi::Value load_errors(const Napi::CallbackInfo& info) {
        const auto env = info.Env();
        auto list = Napi::Array::New(env);
        std::uint32_t index = 0;
        for (const auto& error : host_->load_errors()) {
            auto js = Napi::Object::New(env);
            js.Set("path", error.path.string());
            js.Set("reason", error.reason);
            list.Set(index++, js);
        }
        return list;
    }

    // start(kind, id, paramsJson, credentialsJson, options) -> [callId, promise]
    // kind "node" runs node `id`; kind "credential" tests a credential of type `id`.
    Napi::Value start(const Napi::CallbackInfo& info) {
        const auto env = info.Env();
        run_request request;
        const auto kind = string_argument(info, 0, "kind");
        const auto id = string_argument(info, 1, "the id");
        request.params_json = string_argument(info, 2, "params");
        request.credentials_json = string_argument(info, 3, "credentials");
        if (kind == "node") {
            if (host_->find(id) == nullptr) {
                throw Napi::Error::New(env, "no loaded plugin has a node \"" + id + "\"");
            }
            request.node_id = id;
        } else {
            request.credential_type_id = id;
        }
        if (info.Length() > 4 && info[4].IsObject()) {
            const auto options = info[4].As<Napi::Object>();
            const auto timeout = options.Get("timeoutMs");
            if (!timeout.IsUndefined()) {
                const double ms = timeout.IsNumber() ? timeout.As<Napi::Number>().DoubleValue() : -1;
                if (!(ms >= 0 && ms <= 86400000.0)) {
                    throw Napi::RangeError::New(env, "timeoutMs must be a number of milliseconds from 0 to 86400000");
                }
                request.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(ms));
            }
            const auto level = options.Get("logLevel");
            if (!level.IsUndefined()) {
                if (!level.IsString()) throw Napi::TypeError::New(env, "logLevel must be a string");
                request.log_level = level_of(env, level.As<Napi::String>().Utf8Value());
            }
            request.on_log = optional_function(options, "onLog");
            request.on_item = optional_function(options, "onItem");
            request.on_progress = optional_function(options, "onProgress");
        }
        const auto call_id = next_call_id_++;
        auto& run = node_run::start(env, *host_, Value(), std::move(request), [this, call_id] { runs_.erase(call_id); });
        runs_.emplace(call_id, &run);
        auto answer = Napi::Array::New(env, 2);
        answer.Set(0u, Napi::Number::New(env, static_cast<double>(call_id)));
        answer.Set(1u, run.promise());
        return answer;
    }

    // cancel(callId): asks the plugin to abandon that call; a settled call is ignored.
    Napi::Value cancel(const Napi::CallbackInfo& info) {
        if (info.Length() > 0 && info[0].IsNumber()) {
            const auto found = runs_.find(static_cast<std::uint64_t>(info[0].As<Napi::Number>().DoubleValue()));
            if (found != runs_.end()) found->second->cancel();
        }
        return info.Env().Undefined();
    }

    std::unique_ptr<wfn::host::plugin_host> host_;
    std::map<std::uint64_t, node_run*> runs_;  // in flight, touched on the event loop only
    std::uint64_t next_call_id_ = 1;
};

}  // namespace

Napi::Object init(Napi::Env env, Napi::Object exports) {
    exports.Set("NativeHost", host_object::define(env));
    return exports;
}

}  // namespace wfn::node_binding

static Napi::Object init_wfn_addon(Napi::Env env, Napi::Object exports) {
    return wfn::node_binding::init(env, exports);
}

NODE_API_MODULE(wfn_node, init_wfn_addon)
