#include "nodes/credentials.hpp"

#include "wire/ca_bundle.hpp"

#include "nodes/param_reader.hpp"

#include <wfn/plugin.hpp>

#include <algorithm>
#include <cstdlib>
#include <array>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace okta_plugin::nodes {
namespace {

constexpr std::size_t max_token_length = 1024;
constexpr std::size_t max_client_id_length = 100;
constexpr std::size_t max_key_id_length = 200;
constexpr std::size_t max_scopes_length = 2048;
constexpr std::size_t max_private_key_length = 16 * 1024;

// The members only a service app has, and the one only an API token has:
// a credential carrying the other type's members names the wrong type.
constexpr std::array<std::string_view, 4> service_app_members{"ClientId", "PrivateKey", "KeyId", "Scopes"};
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

// Decoding a PEM through OpenSSL 3 costs more than the rest of a warm Get
// (tests/bench/README.md), and every call of a workflow carries the same
// CaCertificate text. So the texts found usable are remembered (the full
// text, compared byte for byte; the hash only picks the candidate); a text not
// remembered is checked again, so a bad PEM always gets the same error.
class usable_ca_memo {
public:
    bool known_usable(std::string_view pem) const {
        const std::size_t hash = std::hash<std::string_view>{}(pem);
        std::shared_lock lock(mutex_);
        for (const auto& known : entries_) {
            if (known.hash == hash && known.pem == pem) {
                return true;
            }
        }
        return false;
    }

    void remember(std::string_view pem) {
        const std::size_t hash = std::hash<std::string_view>{}(pem);
        std::unique_lock lock(mutex_);
        // Bounded: a handful of trust configurations per process is the
        // norm; past that, the oldest entry is overwritten.
        entries_[next_] = entry{hash, std::string(pem)};
        next_ = (next_ + 1) % entries_.size();
    }

private:
    struct entry {
        std::size_t hash = 0;
        std::string pem;
    };
    mutable std::shared_mutex mutex_;
    std::array<entry, 16> entries_{};
    std::size_t next_ = 0;
};

usable_ca_memo& usable_cas() {
    static usable_ca_memo memo;
    return memo;
}

// Printable ASCII without spaces: a client id or key id goes into JSON and a form.
void check_identifier(std::string_view name, std::string_view value, std::size_t max_length) {
    if (value.empty()) {
        throw wfn::invalid_input_error(std::string(name) + " is empty.");
    }
    if (value.size() > max_length) {
        throw wfn::invalid_input_error(std::string(name) + " is longer than " + std::to_string(max_length) +
                                       " characters.");
    }
    for (unsigned char c : value) {
        if (c < 0x21 || c > 0x7E) {
            throw wfn::invalid_input_error(std::string(name) +
                                           " contains a space, a control or a non-ASCII character.");
        }
    }
}

std::string_view type_of(const boost::json::object& credentials) {
    const auto* type = credentials.if_contains("type");
    if (type == nullptr || type->is_null()) {
        return api_token_type;  // credentials saved before there were two types
    }
    if (!type->is_string()) {
        throw wfn::invalid_input_error("type must be a string naming the credential type, not " +
                                       std::string(json_kind(*type)) + ".");
    }
    const std::string_view name = type->as_string();
    if (name != api_token_type && name != service_app_type) {
        throw wfn::invalid_input_error("type \"" + std::string(name.substr(0, 64)) +
                                       "\" is not an Okta credential type: use okta.apiToken or okta.oauthServiceApp.");
    }
    return name;
}

void refuse_members_of_the_other_type(const boost::json::object& credentials, std::string_view type) {
    if (type == api_token_type) {
        for (const auto member : service_app_members) {
            if (credentials.contains(member)) {
                throw wfn::invalid_input_error(
                    "The credentials carry " + std::string(member) + ", a member of okta.oauthServiceApp, but their type is " +
                    std::string(api_token_type) +
                    (credentials.contains("type") ? "" : " (no type given)") +
                    ": set \"type\": \"okta.oauthServiceApp\" for a service app, or remove " + std::string(member) + ".");
            }
        }
    } else if (credentials.contains("ApiToken")) {
        throw wfn::invalid_input_error("The credentials carry ApiToken, but their type is okta.oauthServiceApp: a "
                                       "service app signs in with ClientId and PrivateKey; remove ApiToken or set "
                                       "\"type\": \"okta.apiToken\".");
    }
}

std::string optional_string(const boost::json::object& credentials, std::string_view name) {
    const auto* value = credentials.if_contains(name);
    if (value == nullptr || value->is_null()) {
        return {};
    }
    if (!value->is_string()) {
        throw wfn::invalid_input_error(std::string(name) + " must be a string, not " + std::string(json_kind(*value)) +
                                       ".");
    }
    return std::string(value->as_string());
}

service_app_credentials read_service_app(const boost::json::object& credentials) {
    service_app_credentials app;
    app.client_id = std::string(required_string(credentials, "ClientId"));
    check_identifier("ClientId", app.client_id, max_client_id_length);
    app.key_id = optional_string(credentials, "KeyId");
    if (!app.key_id.empty()) {
        check_identifier("KeyId", app.key_id, max_key_id_length);
    }
    app.scopes = normalised_scopes(optional_string(credentials, "Scopes"));
    const auto& pem = required_string(credentials, "PrivateKey");
    if (pem.size() > max_private_key_length) {
        throw wfn::invalid_input_error("PrivateKey is larger than 16 KB; paste one PEM private key.");
    }
    app.private_key_pem = wire::secret_text(pem);
    try {
        app.key = okta::signing_key::from_pem(app.private_key_pem.reveal());
    } catch (const okta::invalid_setting& error) {
        throw wfn::invalid_input_error(error.what());
    }
    return app;
}

std::string read_ca_certificate(const boost::json::object& credentials) {
    const auto* ca = credentials.if_contains("CaCertificate");
    if (ca == nullptr || ca->is_null()) {
        return {};
    }
    if (!ca->is_string()) {
        throw wfn::invalid_input_error("CaCertificate must be a PEM text, not " + std::string(json_kind(*ca)) + ".");
    }
    const auto& pem = ca->as_string();
    if (pem.empty()) {
        return {};
    }
    if (pem.size() > max_ca_pem_length) {
        throw wfn::invalid_input_error("CaCertificate is larger than 256 KB.");
    }
    if (!usable_cas().known_usable(pem)) {
        if (auto problem = wire::ca_bundle_problem(pem)) {
            throw wfn::invalid_input_error("CaCertificate is not usable: " + *problem + ".");
        }
        usable_cas().remember(pem);
    }
    return std::string(pem);
}

// The credential's RateBudgetUrl, else the environment's; an empty one is
// no shared budget.
std::optional<okta::rate_budget_settings> read_rate_budget(const boost::json::object& credentials,
                                                            const std::string& extra_ca_pem) {
    std::string url = optional_string(credentials, "RateBudgetUrl");
    const bool from_environment = url.empty() && !credentials.contains("RateBudgetUrl");
    if (from_environment) {
        const char* value = std::getenv(std::string(rate_budget_url_variable).c_str());
        url = value != nullptr ? value : "";
    }
    if (url.empty()) {
        return std::nullopt;
    }
    const wire::secret_text kept(url);  // wiped, whatever happens to `url`'s copies below
    url.assign(url.size(), '\0');
    try {
        okta::rate_budget_settings settings = okta::parse_rate_budget_url(kept.reveal());
        settings.redis.extra_ca_pem = extra_ca_pem;
        return settings;
    } catch (const okta::invalid_setting& error) {
        throw wfn::invalid_input_error(std::string(error.what()) +
                                       (from_environment ? " (from " + std::string(rate_budget_url_variable) + ")" : ""));
    }
}

}  // namespace

