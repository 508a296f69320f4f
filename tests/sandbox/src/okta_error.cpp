#include "okta_error.hpp"

#include "identifiers.hpp"

#include <boost/json/array.hpp>

namespace okta_sandbox {

okta_failure::okta_failure(okta_error error) : std::runtime_error(error.summary), error_(std::move(error)) {}

boost::json::object okta_error_body(const okta_error& error) {
  boost::json::array causes;
  for (const auto& cause : error.causes) causes.push_back(boost::json::object{{"errorSummary", cause}});
  return {{"errorCode", error.code},
          {"errorSummary", error.summary},
          {"errorLink", error.code},
          {"errorId", new_error_id()},
          {"errorCauses", std::move(causes)}};
}

namespace errors {

okta_error invalid_token() { return {401, "E0000011", "Invalid token provided", {}}; }

okta_error access_denied() {
  return {403, "E0000006", "You do not have permission to perform the requested action", {}};
}

okta_error user_not_found(std::string_view id_or_login) {
  return {404, "E0000007", "Not found: Resource not found: " + std::string(id_or_login) + " (User)", {}};
}

okta_error group_not_found(std::string_view group_id) {
  return {404, "E0000007", "Not found: Resource not found: " + std::string(group_id) + " (UserGroup)", {}};
}

okta_error path_not_found(std::string_view path, std::string_view method) {
  return {404, "E0000007",
          "Not found: Resource not found: " + std::string(path) + " (" + std::string(method) + ")", {}};
}

okta_error method_not_allowed() {
  return {405, "E0000022", "The endpoint does not support the provided HTTP method", {}};
}

okta_error rate_limit_exceeded() {
  return {429, "E0000047", "API call exceeded rate limit due to too many requests.", {}};
}

okta_error concurrency_limit_exceeded() {
  return {429, "E0000047", "API call exceeded rate limit due to too many requests.",
          {"The number of concurrent requests exceeded the org's limit."}};
}

okta_error malformed_body() { return {400, "E0000003", "The request body was not well-formed.", {}}; }

okta_error body_too_large() {
  return {413, "E0000003", "The request body was not well-formed.", {"The request body is too large."}};
}

okta_error validation_failed(const std::vector<field_problem>& problems) {
  okta_error error{400, "E0000001", "Api validation failed: " + (problems.empty() ? std::string("request") : problems.front().field), {}};
  for (const auto& problem : problems) error.causes.push_back(problem.field + ": " + problem.text);
  return error;
}

okta_error wrong_lifecycle_status() {
  return {403, "E0000038", "This operation is not allowed in the user's current status.", {}};
}

okta_error already_active() {
  return {403, "E0000016", "Activation failed because the user is already active", {}};
}

okta_error invalid_search(std::string_view cause) {
  return {400, "E0000031", "Invalid search criteria.", {std::string(cause)}};
}

okta_error expire_needs_password() {
  const std::string text =
      "Could not create user. To create a user and expire their password immediately, a password must be specified.";
  return {400, "E0000124", text, {text}};
}

okta_error expire_needs_activation() {
  const std::string text =
      "Could not create user. To create a user and expire their password immediately, `activate` must be true.";
  return {400, "E0000125", text, {text}};
}

okta_error too_many_groups() {
  return {400, "E0000093", "Target count limit exceeded", {"The number of group targets is too large"}};
}

okta_error server_error(unsigned status) {
  switch (status) {
    case 502: return {502, "E0000009", "Internal Server Error", {"Bad Gateway"}};
    case 503: return {503, "E0000009", "Internal Server Error", {"Service Unavailable"}};
    case 504: return {504, "E0000009", "Internal Server Error", {"Gateway Timeout"}};
    default: return {status, "E0000009", "Internal Server Error", {}};
  }
}

}  // namespace errors
}  // namespace okta_sandbox
