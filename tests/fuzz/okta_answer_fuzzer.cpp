// Fuzzes what turns an HTTP answer from Okta into a node output: Okta's
// error JSON, the user and user-list JSON, the next-page Link and the
// rate-limit headers (read_answer, parse_okta_error, read_rate_limit_headers).
//
// Input, shaped like an HTTP response so that seeds are easy to read:
//   200                               the status (anything else: 200)
//   Link: <https://...>; rel="next"   header fields, one per line
//                                     an empty line
//   [{"id": "00u1", ...}]             the body
#include "fuzz_input.hpp"

#include "nodes/output.hpp"
#include "okta/client/rate_pacer.hpp"
#include "okta/client/users_client.hpp"
#include "okta/protocol/answer_reader.hpp"
#include "okta/protocol/okta_error.hpp"
#include "okta/protocol/rate_limit.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>
#include <chrono>

namespace {

namespace okta = okta_plugin::okta;
namespace nodes = okta_plugin::nodes;
namespace wire = okta_plugin::wire;

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    return text;
}

wire::response response_from(std::string_view text) {
    wire::response response;
    const auto line_end = text.find('\n');
    const std::string_view status_line = text.substr(0, line_end);
    int status = 0;
    const auto parsed = std::from_chars(status_line.data(), status_line.data() + status_line.size(), status);
    response.status = parsed.ec == std::errc{} ? status : 200;
    text = line_end == std::string_view::npos ? std::string_view{} : text.substr(line_end + 1);

    // Header lines up to the first empty one; the rest is the body.
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (line.empty()) {
            break;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        response.headers.push_back(
            {std::string(line.substr(0, colon)), wire::wiping_string(trim_spaces(line.substr(colon + 1)))});
    }
    response.body = std::string(text);
    return response;
}

const okta::org_address& fuzz_org() {
    static const okta::org_address org = okta::parse_org_domain("https://dev-123456.okta.com");
    return org;
}

// What every answer must satisfy, whatever its bytes.
void check_result(const okta::call_result& result, const wire::response& response,
                  okta::expected_body expected) {
    const int status = result ? result->status : result.error().status;
    wfn_fuzz::check(status == response.status || (!result && status == 500),
                    "the result status is neither Okta's nor 500");
    const bool okta_success = response.status >= 200 && response.status < 300;
    if (!okta_success) {
        wfn_fuzz::check(!result, "a non-2xx answer was taken for a success");
        wfn_fuzz::check(!result.error().message.empty(), "a failed answer has no ErrorMessage");
    }
    if (!result) {
        return;
    }
    if (expected == okta::expected_body::object) {
        wfn_fuzz::check(result->body.is_object(), "a successful user answer is not an object");
    }
    if (expected == okta::expected_body::nothing) {
        wfn_fuzz::check(response.status == 204 && response.body.empty(), "a delete done without an empty 204");
    }
    if (expected == okta::expected_body::object_list || expected == okta::expected_body::object_page) {
        wfn_fuzz::check(expected == okta::expected_body::object_page || result->body.is_array(),
                        "a successful list answer is not an array");
        // The token only ever goes to the org's own Users API.
        const std::string_view page = result->next_page;
        wfn_fuzz::check(page.empty() || page == okta::users_path ||
                            (page.starts_with(okta::users_path) && page[okta::users_path.size()] == '?'),
                        "a next page outside /api/v1/users was accepted");
    } else {
        wfn_fuzz::check(result->next_page.empty(), "a next page on a non-list answer");
    }
}

void read_as_node_output(okta::call_result result) {
    boost::json::object output = result ? nodes::envelope(*result) : nodes::envelope(result.error());
    if (result) {
        (void)okta::user_field(result->body, "id");
        (void)okta::user_field(result->body, "status");
        output["User"] = std::move(result->body);
    }
    (void)boost::json::serialize(output);
}

// A copy: boost::system::result hands its error out by value.
std::string message_of(const okta::call_result& result) { return result ? std::string() : result.error().message; }

void read_rate_limits(const wire::response& response) {
    static okta::rate_pacer pacer;
    const okta::rate_limit_headers limits = okta::read_rate_limit_headers(response);
    (void)okta::time_until_reset(limits, std::chrono::system_clock::now());
    if (limits.reset_epoch) {
        (void)okta::format_utc(*limits.reset_epoch);
    }
    const std::string& origin = fuzz_org().origin;
    pacer.record(origin, okta::rate_bucket::users_collection, limits);
    (void)pacer.closed_until(origin, okta::rate_bucket::users_collection);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const wire::response response = response_from(wfn_fuzz::as_text(data, size));

    for (const auto expected : {okta::expected_body::object, okta::expected_body::object_list, okta::expected_body::object_page,
                                okta::expected_body::nothing}) {
        okta::call_result result = okta::read_answer(fuzz_org(), response, expected);
        check_result(result, response, expected);
        read_as_node_output(std::move(result));
    }

    // A page checked as text (ReturnAll) is accepted and refused exactly as
    // the same page read into a DOM.
    const okta::call_result as_dom = okta::read_answer(fuzz_org(), response, okta::expected_body::object_list);
    const okta::call_result as_text = okta::read_answer(fuzz_org(), response, okta::expected_body::object_page);
    wfn_fuzz::check(message_of(as_dom) == message_of(as_text), "a page read as text and as a DOM disagree");
    if (as_dom && as_text) {
        wfn_fuzz::check(as_text->page_users == as_dom->body.as_array().size(), "a page read as text miscounts users");
    }

    boost::system::error_code ec;
    const boost::json::value body = boost::json::parse(response.body, ec);
    if (!ec) {
        if (auto error = okta::parse_okta_error(body)) {
            wfn_fuzz::check(!error->message.empty(), "an Okta error without a message");
        }
    }
    read_rate_limits(response);
    return 0;
}
