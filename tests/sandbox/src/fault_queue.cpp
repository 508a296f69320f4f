#include "fault_queue.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace okta_sandbox {
namespace {

constexpr std::array<std::pair<fault_kind, std::string_view>, 15> kind_names{{
    {fault_kind::delay, "delay"},
    {fault_kind::status, "status"},
    {fault_kind::close_before_response, "close_before_response"},
    {fault_kind::close_mid_body, "close_mid_body"},
    {fault_kind::truncated_body, "truncated_body"},
    {fault_kind::malformed_json, "malformed_json"},
    {fault_kind::rate_limit, "rate_limit"},
    {fault_kind::unexpected_shape, "unexpected_shape"},
    {fault_kind::oversized, "oversized"},
    {fault_kind::redirect, "redirect"},
    {fault_kind::foreign_link, "foreign_link"},
    {fault_kind::link_cycle, "link_cycle"},
    {fault_kind::interim_100, "interim_100"},
    {fault_kind::wrong_2xx, "wrong_2xx"},
    {fault_kind::close_delimited, "close_delimited"},
}};

std::uint64_t unsigned_member(const boost::json::object& description, std::string_view name, std::uint64_t fallback,
                              std::uint64_t maximum) {
  const auto* value = description.if_contains(name);
  if (value == nullptr) return fallback;
  const auto* number = value->if_int64();
  const auto* unsigned_number = value->if_uint64();
  if (number != nullptr && *number >= 0 && static_cast<std::uint64_t>(*number) <= maximum) {
    return static_cast<std::uint64_t>(*number);
  }
  if (unsigned_number != nullptr && *unsigned_number <= maximum) return *unsigned_number;
  throw std::invalid_argument("\"" + std::string(name) + "\" must be a whole number from 0 to " + std::to_string(maximum));
}

bool bool_member(const boost::json::object& description, std::string_view name) {
  const auto* value = description.if_contains(name);
  if (value == nullptr) return false;
  if (!value->is_bool()) throw std::invalid_argument("\"" + std::string(name) + "\" must be true or false");
  return value->get_bool();
}

}  // namespace

std::string_view to_string(fault_kind kind) {
  for (const auto& [value, name] : kind_names) {
    if (value == kind) return name;
  }
  return "status";
}

fault parse_fault(const boost::json::object& description) {
  const auto* kind = description.if_contains("kind");
  if (kind == nullptr || !kind->is_string()) throw std::invalid_argument("\"kind\" is required and must be a string");
  fault f;
  bool known = false;
  for (const auto& [value, name] : kind_names) {
    if (name == kind->get_string()) {
      f.kind = value;
      known = true;
    }
  }
  if (!known) throw std::invalid_argument("unknown fault kind \"" + std::string(kind->get_string()) + "\"");
  f.delay_ms = static_cast<std::uint32_t>(unsigned_member(description, "delayMs", 0, 600'000));
  f.status = static_cast<unsigned>(unsigned_member(description, "status", 500, 599));
  if (f.kind == fault_kind::status && f.status < 100) throw std::invalid_argument("\"status\" must be from 100 to 599");
  f.html = bool_member(description, "html");
  f.reset_seconds = static_cast<std::uint32_t>(unsigned_member(description, "resetSeconds", 1, 86'400));
  f.omit_reset_header = bool_member(description, "omitResetHeader");
  f.size_bytes = unsigned_member(description, "sizeBytes", f.size_bytes, 4ULL * 1024 * 1024 * 1024);
  f.chunked = bool_member(description, "chunked");
  if (const auto* location = description.if_contains("location")) {
    if (!location->is_string()) throw std::invalid_argument("\"location\" must be a string");
    f.location = std::string(location->get_string());
  }
  if (const auto* body = description.if_contains("body")) f.body = *body;
  if (const auto* endpoint = description.if_contains("endpoint")) {
    if (!endpoint->is_string() || (endpoint->get_string() != "api" && endpoint->get_string() != "token")) {
      throw std::invalid_argument("\"endpoint\" must be \"api\" or \"token\"");
    }
    f.endpoint = endpoint->get_string() == "token" ? fault_endpoint::token : fault_endpoint::api;
  }
  return f;
}

boost::json::object fault_json(const fault& f) {
  boost::json::object description{{"kind", to_string(f.kind)},
                                  {"endpoint", f.endpoint == fault_endpoint::token ? "token" : "api"}};
  switch (f.kind) {
    case fault_kind::delay: description["delayMs"] = f.delay_ms; break;
    case fault_kind::status:
      description["status"] = f.status;
      description["html"] = f.html;
      if (f.body) description["body"] = *f.body;
      break;
    case fault_kind::rate_limit:
      description["resetSeconds"] = f.reset_seconds;
      description["omitResetHeader"] = f.omit_reset_header;
      break;
    case fault_kind::oversized:
      description["sizeBytes"] = f.size_bytes;
      description["chunked"] = f.chunked;
      break;
    case fault_kind::redirect:
    case fault_kind::foreign_link: description["location"] = f.location; break;
    case fault_kind::unexpected_shape:
      if (f.body) description["body"] = *f.body;
      break;
    default: break;
  }
  return description;
}

void fault_queue::push(fault f, std::uint32_t count, std::uint32_t every) {
  if (count == 0) return;
  std::lock_guard lock(mutex_);
  entries_.push_back({std::move(f), count, std::max<std::uint32_t>(every, 1)});
}

std::optional<fault> fault_queue::take(fault_endpoint endpoint) {
  std::lock_guard lock(mutex_);
  const auto front = std::find_if(entries_.begin(), entries_.end(), [&](const entry& e) { return e.f.endpoint == endpoint; });
  if (front == entries_.end()) return std::nullopt;
  if (++front->passed < front->every) return std::nullopt;
  front->passed = 0;
  fault f = front->f;
  if (--front->remaining == 0) entries_.erase(front);
  return f;
}

void fault_queue::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

boost::json::array fault_queue::pending() const {
  std::lock_guard lock(mutex_);
  boost::json::array list;
  for (const auto& e : entries_) {
    auto description = fault_json(e.f);
    description["count"] = e.remaining;
    description["every"] = e.every;
    list.push_back(std::move(description));
  }
  return list;
}

}  // namespace okta_sandbox
