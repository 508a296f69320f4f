#pragma once
// The sandbox's TLS identity: a throwaway CA and a server certificate it signs,
// made with OpenSSL's API, or reused from a directory that holds them already.
#include <filesystem>
#include <optional>
#include <string>

namespace okta_sandbox {

struct tls_files {
  std::filesystem::path directory;
  std::filesystem::path ca_certificate;      // ca.pem: what clients trust
  std::filesystem::path server_certificate;  // server.pem
  std::filesystem::path server_key;          // server.key
  bool directory_is_temporary = false;       // made by us; removed on exit
};

// With no directory, makes a fresh temporary one. Reuses ca.pem, server.pem and
// server.key when all three exist, else creates them (under a lock file, so
// sandboxes started at the same time on one directory agree on one set).
// The server certificate names IP 127.0.0.1 and DNS localhost, or only DNS
// `hostname` when one is given (for wrong-host tests). Throws std::runtime_error.
tls_files prepare_tls_files(const std::optional<std::filesystem::path>& directory, const std::string& hostname);

}  // namespace okta_sandbox
