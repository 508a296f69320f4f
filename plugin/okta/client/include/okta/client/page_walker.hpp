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

// One page as it arrives: its JSON text (an array of objects), how many
// items it holds, and the cursor of the page after it ("" on the last).
struct listed_page {
    std::string_view text;
    std::size_t items = 0;
    std::string_view next_cursor;
};

// Called with each page, only this call's pages, in order. Returns false to
// stop the listing (its consumer wants no more): the walk then answers with
// a cancelled failure.
using page_sink = std::function<bool(const listed_page& page)>;

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
