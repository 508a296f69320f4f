#pragma once
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace okta_sandbox {

using http_request = boost::beast::http::request<boost::beast::http::string_body>;
using http_response = boost::beast::http::response<boost::beast::http::string_body>;

}  // namespace okta_sandbox
