#pragma once
// The Link header fields of a list page, as Okta sends them: one field per
// relation, `<url>; rel="self"` and `<url>; rel="next"`.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace okta_sandbox {

using query_parameters = std::vector<std::pair<std::string, std::string>>;

// origin + path + "?" + parameters, every value percent-encoded except the
// unreserved characters (so "+", "/", "=" and spaces are always escaped).
std::string page_url(std::string_view origin, std::string_view path, const query_parameters& parameters);

std::string link_field(std::string_view url, std::string_view relation);

}  // namespace okta_sandbox
