#include "okta/users_client.hpp"

#include "okta/create_reconciler.hpp"
#include "okta/error_codes.hpp"
#include "transport/transport_error.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>
#include <random>

#ifndef WFN_OKTA_VERSION
#error "WFN_OKTA_VERSION must be defined by the build"
#endif

namespace okta_plugin::okta {
namespace {

using namespace std::chrono_literals;
using transport::failure;

std::mt19937& random_source() {
    thread_local std::mt19937 generator{std::random_device{}()};
    return generator;
}

// Spreads the callers woken by one reset over a few milliseconds, so they do
// not all hit the freshly opened window in the same instant. Small: every
// millisecond here is added to every window of a long batch (issue #6).
std::chrono::milliseconds jitter() {
    return std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 100)(random_source()));
}

std::string_view code_for(failure kind) {
    switch (kind) {
        case failure::dns: return error_codes::dns_failed;
        case failure::connect: return error_codes::connect_failed;
        case failure::tls_verify: return error_codes::tls_verify_failed;
        case failure::tls_handshake: return error_codes::tls_handshake_failed;
        case failure::timeout: return error_codes::transport_timeout;
        case failure::cancelled: return error_codes::cancelled;
        case failure::connection_closed: return error_codes::connection_closed;
        case failure::bad_response: return error_codes::bad_response;
        case failure::too_large: return error_codes::response_too_large;
        case failure::bad_trust_anchor: return error_codes::bad_ca_certificate;
    }
    return error_codes::bad_response;
}

std::string seconds_text(std::chrono::milliseconds wait) {
    return std::to_string((wait.count() + 999) / 1000) + " s";
}

// Why a 429 goes back to the workflow, with the reset time.
std::string explain_no_retry(const rate_limit_headers& limits, std::optional<std::chrono::milliseconds> wait,
                             int retries_done, int max_retries) {
    if (!wait) {
        return " Okta sent no X-Rate-Limit-Reset, so the request was not retried.";
    }
    std::string text = " The rate limit resets at " + format_utc(*limits.reset_epoch) + " (in " + seconds_text(*wait) + "); ";
    if (retries_done >= max_retries) {
        text += max_retries == 0 ? "not retried because MaxRetries is 0."
                                 : "gave up after " + std::to_string(retries_done) + " retries (MaxRetries).";
    } else {
        text += "not retried because waiting would pass the call's deadline.";
    }
    return text;
}

bool fits_budget(const transport::call_budget& budget, std::chrono::milliseconds wait) {
    // Leave room for the request itself after the wait.
    constexpr auto request_allowance = 250ms;
    return budget.remaining() > wait + request_allowance;
}

}  // namespace

users_client::users_client(transport::https_client& http, rate_pacer& pacer, const org_connection& org,
                           client_policy policy, transport::call_budget budget, log_sink log)
    : http_(http),
      pacer_(pacer),
      org_(org),
      endpoint_{org.org.host, org.org.port, org.extra_ca_pem},
      policy_(policy),
      budget_(std::move(budget)),
      log_(std::move(log)) {}

std::string users_client::user_agent() {
#if defined(__linux__)
    constexpr std::string_view platform = "Linux";
#elif defined(__APPLE__)
    constexpr std::string_view platform = "macOS";
#elif defined(_WIN32)
    constexpr std::string_view platform = "Windows";
#else
    constexpr std::string_view platform = "unknown";
#endif
    return std::string("wfn-okta/") + WFN_OKTA_VERSION + " (com.wfn.okta; " + std::string(platform) + ")";
}

