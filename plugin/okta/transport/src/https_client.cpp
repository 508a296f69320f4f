#include "transport/https_client.hpp"

#include "transport/connection.hpp"
#include "transport/connection_pool.hpp"
#include "transport/tls_context.hpp"
#include "wire/transport_error.hpp"

#include <cstdio>

namespace okta_plugin::transport {
namespace {

// Connections are only shared between calls that trust the same CAs, that is
// that use the same TLS context (tls_context_cache returns one per trust
// configuration). The context's address stands for it, so the key does not
// copy the whole PEM on every call; the address cannot be reused for another
// context while a connection of this key is alive, as each holds its context.
std::string pool_key(const std::string& name, const boost::asio::ssl::context& tls) {
    char address[2 + 2 * sizeof(void*) + 1];
    const int length = std::snprintf(address, sizeof address, "%p", static_cast<const void*>(&tls));
    std::string key;
    key.reserve(name.size() + 1 + static_cast<std::size_t>(length));
    key.append(name).append(1, '\n').append(address, static_cast<std::size_t>(length));
    return key;
}

// Only a GET may be sent twice once it has left: Okta's DELETE is idempotent
// in name only (the second one deletes what the first only deactivated).
bool worth_retrying_on_fresh_connection(const wire::transport_error& error, const wire::request& request) {
    return error.kind() == wire::failure::connection_closed &&
           (error.nothing_sent() || (error.nothing_received() && request.verb == wire::method::get));
}

}  // namespace

struct https_client::impl {
    explicit impl(const client_options& chosen)
        : options(chosen),
          pool(pool_limits{chosen.max_connections_per_server, chosen.max_idle_connections_per_server,
                           chosen.max_idle_time}) {}

    client_options options;
    tls_context_cache contexts;
    connection_pool pool;
};

https_client::https_client(client_options options) : impl_(std::make_unique<impl>(options)) {}

https_client::~https_client() = default;

wire::response https_client::send(const wire::endpoint& server, const wire::request& request, const wire::call_budget& call) {
    const std::string name = wire::describe_server(server.host, server.port);
    const wire::call_budget budget = call.capped(impl_->options.timeout_without_deadline);
    if (budget.cancelled()) {
        throw wire::transport_error(wire::failure::cancelled, "The request to " + name + " was cancelled before it was sent.", true);
    }
    if (budget.expired()) {
        throw wire::transport_error(wire::failure::timeout,
                              "The request to " + name + " timed out after " + std::to_string(budget.budget_ms) +
                                  " ms before it was sent.",
                              true);
    }
    auto tls = impl_->contexts.get(server.extra_ca_pem);
    const std::string key = pool_key(name, *tls);
    const exchange_limits limits{impl_->options.max_body_bytes, exchange_limits{}.max_header_bytes};
    auto make = [&] { return std::make_unique<connection>(tls, server.host, server.port); };

    for (int attempt = 0;; ++attempt) {
        // A GET is resent once when a reused connection turns out dead
        // (below), so its first try can skip the pool's liveness check; the
        // resend must not meet another dead one.
        const liveness_check check =
            request.verb == wire::method::get && attempt == 0 ? liveness_check::skip : liveness_check::required;
        auto lease = impl_->pool.acquire(key, name, make, budget, check);
        try {
            if (!lease->is_open()) {
                lease->open(budget);
            }
            exchange_result result = lease->exchange(request, budget, limits);
            lease.give_back(result.keep_alive);
            return std::move(result.response);
        } catch (const wire::transport_error& error) {
            if (!(lease.reused() && attempt == 0 && worth_retrying_on_fresh_connection(error, request))) {
                throw;
            }
        }
    }
}

std::size_t https_client::idle_connections(const wire::endpoint& server) {
    auto tls = impl_->contexts.get(server.extra_ca_pem);
    return impl_->pool.idle_count(pool_key(wire::describe_server(server.host, server.port), *tls));
}

}  // namespace okta_plugin::transport
