// Delete a User. Okta's DELETE only deactivates a user that is not
// DEPROVISIONED yet; a second DELETE removes it (Okta's deleteUser). Reading the
// status first makes a rerun after a failure halfway finish the job. A rerun
// after a delete this process could not confirm, that finds nobody, reports
// the delete done.
#include "okta/client/users_client.hpp"

#include "okta/protocol/error_codes.hpp"

namespace okta_plugin::okta {
namespace {

constexpr std::string_view deprovisioned = "DEPROVISIONED";

}  // namespace

call_result users_client::send_delete(const std::string& id, bool send_email) {
    okta_request sent;
    sent.kind = request_kind::remove;
    sent.verb = wire::method::del;
    sent.target = delete_user_target(id, send_email);
    sent.bucket = rate_bucket::user_write;
    sent.expected = expected_body::nothing;
    return pipeline_.run(sent);
}

call_result users_client::deactivate_user(std::string_view id_or_login, bool send_email) {
    result<std::string> id = resolve_user_id(id_or_login);
    if (!id) {
        return id.error();
    }
    call_result result = send_delete(*id, send_email);
    if (result || !result.error().outcome_unknown) {
        return result;
    }
    // The DELETE may have deactivated the user; the same node run again
    // would then delete it for good, which DeactivateOnly never asked for.
    call_failure failure = result.error();
    failure.retryable = false;
    return failure;
}

call_result users_client::delete_user(std::string_view id_or_login, bool send_email) {
    const std::string key(id_or_login);
    const std::string& origin = pipeline_.org().origin;
    call_result user = get_user(id_or_login);
    if (!user) {
        return user.error().status == 404 ? gone_after_unconfirmed_delete(key, user.error()) : user;
    }
    const std::string id = user_field(user->body, "id");
    if (id.empty()) {
        return no_answer(error_codes::bad_response, "Okta returned a user without an id.", user->request_id);
    }
    call_result result = user_field(user->body, "status") == deprovisioned ? call_result(answer{}) : send_delete(id, send_email);
    if (result) {
        result = send_delete(id, send_email);
    }
    if (!result && result.error().outcome_unknown) {
        unconfirmed_.remember(origin, change_kind::remove, key, 0);
    }
    return result;
}

call_result users_client::gone_after_unconfirmed_delete(const std::string& key, const call_failure& missing) {
    const std::string& origin = pipeline_.org().origin;
    if (!unconfirmed_.started(origin, change_kind::remove, key)) {
        return missing;
    }
    pipeline_.log("okta: the user is gone, as the unconfirmed delete before it asked");
    unconfirmed_.forget(origin, change_kind::remove, key);
    answer done;
    done.status = 204;
    done.request_id = missing.request_id;
    done.reconciled = true;
    return done;
}

}  // namespace okta_plugin::okta
