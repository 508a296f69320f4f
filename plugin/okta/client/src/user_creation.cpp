// Create a New User, never sent twice blindly. When the create's answer
// leaves its outcome unknown, or a resend meets "login already exists", the
// login is looked up: a user with the profile sent, the status this create
// gives and a creation time after the call began is this create's user
// (reconciled); any other user is Okta's duplicate login, and nothing is
// changed. Only when nobody has the login is the create sent once more.
#include "okta/client/users_client.hpp"

#include "okta/protocol/create_reconciler.hpp"
#include "okta/protocol/error_codes.hpp"
#include "okta/protocol/json_body.hpp"

#include <chrono>
#include <limits>

namespace okta_plugin::okta {
namespace {

// Without Okta's Date, the local clock stands in for Okta's, give or take
// this much.
constexpr std::chrono::milliseconds local_clock_allowance{2000};

okta_request create_request(const create_user_request& request) {
    okta_request sent;
    sent.kind = request_kind::create;
    sent.verb = wire::method::post;
    sent.target = create_user_target(request.activate);
    sent.body = to_body_text(request.body);
    sent.bucket = rate_bucket::users_collection;
    return sent;
}

const boost::json::object* sent_profile(const boost::json::object& body) {
    const auto* profile = body.if_contains("profile");
    return profile != nullptr && profile->is_object() ? &profile->as_object() : nullptr;
}

std::string sent_login(const boost::json::object& body) {
    const auto* profile = sent_profile(body);
    const auto* login = profile != nullptr ? profile->if_contains("login") : nullptr;
    return login != nullptr && login->is_string() ? std::string(login->as_string()) : std::string();
}

bool is_duplicate_login(const call_failure& failure) {
    return failure.status == 400 && failure.code == okta_codes::api_validation_failed &&
           failure.message.find("login") != std::string::npos;
}

std::string explain_conflict(const std::string& login, bool same_profile, const call_failure& lost) {
    return "Api validation failed: login. A user with the login " + login + " already exists " +
           (same_profile ? "and was not made by this call" : "with a different profile") +
           "; the create's own answer was lost (" + lost.message + "), and nothing was changed or resent.";
}

call_failure duplicate_login(const std::string& login, const call_failure& lost, const answer& found,
                             const boost::json::object& profile) {
    call_failure conflict;
    conflict.status = 400;
    conflict.code = std::string(okta_codes::api_validation_failed);
    conflict.request_id = found.request_id;
    conflict.message = explain_conflict(login, profile_matches(profile, found.body), lost);
    return conflict;
}

// When this call began, on Okta's clock (epoch milliseconds). Date has whole
// seconds, rounded down: the estimate is never later than the true start,
// so a user this call made is never taken for someone else's.
std::int64_t call_start_on_server(std::optional<std::int64_t> server_date, std::chrono::steady_clock::duration elapsed) {
    using std::chrono::milliseconds;
    const auto since = std::chrono::duration_cast<milliseconds>(elapsed).count();
    if (server_date) {
        return *server_date * 1000 - since;
    }
    const auto now = std::chrono::duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch());
    return now.count() - since - local_clock_allowance.count();
}


call_failure nobody_has(call_failure lost, const std::string& login) {
    lost.outcome_unknown = false;
    lost.message += " No user has the login " + login + ", so nothing was created.";
    return lost;
}

}  // namespace

std::optional<call_result> users_client::reconcile_create(const create_user_request& request, const std::string& login,
                                                          const call_failure& unconfirmed, since_call since) {
    call_result found = find_user_by_login(login);
    if (!found) {
        if (found.error().status == 404) {
            return std::nullopt;
        }
        call_failure failure = unconfirmed;
        failure.message += " Checking whether the user was created anyway failed too: " + found.error().message;
        return failure;
    }
    const std::string& origin = pipeline_.org().origin;
    std::optional<std::int64_t> began = unconfirmed_.started(origin, change_kind::create, login);
    if (since.this_call) {
        const auto here = call_start_on_server(found->server_date, std::chrono::steady_clock::now() - *since.this_call);
        began = std::min(began.value_or(here), here);
    }
    const create_expectation expected{*sent_profile(request.body), request.activate, request.with_password,
                                      began.value_or(std::numeric_limits<std::int64_t>::max())};
    if (!made_by_this_create(found->body, expected)) {
        return duplicate_login(login, unconfirmed, *found, *sent_profile(request.body));
    }
    pipeline_.report({"okta: reconciled: the user was made by this create", found->request_id, 200, 0, -1, false});
    unconfirmed_.forget(origin, change_kind::create, login);
    found->status = 200;
    found->reconciled = true;
    return found;
}

call_result users_client::create_user(const create_user_request& request) {
    const auto started = std::chrono::steady_clock::now();
    const okta_request sent = create_request(request);
    const std::string login = sent_login(request.body);
    call_result result = pipeline_.run(sent);
    for (bool resent = false; !result && !login.empty(); resent = true) {
        const call_failure lost = result.error();
        // Okta refused the first send: the user was there before this call,
        // so only an earlier unconfirmed run of this create can have made it.
        const bool refused_first = !resent && !lost.outcome_unknown;
        if (!lost.outcome_unknown && !is_duplicate_login(lost)) {
            break;
        }
        if (refused_first && !unconfirmed_.started(pipeline_.org().origin, change_kind::create, login)) {
            break;
        }
        pipeline_.log("okta: the create was not confirmed (" + lost.code + "); looking the login up first");
        if (auto settled = reconcile_create(request, login, lost, {refused_first ? std::nullopt : std::optional(started)})) {
            return remember_if_unknown(std::move(*settled), login, started);
        }
        if (resent || !lost.outcome_unknown || pipeline_.max_retries() == 0) {
            return nobody_has(lost, login);
        }
        pipeline_.log("okta: no user has the login yet; sending the create once more");
        result = pipeline_.run(sent);
    }
    return remember_if_unknown(std::move(result), login, started);
}

call_result users_client::remember_if_unknown(call_result result, const std::string& login, started_at started) {
    if (!result && result.error().outcome_unknown && !login.empty()) {
        const auto elapsed = std::chrono::steady_clock::now() - started;
        unconfirmed_.remember(pipeline_.org().origin, change_kind::create, login, call_start_on_server(std::nullopt, elapsed));
    }
    return result;
}

}  // namespace okta_plugin::okta
