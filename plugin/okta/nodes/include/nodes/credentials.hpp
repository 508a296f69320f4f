// The okta.apiToken credential: Domain, ApiToken, optional CaCertificate.
#pragma once

#include "okta/protocol/org_address.hpp"
#include "wire/secret_text.hpp"

#include <boost/json/object.hpp>

#include <string>

namespace okta_plugin::nodes {

struct org_connection {
    okta::org_address org;
    wire::secret_text token;
    std::string extra_ca_pem;  // CaCertificate, may be empty
};

// Validates the credentials and returns where and how to connect. Throws
// wfn::invalid_input_error naming the field (never quoting the token).
org_connection read_credentials(const boost::json::object& credentials);

}  // namespace okta_plugin::nodes
