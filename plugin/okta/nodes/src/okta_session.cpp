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
    : context_(call.context),
      node_id_(node_id),
      org_(read_credentials(call.credentials)),
      password_(password),
      route_(route_of(org_)),
      budget_(budget_of(call.context)),
      pipeline_(runtime().sender, rate_budget_for(call.context), authoriser_for(node_id, call.context), route_,
                okta::pipeline_policy{max_retries}, budget_,
                [this, &context = call.context](std::string_view line) { log(context, line); }),
      users_(pipeline_, runtime().unconfirmed),
      groups_(pipeline_, users_) {
    pipeline_.on_event([this](const okta::pipeline_event& event) { report(event); });
}

void okta_session::listed(std::uint64_t items) {
    listed_ = items;
    context_.progress(items);
}

void okta_session::report(const okta::pipeline_event& event) const {
    if (event.rate_limit_wait && event.wait_ms >= 0) {
        const std::string status =
            "waiting " + std::to_string((event.wait_ms + 999) / 1000) + " s for the rate-limit window";
        context_.progress(listed_, std::nullopt, status);
    }
    if (!context_.logs(wfn::log_level::info)) {
        return;
    }
    const std::string status = std::to_string(event.status);
    const std::string attempt = std::to_string(event.attempt);
    const std::string wait_ms = std::to_string(event.wait_ms);
    const std::string request_id = mask(event.request_id);
    wfn::log_field fields[5];
    std::size_t count = 0;
    fields[count++] = {"node", node_id_};
    if (!request_id.empty()) {
        fields[count++] = {"request_id", request_id};
    }
    if (event.status != 0) {
        fields[count++] = {"status", status};
    }
    if (event.attempt > 0) {
        fields[count++] = {"attempt", attempt};
    }
    if (event.wait_ms >= 0) {
        fields[count++] = {"wait_ms", wait_ms};
    }
    context_.log(wfn::log_level::info, mask(event.message), std::span<const wfn::log_field>(fields, count));
}

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

okta::rate_budget& okta_session::rate_budget_for(const wfn::call_context& context) {
    if (!org_.rate_budget) {
        return runtime().pacer;
    }
    // The budget is per token or service app: only its hash reaches Redis.
    const std::string_view identity = org_.app ? std::string_view(org_.app->client_id) : org_.token.reveal();
    shared_budget_.emplace(runtime().shared_budgets, *org_.rate_budget, identity, runtime().pacer, budget_,
                           [this, &context](std::string_view line) {
                               if (context.logs(wfn::log_level::warn)) {
                                   context.log(wfn::log_level::warn, mask(std::string(line)));
                               }
                           });
    return *shared_budget_;
}

void okta_session::log(const wfn::call_context& context, std::string_view line) const {
    if (context.logs(wfn::log_level::debug)) {
        context.log(wfn::log_level::debug, mask(std::string(line)));
    }
}

std::string okta_session::mask(std::string text) const {
    return okta::redact(std::move(text), {org_.token.reveal(), password_ != nullptr ? password_->reveal() : "",
                                          org_.app ? org_.app->private_key_pem.reveal() : "",
                                          org_.rate_budget ? org_.rate_budget->redis.password.reveal() : ""});
}

boost::json::object okta_session::seal(boost::json::object output) const {
    if (auto* message = output.if_contains("ErrorMessage"); message != nullptr && message->is_string()) {
        *message = okta::bounded_message(mask(std::string(message->as_string())));
    }
    return output;
}

}  // namespace okta_plugin::nodes
