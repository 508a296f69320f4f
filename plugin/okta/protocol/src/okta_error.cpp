#include "okta/protocol/okta_error.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <vector>

namespace okta_plugin::okta {
namespace {

std::string string_member(const boost::json::object& object, std::string_view key) {
    const auto* member = object.if_contains(key);
    return member != nullptr && member->is_string() ? std::string(member->as_string()) : std::string();
}

}  // namespace

std::string describe_okta_error(const std::string& summary, const std::vector<std::string>& causes) {
    std::string message = summary;
    std::string joined;
    for (const std::string& cause : causes) {
        if (cause.empty() || cause == summary) {
            continue;
        }
        joined += joined.empty() ? "" : "; ";
        joined += cause;
    }
    if (!joined.empty()) {
        message += message.empty() ? joined : " (" + joined + ")";
    }
    return message;
}

std::optional<okta_error> parse_okta_error(const boost::json::value& body) {
    const auto* object = body.if_object();
    if (object == nullptr) {
        return std::nullopt;
    }
    okta_error error;
    error.code = string_member(*object, "errorCode");
    const std::string summary = string_member(*object, "errorSummary");
    if (error.code.empty() && summary.empty()) {
        return std::nullopt;
    }
    std::vector<std::string> causes;
    if (const auto* list = object->if_contains("errorCauses"); list != nullptr && list->is_array()) {
        for (const auto& cause : list->as_array()) {
            if (const auto* fields = cause.if_object()) {
                causes.push_back(string_member(*fields, "errorSummary"));
            }
        }
    }
    error.message = describe_okta_error(summary.empty() ? "Okta error " + error.code : summary, causes);
    return error;
}

}  // namespace okta_plugin::okta