std::string normalised_scopes(std::string_view scopes) {
    if (scopes.size() > max_scopes_length) {
        throw wfn::invalid_input_error("Scopes is longer than " + std::to_string(max_scopes_length) + " characters.");
    }
    std::vector<std::string_view> names;
    std::size_t at = 0;
    while (at < scopes.size()) {
        const std::size_t end = std::min(scopes.find(' ', at), scopes.size());
        if (end > at) {
            names.push_back(scopes.substr(at, end - at));
        }
        at = end + 1;
    }
    for (const auto name : names) {
        for (unsigned char c : name) {
            // RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                throw wfn::invalid_input_error("Scopes holds a character no scope may have (a quote, a backslash, a "
                                               "control or a non-ASCII character); separate scopes with spaces.");
            }
        }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string joined;
    for (const auto name : names) {
        if (!joined.empty()) {
            joined += ' ';
        }
        joined += name;
    }
    return joined;
}

org_connection read_credentials(const boost::json::object& credentials) {
    const std::string_view type = type_of(credentials);
    refuse_members_of_the_other_type(credentials, type);
    org_connection connection;
    try {
        connection.org = okta::parse_org_domain(required_string(credentials, "Domain"));
    } catch (const okta::invalid_setting& error) {
        throw wfn::invalid_input_error(error.what());
    }
    if (type == service_app_type) {
        connection.app = read_service_app(credentials);
    } else {
        const auto& token = required_string(credentials, "ApiToken");
        check_token(token);
        connection.token = wire::secret_text(token);
    }
    connection.extra_ca_pem = read_ca_certificate(credentials);
    connection.rate_budget = read_rate_budget(credentials, connection.extra_ca_pem);
    return connection;
}

}  // namespace okta_plugin::nodes
