#pragma once
// okta-sandbox's command line (Boost.Program_options).
#include "rate_limiter.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace okta_sandbox {

struct sandbox_options {
  unsigned short port = 0;  // 0: any free port
  std::optional<std::filesystem::path> cert_dir;
  std::string server_cert_hostname;  // empty: 127.0.0.1 and localhost
  std::vector<std::string> tokens;
  std::vector<std::string> read_only_tokens;
  unsigned threads = 2;
  rate_limits limits;
  std::uint32_t concurrent_limit = 75;
  std::size_t seed_users = 0;
  std::vector<std::string> groups;  // OKTA_GROUPs to start with
  std::optional<std::string> record_responses;
  std::size_t request_log_limit = 100'000;
  unsigned idle_timeout_seconds = 30;
  bool exit_on_stdin_eof = false;
  bool quiet = false;
};

// Nullopt when --help was asked for (the help text is printed). Throws
// std::invalid_argument with a readable message for bad input.
std::optional<sandbox_options> parse_command_line(int argc, const char* const argv[]);

}  // namespace okta_sandbox
