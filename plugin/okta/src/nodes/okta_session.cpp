#include "nodes/okta_session.hpp"

#include "nodes/credentials.hpp"
#include "nodes/runtime.hpp"

#include <string>

namespace okta_plugin::nodes {
namespace {

transport::call_budget budget_of(const wfn::call_context& context) {
    transport::call_budget budget;
    budget.deadline = context.deadline();
    budget.budget_ms = context.timeout_ms();
    budget.is_cancelled = [&context] { return context.cancelled(); };
    return budget;
}

}  // namespace

okta_session::okta_session(const wfn::node_call& call, int max_retries)
    : org_(read_credentials(call.credentials)),
      client_(runtime().http, runtime().pacer, org_, okta::client_policy{max_retries}, budget_of(call.context),
              [this, &context = call.context](std::string_view line) {
                  if (context.logs(wfn::log_level::debug)) {
                      context.log(wfn::log_level::debug, okta::redact(std::string(line), {org_.token.reveal()}));
                  }
              }) {}

boost::json::object okta_session::seal(boost::json::object output, std::string_view password) const {
    if (auto* message = output.if_contains("ErrorMessage"); message != nullptr && message->is_string()) {
        *message = okta::redact(std::string(message->as_string()), {org_.token.reveal(), password});
    }
    return output;
}

}  // namespace okta_plugin::nodes
