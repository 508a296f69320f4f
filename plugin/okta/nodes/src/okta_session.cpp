#include "nodes/okta_session.hpp"

#include "nodes/node_scopes.hpp"
#include "nodes/runtime.hpp"
#include "okta/protocol/redaction.hpp"

namespace okta_plugin::nodes {
namespace {

wire::call_budget budget_of(const wfn::call_context& context) {
    wire::call_budget budget;
    budget.deadline = context.deadline();
    budget.budget_ms = context.timeout_ms();
    budget.is_cancelled = [&context] { return context.cancelled(); };
    return budget;
}

okta::org_route route_of(const org_connection& org) {
    return {org.org, wire::endpoint{org.org.host, org.org.port, org.extra_ca_pem}};
}

}  // namespace

okta_session::okta_session(const wfn::node_call& call, std::string_view node_id, int max_retries,
                           const wire::secret_text* password)
    : org_(read_credentials(call.credentials)),
      password_(password),
      route_(route_of(org_)),
      pipeline_(runtime().sender, runtime().pacer, authoriser_for(node_id, call.context), route_,
                okta::pipeline_policy{max_retries}, budget_of(call.context),
                [this, &context = call.context](std::string_view line) { log(context, line); }),
      users_(pipeline_, runtime().unconfirmed),
      groups_(pipeline_, users_) {}

okta::authoriser& okta_session::authoriser_for(std::string_view node_id, const wfn::call_context& context) {
    if (!org_.app) {
        authoriser_ = std::make_unique<okta::ssws_authoriser>(org_.token);
        return *authoriser_;
    }
    const service_app_credentials& app = *org_.app;
    app_ = okta::service_app{route_.org.origin,
                             route_.endpoint,
                             app.client_id,
                             app.key_id,
                             app.scopes.empty() ? normalised_scopes(scopes_of(node_id)) : app.scopes,
                             &*app.key};
    authoriser_ = std::make_unique<okta::oauth_authoriser>(
        runtime().sender, runtime().tokens, *app_, [this, &context](std::string_view line) { log(context, line); });
    return *authoriser_;
}

void okta_session::log(const wfn::call_context& context, std::string_view line) const {
    if (context.logs(wfn::log_level::debug)) {
        context.log(wfn::log_level::debug, mask(std::string(line)));
    }
}

std::string okta_session::mask(std::string text) const {
    return okta::redact(std::move(text), {org_.token.reveal(), password_ != nullptr ? password_->reveal() : "",
                                          org_.app ? org_.app->private_key_pem.reveal() : ""});
}

boost::json::object okta_session::seal(boost::json::object output) const {
    if (auto* message = output.if_contains("ErrorMessage"); message != nullptr && message->is_string()) {
        *message = okta::bounded_message(mask(std::string(message->as_string())));
    }
    return output;
}

}  // namespace okta_plugin::nodes
