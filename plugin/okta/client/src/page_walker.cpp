#include "okta/client/page_walker.hpp"

#include "okta/protocol/error_codes.hpp"

#include <unordered_set>

namespace okta_plugin::okta {
namespace {

okta_request page_request(std::string target, rate_bucket bucket) {
    okta_request request;
    request.target = std::move(target);
    request.bucket = bucket;
    request.expected = expected_body::object_page;
    return request;
}

std::string progress(std::size_t pages, std::size_t items, std::string_view noun) {
    return " (after " + std::to_string(pages) + " pages and " + std::to_string(items) + " " + std::string(noun) + ")";
}

}  // namespace

call_result walk_all_pages(request_pipeline& pipeline, const collection_walk& walk, const page_sink& sink) {
    std::unordered_set<std::string> followed{walk.first_target};
    std::size_t pages = 0;
    std::size_t items = 0;
    std::size_t bytes = 0;
    call_result page = pipeline.run(page_request(walk.first_target, walk.bucket));
    for (;;) {
        if (!page) {
            call_failure failure = page.error();
            failure.message += pages > 0 ? progress(pages, items, walk.items) : "";
            return failure;
        }
        ++pages;
        items += page->page_users;
        bytes += page->page_text.size();
        if (bytes > walk.limits.max_bytes || pages > walk.limits.max_pages) {
            return no_answer(error_codes::response_too_large,
                             "The listing passed its bound of " + std::to_string(walk.limits.max_pages) +
                                 " pages or " + std::to_string(walk.limits.max_bytes >> 20) + " MiB" +
                                 progress(pages, items, walk.items) + "; narrow it with Search, Filter or Query.",
                             page->request_id);
        }
        if (!sink({page->page_text, page->page_users, page->next_cursor})) {
            return no_answer(error_codes::cancelled,
                             "The host stopped taking the listing's " + std::string(walk.items) +
                                 progress(pages, items, walk.items) + ".",
                             page->request_id);
        }
        if (page->next_page.empty()) {
            break;
        }
        if (!followed.insert(page->next_page).second) {
            return no_answer(error_codes::bad_response,
                             "Okta's next-page link leads back to a page already read; stopped instead of listing " +
                                 std::string(walk.items) + " twice" + progress(pages, items, walk.items) + ".",
                             page->request_id);
        }
        page = pipeline.run(page_request(page->next_page, walk.bucket));
    }
    answer last = std::move(*page);
    std::string().swap(last.page_text);  // the last page's buffer is freed, not kept for nothing
    last.next_cursor.clear();
    return last;
}

}  // namespace okta_plugin::okta
