// One node call's connection to Okta: the validated credentials, the
// authoriser they call for (an API token, or a service app's OAuth token),
// and the request pipeline and Users API client bound to the call's
// deadline, cancellation and log.
#pragma once

#include "nodes/credentials.hpp"
#include "okta/client/authoriser.hpp"
#include "okta/client/groups_client.hpp"
#include "okta/client/oauth_authoriser.hpp"
#include "okta/client/request_pipeline.hpp"
#include "okta/client/shared_rate_budget.hpp"
#include "okta/client/users_client.hpp"

#include <wfn/plugin.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace okta_plugin::nodes {

class okta_session {
public:
    // Reads the credentials (throws wfn::invalid_input_error on bad ones).
    // `node_id` names the node being run: a service app without Scopes asks
    // for that node's scopes (node_scopes.hpp). `password`, if any, is
    // masked like the other secrets in every message.
    okta_session(const wfn::node_call& call, std::string_view node_id, int max_retries,
                 const wire::secret_text* password = nullptr);
    // The client refers to this session's credentials: it stays put.
    okta_session(const okta_session&) = delete;
    okta_session& operator=(const okta_session&) = delete;

    okta::users_client& client() noexcept { return users_; }
    const org_connection& connection() const noexcept { return org_; }
    okta::groups_client& groups() noexcept { return groups_; }

    // The output, with every secret of this call masked in ErrorMessage: a
    // last guard, should Okta or a lower layer ever echo one.
    boost::json::object seal(boost::json::object output) const;
    std::string mask(std::string text) const;

    const wfn::call_context& context() const noexcept { return context_; }
    // A listing has `items` so far: reported to the host as progress.
    void listed(std::uint64_t items);

private:
    // A resend, a rate-limit wait or a reconciled create: one structured
    // record at info (node, request_id, status, attempt, wait_ms), and a
    // rate-limit wait also as the progress status.
    void report(const okta::pipeline_event& event) const;
    okta::authoriser& authoriser_for(std::string_view node_id, const wfn::call_context& context);
    // The org's shared budget when the credentials name one, else the process's pacer.
    okta::rate_budget& rate_budget_for(const wfn::call_context& context);
    void log(const wfn::call_context& context, std::string_view line) const;

    const wfn::call_context& context_;
    std::string node_id_;
    std::uint64_t listed_ = 0;
    org_connection org_;
    const wire::secret_text* password_;
    okta::org_route route_;
    std::optional<okta::service_app> app_;
    std::unique_ptr<okta::authoriser> authoriser_;
    wire::call_budget budget_;
    std::optional<okta::shared_rate_budget> shared_budget_;
    okta::request_pipeline pipeline_;
    okta::users_client users_;
    okta::groups_client groups_;
};

}  // namespace okta_plugin::nodes
