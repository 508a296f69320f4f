#include "okta/answer_reader.hpp"

#include "okta/error_codes.hpp"
#include "okta/link_header.hpp"
#include "okta/okta_error.hpp"
#include "okta/user_page_scan.hpp"
#include "okta/user_targets.hpp"

#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace okta_plugin::okta {
namespace {

// The path and query of a next link, or nothing if it is not a Users API
// collection URL.
std::optional<std::string> users_page_target(std::string_view url) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed || parsed->encoded_path() != users_path) {
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

api_result failed_call(std::string_view code, std::string message, std::string request_id) {
    api_result result;
    result.status = 500;
    result.error_code = std::string(code);
    result.error_message = std::move(message);
    result.request_id = std::move(request_id);
    return result;
}

namespace {

api_result not_a_list(const org_address& org, const api_result& answer) {
    return failed_call(error_codes::bad_response,
                       answered(org, answer.status) + " with something other than a list of users.", answer.request_id);
}

// A ReturnAll listing copies a page's text into its output as is: only user
// objects may go through.
api_result not_only_users(const org_address& org, const api_result& answer) {
    return failed_call(error_codes::bad_response,
                       answered(org, answer.status) + " with a list holding something other than users.",
                       answer.request_id);
}

}  // namespace

api_result read_answer(const org_address& org, const transport::wire_response& response, expected_body expected) {
    api_result result;
    result.status = response.status;
    result.request_id = std::string(response.value("X-Okta-Request-Id").value_or(""));

    if (response.status >= 300 && response.status < 400) {
        return failed_call(error_codes::redirect_refused,
                           answered(org, response.status) +
                               " (a redirect). Redirects are not followed, so that the API token goes nowhere but the "
                               "configured org; check that Domain is the org URL.",
                           result.request_id);
    }

    const bool success = response.status >= 200 && response.status < 300;
    boost::system::error_code parse_error;
    boost::json::value json;
    if (success && expected == expected_body::user_page) {
        const user_page_scan page = scan_user_page(response.body);
        parse_error = page.parse_error;
        if (page.shape == page_shape::not_an_array) {
            return not_a_list(org, result);
        }
        if (page.shape == page_shape::not_only_objects) {
            return not_only_users(org, result);
        }
        result.page_users = page.users;
    } else if (!response.body.empty()) {
        json = boost::json::parse(response.body, parse_error);
    }

    if (!success) {
        auto okta = parse_error ? std::nullopt : parse_okta_error(json);
        if (okta) {
            result.error_code = okta->code;
            result.error_message = okta->message;
        } else {
            result.error_message = answered(org, response.status) + " without an Okta error body.";
        }
        return result;
    }

    if (parse_error) {
        return failed_call(error_codes::bad_response,
                           answered(org, response.status) + " with a body that is not valid JSON (" +
                               parse_error.message() + ").",
                           result.request_id);
    }
    if (expected == expected_body::nothing) {
        return result;
    }
    if (expected == expected_body::user && !json.is_object()) {
        return failed_call(error_codes::bad_response,
                           answered(org, response.status) + " with something other than a user object.",
                           result.request_id);
    }
    if (expected == expected_body::user_list) {
        if (!json.is_array()) {
            return not_a_list(org, result);
        }
        for (const auto& user : json.get_array()) {
            if (!user.is_object()) {
                return not_only_users(org, result);
            }
        }
    }
    if (expected == expected_body::user_list || expected == expected_body::user_page) {
        if (auto next = find_next_link(response.values("Link"))) {
            if (!same_origin(org, *next)) {
                return failed_call(error_codes::foreign_link,
                                   "Okta's next-page link points outside the configured org " + org.origin +
                                       "; it was not followed and the API token was not sent there.",
                                   result.request_id);
            }
            auto page = users_page_target(*next);
            if (!page) {
                return failed_call(error_codes::bad_response,
                                   "Okta's next-page link is not a /api/v1/users URL; it was not followed.",
                                   result.request_id);
            }
            result.next_page = std::move(*page);
            result.next_cursor = after_cursor_of(*next).value_or("");
        }
    }
    result.body = std::move(json);
    return result;
}

}  // namespace okta_plugin::okta
