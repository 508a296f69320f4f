// ReturnAll for any Okta collection: every page from a first target on,
// following rel="next" within the call's budget and the listing's bounds,
// each page's text handed on as Okta sent it (already checked to be an
// array of objects). A page is never read twice, so a server whose next
// links loop or never end cannot keep the call, or the memory, forever.
#pragma once

#include "okta/client/request_pipeline.hpp"
#include "okta/protocol/call_result.hpp"
#include "okta/protocol/rate_limit.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

struct listing_limits {
    std::size_t max_pages = 20'000;
    std::size_t max_bytes = std::size_t{1} << 31;
};

// Called with each page's JSON text, only this call's pages, in order.
using page_sink = std::function<void(std::string_view page_json)>;

struct collection_walk {
    std::string first_target;
    rate_bucket bucket = rate_bucket::users_collection;
    // What the pages hold ("users", "groups"), for messages.
    std::string_view items = "users";
    listing_limits limits{};
};

// On success `body` is null and `next_cursor` empty.
call_result walk_all_pages(request_pipeline& pipeline, const collection_walk& walk, const page_sink& sink);

}  // namespace okta_plugin::okta
