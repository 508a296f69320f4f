// Builders for running the node functions in-process, without a host:
// parameters that start valid and are changed one field at a time, and a
// call context whose log is captured.
#pragma once

#include "nodes/node_functions.hpp"
#include "node_catalog.hpp"
#include "plugin_runtime.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <mutex>
#include <string>
#include <vector>

namespace okta_plugin::test {

// Parameters that a node accepts, to break one field at a time.
inline boost::json::object valid_params(std::string_view node_id) {
    if (node_id == "okta.user.create") {
        return boost::json::parse(R"({"UserName": "jane.doe@example.com", "Email": "jane.doe@example.com",
            "FirstName": "Jane", "LastName": "Doe", "Password": "correct-Horse-7", "Activate": true,
            "Profile": {"department": "Research"}, "GroupIds": ["00g1"], "MaxRetries": 1})").as_object();
    }
    if (node_id == "okta.user.get") {
        return boost::json::parse(R"({"UserId": "00ub0oNGTSWTBKOLGLNR", "MaxRetries": 1})").as_object();
    }
    if (node_id == "okta.user.list") {
        return boost::json::parse(R"({"Limit": 10, "After": "00u1", "Search": "status eq \"ACTIVE\"",
            "Filter": "status eq \"ACTIVE\"", "Query": "jane", "ReturnAll": false, "MaxRetries": 1})").as_object();
    }
    if (node_id == "okta.user.update") {
        return boost::json::parse(R"({"UserId": "00ub0oNGTSWTBKOLGLNR", "UserName": "jane.doe@example.com",
            "Email": "jane.doe@example.com", "FirstName": "Jane", "LastName": "Doe", "Password": "correct-Horse-7",
            "Profile": {"title": "Analyst"}, "MaxRetries": 1})").as_object();
    }
    return boost::json::parse(R"({"UserId": "00ub0oNGTSWTBKOLGLNR", "SendEmail": false, "DeactivateOnly": false,
        "MaxRetries": 1})").as_object();
}

// Credentials for a port nothing listens on: a node that gets past
// validation answers 500 WFN_CONNECT_FAILED, one that does not answers -1.
inline boost::json::object unreachable_credentials() {
    return boost::json::parse(R"({"Domain": "https://127.0.0.1:9", "ApiToken": "00secret-token-value"})").as_object();
}

// Runs a node function the way the SDK trampoline does, with a raw context.
class node_runner {
public:
    node_runner() { okta_plugin::start_runtime(); }
    ~node_runner() { okta_plugin::stop_runtime(); }
    node_runner(const node_runner&) = delete;
    node_runner& operator=(const node_runner&) = delete;

    boost::json::object run(std::string_view node_id, const boost::json::object& params,
                            const boost::json::object& credentials = unreachable_credentials()) {
        wfn_call_context raw{};
        raw.struct_size = sizeof raw;
        raw.host_data = this;
        raw.timeout_ms = 5000;
        raw.log_level = WFN_LOG_TRACE;
        raw.log = [](void* self, std::int32_t, wfn_string_view line) {
            auto* runner = static_cast<node_runner*>(self);
            std::lock_guard lock(runner->mutex_);
            runner->log_.emplace_back(line.data, line.size);
        };
        raw.set_result = [](void*, wfn_string_view) {};
        const wfn::call_context context(raw);
        for (const auto& node : okta_plugin::okta_plugin_definition().nodes) {
            if (node.id == node_id) {
                try {
                    const wfn::node_call call{params, credentials, context};
                    if (node.run_text != nullptr) {
                        return boost::json::parse(node.run_text(call)).as_object();
                    }
                    return node.run(call);
                } catch (const wfn::invalid_input_error& error) {
                    return wfn::invalid_input(error.what());
                }
            }
        }
        throw std::invalid_argument("no such node");
    }

    std::vector<std::string> log() {
        std::lock_guard lock(mutex_);
        return log_;
    }

private:
    std::mutex mutex_;
    std::vector<std::string> log_;
};

inline std::int64_t status_of(const boost::json::object& output) { return output.at("StatusCode").as_int64(); }
inline std::string message_of(const boost::json::object& output) {
    return std::string(output.at("ErrorMessage").as_string());
}

}  // namespace okta_plugin::test
