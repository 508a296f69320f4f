// The seam between the shared rate budget and the Redis that holds it: the
// pooled connections of the plugin's Redis library, a scripted store in the
// client's tests. Plain types only, so neither side knows the other.
#pragma once

#include "wire/secret_text.hpp"

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace okta_plugin::wire {

// Where a shared budget lives: redis://[user:password@]host:port[/db], or
// rediss:// for TLS.
struct redis_address {
    std::string host;  // a DNS name or an IP address, without brackets
    std::uint16_t port = 6379;
    std::string user;      // may be empty (Redis's default user)
    secret_text password;  // may be empty (no AUTH)
    int database = 0;
    bool tls = false;
    // PEM certificates trusted in addition to the system store, for rediss://.
    std::string extra_ca_pem;

    // "redis://host:port/db": never the user or the password.
    std::string display() const;
};

// One reply of Redis's protocol, as a tree.
struct redis_reply {
    enum class kind { nil, status, error, integer, text, array };
    kind type = kind::nil;
    std::int64_t integer = 0;
    std::string text;  // status, error and bulk string replies
    std::vector<redis_reply> elements;
};

// Redis did not answer in time, refused the connection, the handshake, the
// AUTH or the SELECT, or broke the protocol. The message names the address
// (display()) and never holds the password.
class redis_unavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class redis_link {
public:
    virtual ~redis_link() = default;

    // Runs one command (`arguments[0]` is its name) on a connection to
    // `server` and returns Redis's reply, an error reply included. Gives up
    // within `timeout` (connecting included) and throws redis_unavailable.
    // Implementations are thread-safe: one serves every node call.
    virtual redis_reply run(const redis_address& server, const std::vector<std::string>& arguments,
                            std::chrono::milliseconds timeout) = 0;
};

}  // namespace okta_plugin::wire
