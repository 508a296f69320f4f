#include "okta/protocol/shared_budget_script.hpp"

#include "okta/protocol/jose_crypto.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace okta_plugin::okta {
namespace {

// KEYS: window, limit, in-flight, queue. ARGV: lease id, max in flight,
// lease ms, in-flight poll ms, waiter id.
// Callers refused once queue up first come, first served, across every
// worker: the slots of a window go to those queued ahead first, so no call
// starves while others keep arriving. A waiter silent for a lease time (its
// worker died) leaves the queue.
// A window whose key has expired opens full (minus this request) for the
// longest window seen, until Okta's first answer about it sets its real
// end; before any answer, requests go and learn.
constexpr std::string_view admission_lua = R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease_ms = tonumber(ARGV[3])
local poll_ms = tonumber(ARGV[4])
local waiter = ARGV[5]
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - lease_ms)
local function queue_up(wait)
  redis.call('ZADD', KEYS[4], 'NX', now, waiter)
  redis.call('PEXPIRE', KEYS[4], lease_ms)
  return {'wait', wait}
end
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[2]) then
  return queue_up(poll_ms)
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then
  local left = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
  if left ~= nil then
    if left <= 0 then
      return queue_up(ttl)
    end
    local ahead = redis.call('ZRANK', KEYS[4], waiter)
    if ahead == false then
      ahead = redis.call('ZCARD', KEYS[4])
    end
    if ahead >= left then
      return queue_up(poll_ms)
    end
    redis.call('HINCRBY', KEYS[1], 'remaining', -1)
  end
else
  local known = redis.call('HMGET', KEYS[2], 'limit', 'span')
  local limit = tonumber(known[1])
  local span = tonumber(known[2])
  if limit ~= nil and span ~= nil and span > 0 then
    redis.call('DEL', KEYS[1])
    redis.call('HSET', KEYS[1], 'remaining', limit - 1)
    redis.call('PEXPIRE', KEYS[1], span)
  end
end
redis.call('ZREM', KEYS[4], waiter)
redis.call('ZADD', KEYS[3], now + lease_ms, ARGV[1])
redis.call('PEXPIRE', KEYS[3], lease_ms)
return {'go', 0}
)lua";

// KEYS: window, limit, in-flight, queue. ARGV: lease id, limit, remaining,
// reset epoch, ms until the reset ('' for what the answer did not say),
// waiter id (a caller that sent without a slot leaves the queue).
// Okta's count is the authority: the lower of it and ours wins. An answer
// about an older window than the one kept is late news and changes nothing,
// and so is one about the window that just ended (answers overtake each
// other), for a moment after it ended. Okta's first word on a window the
// script opened itself only lowers the count; on a window nobody here
// opened, the requests still in flight may not be counted yet, and each
// will take a slot.
constexpr std::string_view answer_lua = R"lua(
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[6])
local limit = tonumber(ARGV[2])
if limit == nil or limit <= 0 then
  return 'ok'
end
redis.call('HSET', KEYS[2], 'limit', limit)
redis.call('PEXPIRE', KEYS[2], 86400000)
local remaining = tonumber(ARGV[3])
local reset = tonumber(ARGV[4])
local ttl = tonumber(ARGV[5])
if remaining == nil or reset == nil or ttl == nil or ttl <= 0 then
  return 'ok'
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local kept = redis.call('HMGET', KEYS[2], 'span', 'latest', 'latest_until')
local span = tonumber(kept[1])
if span == nil or ttl > span then
  redis.call('HSET', KEYS[2], 'span', ttl)
end
local known = redis.call('HMGET', KEYS[1], 'reset', 'remaining')
local known_reset = tonumber(known[1])
local left = tonumber(known[2])
if redis.call('PTTL', KEYS[1]) <= 0 then
  known_reset = nil
  left = nil
end
if known_reset ~= nil and reset < known_reset then
  return 'late'
end
if known_reset ~= nil and reset == known_reset then
  if left == nil or remaining < left then
    redis.call('HSET', KEYS[1], 'remaining', remaining)
  end
  return 'ok'
end
local latest = tonumber(kept[2])
if known_reset == nil and latest ~= nil and reset <= latest and now < tonumber(kept[3]) then
  return 'late'
end
if known_reset == nil and left ~= nil then
  left = math.min(left, remaining)
else
  left = math.max(0, remaining - redis.call('ZCARD', KEYS[3]))
end
redis.call('HSET', KEYS[1], 'reset', reset, 'remaining', left)
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('HSET', KEYS[2], 'latest', reset, 'latest_until', now + ttl + 5000)
return 'ok'
)lua";

std::string hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const unsigned char byte : bytes) {
        out += digits[byte >> 4];
        out += digits[byte & 0x0F];
    }
    return out;
}

