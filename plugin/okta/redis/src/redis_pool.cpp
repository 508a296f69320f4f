#include "redis/redis_pool.hpp"

#include <algorithm>

namespace okta_plugin::redis {

wire::redis_reply redis_pool::run(const wire::redis_address& server, const std::vector<std::string>& arguments,
                                  std::chrono::milliseconds timeout) {
    wire::call_budget budget;
    budget.deadline = wire::call_budget::clock::now() + timeout;
    budget.budget_ms = static_cast<std::uint64_t>(timeout.count());
    // A pooled connection the server closed meanwhile (Redis restarted)
    // fails at once: then once more on a fresh one, within the same deadline.
    if (std::unique_ptr<redis_connection> pooled = borrow(server)) {
        try {
            wire::redis_reply reply = pooled->run(arguments, budget);
            give_back(server, std::move(pooled));
            return reply;
        } catch (const wire::redis_unavailable&) {
            if (budget.expired()) {
                throw;
            }
        }
    }
    auto connection =
        std::make_unique<redis_connection>(server, server.tls ? tls_contexts_.get(server.extra_ca_pem) : nullptr);
    connection->open(server, budget);
    // A failure throws and drops the connection: its stream may hold half a reply.
    wire::redis_reply reply = connection->run(arguments, budget);
    give_back(server, std::move(connection));
    return reply;
}

std::unique_ptr<redis_connection> redis_pool::borrow(const wire::redis_address& server) {
    std::lock_guard lock(mutex_);
    auto found = idle_.find(server.display());
    if (found == idle_.end()) {
        return nullptr;
    }
    auto& idle = found->second;
    // The newest first: the one least likely to have been closed by the server.
    for (auto it = idle.rbegin(); it != idle.rend(); ++it) {
        if ((*it)->serves(server)) {
            std::unique_ptr<redis_connection> connection = std::move(*it);
            idle.erase(std::next(it).base());
            return connection;
        }
    }
    return nullptr;
}

void redis_pool::give_back(const wire::redis_address& server, std::unique_ptr<redis_connection> connection) {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[server.display()];
    if (idle.size() >= max_idle_) {
        idle.erase(idle.begin());
    }
    idle.push_back(std::move(connection));
}

}  // namespace okta_plugin::redis
