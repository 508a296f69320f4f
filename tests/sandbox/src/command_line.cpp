#include "command_line.hpp"

#include <boost/program_options.hpp>

#include <iostream>
#include <stdexcept>
#include <thread>

namespace okta_sandbox {
namespace po = boost::program_options;

std::optional<sandbox_options> parse_command_line(int argc, const char* const argv[]) {
  sandbox_options options;
  std::string cert_dir;
  std::string record;
  unsigned window_seconds = 60;
  options.threads = std::max(2U, std::thread::hardware_concurrency());

  po::options_description description(
      "okta-sandbox: an HTTPS twin of Okta's Users API for tests, demos and benchmarks.\n"
      "When ready it prints: OKTA_SANDBOX_READY url=https://127.0.0.1:<port> ca=<ca.pem>\n\nOptions");
  description.add_options()
      ("help,h", "show this help")
      ("port", po::value(&options.port)->default_value(0), "port on 127.0.0.1 (0: any free port)")
      ("cert-dir", po::value(&cert_dir), "reuse ca.pem, server.pem, server.key from here, or create them here (default: a fresh temporary directory)")
      ("server-cert-hostname", po::value(&options.server_cert_hostname), "issue the server certificate for this DNS name only (wrong-host tests)")
      ("token", po::value(&options.tokens)->composing(), "an API token with full access (repeatable; default: sandbox-api-token)")
      ("read-only-token", po::value(&options.read_only_tokens)->composing(), "an API token that may only read (repeatable)")
      ("threads", po::value(&options.threads), "worker threads (default: the number of cores, at least 2)")
      ("rate-window-seconds", po::value(&window_seconds)->default_value(60), "length of a rate-limit window")
      ("rate-limit-users-collection", po::value(&options.limits.users_collection)->default_value(600), "requests per window for GET/POST /api/v1/users")
      ("rate-limit-user-get", po::value(&options.limits.user_get)->default_value(2000), "requests per window for GET /api/v1/users/{id}")
      ("rate-limit-user-write", po::value(&options.limits.user_write)->default_value(600), "requests per window for POST/PUT/DELETE /api/v1/users/{id} and lifecycle")
      ("rate-limit-groups-collection", po::value(&options.limits.groups_collection)->default_value(500), "requests per window for GET /api/v1/groups")
      ("rate-limit-group-get", po::value(&options.limits.group_get)->default_value(1000), "requests per window for GET /api/v1/groups/{id} and its member list")
      ("rate-limit-group-write", po::value(&options.limits.group_write)->default_value(500), "requests per window for PUT/DELETE /api/v1/groups/{id}/users/{userId}")
      ("concurrent-limit", po::value(&options.concurrent_limit)->default_value(75), "Okta API requests in flight at once; more get 429 with X-Rate-Limit-Limit 0")
      ("seed-users", po::value(&options.seed_users)->default_value(0), "start with this many ACTIVE users seed<N>@example.com")
      ("group", po::value(&options.groups), "start with an OKTA_GROUP of this name (repeatable)")
      ("record-responses", po::value(&record), "append every Okta API answer as a JSON line {method,path,status,body} to this file")
      ("request-log-limit", po::value(&options.request_log_limit)->default_value(100'000), "keep at most this many requests in the request log")
      ("idle-timeout-seconds", po::value(&options.idle_timeout_seconds)->default_value(30), "close connections silent for this long")
      ("exit-on-stdin-eof", po::bool_switch(&options.exit_on_stdin_eof), "shut down when standard input closes (so a crashed parent leaves no sandbox behind)")
      ("quiet", po::bool_switch(&options.quiet), "print nothing but the ready line and errors");

  po::variables_map values;
  try {
    po::store(po::command_line_parser(argc, argv).options(description).run(), values);
    po::notify(values);
  } catch (const po::error& e) {
    throw std::invalid_argument(std::string(e.what()) + " (see --help)");
  }
  if (values.count("help") != 0) {
    std::cout << description << "\n";
    return std::nullopt;
  }
  if (options.tokens.empty()) options.tokens.emplace_back("sandbox-api-token");
  if (options.threads == 0) throw std::invalid_argument("--threads must be at least 1");
  if (window_seconds == 0) throw std::invalid_argument("--rate-window-seconds must be at least 1");
  options.limits.window = std::chrono::seconds(window_seconds);
  if (!cert_dir.empty()) options.cert_dir = cert_dir;
  if (!record.empty()) options.record_responses = record;
  return options;
}

}  // namespace okta_sandbox
