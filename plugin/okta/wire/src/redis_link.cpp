#include "wire/redis_link.hpp"

namespace okta_plugin::wire {

std::string redis_address::display() const {
    const bool ipv6 = host.find(':') != std::string::npos;
    return std::string(tls ? "rediss://" : "redis://") + (ipv6 ? "[" + host + "]" : host) + ":" +
           std::to_string(port) + "/" + std::to_string(database);
}

}  // namespace okta_plugin::wire
