#include "okta/protocol/answer_reader.hpp"

#include "okta/protocol/error_codes.hpp"
#include "okta/protocol/link_header.hpp"
#include "okta/protocol/okta_error.hpp"
#include "okta/protocol/user_page_scan.hpp"
#include "okta/protocol/rate_limit.hpp"
#include "okta/protocol/user_targets.hpp"

#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace okta_plugin::okta {
namespace {

// The path and query of a next link, or nothing if it is not a page of the
// collection that was listed.
std::optional<std::string> page_target(std::string_view url, std::string_view list_path) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed || parsed->encoded_path() != list_path) {
        return std::nullopt;
    }
    std::string target(parsed->encoded_path());
    if (parsed->has_query()) {
        target += '?';
        target += parsed->encoded_query();
    }
    return target;
}

std::string answered(const org_address& org, int status) {
    return "Okta at " + org.origin + " answered " + std::to_string(status);
}

}  // namespace

call_failure no_answer(std::string_view code, std::string message, std::string request_id) {
    call_failure failure;
    failure.code = std::string(code);
    failure.message = std::move(message);
    failure.request_id = std::move(request_id);
    return failure;
}

namespace {

call_failure not_a_list(const org_address& org, int status, const std::string& request_id) {
    return no_answer(error_codes::bad_response,
                       answered(org, status) + " with something other than a list.", request_id);
}

// A ReturnAll listing copies a page's text into its output as is: only
// objects (users, groups) may go through.
call_failure not_only_objects(const org_address& org, int status, const std::string& request_id) {
    return no_answer(error_codes::bad_response,
                       answered(org, status) + " with a list holding something other than objects.", request_id);
}

call_failure not_json(const org_address& org, int status, const boost::system::error_code& parse_error,
                      const std::string& request_id) {
    return no_answer(error_codes::bad_response,
                     answered(org, status) + " with a body that is not valid JSON (" + parse_error.message() + ").",
                     request_id);
}

call_failure not_an_object(const org_address& org, int status, const std::string& request_id) {
    return no_answer(error_codes::bad_response, answered(org, status) + " with something other than a JSON object.",
                     request_id);
}

}  // namespace