void users_client::pace(rate_bucket bucket) {
    bool told = false;
    std::uint64_t ticket = 0;  // this call's place in the pacer's queue
    for (;;) {
        const auto now = rate_pacer::clock::now();
        const auto decision = pacer_.admit(org_.org.origin, bucket, now, ticket);
        if (decision.granted) {
            return;
        }
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(decision.retry_at - now) + jitter();
        // Not enough time left: send anyway and let Okta decide. A pacing
        // wait is not a retry, so it never uses up MaxRetries.
        if (!fits_budget(budget_, wait)) {
            pacer_.force(org_.org.origin, bucket, ticket);
            return;
        }
        if (log_ && !told) {
            log_("okta: no requests left in this rate-limit window; waiting " + seconds_text(wait) + " for it to reset");
            told = true;
        }
        if (!transport::sleep_within(budget_, wait)) {
            pacer_.force(org_.org.origin, bucket, ticket);  // cancelled: call() gives the slot back
            return;
        }
    }
}

users_client::wait_result users_client::back_off(int retry, std::string_view why) {
    const auto pause = full_jitter(backoff_ceiling(policy_.backoff, retry), random_source());
    if (!fits_budget(budget_, pause)) {
        return wait_result::no_time;
    }
    if (log_) {
        log_("okta: " + std::string(why) + "; retrying in " + std::to_string(pause.count()) + " ms (retry " +
             std::to_string(retry + 1) + " of " + std::to_string(policy_.max_retries) + ")");
    }
    return transport::sleep_within(budget_, pause) ? wait_result::waited : wait_result::cancelled;
}

api_result users_client::call(transport::method verb, const std::string& target, const std::string& body,
                               bool body_has_secret, rate_bucket bucket, expected_body expected, resend_rule rule) {
    const auto cancelled_while_waiting = [] {
        return failed_call(error_codes::cancelled, "The call was cancelled while waiting to retry the request.");
    };
    for (int retry = 0;; ++retry) {
        pace(bucket);
        if (budget_.cancelled()) {
            pacer_.record(org_.org.origin, bucket, rate_limit_headers{});
            return failed_call(error_codes::cancelled, "The call was cancelled before the request to " + org_.org.origin +
                                                      " was sent.");
        }

        transport::wire_request request;
        request.verb = verb;
        request.target = target;
        request.headers.push_back({"Authorization", "SSWS " + std::string(org_.token.reveal()), true});
        request.headers.push_back({"Accept", "application/json", false});
        request.headers.push_back({"User-Agent", user_agent(), false});
        if (!body.empty()) {
            request.headers.push_back({"Content-Type", "application/json", false});
            request.body = body;
            request.body_is_sensitive = body_has_secret;
        }

        const auto started = std::chrono::steady_clock::now();
        transport::wire_response response;
        try {
            response = http_.send(endpoint_, request, budget_);
        } catch (const transport::transport_error& error) {
            pacer_.record(org_.org.origin, bucket, rate_limit_headers{});
            const std::string what = std::string(transport::method_name(verb)) + " " + target + " failed (" +
                                     std::string(transport::failure_name(error.kind())) + ")";
            if (log_) {
                log_("okta: " + what);
            }
            api_result failed = failed_call(code_for(error.kind()), error.what());
            // A timeout at the deadline is worth another run of the node, but
            // not another try within this call.
            failed.retryable = is_transient_failure(error.kind(), true);
            failed.outcome_unknown = !error.nothing_sent() && error.kind() != failure::cancelled;
            const bool may_resend = rule == resend_rule::idempotent || error.nothing_sent();
            if (is_transient_failure(error.kind(), !budget_.expired()) && may_resend && retry < policy_.max_retries) {
                const auto waited = back_off(retry, what);
                if (waited == wait_result::waited) {
                    continue;
                }
                if (waited == wait_result::cancelled) {
                    return cancelled_while_waiting();
                }
            }
            return failed;
        }

        const rate_limit_headers limits = read_rate_limit_headers(response);
        pacer_.record(org_.org.origin, bucket, limits);
        api_result result = read_answer(org_.org, response, expected);
        if (expected == expected_body::user_page && result.succeeded()) {
            // The page as Okta sent it, for list_all_users: moved, since
            // nothing below reads the body again.
            result.body_text = std::move(response.body);
        }
        if (log_) {
            const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
            log_("okta: " + std::string(transport::method_name(verb)) + " " + target + " -> " +
                 std::to_string(response.status) + " in " + std::to_string(took.count()) + " ms" +
                 (result.request_id.empty() ? "" : " (request id " + result.request_id + ")"));
        }
        if (response.status != 429) {
            if (response.status >= 200 && response.status < 300 && !result.succeeded()) {
                // Okta said yes but the answer is unreadable: a create or
                // delete was most likely carried out.
                result.outcome_unknown = rule == resend_rule::only_if_not_carried_out;
                return result;
            }
            if (!is_retryable_status(response.status)) {
                return result;
            }
            result.retryable = true;
            // A 5xx may come from a proxy after Okta did the work.
            result.outcome_unknown = rule == resend_rule::only_if_not_carried_out;
            if (rule == resend_rule::idempotent && retry < policy_.max_retries) {
                const auto waited = back_off(retry, "Okta answered " + std::to_string(response.status));
                if (waited == wait_result::waited) {
                    continue;
                }
                if (waited == wait_result::cancelled) {
                    return cancelled_while_waiting();
                }
            }
            return result;
        }
        // A 429 means Okta did not carry the request out: safe to resend,
        // whatever the method, once the window resets.
        result.retryable = true;
        result.rate_limit_reset = limits.reset_epoch;
        const auto wait = time_until_reset(limits, std::chrono::system_clock::now());
        const auto pause = wait.value_or(std::chrono::milliseconds(0)) + reset_margin + jitter();
        if (wait && retry < policy_.max_retries && fits_budget(budget_, pause)) {
            if (log_) {
                log_("okta: 429 Too Many Requests; retrying after the rate limit resets in " + seconds_text(pause));
            }
            if (!transport::sleep_within(budget_, pause)) {
                return failed_call(error_codes::cancelled,
                                   "The call was cancelled while waiting for Okta's rate limit to reset.");
            }
            continue;
        }
        result.error_message += explain_no_retry(limits, wait, retry, policy_.max_retries);
        return result;
    }
}

