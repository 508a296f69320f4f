// Okta's error body: {errorCode, errorSummary, errorLink, errorId, errorCauses}.
#pragma once

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace okta_plugin::okta {

struct okta_error {
    std::string code;     // errorCode, such as "E0000001"
    std::string message;  // errorSummary, then each cause's errorSummary
};

// Reads an Okta error object. Nothing when `body` is not one (no string
// errorCode or errorSummary).
std::optional<okta_error> parse_okta_error(const boost::json::value& body);

// "Api validation failed: login (login: An object with this field already
// exists in the current organization)": the summary, then the causes in
// parentheses, separated by "; ".
std::string describe_okta_error(const std::string& summary, const std::vector<std::string>& causes);

}  // namespace okta_plugin::okta
