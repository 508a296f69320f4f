// ReturnAll: every page from the query on, each page's text handed on as
// Okta sent it. A page is never read twice and the listing is bounded, so a
// server whose next links loop or never end cannot keep the call forever.
#include "okta/client/users_client.hpp"

#include "okta/protocol/error_codes.hpp"

#include <unordered_set>

namespace okta_plugin::okta {
namespace {

okta_request page_request(std::string target) {
    okta_request request;
    request.target = std::move(target);
    request.bucket = rate_bucket::users_collection;
    request.expected = expected_body::user_page;
    return request;
}

call_failure stopped(std::string message, const answer& last) {
    return no_answer(error_codes::bad_response, std::move(message), last.request_id);
}

std::string progress(std::size_t pages, std::size_t users) {
    return " (after " + std::to_string(pages) + " pages and " + std::to_string(users) + " users)";
}

}  // namespace

call_result users_client::list_all_users(const list_query& query, const page_sink& sink, listing_limits limits) {
    std::unordered_set<std::string> followed{list_users_target(query)};
    std::size_t pages = 0;
    std::size_t users = 0;
    std::size_t bytes = 0;
    call_result page = pipeline_.run(page_request(*followed.begin()));
    for (;;) {
        if (!page) {
            call_failure failure = page.error();
            failure.message += pages > 0 ? progress(pages, users) : "";
            return failure;
        }
        ++pages;
        users += page->page_users;
        bytes += page->page_text.size();
        if (bytes > limits.max_bytes || pages > limits.max_pages) {
            return no_answer(error_codes::response_too_large,
                             "The listing passed its bound of " + std::to_string(limits.max_pages) + " pages or " +
                                 std::to_string(limits.max_bytes >> 20) + " MiB" + progress(pages, users) +
                                 "; narrow it with Search, Filter or Query.",
                             page->request_id);
        }
        sink(page->page_text);
        if (page->next_page.empty()) {
            break;
        }
        if (!followed.insert(page->next_page).second) {
            return stopped("Okta's next-page link leads back to a page already read; stopped instead of listing "
                           "users twice" + progress(pages, users) + ".",
                           *page);
        }
        page = pipeline_.run(page_request(page->next_page));
    }
    answer last = std::move(*page);
    std::string().swap(last.page_text);  // the last page's buffer is freed, not kept for nothing
    last.next_cursor.clear();
    return last;
}

}  // namespace okta_plugin::okta
