#include "okta/protocol/oauth_tokens.hpp"

#include "wire/ascii.hpp"

#include <boost/json/parse.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <array>

namespace okta_plugin::okta {
namespace {

constexpr std::size_t max_quoted_description = 300;
// A run this long of base64url characters could be a token, an assertion or a key.
constexpr std::size_t token_like_run = 32;

void append_field(wire::wiping_string& form, std::string_view name, std::string_view value) {
    if (!form.empty()) {
        form += '&';
    }
    form += name;
    form += '=';
    boost::urls::encode(value, boost::urls::unreserved_chars, {}, boost::urls::string_token::append_to(form));
}

bool is_token_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '+' || c == '/';
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// Which check of the assertion Okta's invalid_client names, in a plain sentence.
std::string failed_client_check(std::string_view description) {
    const std::string text = wire::ascii_lowered(description);
    if (contains(text, "already been used") || contains(text, "already used") || contains(text, "replay")) {
        return "the assertion was already used: each one needs a fresh jti";
    }
    if (contains(text, "lacks") || contains(text, "missing") || contains(text, "malformed")) {
        return "the assertion is not a complete signed JWT (iss, sub, aud, exp and jti)";
    }
    if (contains(text, "aud")) {
        return "the assertion's audience must be the token URL";
    }
    if (contains(text, "issuer") || contains(text, "[iss]") || contains(text, "subject")) {
        return "the assertion's issuer and subject must both be the ClientId";
    }
    if (contains(text, "expir") || contains(text, "[exp]") || contains(text, "future")) {
        return "the assertion's lifetime was refused: check this machine's clock (exp at most an hour after iat)";
    }
    if (contains(text, "algorithm")) {
        return "the signing algorithm was refused: the app's key must be RSA (RS256) or EC P-256 (ES256)";
    }
    if (contains(text, "kid")) {
        return "KeyId names no public key registered with the app";
    }
    if (contains(text, "signature") || contains(text, "key") || contains(text, "jwk")) {
        return "the key does not match the app's registered JWK: register this key's public half with the app";
    }
    if (contains(text, "client")) {
        return "no service app with this ClientId accepts private-key (JWT) authentication in the org";
    }
    return "Okta refused the app's credentials";
}

}  // namespace

std::string token_url(std::string_view origin) { return std::string(origin) + std::string(token_path); }

boost::json::object assertion_claims(std::string_view client_id, std::string_view audience, std::int64_t issued_at) {
    return {{"iss", client_id},
            {"sub", client_id},
            {"aud", audience},
            {"iat", issued_at},
            {"exp", issued_at + assertion_lifetime.count()},
            {"jti", random_id()}};
}

wire::wiping_string client_assertion(const signing_key& key, std::string_view key_id, std::string_view client_id,
                                     std::string_view audience, std::int64_t issued_at) {
    boost::json::object header{{"alg", key.algorithm()}, {"typ", "JWT"}};
    if (!key_id.empty()) {
        header["kid"] = key_id;
    }
    return compact_jws(header, assertion_claims(client_id, audience, issued_at), key);
}

wire::wiping_string token_request_form(std::string_view scopes, std::string_view assertion) {
    wire::wiping_string form;
    form.reserve(assertion.size() + scopes.size() + 160);
    append_field(form, "grant_type", "client_credentials");
    append_field(form, "scope", scopes);
    append_field(form, "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    append_field(form, "client_assertion", assertion);
    return form;
}

token_answer read_token_answer(const wire::response& response) {
    oauth_error refused;
    refused.status = response.status;
    refused.dpop_nonce = std::string(response.value("DPoP-Nonce").value_or(""));
    boost::system::error_code failed;
    boost::json::value body = boost::json::parse(response.body, failed);
    boost::json::object* fields = failed ? nullptr : body.if_object();
    if (response.status == 200 && fields != nullptr) {
        const auto* token = fields->if_contains("access_token");
        const auto* type = fields->if_contains("token_type");
        if (token != nullptr && token->is_string() && !token->as_string().empty() && type != nullptr &&
            type->is_string()) {
            issued_token issued{wire::secret_text(token->as_string()), std::string(type->as_string()), {}};
            if (const auto* lifetime = fields->if_contains("expires_in"); lifetime != nullptr && lifetime->is_int64() &&
                                                                          lifetime->as_int64() > 0) {
                issued.expires_in = std::chrono::seconds(std::min<std::int64_t>(lifetime->as_int64(), 86400));
            }
            // Wipe the parsed copy of the token before the DOM is freed.
            boost::json::string& parsed = fields->at("access_token").get_string();
            std::fill(parsed.data(), parsed.data() + parsed.size(), '\0');
            return issued;
        }
        refused.description = "the token endpoint answered 200 without an access_token and token_type";
        return refused;
    }
    if (fields != nullptr) {
        if (const auto* error = fields->if_contains("error"); error != nullptr && error->is_string()) {
            refused.error = std::string(error->as_string());
        } else if (const auto* code = fields->if_contains("errorCode"); code != nullptr && code->is_string()) {
            refused.error = std::string(code->as_string());  // an Okta error body (a 5xx from the org)
        }
        if (const auto* text = fields->if_contains("error_description"); text != nullptr && text->is_string()) {
            refused.description = std::string(text->as_string());
        }
    }
    return refused;
}

std::string quotable_description(std::string_view description) {
    std::size_t run = 0;
    for (char c : description) {
        run = is_token_char(c) ? run + 1 : 0;
        if (run >= token_like_run) {
            return {};
        }
    }
    if (description.size() > max_quoted_description) {
        return {};
    }
    return std::string(description);
}

std::string explain_token_error(const oauth_error& refused, std::string_view client_id, std::string_view scopes) {
    const std::string quoted = quotable_description(refused.description);
    const std::string okta_said = quoted.empty() ? "" : " (Okta: " + quoted + ")";
    const std::string status = std::to_string(refused.status);
    if (refused.error == "invalid_client") {
        return "The token request for ClientId " + std::string(client_id) + " failed: " +
               failed_client_check(refused.description) + "." + okta_said;
    }
    if (refused.error == "invalid_scope") {
        return "The token request asked for scopes the app has not been granted (" + std::string(scopes) +
               "); grant them in the Admin Console under the app's Okta API Scopes, or set Scopes." + okta_said;
    }
    if (refused.error == "unauthorized_client") {
        return "The app may not use the client_credentials grant: make it an API Services app with public key / "
               "private key client authentication." + okta_said;
    }
    if (refused.error == "invalid_dpop_proof" || refused.error == "use_dpop_nonce") {
        return "The token endpoint refused the DPoP proof (" + refused.error + ")." + okta_said;
    }
    if (!refused.error.empty()) {
        return "The token endpoint answered " + status + " " + refused.error + "." + okta_said;
    }
    if (refused.status == 200) {
        return "The token endpoint's answer was not a token: " + refused.description + ".";
    }
    return "The token endpoint answered HTTP " + status + " without an OAuth error; no access token was issued.";
}

}  // namespace okta_plugin::okta
