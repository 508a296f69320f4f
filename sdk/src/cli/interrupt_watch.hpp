// SIGINT and SIGTERM as a request to stop cleanly: the first one is recorded
// for the command to poll (a workflow starts no new item or step, running
// node calls are told to cancel, the output is still printed); a second one
// meets the default action and ends the process at once.
#pragma once

#include <atomic>
#include <string>
#include <thread>

namespace wfn::cli {

class interrupt_watch {
public:
    // Installs the handlers. At most one watch may exist at a time.
    // `what` completes the warning "SIGINT received: cancelling <what>".
    explicit interrupt_watch(std::string what);
    // Restores the handlers that were there before.
    ~interrupt_watch();
    interrupt_watch(const interrupt_watch&) = delete;
    interrupt_watch& operator=(const interrupt_watch&) = delete;

    // The first signal received (SIGINT or SIGTERM), or 0. Thread-safe.
    int received() const noexcept { return received_.load(std::memory_order_acquire); }

private:
    void watch();

    std::string what_;
    int pipe_read_ = -1;
    std::atomic<int> received_{0};
    std::thread watcher_;
};

// The exit code of a process ended by `signal_number`: 128 + the number, as
// shells report it (130 for SIGINT, 143 for SIGTERM).
int exit_code_for_signal(int signal_number) noexcept;

// "SIGINT", "SIGTERM", or "a signal".
const char* signal_name(int signal_number) noexcept;

}  // namespace wfn::cli
