// The rate budget every worker process and host of an org draws on, kept
// in Redis by the scripts of shared_budget_script.hpp. While Redis is down,
// slow or refusing, each call falls back to the process's own pacer: a call
// never fails because of Redis. The log says so once when an outage starts
// and once when it ends.
#pragma once

#include "okta/client/rate_budget.hpp"
#include "okta/protocol/rate_budget_url.hpp"
#include "okta/protocol/shared_budget_script.hpp"
#include "wire/call_budget.hpp"
#include "wire/redis_link.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

// Whether one Redis server is reachable, as every call of the process last
// found it. Thread-safe.
class redis_health {
public:
    using clock = std::chrono::steady_clock;

    // While Redis is away, it is asked again this often (the calls between
    // use the local pacer without waiting for a connect to fail).
    static constexpr std::chrono::milliseconds retry_pause{1000};

    // Whether a call should ask Redis now.
    bool worth_asking(clock::time_point now);
    // A command failed. True for the first failure of an outage (to be logged).
    bool went_away(clock::time_point now);
    // A command succeeded. True when that ends an outage (to be logged).
    bool came_back();

private:
    std::mutex mutex_;
    bool away_ = false;
    clock::time_point next_try_{};
};

// What every call of the process shares: the link to Redis and what is
// known of each server's health.
class shared_budgets {
public:
    explicit shared_budgets(wire::redis_link& redis) : redis_(redis) {}

    wire::redis_link& redis() noexcept { return redis_; }
    redis_health& health_of(const wire::redis_address& server);
    // Unique within the process and, with its random part, across workers.
    std::string next_lease_id();
    // A caller's place in the queue: `ticket` is set once (0 at first).
    std::string waiter_id(std::uint64_t& ticket);

private:
    wire::redis_link& redis_;
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<redis_health>> health_;  // by display()
    std::string lease_prefix_;
    std::atomic<std::uint64_t> next_lease_{1};
    std::atomic<std::uint64_t> next_waiter_{1};
    const std::string& prefix();
};

// One node call's view of the shared budget. `identity` is the API token or
// the service app's client id (only its hash leaves the process).
class shared_rate_budget final : public rate_budget {
public:
    using log_sink = std::function<void(std::string_view line)>;

    // Everything referenced must outlive this object (one node call).
    // `notice` receives the outage lines; never a secret.
    shared_rate_budget(shared_budgets& shared, const rate_budget_settings& settings, std::string_view identity,
                       rate_budget& fallback, const wire::call_budget& budget, log_sink notice);

    admission admit(const std::string& origin, rate_bucket bucket, clock::time_point now,
                    std::uint64_t& ticket) override;
    void force(const std::string& origin, rate_bucket bucket, std::uint64_t ticket) override;
    void record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers) override;

    // Longest wait for one Redis command: far below any call's deadline.
    static constexpr std::chrono::milliseconds command_timeout{250};

private:
    // A request let through, and by whom: a lease in Redis, or the local pacer.
    struct pending {
        std::string lease_id;  // empty: no lease in Redis
        std::string waiter_id;  // its place in the queue, if it had one
        bool local = false;
    };
    // Runs a script by its SHA-1, or by its text when Redis lacks it.
    // Nothing when Redis did not answer (health and log updated).
    std::optional<wire::redis_reply> run_script(const std::function<std::vector<std::string>(bool by_sha)>& command);
    std::chrono::milliseconds timeout() const;
    void note_failure(const std::string& why);
    void note_success();

    shared_budgets& shared_;
    const rate_budget_settings& settings_;
    std::string identity_;  // shared_budget_identity(): a hash
    rate_budget& fallback_;
    const wire::call_budget& budget_;
    log_sink notice_;
    redis_health& health_;
    std::mutex mutex_;
    std::deque<pending> pending_;  // oldest first
};

}  // namespace okta_plugin::okta
