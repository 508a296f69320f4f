#include "link_header.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace okta_sandbox {

std::string page_url(std::string_view origin, std::string_view path, const query_parameters& parameters) {
  std::string url(origin);
  url += path;
  char separator = '?';
  for (const auto& [name, value] : parameters) {
    url += separator;
    url += boost::urls::encode(name, boost::urls::unreserved_chars);
    url += '=';
    url += boost::urls::encode(value, boost::urls::unreserved_chars);
    separator = '&';
  }
  return url;
}

std::string link_field(std::string_view url, std::string_view relation) {
  std::string field = "<";
  field += url;
  field += ">; rel=\"";
  field += relation;
  field += '"';
  return field;
}

}  // namespace okta_sandbox
