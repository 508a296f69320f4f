// One node call's connection to Okta: the validated credentials and a client
// bound to the call's deadline, cancellation and log.
#pragma once

#include "okta/users_client.hpp"

#include <wfn/plugin.hpp>

#include <boost/json/object.hpp>

#include <string_view>

namespace okta_plugin::nodes {

class okta_session {
public:
    // Reads the credentials (throws wfn::invalid_input_error on bad ones).
    okta_session(const wfn::node_call& call, int max_retries);
    // The client refers to this session's credentials: it stays put.
    okta_session(const okta_session&) = delete;
    okta_session& operator=(const okta_session&) = delete;

    okta::users_client& client() noexcept { return client_; }

    // The output, with every secret of this call (the token, and `password`
    // if any) masked in ErrorMessage: a last guard, should Okta or a lower
    // layer ever echo one.
    boost::json::object seal(boost::json::object output, std::string_view password = {}) const;

private:
    okta::org_connection org_;
    okta::users_client client_;
};

}  // namespace okta_plugin::nodes
