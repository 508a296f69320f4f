// Builders for Okta's answers in scripted tests: users, lists, errors, and the
// fixture that puts a request pipeline and a Users API client over a script.
#pragma once

#include "scripted_sender.hpp"

#include "okta/client/authoriser.hpp"
#include "okta/client/groups_client.hpp"
#include "okta/client/rate_pacer.hpp"
#include "okta/client/request_pipeline.hpp"
#include "okta/client/unconfirmed_changes.hpp"
#include "okta/client/users_client.hpp"
#include "okta/protocol/org_address.hpp"
#include "okta/protocol/rate_limit.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace okta_plugin::test {

namespace okta = okta_plugin::okta;

// A token long and odd enough to be found in memory, and nowhere by chance.
inline constexpr std::string_view test_token = "00TOKEN-4c1d9e7a2b8f6053-wfn-secret-probe";

inline boost::json::object user_json(std::string_view id, std::string_view login, std::string_view status,
                                     std::int64_t created, std::string_view first_name = "Ada") {
    boost::json::object user;
    user["id"] = id;
    user["status"] = status;
    user["created"] = okta::format_utc(created);
    user["profile"] = {{"login", login}, {"email", login}, {"firstName", first_name}, {"lastName", "Lovelace"}};
    return user;
}

namespace okta_answer {

inline canned user(std::string_view id, std::string_view login, std::string_view status, std::int64_t created,
                   std::string_view first_name = "Ada") {
    return std::move(canned(200, boost::json::serialize(user_json(id, login, status, created, first_name)))
                         .dated(epoch_now()));
}

inline canned users(const std::vector<boost::json::object>& found) {
    boost::json::array list;
    for (const auto& one : found) {
        list.push_back(one);
    }
    return std::move(canned(200, boost::json::serialize(list)).dated(epoch_now()));
}

inline canned error(int status, std::string_view code, std::string_view summary = "Okta refused the request",
                    std::string_view cause = {}) {
    boost::json::object body{{"errorCode", code}, {"errorSummary", summary}};
    if (!cause.empty()) {
        body["errorCauses"] = boost::json::array{boost::json::object{{"errorSummary", cause}}};
    }
    return std::move(canned(status, boost::json::serialize(body)).dated(epoch_now()));
}

// Okta's answer to a create whose login is taken.
inline canned login_taken() {
    return error(400, "E0000001", "Api validation failed: login",
                 "login: An object with this field already exists in the current organization");
}

// A 429 whose window resets `seconds` after the answer's own Date, so the
// wait does not depend on the test machine's clock.
inline canned rate_limited(std::int64_t seconds) {
    const std::int64_t now = epoch_now();
    return std::move(error(429, "E0000047", "API call exceeded rate limit due to too many requests.")
                         .header("X-Rate-Limit-Limit", "600")
                         .header("X-Rate-Limit-Remaining", "0")
                         .header("X-Rate-Limit-Reset", std::to_string(now + seconds))
                         .dated(now));
}

inline canned deleted() { return canned(204); }

// A lifecycle answer that is not the user (Okta's `{}` or a token object).
inline canned lifecycle_done(const boost::json::object& body = {}) {
    return std::move(canned(200, boost::json::serialize(body)).dated(epoch_now()));
}

inline boost::json::object group_json(std::string_view id, std::string_view name) {
    return {{"id", id}, {"type", "OKTA_GROUP"}, {"profile", {{"name", name}, {"description", ""}}}};
}

inline canned groups(const std::vector<boost::json::object>& found) { return users(found); }

}  // namespace okta_answer

// The answer of a create or any request was lost on the way back.
inline transport_failure answer_lost() { return {wire::failure::connection_closed, false}; }
// The request never left: Okta cannot have seen it.
inline transport_failure not_sent() { return {wire::failure::connect, true}; }

// A pipeline and a Users API client over a script, with a real pacer and
// SSWS authoriser, a backoff of 1 ms and a deadline well away.
struct scripted_okta {
    scripted_sender okta;
    okta::rate_pacer pacer;
    okta::unconfirmed_changes unconfirmed;
    wire::secret_text token{test_token};
    okta::ssws_authoriser authoriser{token};
    okta::org_route route{okta::parse_org_domain("https://dev-1.okta.com"), wire::endpoint{"dev-1.okta.com", 443, {}}};
    std::optional<okta::request_pipeline> pipeline_;
    std::optional<okta::users_client> users_;
    std::optional<okta::groups_client> groups_;

    scripted_okta() = default;
    scripted_okta(const scripted_okta&) = delete;
    scripted_okta& operator=(const scripted_okta&) = delete;
    ~scripted_okta() { BOOST_TEST(okta.steps_left() == 0u, "the script was not used up"); }

    okta::request_pipeline& pipeline(int max_retries = 2) {
        if (!pipeline_) {
            wire::call_budget budget;
            budget.deadline = wire::call_budget::clock::now() + std::chrono::seconds(8);
            budget.budget_ms = 8000;
            okta::pipeline_policy policy{max_retries, okta::backoff_policy{std::chrono::milliseconds(1),
                                                                           std::chrono::milliseconds(4)}};
            pipeline_.emplace(okta, pacer, authoriser, route, policy, std::move(budget));
        }
        return *pipeline_;
    }
    okta::users_client& users(int max_retries = 2) {
        if (!users_) {
            users_.emplace(pipeline(max_retries), unconfirmed);
        }
        return *users_;
    }
    okta::groups_client& groups() {
        if (!groups_) {
            groups_.emplace(pipeline(), users());
        }
        return *groups_;
    }
};

}  // namespace okta_plugin::test
