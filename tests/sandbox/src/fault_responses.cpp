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
  // Every collection Okta lists ends in /users or /groups: the users, the
  // groups, a group's members and a user's groups.
  const std::string_view target = request.target();
  const std::string_view path = target.substr(0, target.find('?'));
  const bool expects_list = request.method() == http::verb::get && (path.ends_with("/users") || path.ends_with("/groups"));
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
      if (f.status < 400) {
        // Not an error at all: a bare 1xx, 204 or 304, or 2xx/3xx JSON.
        const bool bodiless = f.status < 200 || f.status == 204 || f.status == 304;
        if (bodiless) response.erase(http::field::content_type);
        else response.body() = boost::json::serialize(f.body ? *f.body : boost::json::value(boost::json::object{}));
        // A 1xx posing as the final answer: close after it, so a client that
        // rightly waits for the real answer sees the end instead of hanging.
        if (f.status < 200) {
          response.keep_alive(false);
          response.prepare_payload();
          return response;
        }
      } else if (f.html) {
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
      response.set("X-Rate-Limit-Limit", std::to_string(limit_for(limits, endpoint_class_of(request))));
      response.set("X-Rate-Limit-Remaining", "0");
      if (!f.omit_reset_header) {
        response.set("X-Rate-Limit-Reset", std::to_string(epoch_seconds(wall_clock::now()) + f.reset_seconds));
      }
      break;
    }
    case fault_kind::unexpected_shape:
      response.body() = boost::json::serialize(f.body ? *f.body : wrong_shape_for(request));
      break;
    case fault_kind::wrong_2xx: response.body() = "[]"; break;
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
