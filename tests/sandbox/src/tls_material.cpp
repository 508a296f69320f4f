#include "tls_material.hpp"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <stdexcept>
#include <sys/file.h>
#include <unistd.h>
#include <vector>

namespace okta_sandbox {
namespace {

struct pkey_free { void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); } };
struct x509_free { void operator()(X509* p) const { X509_free(p); } };
struct ext_free { void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); } };
struct bn_free { void operator()(BIGNUM* p) const { BN_free(p); } };
struct file_close { void operator()(std::FILE* f) const { std::fclose(f); } };
using pkey_ptr = std::unique_ptr<EVP_PKEY, pkey_free>;
using x509_ptr = std::unique_ptr<X509, x509_free>;

[[noreturn]] void openssl_failure(const std::string& what) {
  std::string message = "TLS setup failed: " + what;
  if (const unsigned long code = ERR_get_error(); code != 0) {
    std::vector<char> text(256);
    ERR_error_string_n(code, text.data(), text.size());
    message += " (";
    message += text.data();
    message += ")";
  }
  throw std::runtime_error(message);
}

void require(bool ok, const std::string& what) {
  if (!ok) openssl_failure(what);
}

pkey_ptr new_key() {
  // P-256: quick to generate, accepted by every TLS client we test with.
  pkey_ptr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  require(key != nullptr, "generating a key");
  return key;
}

void add_extension(X509* certificate, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
  std::unique_ptr<X509_EXTENSION, ext_free> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()));
  require(extension != nullptr && X509_add_ext(certificate, extension.get(), -1) == 1, "adding extension " + value);
}

x509_ptr new_certificate(EVP_PKEY* subject_key, const std::string& common_name) {
  x509_ptr certificate(X509_new());
  require(certificate != nullptr, "allocating a certificate");
  require(X509_set_version(certificate.get(), X509_VERSION_3) == 1, "setting the version");
  std::unique_ptr<BIGNUM, bn_free> serial(BN_new());
  require(serial && BN_rand(serial.get(), 120, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
              BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())) != nullptr,
          "choosing a serial number");
  // Valid from an hour ago (clock skew) for ten years, so a reused directory keeps working.
  require(X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) != nullptr &&
              X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 10L * 365 * 24 * 3600) != nullptr,
          "setting the validity");
  X509_NAME* name = X509_get_subject_name(certificate.get());
  require(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Okta sandbox"), -1, -1, 0) == 1 &&
              X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                         reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0) == 1,
          "setting the subject");
  require(X509_set_pubkey(certificate.get(), subject_key) == 1, "setting the public key");
  return certificate;
}

void write_pem(const std::filesystem::path& path, const std::function<int(std::FILE*)>& write, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) throw std::runtime_error("cannot write " + path.string());
  std::unique_ptr<std::FILE, file_close> file(fdopen(fd, "w"));
  if (!file) {
    ::close(fd);
    throw std::runtime_error("cannot write " + path.string());
  }
  require(write(file.get()) == 1, "writing " + path.string());
}

void create_files(const tls_files& files, const std::string& hostname) {
  const pkey_ptr ca_key = new_key();
  const x509_ptr ca = new_certificate(ca_key.get(), "Okta sandbox test CA");
  require(X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get())) == 1, "naming the CA issuer");
  add_extension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE");
  add_extension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
  add_extension(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
  require(X509_sign(ca.get(), ca_key.get(), EVP_sha256()) > 0, "signing the CA certificate");

  const pkey_ptr server_key = new_key();
  const std::string common_name = hostname.empty() ? "localhost" : hostname;
  const x509_ptr server = new_certificate(server_key.get(), common_name);
  require(X509_set_issuer_name(server.get(), X509_get_subject_name(ca.get())) == 1, "naming the server issuer");
  add_extension(server.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
  add_extension(server.get(), ca.get(), NID_key_usage, "critical,digitalSignature");
  add_extension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth");
  add_extension(server.get(), ca.get(), NID_subject_key_identifier, "hash");
  add_extension(server.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
  add_extension(server.get(), ca.get(), NID_subject_alt_name,
                hostname.empty() ? std::string("IP:127.0.0.1,DNS:localhost") : "DNS:" + hostname);
  require(X509_sign(server.get(), ca_key.get(), EVP_sha256()) > 0, "signing the server certificate");

  // Written under temporary names and renamed, so a reader never sees half a file.
  const auto temporary = [](const std::filesystem::path& p) {
    return std::filesystem::path(p.string() + ".tmp" + std::to_string(::getpid()));
  };
  write_pem(temporary(files.server_key), [&](std::FILE* f) {
    return PEM_write_PrivateKey(f, server_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  }, 0600);
  write_pem(temporary(files.server_certificate), [&](std::FILE* f) { return PEM_write_X509(f, server.get()); }, 0644);
  write_pem(temporary(files.ca_certificate), [&](std::FILE* f) { return PEM_write_X509(f, ca.get()); }, 0644);
  std::filesystem::rename(temporary(files.server_key), files.server_key);
  std::filesystem::rename(temporary(files.server_certificate), files.server_certificate);
  std::filesystem::rename(temporary(files.ca_certificate), files.ca_certificate);
}

std::filesystem::path make_temporary_directory() {
  const auto base = std::filesystem::temp_directory_path() / "okta-sandbox-XXXXXX";
  std::string pattern = base.string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory in " + base.parent_path().string());
  return pattern;
}

// Holds an exclusive flock on <directory>/.lock for its lifetime.
class directory_lock {
 public:
  explicit directory_lock(const std::filesystem::path& directory)
      : fd_(::open((directory / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) throw std::runtime_error("cannot lock " + (directory / ".lock").string());
  }
  ~directory_lock() { ::close(fd_); }
  directory_lock(const directory_lock&) = delete;
  directory_lock& operator=(const directory_lock&) = delete;

 private:
  int fd_;
};

}  // namespace

tls_files prepare_tls_files(const std::optional<std::filesystem::path>& directory, const std::string& hostname) {
  tls_files files;
  if (directory) {
    std::filesystem::create_directories(*directory);
    files.directory = std::filesystem::absolute(*directory);
  } else {
    files.directory = make_temporary_directory();
    files.directory_is_temporary = true;
  }
  files.ca_certificate = files.directory / "ca.pem";
  files.server_certificate = files.directory / "server.pem";
  files.server_key = files.directory / "server.key";

  const directory_lock lock(files.directory);
  const bool complete = std::filesystem::exists(files.ca_certificate) &&
                        std::filesystem::exists(files.server_certificate) && std::filesystem::exists(files.server_key);
  if (!complete) create_files(files, hostname);
  return files;
}

}  // namespace okta_sandbox