api_result users_client::send_create(const std::string& text, bool activate, bool body_has_secret) {
    return call(transport::method::post, create_user_target(activate), text, body_has_secret,
                rate_bucket::users_collection, expected_body::user, resend_rule::only_if_not_carried_out);
}

api_result users_client::create_user(const boost::json::object& body, bool activate, bool body_has_secret) {
    std::string text = boost::json::serialize(body);
    api_result result = send_create(text, activate, body_has_secret);

    const auto* profile = body.if_contains("profile");
    const auto* login = profile != nullptr && profile->is_object() ? profile->as_object().if_contains("login") : nullptr;
    bool resent = false;
    // Reconcile after an answer that leaves the outcome unknown, and after a
    // resent create that meets a duplicate login (the first one may have
    // been carried out late, after the lookup).
    while (login != nullptr && login->is_string() &&
           (result.outcome_unknown || (resent && result.status == 400 && result.error_code == "E0000001"))) {
        const std::string name(login->as_string());
        if (log_) {
            log_("okta: the create's outcome is unknown (" + std::to_string(result.status) + " " + result.error_code +
                 "); looking the login up before doing anything else");
        }
        api_result found = find_user_by_login(name);
        if (found.succeeded()) {
            if (profile_matches(profile->as_object(), found.body)) {
                if (log_) {
                    log_("okta: reconciled: the user exists with the profile sent, so the create was carried out");
                }
                found.status = 200;
                found.reconciled = true;
                result = std::move(found);
            } else {
                api_result conflict;
                conflict.status = 400;
                conflict.error_code = "E0000001";
                conflict.request_id = found.request_id;
                conflict.error_message =
                    "Api validation failed: login. A user with the login " + name +
                    " already exists with a different profile; the create's own answer was lost (" +
                    result.error_message + "), and nothing was changed or resent.";
                result = std::move(conflict);
            }
            break;
        }
        if (found.status != 404) {
            result.error_message += " Checking whether the user was created anyway failed too: " + found.error_message;
            break;
        }
        if (resent || policy_.max_retries == 0) {
            result.outcome_unknown = false;
            result.error_message += " No user has the login " + name + ", so nothing was created.";
            break;
        }
        if (log_) {
            log_("okta: no user has the login yet; sending the create once more");
        }
        resent = true;
        result = send_create(text, activate, body_has_secret);
    }
    if (body_has_secret) {
        transport::wipe(text);
    }
    return result;
}

