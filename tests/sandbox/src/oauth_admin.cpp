#include "oauth_admin.hpp"

namespace okta_sandbox {
namespace http = boost::beast::http;

std::optional<boost::json::object> answer_oauth_admin(oauth_state& oauth, http::verb method, std::string_view name,
                                                      const boost::json::object& body) {
  const auto require = [&](http::verb wanted) {
    if (method != wanted) {
      throw oauth_admin_refusal(http::status::method_not_allowed, "/__sandbox/oauth/" + std::string(name) +
                                                                      " does not take " + std::string(http::to_string(method)));
    }
  };
  try {
    if (name == "apps") {
      require(http::verb::post);
      oauth.apps.add(parse_service_app(body));
      return boost::json::object{};
    }
    if (name == "config") {
      if (method == http::verb::get) return oauth.settings_json();
      require(http::verb::post);
      return oauth.configure(body);
    }
    if (name == "expire-tokens") {
      require(http::verb::post);
      oauth.tokens.expire_all();
      return boost::json::object{};
    }
    if (name == "rotate-nonce") {
      require(http::verb::post);
      return boost::json::object{{"nonce", oauth.nonces.rotate(wall_clock::now())}};
    }
  } catch (const std::invalid_argument& e) {
    throw oauth_admin_refusal(http::status::bad_request, e.what());
  }
  return std::nullopt;
}

}  // namespace okta_sandbox
