#include "okta_sandbox/process.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace okta_sandbox {
namespace {

using steady = std::chrono::steady_clock;

constexpr std::string_view ready_prefix = "OKTA_SANDBOX_READY ";

std::string errno_text() { return std::strerror(errno); }

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

int exit_code_of(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return -1;
}

// Waits for the child to end until the deadline; returns its exit code, or -1 if it still runs.
int wait_until(pid_t pid, steady::time_point deadline) {
  while (true) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return exit_code_of(status);
    if (done < 0 && errno != EINTR) return -1;
    if (steady::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

bool has_flag(const std::vector<std::string>& arguments, std::string_view flag) {
  return std::find(arguments.begin(), arguments.end(), flag) != arguments.end();
}

}  // namespace

process::process(const std::filesystem::path& executable, std::vector<std::string> arguments,
                 std::chrono::milliseconds startup_timeout) {
  start(executable, std::move(arguments), startup_timeout);
}

process::~process() {
  stop(std::chrono::seconds(10));
}

void process::start(const std::filesystem::path& executable, std::vector<std::string> arguments,
                    std::chrono::milliseconds startup_timeout) {
  if (const auto token = std::find(arguments.begin(), arguments.end(), "--token");
      token != arguments.end() && std::next(token) != arguments.end()) {
    token_ = *std::next(token);
  }
  if (const char* record = std::getenv("OKTA_SANDBOX_RECORD");
      record != nullptr && *record != '\0' && !has_flag(arguments, "--record-responses")) {
    arguments.insert(arguments.end(), {"--record-responses", record});
  }
  // The sandbox ends itself when this process goes away, even by a crash.
  if (!has_flag(arguments, "--exit-on-stdin-eof")) arguments.emplace_back("--exit-on-stdin-eof");

  int to_child[2];
  int from_child[2];
  if (::pipe2(to_child, O_CLOEXEC) != 0) throw std::runtime_error("okta_sandbox::process: pipe: " + errno_text());
  if (::pipe2(from_child, O_CLOEXEC) != 0) {
    ::close(to_child[0]);
    ::close(to_child[1]);
    throw std::runtime_error("okta_sandbox::process: pipe: " + errno_text());
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);

  std::vector<std::string> argv_text;
  argv_text.push_back(executable.string());
  argv_text.insert(argv_text.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : argv_text) argv.push_back(argument.data());
  argv.push_back(nullptr);

  const int spawned = ::posix_spawn(&pid_, executable.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(to_child[0]);
  ::close(from_child[1]);
  stdin_fd_ = to_child[1];
  stdout_fd_ = from_child[0];
  if (spawned != 0) {
    pid_ = -1;
    close_fd(stdin_fd_);
    close_fd(stdout_fd_);
    throw std::runtime_error("okta_sandbox::process: cannot start " + executable.string() + ": " + std::strerror(spawned));
  }
  try {
    read_ready_line(startup_timeout);
  } catch (...) {
    stop(std::chrono::seconds(2));
    throw;
  }
}

void process::read_ready_line(std::chrono::milliseconds startup_timeout) {
  const auto deadline = steady::now() + startup_timeout;
  std::string line;
  while (line.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - steady::now()).count();
    if (left <= 0) {
      throw std::runtime_error("okta-sandbox did not print its ready line within " +
                               std::to_string(startup_timeout.count()) + " ms");
    }
    pollfd readable{stdout_fd_, POLLIN, 0};
    const int polled = ::poll(&readable, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (polled < 0 && errno != EINTR) throw std::runtime_error("okta_sandbox::process: poll: " + errno_text());
    if (polled <= 0) continue;
    char chunk[512];
    const ssize_t n = ::read(stdout_fd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int code = wait_until(pid_, steady::now() + std::chrono::seconds(5));
      if (code >= 0) pid_ = -1;
      exit_code_ = code;
      throw std::runtime_error("okta-sandbox exited (code " + std::to_string(code) +
                               ") before it was ready; its standard error says why");
    }
    line.append(chunk, static_cast<std::size_t>(n));
  }
  line.erase(line.find('\n'));
  if (line.substr(0, ready_prefix.size()) != ready_prefix) {
    throw std::runtime_error("okta-sandbox printed an unexpected first line: " + line);
  }
  const auto url_at = line.find("url=");
  const auto ca_at = line.find(" ca=");
  if (url_at == std::string::npos || ca_at == std::string::npos || ca_at < url_at) {
    throw std::runtime_error("okta-sandbox's ready line lacks url= or ca=: " + line);
  }
  base_url_ = line.substr(url_at + 4, ca_at - url_at - 4);
  ca_file_ = line.substr(ca_at + 4);
  const auto url = boost::urls::parse_absolute_uri(base_url_);
  if (!url || !url->has_port()) throw std::runtime_error("okta-sandbox's ready line has a bad url: " + line);
  port_ = url->port_number();
}

int process::stop(std::chrono::milliseconds grace) {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int code = wait_until(pid_, steady::now() + grace);
    if (code < 0) {
      ::kill(pid_, SIGKILL);
      code = wait_until(pid_, steady::now() + std::chrono::seconds(10));
    }
    exit_code_ = code;
    pid_ = -1;
  }
  close_fd(stdin_fd_);
  close_fd(stdout_fd_);
  return exit_code_;
}

}  // namespace okta_sandbox