api_result users_client::get_user(std::string_view id_or_login) {
    return call(transport::method::get, user_target(id_or_login), {}, false, rate_bucket::user_read,
                expected_body::user, resend_rule::idempotent);
}

api_result users_client::find_user_by_login(std::string_view login) {
    list_query query;
    query.filter = login_filter(login);
    api_result result = list_users(query);
    if (!result.succeeded()) {
        return result;
    }
    const auto& users = result.body.as_array();
    result.next_page.clear();
    result.next_cursor.clear();
    if (users.empty()) {
        result.status = 404;
        result.error_code = "E0000007";
        result.error_message = "Not found: Resource not found: " + std::string(login) + " (User)";
        result.body = nullptr;
        return result;
    }
    if (!users.front().is_object()) {
        return failed_call(error_codes::bad_response, "Okta's answer to a login search holds something other than users.",
                      result.request_id);
    }
    boost::json::value user = users.front();
    result.body = std::move(user);
    return result;
}

api_result users_client::list_users(const list_query& query) {
    return call(transport::method::get, list_users_target(query), {}, false, rate_bucket::users_collection,
                expected_body::user_list, resend_rule::idempotent);
}

api_result users_client::list_page(const std::string& target) {
    return call(transport::method::get, target, {}, false, rate_bucket::users_collection, expected_body::user_page,
                resend_rule::idempotent);
}

api_result users_client::list_all_users(const list_query& query, const page_sink& sink) {
    api_result page = list_page(list_users_target(query));
    std::size_t pages = 0;
    std::size_t users = 0;
    for (;;) {
        if (!page.succeeded()) {
            if (pages > 0) {
                page.error_message += " (after " + std::to_string(pages) + " pages and " + std::to_string(users) +
                                      " users)";
            }
            return page;
        }
        ++pages;
        users += page.page_users;
        sink(page.body_text);
        if (page.next_page.empty()) {
            break;
        }
        const std::string previous = std::move(page.next_page);
        page = list_page(previous);
        if (page.succeeded() && page.next_page == previous) {
            return failed_call(error_codes::bad_response,
                               "Okta's next-page link repeats the page just read; stopped after " +
                                   std::to_string(pages + 1) + " pages instead of looping.",
                               page.request_id);
        }
    }
    std::string().swap(page.body_text);  // the last page's buffer is freed, not kept for nothing
    page.next_cursor.clear();
    return page;
}

api_result users_client::update_user(std::string_view id, const boost::json::object& body, bool body_has_secret) {
    std::string text = boost::json::serialize(body);
    // Okta's partial update sets the fields sent, so sending it twice ends
    // in the same state: it is retried like a PUT.
    api_result result = call(transport::method::post, user_target(id), text, body_has_secret, rate_bucket::user_write,
                             expected_body::user, resend_rule::idempotent);
    if (body_has_secret) {
        transport::wipe(text);
    }
    return result;
}

api_result users_client::delete_user(std::string_view id, bool send_email) {
    return call(transport::method::del, delete_user_target(id, send_email), {}, false, rate_bucket::user_write,
                expected_body::nothing, resend_rule::only_if_not_carried_out);
}

}  // namespace okta_plugin::okta
