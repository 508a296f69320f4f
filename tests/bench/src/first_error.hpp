// Keeps the first failure message of a multi-threaded run, so a report of
// "N failures" can say what went wrong without logging every call.
#pragma once

#include <mutex>
#include <string>

namespace wfn_bench {

class first_error {
public:
    void record(const std::string& message) {
        const std::scoped_lock lock(mutex_);
        if (message_.empty()) {
            message_ = message.empty() ? std::string("(no ErrorMessage)") : message;
        }
    }

    std::string message() const {
        const std::scoped_lock lock(mutex_);
        return message_;
    }

private:
    mutable std::mutex mutex_;
    std::string message_;
};

}  // namespace wfn_bench
