// Where a TLS context finds the system's trusted root certificates.
#pragma once

#include <filesystem>
#include <string_view>

namespace okta_plugin::transport {

enum class system_trust_source {
    // OpenSSL's defaults (SSL_CTX_set_default_verify_paths): the bundle file,
    // parsed whole (most of a first call's time), plus the certificate
    // directory.
    openssl_defaults,
    // Only the certificate directory, whose certificates OpenSSL reads one by
    // one as a handshake asks for them.
    hashed_directory,
};

// The hashed directory when `directory` has the names that
// update-ca-certificates and `openssl rehash` give (8 hex digits, a dot, a
// digit; Debian, Ubuntu and Alpine ship one, built from the same certificates
// as the bundle). The defaults when it has none, or when SSL_CERT_FILE or
// SSL_CERT_DIR is set (`cert_file_env`, `cert_dir_env`: the user chose a
// store, and OpenSSL's own rules for it apply).
system_trust_source choose_system_trust(std::string_view cert_file_env, std::string_view cert_dir_env,
                                        const std::filesystem::path& directory);

}  // namespace okta_plugin::transport
