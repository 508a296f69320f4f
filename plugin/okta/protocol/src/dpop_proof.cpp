#include "okta/protocol/dpop_proof.hpp"

#include "okta/protocol/org_address.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace okta_plugin::okta {

std::string dpop_htu(std::string_view origin, std::string_view target) {
    const auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) {
        throw invalid_setting("The request target is not an origin-form path, so no DPoP proof can name it.");
    }
    return std::string(origin) + parsed->path();
}

boost::json::object dpop_header(const signing_key& key) {
    return {{"typ", "dpop+jwt"}, {"alg", key.algorithm()}, {"jwk", key.public_jwk()}};
}

boost::json::object dpop_claims(const dpop_binding& binding) {
    boost::json::object claims{{"htm", wire::method_name(binding.verb)},
                               {"htu", binding.htu},
                               {"iat", binding.issued_at},
                               {"jti", random_id()}};
    if (!binding.access_token.empty()) {
        claims["ath"] = base64url(sha256(binding.access_token));
    }
    if (!binding.nonce.empty()) {
        claims["nonce"] = binding.nonce;
    }
    return claims;
}

wire::wiping_string dpop_proof(const signing_key& key, const dpop_binding& binding) {
    return compact_jws(dpop_header(key), dpop_claims(binding), key);
}

}  // namespace okta_plugin::okta
