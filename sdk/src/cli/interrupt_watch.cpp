#include "interrupt_watch.hpp"

#include "stderr_log.hpp"

#include <cerrno>
#include <csignal>
#include <stdexcept>
#include <string>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace wfn::cli {
namespace {

constexpr int watched_signals[] = {SIGINT, SIGTERM};

// Written only before the handlers are installed and after they are removed.
int pipe_write = -1;
struct sigaction previous_actions[2];

// Only async-signal-safe calls. The default action comes back first, so that
// once the watcher has seen this signal a second one ends the process; then
// the signal's number goes down the pipe for the watcher thread.
extern "C" void on_signal(int signal_number) {
    const int saved_errno = errno;
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    for (const int watched : watched_signals) {
        ::sigaction(watched, &default_action, nullptr);
    }
    const unsigned char byte = static_cast<unsigned char>(signal_number);
    [[maybe_unused]] const auto written = ::write(pipe_write, &byte, 1);
    errno = saved_errno;
}

}  // namespace

interrupt_watch::interrupt_watch(std::string what) : what_(std::move(what)) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw std::runtime_error("cannot create the pipe that watches for SIGINT and SIGTERM");
    }
    pipe_read_ = fds[0];
    pipe_write = fds[1];
    watcher_ = std::thread([this] { watch(); });
    struct sigaction action {};
    action.sa_handler = &on_signal;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < std::size(watched_signals); ++i) {
        ::sigaction(watched_signals[i], &action, &previous_actions[i]);
    }
}

interrupt_watch::~interrupt_watch() {
    for (std::size_t i = 0; i < std::size(watched_signals); ++i) {
        ::sigaction(watched_signals[i], &previous_actions[i], nullptr);
    }
    // End of file tells the watcher to stop.
    ::close(pipe_write);
    pipe_write = -1;
    watcher_.join();
    ::close(pipe_read_);
}

void interrupt_watch::watch() {
    unsigned char byte = 0;
    for (;;) {
        const auto got = ::read(pipe_read_, &byte, 1);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            return;
        }
        int expected = 0;
        if (received_.compare_exchange_strong(expected, byte, std::memory_order_acq_rel)) {
            print_warning(std::string(signal_name(byte)) + " received: cancelling " + what_ +
                          "; a second signal ends wfn-host at once");
        }
    }
}

int exit_code_for_signal(int signal_number) noexcept { return 128 + signal_number; }

const char* signal_name(int signal_number) noexcept {
    switch (signal_number) {
        case SIGINT:
            return "SIGINT";
        case SIGTERM:
            return "SIGTERM";
        default:
            return "a signal";
    }
}

}  // namespace wfn::cli
