// The okta.apiToken credential: Domain, ApiToken, optional CaCertificate.
#pragma once

#include "okta/users_client.hpp"

#include <boost/json/object.hpp>

namespace okta_plugin::nodes {

// Validates the credentials and returns where and how to connect. Throws
// wfn::invalid_input_error naming the field (never quoting the token).
okta::org_connection read_credentials(const boost::json::object& credentials);

}  // namespace okta_plugin::nodes
