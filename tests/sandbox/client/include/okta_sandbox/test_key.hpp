#pragma once
// Throwaway key pairs for tests of OAuth service apps, made with OpenSSL: the
// private key as PEM for the client under test, the public JWK for the sandbox.
#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace okta_sandbox {

// base64url without padding, as JOSE encodes every part.
std::string base64url(std::string_view bytes);

struct test_key {
  std::string kid;
  std::string alg;                // "RS256" or "ES256"
  std::string private_pem;        // PKCS#8 ("BEGIN PRIVATE KEY")
  std::string private_pem_pkcs1;  // RSA only: PKCS#1 ("BEGIN RSA PRIVATE KEY"); empty for EC
  boost::json::object public_jwk;   // {"kty","kid","alg","use":"sig",...}
  boost::json::object private_jwk;  // the public JWK plus its private members: for tests that must be refused
};

// 2048-bit RSA. An empty kid gets a random one.
test_key make_rsa_key(std::string kid = {});
// EC on P-256.
test_key make_ec_key(std::string kid = {});

}  // namespace okta_sandbox