namespace {

call_failure okta_refusal(const org_address& org, const wire::response& response, std::string request_id) {
    call_failure failure;
    failure.status = response.status;
    failure.request_id = std::move(request_id);
    boost::system::error_code parse_error;
    const boost::json::value json = boost::json::parse(response.body, parse_error);
    if (auto okta = parse_error ? std::nullopt : parse_okta_error(json)) {
        failure.code = std::move(okta->code);
        failure.message = std::move(okta->message);
    } else {
        failure.message = answered(org, response.status) + " without an Okta error body.";
    }
    return failure;
}

// The next page of a list, if any: only a page of the same collection, on
// the org.
std::optional<call_failure> read_next_link(const org_address& org, const wire::response& response,
                                           std::string_view list_path, answer& read) {
    auto next = find_next_link(response.values("Link"));
    if (!next) {
        return std::nullopt;
    }
    if (!same_origin(org, *next)) {
        return no_answer(error_codes::foreign_link,
                            "Okta's next-page link points outside the configured org " + org.origin +
                             "; it was not followed and the API token was not sent there.",
                         read.request_id);
    }
    auto page = page_target(*next, list_path);
    if (!page) {
        return no_answer(error_codes::bad_response,
                         "Okta's next-page link is not a " + std::string(list_path) + " URL; it was not followed.",
                         read.request_id);
    }
    read.next_page = std::move(*page);
    read.next_cursor = after_cursor_of(*next).value_or("");
    return std::nullopt;
}

// A list page checked as text, in one streaming pass: no DOM.
std::optional<call_failure> read_page_text(const org_address& org, const wire::response& response, answer& read) {
    const user_page_scan page = scan_user_page(response.body);
    if (page.shape == page_shape::not_an_array) {
        return not_a_list(org, response.status, read.request_id);
    }
    if (page.shape == page_shape::not_only_objects) {
        return not_only_objects(org, response.status, read.request_id);
    }
    if (page.parse_error) {
        return not_json(org, response.status, page.parse_error, read.request_id);
    }
    read.page_users = page.users;
    return std::nullopt;
}

// One object checked as text, in one streaming pass: no DOM.
std::optional<call_failure> read_object_text(const org_address& org, const wire::response& response,
                                             const answer& read) {
    const object_scan scan = scan_object(response.body);
    if (scan.parse_error) {
        return not_json(org, response.status, scan.parse_error, read.request_id);
    }
    if (!scan.is_object) {
        return not_an_object(org, response.status, read.request_id);
    }
    return std::nullopt;
}

// A 2xx body against what the request expects; nothing when it fits.
std::optional<call_failure> read_body(const org_address& org, const wire::response& response, expected_body expected,
                                      const boost::json::storage_ptr& storage, answer& read) {
    if (expected == expected_body::nothing) {
        if (response.status == 204 && response.body.empty()) {
            return std::nullopt;
        }
        boost::system::error_code parse_error;
        if (!response.body.empty()) {
            (void)boost::json::parse(response.body, parse_error);
        }
        return no_answer(error_codes::bad_response,
                         answered(org, response.status) +
                             (parse_error ? " with a body that is not valid JSON (" + parse_error.message() + ")"
                                          : std::string(" with something other than the empty 204 Okta answers")) +
                             "; the change may not have been made.",
                         read.request_id);
    }
    if (expected == expected_body::object_page) {
        return read_page_text(org, response, read);
    }
    if (expected == expected_body::object_text) {
        return read_object_text(org, response, read);
    }
    boost::system::error_code parse_error;
    if (!response.body.empty()) {  // an empty body is no JSON value at all
        read.body = boost::json::parse(response.body, parse_error, storage);
    }
    if (parse_error) {
        return not_json(org, response.status, parse_error, read.request_id);
    }
    const bool may_be_empty = expected == expected_body::object_or_nothing && response.body.empty();
    if ((expected == expected_body::object || expected == expected_body::object_or_nothing) && !may_be_empty &&
        !read.body.is_object()) {
        return not_an_object(org, response.status, read.request_id);
    }
    if (expected == expected_body::object_list) {
        if (!read.body.is_array()) {
            return not_a_list(org, response.status, read.request_id);
        }
        for (const auto& user : read.body.get_array()) {
            if (!user.is_object()) {
                return not_only_objects(org, response.status, read.request_id);
            }
        }
    }
    return std::nullopt;
}

}  // namespace

call_result read_answer(const org_address& org, const wire::response& response, expected_body expected,
                        std::string_view list_path, const boost::json::storage_ptr& storage) {
    std::string request_id(response.value("X-Okta-Request-Id").value_or(""));
    if (response.status < 200 || response.status > 599) {
        return no_answer(error_codes::bad_response,
                         answered(org, response.status) + ", which is not a final HTTP status.", request_id);
    }
    if (response.status >= 300 && response.status < 400) {
        return no_answer(error_codes::redirect_refused,
                         answered(org, response.status) +
                             " (a redirect). Redirects are not followed, so that the API token goes nowhere but the "
                             "configured org; check that Domain is the org URL.",
                         request_id);
    }
    if (response.status >= 400) {
        return okta_refusal(org, response, std::move(request_id));
    }
    answer read;
    read.status = response.status;
    read.request_id = std::move(request_id);
    if (auto date = response.value("Date")) {
        read.server_date = parse_http_date(*date);
    }
    if (auto refused = read_body(org, response, expected, storage, read)) {
        return std::move(*refused);
    }
    if (expected == expected_body::object_list || expected == expected_body::object_page) {
        if (auto refused = read_next_link(org, response, list_path, read)) {
            return std::move(*refused);
        }
    }
    return read;
}

}  // namespace okta_plugin::okta
