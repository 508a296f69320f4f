// Update a User: Okta's partial update, POST /api/v1/users/{id}, sent to the
// user's id. A login is resolved first, so that a resend after a lost answer
// still reaches the user when the update renamed it.
#include "okta/client/users_client.hpp"

#include "okta/protocol/create_reconciler.hpp"
#include "okta/protocol/json_body.hpp"

namespace okta_plugin::okta {
namespace {

okta_request update_request(const std::string& id, const boost::json::object& body) {
    okta_request sent;
    sent.kind = request_kind::partial_update;
    sent.verb = wire::method::post;
    sent.target = user_target(id);
    sent.body = to_body_text(body);
    sent.bucket = rate_bucket::user_write;
    return sent;
}

// A resend that carries the password the lost attempt already set meets
// Okta's password-history rule.
bool is_password_refusal(const call_failure& failure) {
    return (failure.status == 400 || failure.status == 403) && failure.message.find("assword") != std::string::npos;
}

}  // namespace

call_result users_client::update_user(std::string_view id_or_login, const boost::json::object& body,
                                      bool with_password) {
    result<std::string> id = resolve_user_id(id_or_login);
    if (!id) {
        return id.error();
    }
    call_result updated = pipeline_.run(update_request(*id, body));
    if (updated || !with_password || updated.error().attempts < 2 || !is_password_refusal(updated.error())) {
        return updated;
    }
    pipeline_.log("okta: the resent update's password was refused; reading the user back");
    call_result user = get_user(*id);
    const auto* profile = body.if_contains("profile");
    const bool applied =
        user && (profile == nullptr || (profile->is_object() && profile_matches(profile->as_object(), user->body)));
    if (!applied) {
        return updated;
    }
    user->reconciled = true;
    return user;
}

}  // namespace okta_plugin::okta
