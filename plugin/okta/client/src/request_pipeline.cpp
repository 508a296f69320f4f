#include "okta/client/request_pipeline.hpp"

#include "okta/protocol/error_codes.hpp"
#include "okta/protocol/user_agent.hpp"

#include <random>

namespace okta_plugin::okta {
namespace {

using namespace std::chrono_literals;

std::mt19937& random_source() {
    thread_local std::mt19937 generator{std::random_device{}()};
    return generator;
}

// Spreads the callers woken by one reset over a few milliseconds, so they do
// not all hit the freshly opened window in the same instant. Small: every
// millisecond here is added to every window of a long batch.
std::chrono::milliseconds jitter() {
    return std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 100)(random_source()));
}

std::string seconds_text(std::chrono::milliseconds wait) {
    return std::to_string((wait.count() + 999) / 1000) + " s";
}

bool fits_budget(const wire::call_budget& budget, std::chrono::milliseconds wait) {
    // Leave room for the request itself after the wait.
    constexpr auto request_allowance = 250ms;
    return budget.remaining() > wait + request_allowance;
}

// Why a 429 goes back to the workflow, with the reset time.
std::string explain_no_retry(const call_failure& failure, std::optional<std::chrono::milliseconds> wait,
                             int retries_done, int max_retries) {
    if (!wait || !failure.rate_limit_reset) {
        return " Okta sent no X-Rate-Limit-Reset, so the request was not retried.";
    }
    std::string text = " The rate limit resets at " + format_utc(*failure.rate_limit_reset) + " (in " +
                       seconds_text(*wait) + "); ";
    if (retries_done >= max_retries) {
        return text + (max_retries == 0 ? "not retried because MaxRetries is 0."
                                        : "gave up after " + std::to_string(retries_done) + " retries (MaxRetries).");
    }
    return text + "not retried because waiting would pass the call's deadline.";
}

call_failure cancelled_while_waiting(const verdict& last, request_kind kind) {
    call_failure failure = no_answer(error_codes::cancelled, "The call was cancelled while waiting to retry the request.",
                                     last.result.error().request_id);
    failure.outcome_unknown = leaves_outcome_unknown(kind, last.effect);
    if (failure.outcome_unknown) {
        failure.message += unknown_outcome_note(kind);
    }
    return failure;
}

}  // namespace

request_pipeline::request_pipeline(wire::sender& sender, rate_budget& pacer, authoriser& credentials,
                                   const org_route& route, pipeline_policy policy, wire::call_budget budget,
                                   log_sink log)
    : sender_(sender),
      pacer_(pacer),
      credentials_(credentials),
      route_(route),
      policy_(policy),
      budget_(std::move(budget)),
      log_(std::move(log)) {}

void request_pipeline::log(std::string_view line) const {
    if (log_) {
        log_(line);
    }
}

void request_pipeline::report(const pipeline_event& event) const {
    if (events_) {
        events_(event);
    } else {
        log(event.message);
    }
}

call_result request_pipeline::run(const okta_request& request) {
    renewed_ = false;
    for (int retry = 0;; ++retry) {
        verdict judged = attempt(request);
        if (judged.result) {
            return std::move(judged.result);
        }
        const auto wait = resend_wait(request, judged, retry);
        if (!wait) {
            return give_up(std::move(judged), retry);
        }
        const call_failure& failed = judged.result.error();
        report({"okta: " + std::string(kind_name(request.kind)) + " not done (" + failed.code + "); retrying in " +
                    std::to_string(wait->count()) + " ms (retry " + std::to_string(retry + 1) + " of " +
                    std::to_string(policy_.max_retries) + ")",
                failed.request_id, failed.status, retry + 1, wait->count(), false});
        if (!wire::sleep_within(budget_, *wait)) {
            return cancelled_while_waiting(judged, request.kind);
        }
    }
}

std::optional<std::chrono::milliseconds> request_pipeline::resend_wait(const okta_request& request,
                                                                       const verdict& judged, int retry) const {
    if (judged.next == remedy::none || retry >= policy_.max_retries || !may_resend(request.kind, judged.effect)) {
        return std::nullopt;
    }
    std::chrono::milliseconds wait{};
    if (judged.next == remedy::wait_for_reset) {
        if (!judged.reset_wait) {
            return std::nullopt;  // no blind backoff after a 429
        }
        wait = *judged.reset_wait + reset_margin + jitter();
    } else {
        wait = full_jitter(backoff_ceiling(policy_.backoff, retry), random_source());
    }
    if (!fits_budget(budget_, wait)) {
        return std::nullopt;
    }
    return wait;
}

