#include "okta/client/oauth_authoriser.hpp"

#include "okta/protocol/dpop_proof.hpp"
#include "okta/protocol/error_codes.hpp"
#include "okta/protocol/retry_rules.hpp"
#include "okta/protocol/user_agent.hpp"
#include "okta/protocol/www_authenticate.hpp"
#include "wire/ascii.hpp"
#include "wire/transport_error.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

namespace okta_plugin::okta {
namespace {

using clock = std::chrono::steady_clock;

std::int64_t epoch_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A token request that failed: nothing went to the API. A 5xx or a lost
// answer may pass on a resend, which the pipeline makes within MaxRetries.
verdict token_failure(call_failure failure, bool transient, bool resend_now = true) {
    failure.retryable = transient;
    const remedy next = transient && resend_now ? remedy::back_off : remedy::none;
    return verdict{std::move(failure), attempt_effect::none, next, std::nullopt};
}

verdict refused_token(const oauth_error& refused, const service_app& app) {
    call_failure failure;
    failure.status = refused.status;
    failure.code = refused.error.empty() ? std::string(error_codes::bad_response) : refused.error;
    failure.message = explain_token_error(refused, app.client_id, app.scopes);
    if (refused.status == 200) {
        failure.status = 500;
    }
    return token_failure(std::move(failure), is_retryable_status(refused.status));
}

std::optional<auth_challenge> challenge_of(const wire::response& response) {
    for (const auto value : response.values("WWW-Authenticate")) {
        if (auto challenge = parse_www_authenticate(value); challenge && !challenge->error.empty()) {
            return challenge;
        }
    }
    return std::nullopt;
}

// Okta's API says "Invalid token provided" (E0000011) for an expired or
// revoked token, with or without a challenge naming invalid_token.
bool names_invalid_token(const wire::response& response) {
    if (const auto challenge = challenge_of(response); challenge && challenge->error == "invalid_token") {
        return true;
    }
    boost::system::error_code failed;
    const boost::json::value body = boost::json::parse(response.body, failed);
    if (failed || !body.is_object()) {
        return false;
    }
    const auto* code = body.as_object().if_contains("errorCode");
    return code != nullptr && code->is_string() && code->as_string() == "E0000011";
}

}  // namespace

oauth_authoriser::oauth_authoriser(wire::sender& sender, token_cache& cache, const service_app& app, log_sink log)
    : sender_(sender),
      cache_(cache),
      app_(app),
      slot_(cache.slot(app.origin, app.client_id, app.scopes)),
      log_(std::move(log)) {}

void oauth_authoriser::log(std::string_view line) const {
    if (log_) {
        log_(line);
    }
}

std::optional<verdict> oauth_authoriser::authorise(wire::request& request, const wire::call_budget& budget) {
    held_token token;
    if (auto failed = current_token(budget, token)) {
        return failed;
    }
    used_generation_ = token.generation;
    wire::wiping_string header(token.dpop_bound ? "DPoP " : "Bearer ");
    header += token.value;
    request.headers.push_back({"Authorization", std::move(header)});
    if (token.dpop_bound) {
        const dpop_binding binding{request.verb, dpop_htu(app_.origin, request.target),
                                   std::string_view(token.value.data(), token.value.size()), api_nonce_,
                                   epoch_seconds()};
        request.headers.push_back({"DPoP", dpop_proof(cache_.dpop_key(), binding)});
    }
    return std::nullopt;
}

std::optional<verdict> oauth_authoriser::current_token(const wire::call_budget& budget, held_token& token) {
    std::unique_lock lock(slot_.mutex);
    for (;;) {
        const auto now = clock::now();
        const bool have = !slot_.token.empty();
        const bool fresh = have && now < slot_.refresh_at;
        const bool usable = have && now < slot_.expires_at;
        if (fresh || (usable && slot_.fetching)) {
            token.value = wire::wiping_string(slot_.token.reveal());
            token.dpop_bound = slot_.dpop_bound;
            token.generation = slot_.generation;
            return std::nullopt;
        }
        if (!slot_.fetching) {
            slot_.fetching = true;
            lock.unlock();
            std::optional<verdict> failed;
            try {
                failed = fetch_into_slot(budget);
            } catch (...) {
                lock.lock();
                slot_.fetching = false;
                ++slot_.flights;
                slot_.last_failure = token_failure(no_answer(error_codes::bad_response, "The token request could not be built."), false);
                slot_.changed.notify_all();
                throw;
            }
            lock.lock();
            slot_.fetching = false;
            ++slot_.flights;
            slot_.last_failure = failed;
            slot_.changed.notify_all();
            if (failed) {
                return failed;
            }
            continue;  // the token just stored
        }
        // Another call is fetching: wait for its flight, in slices, so a
        // cancellation or the deadline is noticed.
        const std::uint64_t awaited = slot_.flights;
        while (slot_.flights == awaited) {
            if (budget.cancelled()) {
                return token_failure(no_answer(error_codes::cancelled,
                                               "The call was cancelled while waiting for an access token."),
                                     false);
            }
            if (budget.expired()) {
                return token_failure(no_answer(error_codes::transport_timeout,
                                               "The call's deadline passed while waiting for an access token."),
                                     true, false);
            }
            slot_.changed.wait_for(lock, wire::cancellation_slice);
        }
        if (slot_.last_failure) {
            return slot_.last_failure;  // the flight this call waited for failed: its answer is this call's too
        }
    }
}

std::optional<verdict> oauth_authoriser::fetch_into_slot(const wire::call_budget& budget) {
    issued_token issued;
    bool dpop_bound = false;
    if (auto failed = request_token(budget, issued, dpop_bound)) {
        return failed;
    }
    const auto now = clock::now();
    std::lock_guard lock(slot_.mutex);  // the flag is ours; the lock orders the stores for the readers
    slot_.token = std::move(issued.access_token);
    slot_.dpop_bound = dpop_bound;
    slot_.expires_at = now + issued.expires_in;
    slot_.refresh_at = slot_.expires_at - refresh_lead(issued.expires_in);
    ++slot_.generation;
    return std::nullopt;
}

wire::request oauth_authoriser::token_request(const dpop_state& dpop) const {
    const std::string audience = token_url(app_.origin);
    const std::int64_t now = epoch_seconds();
    wire::request request;
    request.verb = wire::method::post;
    request.target = std::string(token_path);
    request.headers.push_back({"Accept", wire::wiping_string("application/json")});
    request.headers.push_back({"User-Agent", wire::wiping_string(user_agent())});
    request.headers.push_back({"Content-Type", wire::wiping_string("application/x-www-form-urlencoded")});
    if (dpop.required) {
        const dpop_binding binding{wire::method::post, audience, {}, dpop.nonce, now};
        request.headers.push_back({"DPoP", dpop_proof(cache_.dpop_key(), binding)});
    }
    const wire::wiping_string assertion = client_assertion(*app_.key, app_.key_id, app_.client_id, audience, now);
    request.body = token_request_form(app_.scopes, std::string_view(assertion.data(), assertion.size()));
    return request;
}

std::optional<verdict> oauth_authoriser::request_token(const wire::call_budget& budget, issued_token& issued,
                                                       bool& dpop_bound) {
    dpop_state dpop = cache_.dpop(app_.origin, app_.client_id);
    if (!dpop.nonce.empty() && clock::now() - dpop.nonce_received > dpop_nonce_lifetime) {
        dpop.nonce.clear();  // stale: the endpoint hands out a new one with its challenge
    }
    bool switched_to_dpop = false;
    bool nonce_resent = false;
    for (;;) {
        const wire::request request = token_request(dpop);
        const auto started = clock::now();
        wire::response response;
        try {
            response = sender_.send(app_.endpoint, request, budget);
        } catch (const wire::transport_error& error) {
            log("okta: POST " + std::string(token_path) + " failed (" + std::string(wire::failure_name(error.kind())) + ")");
            call_failure failure = no_answer(error_code_for(error.kind()),
                                             std::string("No access token: ") + error.what() +
                                                 " No request was sent to the API without one.");
            // A timeout at the deadline is worth another run of the node, not another try now.
            return token_failure(std::move(failure), is_transient_failure(error.kind(), true),
                                 is_transient_failure(error.kind(), !budget.expired()));
        }
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started);
        log("okta: POST " + std::string(token_path) + (dpop.required ? " (DPoP)" : "") + " -> " +
            std::to_string(response.status) + " in " + std::to_string(took.count()) + " ms");
        token_answer answer = read_token_answer(response);
        std::fill(response.body.begin(), response.body.end(), '\0');  // it held the access token
        if (auto* granted = std::get_if<issued_token>(&answer)) {
            if (const auto nonce = response.value("DPoP-Nonce"); nonce && !nonce->empty() && dpop.required) {
                dpop.nonce = std::string(*nonce);
                dpop.nonce_received = clock::now();
            }
            if (switched_to_dpop || nonce_resent || dpop.required) {
                cache_.remember_dpop(app_.origin, app_.client_id, dpop);
            }
            dpop_bound = dpop.required && wire::ascii_iequals(granted->token_type, "DPoP");
            issued = std::move(*granted);
            return std::nullopt;
        }
        const oauth_error& refused = std::get<oauth_error>(answer);
        if (refused.status == 400 && refused.error == "invalid_dpop_proof" && !dpop.required && !switched_to_dpop) {
            log("okta: the app needs DPoP; using DPoP for this client from now on");
            dpop.required = true;
            switched_to_dpop = true;
            continue;
        }
        if (refused.status == 400 && refused.error == "use_dpop_nonce" && !nonce_resent && !refused.dpop_nonce.empty()) {
            log("okta: the token endpoint asked for a DPoP nonce; sending the proof again with it");
            dpop.required = true;
            dpop.nonce = refused.dpop_nonce;
            dpop.nonce_received = clock::now();
            nonce_resent = true;
            continue;
        }
        if (refused.error == "use_dpop_nonce") {
            call_failure failure;
            failure.status = refused.status;
            failure.code = refused.error;
            failure.message = nonce_resent
                                  ? "The token endpoint asked for a DPoP nonce again right after the proof carried "
                                    "the one it gave; no access token was issued."
                                  : "The token endpoint asked for a DPoP nonce but sent no DPoP-Nonce header; no "
                                    "access token was issued.";
            return token_failure(std::move(failure), false);
        }
        return refused_token(refused, app_);
    }
}

