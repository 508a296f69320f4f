#include "nodes/output.hpp"

#include "okta/protocol/rate_limit.hpp"

#include <wfn/plugin.hpp>

#include <boost/json/serialize.hpp>

namespace okta_plugin::nodes {

boost::json::object envelope(const okta::answer& done) {
    boost::json::object output = wfn::make_output(done.status, "");
    output["ErrorCode"] = "";
    output["RequestId"] = done.request_id;
    output["Retryable"] = false;
    return output;
}

boost::json::object envelope(const okta::call_failure& failure) {
    boost::json::object output = wfn::make_output(failure.status, failure.message);
    output["ErrorCode"] = failure.code;
    output["RequestId"] = failure.request_id;
    // The engine's cue to run the node again later (README "Retry policy").
    output["Retryable"] = failure.retryable;
    if (failure.rate_limit_reset) {
        output["RateLimitReset"] = okta::format_utc(*failure.rate_limit_reset);
    }
    return output;
}

boost::json::object user_output(okta::call_result result) { return body_output("User", std::move(result)); }

boost::json::object body_output(std::string_view member, okta::call_result result) {
    if (!result) {
        return envelope(result.error());
    }
    boost::json::object output = envelope(*result);
    output[member] = std::move(result->body);
    return output;
}

std::string with_member_text(const boost::json::object& envelope, std::string_view member, std::string_view json) {
    std::string text = boost::json::serialize(envelope);
    text.pop_back();  // its closing brace: the member goes inside
    text += ',';
    text += boost::json::serialize(boost::json::string_view(member));
    text += ':';
    text += json;
    text += '}';
    return text;
}

boost::json::array groups_of_type(boost::json::array groups, std::string_view type) {
    if (type.empty()) {
        return groups;
    }
    boost::json::array kept;
    for (auto& group : groups) {
        const auto* object = group.if_object();
        const auto* found = object != nullptr ? object->if_contains("type") : nullptr;
        if (found != nullptr && found->is_string() && found->as_string() == type) {
            kept.push_back(std::move(group));
        }
    }
    return kept;
}

boost::json::object page_of(std::string_view member, okta::call_result page) {
    if (!page) {
        return envelope(page.error());
    }
    boost::json::object output = envelope(*page);
    output[member] = std::move(page->body);
    output["NextCursor"] = page->next_cursor;
    return output;
}

}  // namespace okta_plugin::nodes
