// Where the plugin's TLS contexts find the system's root certificates: the
// hashed directory (read lazily) when there is one and the user set nothing,
// else OpenSSL's defaults.
#include "transport/system_trust.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace transport = okta_plugin::transport;
using transport::system_trust_source;

namespace {

// A scratch certificate directory holding the files named.
struct certificate_directory {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("okta-plugin-trust-" + std::to_string(::getpid()));

    certificate_directory() { std::filesystem::create_directories(path); }
    ~certificate_directory() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }

    void holds(const std::string& name) { std::ofstream(path / name) << "not read by the choice\n"; }

    system_trust_source chosen(std::string_view cert_file_env = {}, std::string_view cert_dir_env = {}) const {
        return transport::choose_system_trust(cert_file_env, cert_dir_env, path);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(system_trust, certificate_directory)

BOOST_AUTO_TEST_CASE(a_directory_of_hashed_names_is_read_lazily) {
    holds("ca-certificates.crt");
    holds("5ed36f99.0");
    BOOST_TEST((chosen() == system_trust_source::hashed_directory));
}

BOOST_AUTO_TEST_CASE(a_directory_without_hashed_names_leaves_it_to_openssl) {
    holds("ca-bundle.crt");
    holds("README");
    holds("5ed36f99.pem");
    holds("5ed36f9.0");
    BOOST_TEST((chosen() == system_trust_source::openssl_defaults));
}

BOOST_AUTO_TEST_CASE(a_missing_directory_leaves_it_to_openssl) {
    BOOST_TEST((transport::choose_system_trust({}, {}, path / "absent") == system_trust_source::openssl_defaults));
}

BOOST_AUTO_TEST_CASE(a_store_the_user_chose_is_loaded_as_openssl_does) {
    holds("5ed36f99.0");
    BOOST_TEST((chosen("/etc/pki/custom-bundle.pem") == system_trust_source::openssl_defaults));
    BOOST_TEST((chosen({}, "/opt/certs") == system_trust_source::openssl_defaults));
}

BOOST_AUTO_TEST_SUITE_END()
