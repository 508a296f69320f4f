// Okta's Users API, one call per method: builds the exact request, sends it
// only to the configured org, paces and retries on rate limits, and turns
// every outcome (Okta's answer, its error, a transport failure) into an
// api_result. Knows nothing of the plugin ABI; never throws for I/O.
#pragma once

#include "okta/answer_reader.hpp"
#include "okta/api_result.hpp"
#include "okta/org_address.hpp"
#include "okta/rate_limit.hpp"
#include "okta/retry_rules.hpp"
#include "okta/secret_text.hpp"
#include "okta/user_targets.hpp"
#include "transport/call_budget.hpp"
#include "transport/https_client.hpp"

#include <boost/json/object.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

struct org_connection {
    org_address org;
    secret_text token;
    std::string extra_ca_pem;  // CaCertificate, may be empty
};

struct client_policy {
    // Retries per request, of every kind (README "Retry policy"): after a
    // 429 (waiting for X-Rate-Limit-Reset), a retryable 5xx or a lost
    // connection (backing off). Waits for the pacer are not retries.
    int max_retries = 2;
    backoff_policy backoff{};
};

// Receives one diagnostic line per request; never given a secret.
using log_sink = std::function<void(std::string_view line)>;

class users_client {
public:
    // Everything referenced must outlive the client (one node call).
    users_client(transport::https_client& http, rate_pacer& pacer, const org_connection& org,
                 client_policy policy, transport::call_budget budget, log_sink log = {});

    // Never sent twice blindly: when the answer is lost, the login is looked
    // up; a user with the profile sent is reported as created (reconciled),
    // and only when there is none is the create sent once more.
    api_result create_user(const boost::json::object& body, bool activate, bool body_has_secret);
    // By id or login in the path; a login with "/" needs find_user_by_login.
    api_result get_user(std::string_view id_or_login);
    // GET /api/v1/users?filter=profile.login eq "…"; a 404 like Okta's when
    // no user has that login. On success `body` is the user object.
    api_result find_user_by_login(std::string_view login);
    // One page; `body` is its array of users.
    api_result list_users(const list_query& query);
    // Called with each page's JSON text (an array of users) as Okta sent it,
    // already checked; only this call's pages, in order.
    using page_sink = std::function<void(std::string_view page_json)>;
    // Every page from `query` on, following rel="next" within the budget.
    // The pages go to `sink`, one at a time and only as text, checked in one
    // streaming pass: no page is ever a DOM. On success `body` is null.
    api_result list_all_users(const list_query& query, const page_sink& sink);
    api_result update_user(std::string_view id, const boost::json::object& body, bool body_has_secret);
    // Sent again only when it certainly was not carried out (a 429, nothing
    // sent): a resent DELETE could delete a user the first only deactivated.
    api_result delete_user(std::string_view id, bool send_email);

    // "wfn-okta/1.0.0 (com.wfn.okta; Linux)"
    static std::string user_agent();

private:
    // The page at `target` (path and query), as text (expected_body::user_page).
    api_result list_page(const std::string& target);
    api_result call(transport::method verb, const std::string& target, const std::string& body, bool body_has_secret,
                    rate_bucket bucket, expected_body expected, resend_rule rule);
    api_result send_create(const std::string& text, bool activate, bool body_has_secret);
    // Waits for a rate-limit slot when the deadline allows (then takes it).
    void pace(rate_bucket bucket);
    enum class wait_result { waited, no_time, cancelled };
    // Sleeps a full-jitter backoff before retry number `retry` (from 0),
    // unless it would not leave time for the request within the deadline.
    wait_result back_off(int retry, std::string_view why);

    transport::https_client& http_;
    rate_pacer& pacer_;
    const org_connection& org_;
    transport::endpoint endpoint_;
    client_policy policy_;
    transport::call_budget budget_;
    log_sink log_;
};

}  // namespace okta_plugin::okta
