#pragma once
// --record-responses: appends every Okta API answer as one JSON line
// {"method","path","status","body"} for the schema fidelity check. Several
// sandboxes (parallel tests) may append to the same file at once.
#include <string>
#include <string_view>

namespace okta_sandbox {

class response_recorder {
 public:
  explicit response_recorder(const std::string& path);  // throws std::runtime_error
  ~response_recorder();
  response_recorder(const response_recorder&) = delete;
  response_recorder& operator=(const response_recorder&) = delete;

  void record(std::string_view method, std::string_view path, unsigned status, std::string_view body);

 private:
  int fd_ = -1;
};

}  // namespace okta_sandbox
