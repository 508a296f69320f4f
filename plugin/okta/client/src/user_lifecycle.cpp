// Lifecycle changes (activate, suspend, reset a password, ...). A lifecycle
// POST is never resent blindly: a second activation is Okta's 403, a second
// reset mints a second URL. When an answer is lost, the user is read and
// judged by the operation's rule (lifecycle_rules.hpp):
//  - the user is in the status the change leads to, and the workflow needs
//    nothing from the lost answer: done (reconciled);
//  - the change is still allowed from the user's status: sent once more;
//  - the user is in the target status but the lost answer's one-time secret
//    cannot be had again: done (reconciled), without the secret;
//  - otherwise it was not carried out, and the call says so.
// A change is never reported that Okta's state does not show.
#include "okta/client/users_client.hpp"

#include "okta/protocol/error_codes.hpp"

namespace okta_plugin::okta {
namespace {

wire::secret_text take_secret(boost::json::value& body, std::string_view member) {
    auto* object = body.if_object();
    auto* value = object != nullptr ? object->if_contains(member) : nullptr;
    if (value == nullptr || !value->is_string()) {
        return {};
    }
    return wire::secret_text(value->as_string());
}

}  // namespace

call_result users_client::send_transition(const std::string& id, const lifecycle_rule& rule, bool send_email) {
    okta_request sent;
    sent.kind = request_kind::transition;
    sent.verb = wire::method::post;
    sent.target = lifecycle_target(id, rule, send_email);
    sent.bucket = rate_bucket::user_write;
    sent.expected = rule.answers_user ? expected_body::object : expected_body::object_or_nothing;
    sent.answer_holds_secret = !rule.secret_member.empty();
    return pipeline_.run(sent);
}

result<lifecycle_outcome> users_client::change_lifecycle(std::string_view id_or_login, lifecycle_step step,
                                                         bool send_email) {
    const lifecycle_rule& rule = rule_of(step);
    result<std::string> id = resolve_user_id(id_or_login);
    if (!id) {
        return id.error();
    }
    call_result done = send_transition(*id, rule, send_email);
    if (!done && done.error().outcome_unknown) {
        done = reconcile_transition(*id, rule, send_email, done.error());
    }
    if (!done) {
        return done.error();
    }
    return finish_transition(*id, rule, send_email, std::move(*done));
}

call_result users_client::reconcile_transition(const std::string& id, const lifecycle_rule& rule, bool send_email,
                                               const call_failure& lost) {
    pipeline_.log("okta: the " + std::string(rule.noun) + "'s answer was lost; reading the user to see whether it "
                  "was carried out");
    call_result user = get_user(id);
    if (!user) {
        return lost;  // still unknown, and the failure says so already
    }
    const std::string status = user_field(user->body, "status");
    const bool needs_secret = rule.hands_over_secret(send_email);
    if (rule.leads_to(status) && !needs_secret) {
        user->reconciled = true;
        return user;
    }
    if (rule.starts_from(status)) {
        pipeline_.log("okta: the user is " + status + ", so the " + std::string(rule.noun) + " is sent once more");
        return send_transition(id, rule, send_email);
    }
    if (rule.leads_to(status)) {
        pipeline_.log("okta: the " + std::string(rule.noun) + " was carried out, but its one-time " +
                      std::string(rule.secret_member) + " was lost with the answer");
        user->reconciled = true;
        return user;
    }
    call_failure not_done = lost;
    not_done.outcome_unknown = false;
    not_done.retryable = false;
    not_done.message = "The " + std::string(rule.noun) + "'s answer was lost (" + lost.code +
                       "), and the user is now " + (status.empty() ? std::string("of no known status") : status) +
                       ", so it was not carried out and cannot be from this status.";
    return not_done;
}

result<lifecycle_outcome> users_client::finish_transition(const std::string& id, const lifecycle_rule& rule,
                                                          bool send_email, answer done) {
    lifecycle_outcome outcome;
    if (!done.reconciled && rule.hands_over_secret(send_email)) {
        outcome.secret = take_secret(done.body, rule.secret_member);
        if (outcome.secret.empty()) {
            return no_answer(error_codes::bad_response,
                             "Okta carried out the " + std::string(rule.noun) + " but its answer has no " +
                                 std::string(rule.secret_member) + ".",
                             done.request_id);
        }
    }
    // A reconciled answer and a user-shaped answer are the user already.
    if (done.reconciled || rule.answers_user) {
        outcome.user = std::move(done);
        return outcome;
    }
    call_result user = get_user(id);
    if (!user) {
        outcome.user.status = done.status;
        outcome.user.request_id = done.request_id;
        outcome.read_back_failure = user.error();
        return outcome;
    }
    outcome.user = std::move(*user);
    outcome.user.status = done.status;
    return outcome;
}

}  // namespace okta_plugin::okta
