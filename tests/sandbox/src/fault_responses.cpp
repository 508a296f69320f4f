#include "fault_responses.hpp"

#include "clock.hpp"
#include "okta_api.hpp"
#include "okta_error.hpp"

#include <boost/json/serialize.hpp>

namespace okta_sandbox {
namespace http = boost::beast::http;
namespace {

std::string html_error_page(unsigned status) {
  const std::string line = std::to_string(status) + " " + std::string(http::obsolete_reason(static_cast<http::status>(status)));
  return "<html>\r\n<head><title>" + line + "</title></head>\r\n<body>\r\n<center><h1>" + line +
         "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
}

// What a client would expect, turned inside out: an object where a list is due and vice versa.
boost::json::value wrong_shape_for(const http_request& request) {
  const bool expects_list = request.method() == http::verb::get && endpoint_class_of(request) == endpoint_class::users_collection;
  if (expects_list) return boost::json::object{};
  return boost::json::array{};
}

}  // namespace

http_response fault_response(const fault& f, const http_request& request, const rate_limits& limits) {
  http_response response{http::status::ok, request.version()};
  add_okta_headers(response);
  response.set(http::field::content_type, "application/json");
  switch (f.kind) {
    case fault_kind::status:
      response.result(f.status);
      if (f.html) {
        // What a load balancer in front of Okta answers: not JSON at all.
        response.set(http::field::content_type, "text/html");
        response.body() = html_error_page(f.status);
      } else {
        response.body() = boost::json::serialize(okta_error_body(errors::server_error(f.status)));
      }
      break;
    case fault_kind::malformed_json:
      response.body() = R"({"id":"00u1malformed000000","status":"ACTIVE","profile":{"login":"broken@exa)";
      break;
    case fault_kind::rate_limit: {
      response.result(http::status::too_many_requests);
      response.body() = boost::json::serialize(okta_error_body(errors::rate_limit_exceeded()));
      const endpoint_class endpoint = endpoint_class_of(request);
      const auto limit = endpoint == endpoint_class::user_get     ? limits.user_get
                         : endpoint == endpoint_class::user_write ? limits.user_write
                                                                  : limits.users_collection;
      response.set("X-Rate-Limit-Limit", std::to_string(limit));
      response.set("X-Rate-Limit-Remaining", "0");
      if (!f.omit_reset_header) {
        response.set("X-Rate-Limit-Reset", std::to_string(epoch_seconds(wall_clock::now()) + f.reset_seconds));
      }
      break;
    }
    case fault_kind::unexpected_shape:
      response.body() = boost::json::serialize(f.body ? *f.body : wrong_shape_for(request));
      break;
    case fault_kind::redirect:
      response.result(http::status::found);
      response.set(http::field::location, f.location);
      response.erase(http::field::content_type);
      break;
    default: break;
  }
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

}  // namespace okta_sandbox
