#include "okta/client/shared_rate_budget.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

namespace okta_plugin::okta {

bool redis_health::worth_asking(clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (!away_ || now < next_try_) {
        return !away_;
    }
    next_try_ = now + retry_pause;  // this caller probes; the others keep to the pacer
    return true;
}

bool redis_health::went_away(clock::time_point now) {
    std::lock_guard lock(mutex_);
    next_try_ = now + retry_pause;
    const bool news = !away_;
    away_ = true;
    return news;
}

bool redis_health::came_back() {
    std::lock_guard lock(mutex_);
    const bool news = away_;
    away_ = false;
    return news;
}

redis_health& shared_budgets::health_of(const wire::redis_address& server) {
    std::lock_guard lock(mutex_);
    auto& health = health_[server.display()];
    if (!health) {
        health = std::make_unique<redis_health>();
    }
    return *health;
}

const std::string& shared_budgets::prefix() {
    std::lock_guard lock(mutex_);
    if (lease_prefix_.empty()) {
        std::random_device entropy;
        char text[24];
        std::snprintf(text, sizeof text, "%08x%08x", entropy(), entropy());
        lease_prefix_ = text;
    }
    return lease_prefix_;
}

std::string shared_budgets::next_lease_id() { return prefix() + "-" + std::to_string(next_lease_++); }

std::string shared_budgets::waiter_id(std::uint64_t& ticket) {
    // The top bit keeps these apart from the local pacer's own tickets
    // (small numbers), should a call move between the two.
    constexpr std::uint64_t shared_mark = std::uint64_t{1} << 63;
    if ((ticket & shared_mark) == 0) {
        ticket = shared_mark | next_waiter_++;
    }
    return prefix() + "-w" + std::to_string(ticket & ~shared_mark);
}

shared_rate_budget::shared_rate_budget(shared_budgets& shared, const rate_budget_settings& settings,
                                       std::string_view identity, rate_budget& fallback, const wire::call_budget& budget,
                                       log_sink notice)
    : shared_(shared),
      settings_(settings),
      identity_(shared_budget_identity(identity)),
      fallback_(fallback),
      budget_(budget),
      notice_(std::move(notice)),
      health_(shared.health_of(settings.redis)) {}

std::chrono::milliseconds shared_rate_budget::timeout() const {
    // Leave the call most of what it has left: Redis only paces it.
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(budget_.remaining()) / 4;
    return std::clamp(left, std::chrono::milliseconds(0), command_timeout);
}

void shared_rate_budget::note_failure(const std::string& why) {
    if (health_.went_away(redis_health::clock::now()) && notice_) {
        notice_("okta: the shared rate budget is unavailable (" + why +
                "); pacing this process on its own until Redis is back");
    }
}

void shared_rate_budget::note_success() {
    if (health_.came_back() && notice_) {
        notice_("okta: the shared rate budget at " + settings_.redis.display() +
                " is back; pacing with the other workers again");
    }
}

std::optional<wire::redis_reply> shared_rate_budget::run_script(
    const std::function<std::vector<std::string>(bool by_sha)>& command) {
    const auto limit = timeout();
    if (limit <= std::chrono::milliseconds(0)) {
        return std::nullopt;  // no time to ask: the pacer decides, and Redis is not blamed
    }
    try {
        wire::redis_reply reply = shared_.redis().run(settings_.redis, command(true), limit);
        if (script_not_cached(reply)) {
            reply = shared_.redis().run(settings_.redis, command(false), limit);
        }
        if (reply.type == wire::redis_reply::kind::error) {
            note_failure("Redis at " + settings_.redis.display() + " answered an error: " + reply.text.substr(0, 200));
            return std::nullopt;
        }
        return reply;
    } catch (const wire::redis_unavailable& error) {
        note_failure(error.what());
        return std::nullopt;
    }
}

rate_budget::admission shared_rate_budget::admit(const std::string& origin, rate_bucket bucket, clock::time_point now,
                                                 std::uint64_t& ticket) {
    if (health_.worth_asking(now)) {
        const shared_budget_keys keys = shared_budget_keys_for(origin, identity_, bucket);
        const std::string lease_id = shared_.next_lease_id();
        const std::string waiter = shared_.waiter_id(ticket);
        const auto reply = run_script(
            [&](bool by_sha) { return admission_command(by_sha, keys, lease_id, waiter, settings_); });
        if (reply) {
            if (const auto answer = read_admission(*reply)) {
                note_success();
                if (!answer->granted) {
                    return admission{false, clock::now() + answer->wait};
                }
                std::lock_guard lock(mutex_);
                pending_.push_back(pending{lease_id, {}, false});
                return admission{true, now};
            }
            note_failure("Redis at " + settings_.redis.display() + " gave a reply the budget's script never gives");
        }
    }
    std::uint64_t local_ticket = (ticket >> 63) != 0 ? 0 : ticket;
    const admission local = fallback_.admit(origin, bucket, now, local_ticket);
    if (local.granted) {
        std::lock_guard lock(mutex_);
        pending_.push_back(pending{{}, {}, true});
    } else if ((ticket >> 63) == 0) {
        ticket = local_ticket;
    }
    return local;
}

void shared_rate_budget::force(const std::string& origin, rate_bucket bucket, std::uint64_t ticket) {
    // No lease: a call out of time sends without asking anyone more. Its
    // place in the shared queue is given up with its answer.
    const bool queued_in_redis = (ticket >> 63) != 0;
    fallback_.force(origin, bucket, queued_in_redis ? 0 : ticket);
    std::lock_guard lock(mutex_);
    pending_.push_back(pending{{}, queued_in_redis ? shared_.waiter_id(ticket) : std::string(), !queued_in_redis});
}

void shared_rate_budget::record(const std::string& origin, rate_bucket bucket, const rate_limit_headers& headers) {
    pending done;
    {
        std::lock_guard lock(mutex_);
        if (!pending_.empty()) {
            done = std::move(pending_.front());
            pending_.pop_front();
        }
    }
    // The pacer learns every answer, so that it knows the windows should
    // Redis go away.
    fallback_.record(origin, bucket, headers);
    if (done.local) {
        return;
    }
    const shared_budget_keys keys = shared_budget_keys_for(origin, identity_, bucket);
    const auto reply =
        run_script([&](bool by_sha) { return answer_command(by_sha, keys, done.lease_id, done.waiter_id, headers); });
    if (reply) {
        if (answer_recorded(*reply)) {
            note_success();
        } else {
            note_failure("Redis at " + settings_.redis.display() + " gave a reply the budget's script never gives");
        }
    }
}

}  // namespace okta_plugin::okta
