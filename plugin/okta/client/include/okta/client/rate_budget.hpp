// The pipeline's pace step asks a rate_budget before each send and tells it
// of each answer. Two kinds stand behind it: the process's own rate_pacer,
// and the shared budget in Redis that every worker of an org draws on
// (falling back to the pacer while Redis is away).
#pragma once

#include "okta/protocol/rate_limit.hpp"

#include <chrono>
#include <cstdint>
#include <string>

namespace okta_plugin::okta {

class rate_budget {
public:
    using clock = std::chrono::steady_clock;

    // Either "send now" (a slot was taken) or "ask again at `retry_at`".
    struct admission {
        bool granted = true;
        clock::time_point retry_at{};
    };

    virtual ~rate_budget() = default;

    // Takes a slot when one is free. `ticket` (0 at first) keeps a refused
    // caller's place between its attempts.
    virtual admission admit(const std::string& origin, rate_bucket bucket, clock::time_point now,
                            std::uint64_t& ticket) = 0;

    // Sends without a slot (the caller cannot wait): still counted.
    virtual void force(const std::string& origin, rate_bucket bucket, std::uint64_t ticket) = 0;

    // An answer arrived (its headers), or a request ended without one
    // (empty headers): it no longer counts as in flight.
    virtual void record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers) = 0;
};

}  // namespace okta_plugin::okta
