// The secrets a node run was given must not come back in its output or in
// any log line. bench::run() audits every run of the suite with this, at the
// most verbose log level, so every scenario is also a leak test.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace okta_it {

// Shorter values would match by accident ("x" is in most log lines); every
// secret the suite uses is longer.
inline constexpr std::size_t min_audited_secret = 6;

// What a PEM private key starts with; none may ever pass through the plugin.
inline constexpr std::string_view private_key_marker = "PRIVATE KEY-----";

// The parameter and credential values the manifests mark "secret": true.
inline std::vector<std::string> secrets_of(const boost::json::object& params, const boost::json::object& credentials) {
    std::vector<std::string> secrets{std::string(private_key_marker)};
    const auto add = [&](const boost::json::object& values, std::string_view name) {
        const auto* value = values.if_contains(name);
        if (value != nullptr && value->is_string() && value->get_string().size() >= min_audited_secret) {
            secrets.emplace_back(value->get_string());
        }
    };
    add(params, "Password");
    add(credentials, "ApiToken");
    add(credentials, "PrivateKey");
    // The password of a shared rate budget's redis://user:password@host URL.
    if (const auto* url = credentials.if_contains("RateBudgetUrl"); url != nullptr && url->is_string()) {
        const std::string_view text = url->get_string();
        const auto at = text.rfind('@');
        const auto colon = text.find(':', text.find("://") + 3);
        if (at != std::string_view::npos && colon < at && at - colon - 1 >= min_audited_secret) {
            secrets.emplace_back(text.substr(colon + 1, at - colon - 1));
        }
    }
    return secrets;
}

// The credentials a service app's run sent, as the sandbox logged them: each
// client assertion, access token and DPoP proof. None may come back either.
inline std::vector<std::string> credentials_sent(const boost::json::array& requests) {
    std::vector<std::string> sent;
    for (const auto& logged : requests) {
        const auto& request = logged.as_object();
        const auto& headers = request.at("headers").as_object();
        if (const auto* authorization = headers.if_contains("authorization"); authorization != nullptr) {
            const std::string_view value = authorization->as_string();
            if (const auto space = value.find(' '); space != std::string_view::npos &&
                                                   value.substr(0, space) != "SSWS") {
                sent.emplace_back(value.substr(space + 1));  // the access token
            }
        }
        if (const auto* proof = headers.if_contains("dpop"); proof != nullptr) {
            sent.emplace_back(proof->as_string());
        }
        const std::string_view body = request.at("body").as_string();
        constexpr std::string_view assertion_field = "client_assertion=";
        if (const auto at = body.find(assertion_field); at != std::string_view::npos) {
            const auto start = at + assertion_field.size();
            sent.emplace_back(body.substr(start, body.find('&', start) - start));
        }
    }
    return sent;
}

// Every place a secret shows up: "output" or "log: <line>".
inline std::vector<std::string> find_leaks(const boost::json::object& output, const std::vector<std::string>& log,
                                           const std::vector<std::string>& secrets) {
    std::vector<std::string> leaks;
    const std::string output_text = boost::json::serialize(output);
    for (const auto& secret : secrets) {
        if (output_text.find(secret) != std::string::npos) {
            leaks.emplace_back("output");
        }
        for (const auto& line : log) {
            if (line.find(secret) != std::string::npos) {
                leaks.push_back("log: " + line);
            }
        }
    }
    return leaks;
}

// How much the suite audited, for the summary its main() prints.
struct audit_tally {
    std::atomic<std::size_t> runs{0};
    std::atomic<std::size_t> log_lines{0};
    std::atomic<std::size_t> leaks{0};
};

inline audit_tally& audited() {
    static audit_tally tally;
    return tally;
}

}  // namespace okta_it
