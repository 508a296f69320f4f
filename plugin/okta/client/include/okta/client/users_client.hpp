// Okta's Users API as the nodes need it: each operation is one or more
// requests through the pipeline, with Okta's multi-request rules kept here
// (a login with "/" is found by filter, a delete is deactivate-then-delete,
// a create whose answer was lost is reconciled, a login is resolved to an
// id before a change is sent). Never throws for I/O.
#pragma once

#include "okta/client/page_walker.hpp"
#include "okta/client/request_pipeline.hpp"
#include "okta/client/unconfirmed_changes.hpp"
#include "okta/protocol/call_result.hpp"
#include "okta/protocol/lifecycle_rules.hpp"
#include "okta/protocol/user_targets.hpp"
#include "wire/secret_text.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <optional>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

struct create_user_request {
    const boost::json::object& body;  // Okta's CreateUserRequest (may hold the password)
    bool activate = true;
    bool with_password = false;
};

// A lifecycle change as the workflow sees it.
struct lifecycle_outcome {
    // The last answer; `body` is the user after the change (null when
    // `read_back_failure` is set), `reconciled` when a lost answer was found
    // done by reading the user.
    answer user;
    // The one-time URL or password Okta handed back, when it did.
    wire::secret_text secret;
    // The change was made but the user could not be read afterwards.
    std::optional<call_failure> read_back_failure;
};

class users_client {
public:
    // Both must outlive the client; `unconfirmed` is shared by the process.
    users_client(request_pipeline& pipeline, unconfirmed_changes& unconfirmed)
        : pipeline_(pipeline), unconfirmed_(unconfirmed) {}

    // By id or login; a login with "/" is found with a profile.login search.
    call_result get_user(std::string_view id_or_login);
    // The same, with the user as Okta's JSON text in `page_text` (checked to
    // be one object) and `body` null: for an output that passes it on.
    call_result get_user_text(std::string_view id_or_login);
    // GET /api/v1/users?search=profile.login eq "…", then the login compared
    // the way Okta compares logins (case-insensitively); Okta's 404 when no
    // user has it. On success `body` is the user object.
    call_result find_user_by_login(std::string_view login);
    // `id_or_login` itself when it is a user id, else the id of the user
    // that login names.
    result<std::string> resolve_user_id(std::string_view id_or_login);

    // One page; `body` is its array of users.
    call_result list_users(const list_query& query);
    // Every page from `query` on, following rel="next" within the budget and
    // `limits`, never a page twice. On success `body` is null.
    call_result list_all_users(const list_query& query, const page_sink& sink, listing_limits limits = {});

    // Never sent twice blindly: see user_creation.cpp.
    call_result create_user(const create_user_request& request);
    // Okta's partial update, to the user's id; see user_update.cpp.
    call_result update_user(std::string_view id_or_login, const boost::json::object& body, bool with_password);
    // Okta's single DELETE: deactivates (deletes a DEPROVISIONED user).
    call_result deactivate_user(std::string_view id_or_login, bool send_email);
    // Deactivates when needed, then deletes; see user_removal.cpp.
    call_result delete_user(std::string_view id_or_login, bool send_email);

    // One lifecycle operation (see user_lifecycle.cpp for what a lost
    // answer leads to). A failure is Okta's answer passed through.
    result<lifecycle_outcome> change_lifecycle(std::string_view id_or_login, lifecycle_step step, bool send_email);

    request_pipeline& pipeline() noexcept { return pipeline_; }

private:
    using started_at = std::chrono::steady_clock::time_point;
    // Since when a found user may be this create's: this call's start, when
    // its own attempt may have made the user, and any earlier unconfirmed
    // run of the same create.
    struct since_call {
        std::optional<started_at> this_call;
    };
    // After an unconfirmed create: this create's user, someone else's user
    // (Okta's duplicate login), a failed lookup; nothing when nobody has it.
    std::optional<call_result> reconcile_create(const create_user_request& request, const std::string& login,
                                                const call_failure& unconfirmed, since_call since);
    // Keeps the login of a create whose outcome stayed unknown, for a rerun.
    call_result remember_if_unknown(call_result result, const std::string& login, started_at started);
    call_result send_delete(const std::string& id, bool send_email);
    call_result send_transition(const std::string& id, const lifecycle_rule& rule, bool send_email);
    // After a transition whose outcome is unknown: the user read back and
    // judged against the rule; see user_lifecycle.cpp.
    call_result reconcile_transition(const std::string& id, const lifecycle_rule& rule, bool send_email,
                                     const call_failure& lost);
    result<lifecycle_outcome> finish_transition(const std::string& id, const lifecycle_rule& rule, bool send_email,
                                                answer done);
    // A rerun's 404 after a delete this process could not confirm: done.
    call_result gone_after_unconfirmed_delete(const std::string& key, const call_failure& missing);

    request_pipeline& pipeline_;
    unconfirmed_changes& unconfirmed_;
};

// The string member `name` of a user object, or empty.
std::string user_field(const boost::json::value& user, std::string_view name);

}  // namespace okta_plugin::okta
