#pragma once
// Runs an okta-sandbox process for the length of a test.
//
//   okta_sandbox::process sandbox;                       // OKTA_SANDBOX_EXE, default flags
//   okta_sandbox::process sandbox({"--rate-limit-user-get", "5"});
//   sandbox.base_url();  // "https://127.0.0.1:<port>"
//   sandbox.ca_file();   // trust this, and only this
//
// The constructor waits (bounded) for the ready line; the destructor stops the
// process with SIGTERM (SIGKILL if it lingers) and reaps it. When the
// environment variable OKTA_SANDBOX_RECORD names a file, --record-responses
// <file> is added, so the answers feed the schema fidelity check.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace okta_sandbox {

class process {
 public:
#ifdef OKTA_SANDBOX_EXE
  // The okta-sandbox this build made: linking okta_sandbox_fixture defines
  // OKTA_SANDBOX_EXE for the code that includes this header.
  explicit process(std::vector<std::string> arguments = {},
                   std::chrono::milliseconds startup_timeout = std::chrono::seconds(60))
      : process(std::filesystem::path(OKTA_SANDBOX_EXE), std::move(arguments), startup_timeout) {}
#endif
  process(const std::filesystem::path& executable, std::vector<std::string> arguments,
          std::chrono::milliseconds startup_timeout = std::chrono::seconds(60));
  ~process();
  process(const process&) = delete;
  process& operator=(const process&) = delete;

  const std::string& base_url() const { return base_url_; }
  const std::filesystem::path& ca_file() const { return ca_file_; }
  unsigned short port() const { return port_; }
  // The first --token given, else the sandbox's default "sandbox-api-token".
  const std::string& token() const { return token_; }
  pid_t pid() const { return pid_; }

  // Sends SIGTERM and waits; returns the exit code (128 + signal when killed).
  // Later calls return the same code.
  int stop(std::chrono::milliseconds grace = std::chrono::seconds(10));

 private:
  void start(const std::filesystem::path& executable, std::vector<std::string> arguments,
             std::chrono::milliseconds startup_timeout);
  void read_ready_line(std::chrono::milliseconds startup_timeout);

  pid_t pid_ = -1;
  int stdin_fd_ = -1;   // held open: the sandbox runs with --exit-on-stdin-eof
  int stdout_fd_ = -1;
  int exit_code_ = -1;
  std::string base_url_;
  std::filesystem::path ca_file_;
  unsigned short port_ = 0;
  std::string token_ = "sandbox-api-token";
};

}  // namespace okta_sandbox
