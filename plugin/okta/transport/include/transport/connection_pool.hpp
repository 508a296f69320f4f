// Keep-alive connections, bounded per server and shared by every thread.
#pragma once

#include "wire/call_budget.hpp"
#include "transport/connection.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>
#include <string>
#include <vector>

namespace okta_plugin::transport {

struct pool_limits {
    // Connections open at once to one server (in use plus idle). An engine
    // runs up to 16 node calls at once (the benchmark too); with 8,
    // half of them queued for a connection. 32 leaves room for two such
    // workflows while keeping the open sockets (and Okta's per-client
    // connection count) bounded.
    std::size_t max_per_server = 32;
    // Idle connections kept for reuse per server. As many as may be open: a
    // burst of calls returns its connections all at once, and closing the
    // ones past a lower mark only means a new TCP + TLS handshake on the next
    // burst. max_idle_time closes them when traffic stops.
    std::size_t max_idle_per_server = 32;
    // Servers (and load balancers) drop idle connections after a while; one
    // idle longer than this is closed rather than risked.
    std::chrono::seconds max_idle_time{30};
};

class connection_pool {
public:
    // A connection checked out of the pool. Dropping it without give_back()
    // discards the connection (the safe default after an error).
    class lease {
    public:
        lease(lease&& other) noexcept;
        lease& operator=(lease&&) = delete;
        ~lease();

        connection& operator*() const noexcept { return *connection_; }
        connection* operator->() const noexcept { return connection_.get(); }
        // It served earlier requests (and so may have gone stale meanwhile).
        bool reused() const noexcept { return reused_; }
        // Returns the connection for reuse, or closes it when !keep_alive.
        void give_back(bool keep_alive);

    private:
        friend class connection_pool;
        lease(connection_pool& pool, std::string key, std::unique_ptr<connection> held, bool reused);

        connection_pool* pool_;
        std::string key_;
        std::unique_ptr<connection> connection_;
        bool reused_;
    };

    using connection_factory = std::function<std::unique_ptr<connection>()>;

    explicit connection_pool(pool_limits limits = {});
    connection_pool(const connection_pool&) = delete;
    connection_pool& operator=(const connection_pool&) = delete;

    // An idle connection for `key` if a usable one is left (checked as
    // `check` says), else a new (unopened) one from `make`; waits for a slot
    // while the server is at max_per_server. Throws transport_error (timeout,
    // cancelled) when the budget runs out first. `server` names the server in
    // that message.
    lease acquire(const std::string& key, const std::string& server, const connection_factory& make,
                  const wire::call_budget& budget, liveness_check check = liveness_check::required);

    // Idle connections currently kept for `key` (for tests and diagnostics).
    std::size_t idle_count(const std::string& key);

    // Closes every connection idle for max_idle_time or longer. A thread of
    // the pool calls it a few times per max_idle_time, so sockets do not
    // outlive the promise when traffic stops.
    void close_expired_idle(std::chrono::steady_clock::time_point now);

private:
    struct server_slot {
        std::vector<std::unique_ptr<connection>> idle;
        std::size_t in_use = 0;
    };

    void release(const std::string& key, std::unique_ptr<connection> returned, bool keep_alive);

    pool_limits limits_;
    std::mutex mutex_;
    std::condition_variable slot_freed_;
    std::size_t waiting_ = 0;  // threads in slot_freed_.wait_for (under mutex_)
    std::map<std::string, server_slot> slots_;
    std::condition_variable_any reaper_wakeup_;
    // Last, so it stops (and joins) before the members it sweeps go away.
    std::jthread reaper_;
};

}  // namespace okta_plugin::transport
