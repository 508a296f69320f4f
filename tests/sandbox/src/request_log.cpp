#include "request_log.hpp"

#include <boost/json/object.hpp>

namespace okta_sandbox {

request_log::request_log(std::size_t capacity) : capacity_(capacity) {}

void request_log::append(logged_request request) {
  std::lock_guard lock(mutex_);
  if (capacity_ == 0) return;
  if (requests_.size() == capacity_) requests_.pop_front();
  requests_.push_back(std::move(request));
}

void request_log::clear() {
  std::lock_guard lock(mutex_);
  requests_.clear();
}

boost::json::array request_log::to_json() const {
  std::lock_guard lock(mutex_);
  boost::json::array entries;
  entries.reserve(requests_.size());
  for (const auto& request : requests_) {
    boost::json::object headers;
    for (const auto& [name, value] : request.headers) {
      if (auto* existing = headers.if_contains(name)) {
        std::string joined(existing->get_string());
        joined += ", ";
        joined += value;
        *existing = joined;
      } else {
        headers[name] = value;
      }
    }
    entries.push_back(boost::json::object{{"method", request.method},
                                          {"target", request.target},
                                          {"headers", std::move(headers)},
                                          {"body", request.body}});
  }
  return entries;
}

}  // namespace okta_sandbox
