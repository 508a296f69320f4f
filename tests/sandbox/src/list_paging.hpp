#pragma once
// What every Okta listing shares: the `limit` and `after` parameters and the
// Link fields rel="self" and rel="next" built from the request's own parameters.
#include "api_call.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okta_sandbox {

// `limit`, or the fallback when absent; larger values are quietly capped at the
// maximum, as Okta does. Anything but a positive whole number is a 400.
std::size_t page_limit(const api_call& call, std::size_t fallback, std::size_t maximum);

// The id inside the `after` cursor ("" when absent); a cursor this sandbox did not make is a 400.
std::string after_id(const api_call& call);

// The self link (carrying the request's own `after`, if any) and, when
// `next_after_id` is set, the next link resuming after that id.
std::vector<std::string> page_links(const api_call& call, std::string_view path, std::size_t limit,
                                    const std::optional<std::string>& next_after_id);

}  // namespace okta_sandbox
