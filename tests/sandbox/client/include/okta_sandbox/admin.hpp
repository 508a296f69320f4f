#pragma once
// Drives the sandbox's test-control API (/__sandbox/) over verified TLS.
// Every method throws std::runtime_error with the sandbox's own message when
// the call fails.
#include "okta_sandbox/https_client.hpp"
#include "okta_sandbox/process.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <string>

namespace okta_sandbox {

class admin {
 public:
  explicit admin(const process& sandbox);
  admin(std::string_view base_url, const std::filesystem::path& ca_file);

  // Users, request log, faults and rate buckets cleared.
  void reset();
  // Creates n ACTIVE users <prefix><i>@example.com (i from 1); returns how many.
  std::size_t seed(std::size_t n, const std::string& prefix = "seed");
  // The full form: {"count","prefix","status","start","profile"}.
  std::size_t seed(const boost::json::object& request);
  // [{"method","target","headers":{...},"body"}], oldest first.
  boost::json::array requests();
  void clear_requests();
  // {"count": N, "kind": "...", ...}: see the sandbox README for the kinds.
  void inject(const boost::json::object& fault);
  void clear_faults();
  // The faults still queued: [{"kind", "count" (left), "every", ...}].
  boost::json::array faults();
  // Any of {"usersCollection","userGet","userWrite","windowSeconds"}; returns the whole config.
  boost::json::object configure(const boost::json::object& settings);
  boost::json::array users();
  // {"acceptedConnections","openConnections","peakOpenConnections"} since the last reset.
  boost::json::object stats();

  const https_client& client() const { return client_; }

 private:
  boost::json::object call(boost::beast::http::verb method, std::string_view path,
                           const boost::json::object* body = nullptr);
  https_client client_;
};

}  // namespace okta_sandbox