bool oauth_authoriser::renew_after_refusal(const wire::response& response) {
    if (response.status != 401) {
        return false;
    }
    const auto challenge = challenge_of(response);
    if (challenge && challenge->error == "use_dpop_nonce") {
        const auto nonce = response.value("DPoP-Nonce");
        if (!nonce || nonce->empty()) {
            return false;
        }
        api_nonce_ = std::string(*nonce);
        log("okta: the API asked for a DPoP nonce; sending the request again with it");
        return true;
    }
    if (!names_invalid_token(response)) {
        return false;
    }
    std::lock_guard lock(slot_.mutex);
    if (slot_.generation == used_generation_ && !slot_.token.empty()) {
        slot_.token = wire::secret_text();  // another call may have renewed it already
    }
    log("okta: the access token was refused (invalid_token); fetching a new one and sending the request again");
    return true;
}

void oauth_authoriser::explain_refusal(const wire::response& response, call_failure& failure) const {
    const auto challenge = challenge_of(response);
    if (response.status == 403 && challenge && challenge->error == "insufficient_scope") {
        const std::string scope = challenge->scope.empty() ? app_.scopes : challenge->scope;
        failure.code = challenge->error;
        failure.message = "The app lacks " + scope + "; grant it in the Admin Console under Okta API Scopes (the "
                          "app's Okta API Scopes tab), and ask for it in Scopes if Scopes is set.";
        return;
    }
    if (response.status == 401 && challenge) {
        failure.code = challenge->error;
        failure.message = "Okta refused the access token (" + challenge->error + ")" +
                          (quotable_description(challenge->error_description).empty()
                               ? std::string()
                               : ": " + quotable_description(challenge->error_description)) +
                          ". A new token was fetched and refused too, or the request was already resent once.";
    }
}

}  // namespace okta_plugin::okta
