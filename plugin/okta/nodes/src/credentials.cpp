#include "nodes/credentials.hpp"

#include "wire/ca_bundle.hpp"

#include "nodes/param_reader.hpp"

#include <wfn/plugin.hpp>

#include <array>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>

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

}  // namespace

org_connection read_credentials(const boost::json::object& credentials) {
    org_connection connection;
    try {
        connection.org = okta::parse_org_domain(required_string(credentials, "Domain"));
    } catch (const okta::invalid_setting& error) {
        throw wfn::invalid_input_error(error.what());
    }
    const auto& token = required_string(credentials, "ApiToken");
    check_token(token);
    connection.token = wire::secret_text(token);

    if (const auto* ca = credentials.if_contains("CaCertificate"); ca != nullptr && !ca->is_null()) {
        if (!ca->is_string()) {
            throw wfn::invalid_input_error("CaCertificate must be a PEM text, not " + std::string(json_kind(*ca)) + ".");
        }
        const auto& pem = ca->as_string();
        if (!pem.empty()) {
            if (pem.size() > max_ca_pem_length) {
                throw wfn::invalid_input_error("CaCertificate is larger than 256 KB.");
            }
            if (!usable_cas().known_usable(pem)) {
                if (auto problem = wire::ca_bundle_problem(pem)) {
                    throw wfn::invalid_input_error("CaCertificate is not usable: " + *problem + ".");
                }
                usable_cas().remember(pem);
            }
            connection.extra_ca_pem = std::string(pem);
        }
    }
    return connection;
}

}  // namespace okta_plugin::nodes