call_result request_pipeline::give_up(verdict judged, int retry) const {
    call_failure failure = judged.result.error();
    failure.attempts = retry + 1;
    if (judged.next == remedy::wait_for_reset) {
        failure.message += explain_no_retry(failure, judged.reset_wait, retry, policy_.max_retries);
    }
    return failure;
}

wire::request request_pipeline::to_wire(const okta_request& request) const {
    wire::request message;
    message.verb = request.verb;
    message.target = request.target;
    message.headers.push_back({"Accept", wire::wiping_string("application/json")});
    message.headers.push_back({"User-Agent", wire::wiping_string(user_agent())});
    if (!request.body.empty()) {
        message.headers.push_back({"Content-Type", wire::wiping_string("application/json")});
        message.body = request.body;
    }
    return message;
}

verdict request_pipeline::attempt(const okta_request& request) {
    exchange sent = send_authorised(request);
    if (sent.answer && renew_credentials(request, *sent.answer)) {
        sent = send_authorised(request);
    }
    if (!sent.answer) {
        return std::move(*sent.failed);
    }
    verdict judged = judge_answer(route_.org, request, *sent.answer, sent.limits, std::chrono::system_clock::now());
    if (judged.result &&
        (request.expected == expected_body::object_page || request.expected == expected_body::object_text)) {
        judged.result->page_text = std::move(sent.answer->body);  // as Okta sent it, for the output
    }
    if (!judged.result && (sent.answer->status == 401 || sent.answer->status == 403)) {
        call_failure explained = judged.result.error();
        credentials_.explain_refusal(*sent.answer, explained);
        judged.result = std::move(explained);
    }
    return judged;
}

bool request_pipeline::renew_credentials(const okta_request& request, const wire::response& answer) {
    if (answer.status != 401 || renewed_ || !credentials_.renew_after_refusal(answer)) {
        return false;
    }
    renewed_ = true;
    log("okta: " + std::string(kind_name(request.kind)) + " answered 401; sending it once more with renewed credentials");
    return true;
}

request_pipeline::exchange request_pipeline::send_authorised(const okta_request& request) {
    pace(request.bucket);
    const std::string what = std::string(wire::method_name(request.verb)) + " " + request.target;
    if (budget_.cancelled()) {
        pacer_.record(route_.org.origin, request.bucket, rate_limit_headers{});
        return exchange{std::nullopt, {}, verdict{no_answer(error_codes::cancelled,
                                 "The call was cancelled before the request to " + route_.org.origin + " was sent."),
                       attempt_effect::none, remedy::none, std::nullopt}};
    }
    wire::request message = to_wire(request);
    if (auto refused = credentials_.authorise(message, budget_)) {
        pacer_.record(route_.org.origin, request.bucket, rate_limit_headers{});  // the slot was not used
        return exchange{std::nullopt, {}, std::move(*refused)};
    }
    const auto started = std::chrono::steady_clock::now();
    try {
        wire::response response = sender_.send(route_.endpoint, message, budget_);
        const rate_limit_headers limits = read_rate_limit_headers(response);
        pacer_.record(route_.org.origin, request.bucket, limits);
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        const std::string_view request_id = response.value("X-Okta-Request-Id").value_or("");
        log("okta: " + what + " -> " + std::to_string(response.status) + " in " + std::to_string(took.count()) + " ms" +
            (request_id.empty() ? "" : " (request id " + std::string(request_id) + ")"));
        return exchange{std::move(response), limits, std::nullopt};
    } catch (const wire::transport_error& error) {
        pacer_.record(route_.org.origin, request.bucket, rate_limit_headers{});
        log("okta: " + what + " failed (" + std::string(wire::failure_name(error.kind())) + ")");
        return exchange{std::nullopt, {}, judge_failure(request, error, !budget_.expired())};
    }
}

void request_pipeline::pace(rate_bucket bucket) {
    bool told = false;
    std::uint64_t ticket = 0;  // this call's place in the pacer's queue
    for (;;) {
        const auto now = rate_budget::clock::now();
        const auto decision = pacer_.admit(route_.org.origin, bucket, now, ticket);
        if (decision.granted) {
            return;
        }
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(decision.retry_at - now) + jitter();
        // Not enough time left: send anyway and let Okta decide. A pacing
        // wait is not a retry, so it never uses up MaxRetries.
        if (!fits_budget(budget_, wait)) {
            pacer_.force(route_.org.origin, bucket, ticket);
            return;
        }
        if (!told) {
            report({"okta: no requests left in this rate-limit window; waiting " + seconds_text(wait) + " for it to reset",
                    {}, 0, 0, wait.count(), true});
            told = true;
        }
        if (!wire::sleep_within(budget_, wait)) {
            pacer_.force(route_.org.origin, bucket, ticket);  // cancelled: attempt() gives the slot back
            return;
        }
    }
}

}  // namespace okta_plugin::okta
