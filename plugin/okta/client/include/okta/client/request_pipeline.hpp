// One node call's way to Okta: every request goes pace -> authorise -> send
// -> renew credentials (a 401 that a renewed token may pass, once) -> judge
// -> resend or answer, over an abstract sender. Each step is its
// own piece (rate_budget, authoriser, wire::sender, attempt_verdict,
// resend_policy); this class only runs them in order within the call's
// budget. Never throws for I/O.
#pragma once

#include "okta/client/authoriser.hpp"
#include "okta/client/rate_budget.hpp"
#include "okta/protocol/attempt_verdict.hpp"
#include "okta/protocol/call_result.hpp"
#include "okta/protocol/okta_request.hpp"
#include "okta/protocol/org_address.hpp"
#include "okta/protocol/retry_rules.hpp"
#include "wire/call_budget.hpp"
#include "wire/sender.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

struct pipeline_policy {
    // Resends per request, of every kind (README "Retry policy"): after a
    // 429 (waiting for X-Rate-Limit-Reset), a retryable 5xx or a lost
    // connection (backing off). Waits for the pacer are not retries.
    int max_retries = 2;
    backoff_policy backoff{};
};

// Receives one diagnostic line per event; never given a secret.
using log_sink = std::function<void(std::string_view line)>;

// An event a user watching the call wants to see (a resend, a wait for the
// rate-limit window, a create found done), with the fields a structured log
// keeps. Never holds a secret.
struct pipeline_event {
    std::string message;
    std::string request_id;
    int status = 0;             // the answer's HTTP status; 0 when none
    int attempt = 0;            // the resend's number from 1; 0 when not a resend
    std::int64_t wait_ms = -1;  // the wait ahead; -1 when none
    bool rate_limit_wait = false;
};
using event_sink = std::function<void(const pipeline_event& event)>;

// Where one call goes and how it proves who it is.
struct org_route {
    org_address org;
    wire::endpoint endpoint;
};

class request_pipeline {
public:
    // Everything referenced must outlive the pipeline (one node call).
    request_pipeline(wire::sender& sender, rate_budget& pacer, authoriser& credentials, const org_route& route,
                     pipeline_policy policy, wire::call_budget budget, log_sink log = {});

    call_result run(const okta_request& request);

    const org_address& org() const noexcept { return route_.org; }
    const wire::call_budget& budget() const noexcept { return budget_; }
    int max_retries() const noexcept { return policy_.max_retries; }
    void log(std::string_view line) const;
    // Where report() sends events; without one they go to log() as lines.
    void on_event(event_sink sink) { events_ = std::move(sink); }
    void report(const pipeline_event& event) const;

private:
    // What came back from one send: an answer, or the verdict that stands
    // for it (the request failed, or never left).
    struct exchange {
        std::optional<wire::response> answer;
        rate_limit_headers limits;
        std::optional<verdict> failed;
    };
    // One attempt: sends (once more after renewed credentials) and judges the outcome.
    verdict attempt(const okta_request& request);
    // Waits for a rate-limit slot, authorises and sends.
    exchange send_authorised(const okta_request& request);
    // The renewal step: after a 401 the authoriser can cure (an expired
    // token), true once per request, so it is sent again. A 401 was not
    // carried out, so this holds for every method.
    bool renew_credentials(const okta_request& request, const wire::response& answer);
    // The wait before resend number `retry` (from 0), or nothing when the
    // verdict is final for this call.
    std::optional<std::chrono::milliseconds> resend_wait(const okta_request& request, const verdict& judged,
                                                         int retry) const;
    // The failure as the call answers it, when no resend follows.
    call_result give_up(verdict judged, int retry) const;
    void pace(rate_bucket bucket);
    wire::request to_wire(const okta_request& request) const;

    wire::sender& sender_;
    rate_budget& pacer_;
    authoriser& credentials_;
    const org_route& route_;
    pipeline_policy policy_;
    wire::call_budget budget_;
    log_sink log_;
    event_sink events_;
    bool renewed_ = false;  // the request being run was already resent after a 401
};

}  // namespace okta_plugin::okta
