#include "list_paging.hpp"

#include "link_header.hpp"
#include "list_cursor.hpp"

#include <boost/url/encoding_opts.hpp>

#include <algorithm>
#include <charconv>

namespace okta_sandbox {
namespace {

// The parameters that define the result set, in the order the client sent them;
// they are repeated in the self and next links.
query_parameters defining_parameters(const api_call& call) {
  boost::urls::encoding_opts form;
  form.space_as_plus = true;
  query_parameters parameters;
  for (const auto& parameter : call.url.params(form)) {
    if (parameter.key == "limit" || parameter.key == "after") continue;
    parameters.emplace_back(parameter.key, parameter.value);
  }
  return parameters;
}

}  // namespace

std::size_t page_limit(const api_call& call, std::size_t fallback, std::size_t maximum) {
  const auto text = call.query("limit");
  if (!text) return fallback;
  long long value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || value < 1) {
    throw okta_failure(errors::validation_failed({{"limit", "The limit must be a positive whole number"}}));
  }
  return static_cast<std::size_t>(std::min<long long>(value, static_cast<long long>(maximum)));
}

std::string after_id(const api_call& call) {
  const auto after = call.query("after");
  if (!after) return {};
  const auto decoded = decode_list_cursor(*after);
  if (!decoded) throw okta_failure(errors::validation_failed({{"after", "The pagination cursor is not valid"}}));
  return *decoded;
}

std::vector<std::string> page_links(const api_call& call, std::string_view path, std::size_t limit,
                                    const std::optional<std::string>& next_after_id) {
  std::vector<std::string> fields;
  query_parameters self_parameters = defining_parameters(call);
  query_parameters next_parameters = self_parameters;
  self_parameters.emplace_back("limit", std::to_string(limit));
  // A later page's self link carries its own cursor: clients must pick the
  // rel="next" link, not the first "after=" they see.
  if (const auto after = call.query("after")) self_parameters.emplace_back("after", *after);
  fields.push_back(link_field(page_url(call.origin, path, self_parameters), "self"));
  if (next_after_id) {
    next_parameters.emplace_back("limit", std::to_string(limit));
    next_parameters.emplace_back("after", encode_list_cursor(*next_after_id));
    fields.push_back(link_field(page_url(call.origin, path, next_parameters), "next"));
  }
  return fields;
}

}  // namespace okta_sandbox
