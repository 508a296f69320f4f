// The process's connections to Redis servers, kept open between commands:
// the shared rate budget runs two short scripts per Okta request, and a
// connect (a TLS handshake for rediss://) per script would cost more than
// the script. Thread-safe: each command borrows a connection of its own.
#pragma once

#include "redis/redis_connection.hpp"
#include "transport/tls_context.hpp"
#include "wire/redis_link.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace okta_plugin::redis {

class redis_pool final : public wire::redis_link {
public:
    // At most `max_idle_per_server` idle connections are kept per server;
    // more are closed when they come back.
    explicit redis_pool(std::size_t max_idle_per_server = 16) : max_idle_(max_idle_per_server) {}

    wire::redis_reply run(const wire::redis_address& server, const std::vector<std::string>& arguments,
                          std::chrono::milliseconds timeout) override;

private:
    std::unique_ptr<redis_connection> borrow(const wire::redis_address& server);
    void give_back(const wire::redis_address& server, std::unique_ptr<redis_connection> connection);

    std::size_t max_idle_;
    std::mutex mutex_;
    std::map<std::string, std::vector<std::unique_ptr<redis_connection>>> idle_;  // by display()
    transport::tls_context_cache tls_contexts_;
};

}  // namespace okta_plugin::redis