std::string sha1_hex(std::string_view text) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha1(), nullptr) != 1) {
        throw std::runtime_error("SHA-1 is not available");
    }
    return hex(std::string_view(reinterpret_cast<const char*>(digest.data()), size));
}

std::string_view bucket_name(rate_bucket bucket) {
    switch (bucket) {
        case rate_bucket::users_collection: return "users";
        case rate_bucket::user_read: return "user-read";
        case rate_bucket::user_write: return "user-write";
        case rate_bucket::groups_collection: return "groups";
        case rate_bucket::group_read: return "group-read";
        case rate_bucket::group_write: return "group-write";
    }
    return "other";
}

std::string optional_number(const std::optional<std::int64_t>& value) {
    return value ? std::to_string(*value) : std::string();
}

std::vector<std::string> script_call(bool by_sha, std::string_view script, const std::string& sha,
                                     const shared_budget_keys& keys) {
    return {by_sha ? "EVALSHA" : "EVAL", by_sha ? sha : std::string(script), "4", keys.window, keys.limit,
            keys.in_flight, keys.queue};
}

}  // namespace

std::string shared_budget_identity(std::string_view token_or_client_id) {
    return hex(sha256("wfn-okta rate budget\n" + std::string(token_or_client_id))).substr(0, 32);
}

shared_budget_keys shared_budget_keys_for(std::string_view origin, std::string_view identity, rate_bucket bucket) {
    // The hash tag {...} keeps an org's keys in one slot of a Redis cluster.
    const std::string org = "wfn-okta:{" + hex(sha256(origin)).substr(0, 24) + "}";
    const std::string prefix = org + ":" + std::string(identity) + ":" + std::string(bucket_name(bucket));
    return {prefix + ":window", prefix + ":limit", org + ":in-flight", prefix + ":queue"};
}

std::string_view admission_script() { return admission_lua; }
std::string_view answer_script() { return answer_lua; }

const std::string& admission_script_sha() {
    static const std::string sha = sha1_hex(admission_lua);
    return sha;
}

const std::string& answer_script_sha() {
    static const std::string sha = sha1_hex(answer_lua);
    return sha;
}

std::vector<std::string> admission_command(bool by_sha, const shared_budget_keys& keys, std::string_view lease_id,
                                           std::string_view waiter_id, const rate_budget_settings& settings) {
    std::vector<std::string> command = script_call(by_sha, admission_lua, admission_script_sha(), keys);
    command.emplace_back(lease_id);
    command.push_back(std::to_string(settings.max_in_flight));
    command.push_back(std::to_string(settings.lease.count()));
    command.push_back(std::to_string(in_flight_poll.count()));
    command.emplace_back(waiter_id);
    return command;
}

std::vector<std::string> answer_command(bool by_sha, const shared_budget_keys& keys, std::string_view lease_id,
                                        std::string_view waiter_id, const rate_limit_headers& headers) {
    std::vector<std::string> command = script_call(by_sha, answer_lua, answer_script_sha(), keys);
    command.emplace_back(lease_id);
    command.push_back(optional_number(headers.limit));
    command.push_back(optional_number(headers.remaining));
    command.push_back(optional_number(headers.reset_epoch));
    std::string until_reset;
    // Okta's Date has whole seconds and is never ahead of when the answer
    // left, so this is never shorter than the real wait: a window reopens
    // late rather than early.
    if (headers.reset_epoch && headers.server_date && *headers.reset_epoch > *headers.server_date &&
        *headers.reset_epoch - *headers.server_date <= max_reset_wait.count()) {
        until_reset = std::to_string((*headers.reset_epoch - *headers.server_date) * 1000 + reset_margin.count());
    }
    command.push_back(until_reset);
    command.emplace_back(waiter_id);
    return command;
}

std::optional<shared_admission> read_admission(const wire::redis_reply& reply) {
    using kind = wire::redis_reply::kind;
    if (reply.type != kind::array || reply.elements.size() != 2 || reply.elements[0].type != kind::text ||
        reply.elements[1].type != kind::integer || reply.elements[1].integer < 0) {
        return std::nullopt;
    }
    const std::string& verdict = reply.elements[0].text;
    if (verdict == "go") {
        return shared_admission{true, std::chrono::milliseconds(0)};
    }
    if (verdict == "wait") {
        const std::int64_t longest = std::chrono::duration_cast<std::chrono::milliseconds>(max_reset_wait).count();
        return shared_admission{false, std::chrono::milliseconds(std::min(reply.elements[1].integer, longest))};
    }
    return std::nullopt;
}

bool answer_recorded(const wire::redis_reply& reply) {
    using kind = wire::redis_reply::kind;
    return (reply.type == kind::text || reply.type == kind::status) && (reply.text == "ok" || reply.text == "late");
}

bool script_not_cached(const wire::redis_reply& reply) {
    return reply.type == wire::redis_reply::kind::error && reply.text.rfind("NOSCRIPT", 0) == 0;
}

}  // namespace okta_plugin::okta
