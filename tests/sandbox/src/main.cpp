// okta-sandbox: starts the HTTPS twin of Okta's Users API and runs it until
// SIGTERM or SIGINT (or the end of standard input with --exit-on-stdin-eof).
#include "command_line.hpp"
#include "https_server.hpp"
#include "sandbox_state.hpp"
#include "seed_users.hpp"
#include "tls_material.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>

#include <array>
#include <csignal>
#include <functional>
#include <optional>
#include <iostream>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace net = boost::asio;
using namespace okta_sandbox;

net::ssl::context server_tls(const tls_files& files) {
  net::ssl::context tls(net::ssl::context::tls_server);
  tls.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 | net::ssl::context::no_sslv3 |
                  net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1);
  tls.use_certificate_chain_file(files.server_certificate.string());
  tls.use_private_key_file(files.server_key.string(), net::ssl::context::pem);
  return tls;
}

// Reads standard input until it ends, then calls `on_end`.
class stdin_watch {
 public:
  stdin_watch(net::io_context& io, std::function<void()> on_end) : input_(io, ::dup(STDIN_FILENO)), on_end_(std::move(on_end)) {
    read();
  }

 private:
  void read() {
    input_.async_read_some(net::buffer(scratch_), [this](boost::system::error_code ec, std::size_t) {
      if (ec == net::error::operation_aborted) return;
      if (ec) return on_end_();
      read();
    });
  }
  net::posix::stream_descriptor input_;
  std::function<void()> on_end_;
  std::array<char, 256> scratch_{};
};

int run(const sandbox_options& options) {
  const tls_files files = prepare_tls_files(options.cert_dir, options.server_cert_hostname);
  net::ssl::context tls = server_tls(files);
  auto recorder = options.record_responses ? std::make_unique<response_recorder>(*options.record_responses) : nullptr;
  sandbox_state state(options.limits, options.request_log_limit, {options.tokens, options.read_only_tokens},
                      std::move(recorder));
  state.concurrent_limit = options.concurrent_limit;
  if (options.seed_users > 0) {
    seed_request seed;
    seed.count = options.seed_users;
    state.users.insert_many(build_seed_users(seed, state.default_type_id, wall_clock::now()));
  }
  for (const auto& name : options.groups) {
    state.groups.insert(make_group(name, "", group_type::okta_group, wall_clock::now()));
  }

  net::io_context io(static_cast<int>(options.threads));
  server_settings settings;
  settings.idle_timeout = std::chrono::seconds(options.idle_timeout_seconds);
  settings.log_requests = !options.quiet;
  https_server server(io, tls, state, settings, options.port);
  server.start();

  const auto shut_down = [&] {
    server.stop();
    io.stop();
  };
  net::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (!ec) shut_down();
  });
  std::optional<stdin_watch> watch;
  if (options.exit_on_stdin_eof) watch.emplace(io, shut_down);

  std::cout << "OKTA_SANDBOX_READY url=https://127.0.0.1:" << server.port() << " ca=" << files.ca_certificate.string()
            << std::endl;
  if (!options.quiet) {
    std::cerr << "okta-sandbox: " << state.users.size() << " users, " << options.threads << " threads, certificates in "
              << files.directory.string() << "\n";
  }

  std::vector<std::thread> workers;
  for (unsigned i = 1; i < options.threads; ++i) workers.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& worker : workers) worker.join();

  if (files.directory_is_temporary) {
    std::error_code ignored;
    std::filesystem::remove_all(files.directory, ignored);
  }
  return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
  // A client that vanishes must not kill the sandbox through a write to its socket or pipe.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    const auto options = parse_command_line(argc, argv);
    if (!options) return 0;
    return run(*options);
  } catch (const std::exception& e) {
    std::cerr << "okta-sandbox: " << e.what() << "\n";
    return 1;
  }
}
