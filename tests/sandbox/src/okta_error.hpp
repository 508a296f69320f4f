#pragma once
// Okta's error body {errorCode, errorSummary, errorLink, errorId, errorCauses}
// and the particular errors the Users API answers with, worded as Okta words them.
#include <boost/json/object.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace okta_sandbox {

struct okta_error {
  unsigned status = 500;
  std::string code;
  std::string summary;
  std::vector<std::string> causes;
};

// One failed check on one field: rendered as the cause "<field>: <text>".
struct field_problem {
  std::string field;
  std::string text;
};

// Handlers throw this to answer with an Okta error.
class okta_failure : public std::runtime_error {
 public:
  explicit okta_failure(okta_error error);
  const okta_error& error() const noexcept { return error_; }

 private:
  okta_error error_;
};

// A fresh errorId each time, like Okta.
boost::json::object okta_error_body(const okta_error& error);

namespace errors {
okta_error invalid_token();                                              // 401 E0000011
okta_error access_denied();                                              // 403 E0000006
okta_error user_not_found(std::string_view id_or_login);                 // 404 E0000007
okta_error group_not_found(std::string_view group_id);                   // 404 E0000007
okta_error path_not_found(std::string_view path, std::string_view method);  // 404 E0000007
okta_error method_not_allowed();                                         // 405 E0000022
okta_error rate_limit_exceeded();                                        // 429 E0000047
okta_error concurrency_limit_exceeded();                                 // 429 E0000047
okta_error malformed_body();                                             // 400 E0000003
okta_error body_too_large();                                             // 413 E0000003
okta_error validation_failed(const std::vector<field_problem>& problems);  // 400 E0000001
okta_error wrong_lifecycle_status();                                     // 403 E0000038
okta_error already_active();                                             // 403 E0000016
okta_error invalid_search(std::string_view cause);                       // 400 E0000031
okta_error expire_needs_password();                                      // 400 E0000124
okta_error expire_needs_activation();                                    // 400 E0000125
okta_error too_many_groups();                                            // 400 E0000093
okta_error server_error(unsigned status);                                // 5xx E0000009
}  // namespace errors

}  // namespace okta_sandbox
