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

// Parameters that a node accepts, to break one field at a time. Every
// parameter the node documents is set, except the alternatives of a oneOf
// (GroupName beside GroupId).
inline boost::json::object valid_params(std::string_view node_id) {
    static const boost::json::object by_node = boost::json::parse(R"({
        "okta.user.create": {"UserName": "jane.doe@example.com", "Email": "jane.doe@example.com",
            "FirstName": "Jane", "LastName": "Doe", "Password": "correct-Horse-7", "Activate": true,
            "Profile": {"department": "Research"}, "GroupIds": ["00g1"], "MaxRetries": 1},
        "okta.user.get": {"UserId": "00ub0oNGTSWTBKOLGLNR", "IncludeGroups": true, "GroupType": "OKTA_GROUP",
            "MaxRetries": 1},
        "okta.user.list": {"Limit": 10, "After": "00u1", "Search": "status eq \"ACTIVE\"",
            "Filter": "status eq \"ACTIVE\"", "Query": "jane", "ReturnAll": false, "MaxRetries": 1},
        "okta.user.update": {"UserId": "00ub0oNGTSWTBKOLGLNR", "UserName": "jane.doe@example.com",
            "Email": "jane.doe@example.com", "FirstName": "Jane", "LastName": "Doe", "Password": "correct-Horse-7",
            "Profile": {"title": "Analyst"}, "MaxRetries": 1},
        "okta.user.delete": {"UserId": "00ub0oNGTSWTBKOLGLNR", "SendEmail": false, "DeactivateOnly": false,
            "MaxRetries": 1},
        "okta.user.activate": {"UserId": "00ub0oNGTSWTBKOLGLNR", "SendEmail": false, "MaxRetries": 1},
        "okta.user.deactivate": {"UserId": "00ub0oNGTSWTBKOLGLNR", "SendEmail": false, "MaxRetries": 1},
        "okta.user.suspend": {"UserId": "00ub0oNGTSWTBKOLGLNR", "MaxRetries": 1},
        "okta.user.unsuspend": {"UserId": "00ub0oNGTSWTBKOLGLNR", "MaxRetries": 1},
        "okta.user.unlock": {"UserId": "00ub0oNGTSWTBKOLGLNR", "MaxRetries": 1},
        "okta.user.resetPassword": {"UserId": "00ub0oNGTSWTBKOLGLNR", "SendEmail": false, "MaxRetries": 1},
        "okta.user.expirePassword": {"UserId": "00ub0oNGTSWTBKOLGLNR", "TempPassword": true, "MaxRetries": 1},
        "okta.user.listGroups": {"UserId": "00ub0oNGTSWTBKOLGLNR", "GroupType": "OKTA_GROUP", "After": "00g1",
            "MaxRetries": 1},
        "okta.group.list": {"Query": "Eng", "Search": "type eq \"OKTA_GROUP\"", "Filter": "type eq \"OKTA_GROUP\"",
            "Limit": 10, "After": "00g1", "ReturnAll": false, "MaxRetries": 1},
        "okta.group.get": {"GroupId": "00g1emaKYZTWRYYRRTSK", "MaxRetries": 1},
        "okta.group.listMembers": {"GroupId": "00g1emaKYZTWRYYRRTSK", "Limit": 10, "After": "00u1",
            "ReturnAll": false, "MaxRetries": 1},
        "okta.group.addUser": {"GroupId": "00g1emaKYZTWRYYRRTSK", "UserId": "00ub0oNGTSWTBKOLGLNR", "MaxRetries": 1},
        "okta.credentials.test": {"MaxRetries": 1},
        "okta.group.removeUser": {"GroupId": "00g1emaKYZTWRYYRRTSK", "UserId": "00ub0oNGTSWTBKOLGLNR",
            "MaxRetries": 1}
    })").as_object();
    return by_node.at(node_id).as_object();
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
