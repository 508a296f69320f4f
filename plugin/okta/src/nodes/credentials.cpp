#include "nodes/credentials.hpp"

#include "nodes/param_reader.hpp"

#include <wfn/plugin.hpp>

namespace okta_plugin::nodes {
namespace {

constexpr std::size_t max_token_length = 1024;
constexpr std::size_t max_ca_pem_length = 256 * 1024;

const boost::json::string& required_string(const boost::json::object& credentials, std::string_view name) {
    const auto* value = credentials.if_contains(name);
    if (value == nullptr || value->is_null()) {
        throw wfn::invalid_input_error(std::string(name) + " is required in the Okta credentials.");
    }
    if (!value->is_string()) {
        throw wfn::invalid_input_error(std::string(name) + " must be a string, not " + std::string(json_kind(*value)) +
                                       ".");
    }
    return value->as_string();
}

// Okta tokens are printable ASCII. Anything else (a pasted line break, a
// "SSWS " prefix with its space) would corrupt the Authorization header.
void check_token(std::string_view token) {
    if (token.empty()) {
        throw wfn::invalid_input_error("ApiToken is empty: paste an Okta API token.");
    }
    if (token.size() > max_token_length) {
        throw wfn::invalid_input_error("ApiToken is longer than " + std::to_string(max_token_length) +
                                       " characters; paste the token alone.");
    }
    for (unsigned char c : token) {
        if (c < 0x21 || c > 0x7E) {
            throw wfn::invalid_input_error(
                "ApiToken contains a control character (such as CR or LF), a space or a non-ASCII character; paste "
                "the token alone, without \"SSWS \".");
        }
    }
}

}  // namespace

okta::org_connection read_credentials(const boost::json::object& credentials) {
    okta::org_connection connection;
    try {
        connection.org = okta::parse_org_domain(required_string(credentials, "Domain"));
    } catch (const okta::invalid_setting& error) {
        throw wfn::invalid_input_error(error.what());
    }
    const auto& token = required_string(credentials, "ApiToken");
    check_token(token);
    connection.token = okta::secret_text(token);

    if (const auto* ca = credentials.if_contains("CaCertificate"); ca != nullptr && !ca->is_null()) {
        if (!ca->is_string()) {
            throw wfn::invalid_input_error("CaCertificate must be a PEM text, not " + std::string(json_kind(*ca)) + ".");
        }
        const auto& pem = ca->as_string();
        if (!pem.empty()) {
            if (pem.size() > max_ca_pem_length) {
                throw wfn::invalid_input_error("CaCertificate is larger than 256 KB.");
            }
            if (auto problem = okta::ca_certificate_problem(pem)) {
                throw wfn::invalid_input_error("CaCertificate is not usable: " + *problem + ".");
            }
            connection.extra_ca_pem = std::string(pem);
        }
    }
    return connection;
}

}  // namespace okta_plugin::nodes
