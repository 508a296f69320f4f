#include "sandbox_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace okta_sandbox;
using namespace okta_sandbox::testing;

namespace {

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path fresh_directory(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(process)

BOOST_AUTO_TEST_CASE(the_ready_line_gives_a_local_https_url_and_the_ca_file) {
  okta_sandbox::process sandbox({"--quiet"});
  BOOST_TEST(sandbox.base_url() == "https://127.0.0.1:" + std::to_string(sandbox.port()));
  BOOST_TEST(sandbox.port() != 0);
  BOOST_TEST(sandbox.ca_file().is_absolute());
  BOOST_TEST(std::filesystem::exists(sandbox.ca_file()));
}

BOOST_AUTO_TEST_CASE(sigterm_shuts_it_down_cleanly) {
  okta_sandbox::process sandbox({"--quiet"});
  const auto ca_directory = sandbox.ca_file().parent_path();
  BOOST_TEST(sandbox.stop() == 0);
  BOOST_TEST(!std::filesystem::exists(ca_directory));  // its temporary certificates go with it
}

BOOST_AUTO_TEST_CASE(a_certificate_directory_is_created_once_and_reused) {
  const auto directory = fresh_directory("okta-sandbox-certs");
  std::string first_ca;
  {
    okta_sandbox::process sandbox({"--quiet", "--cert-dir", directory.string()});
    BOOST_TEST(sandbox.ca_file() == directory / "ca.pem");
    first_ca = file_text(sandbox.ca_file());
  }
  okta_sandbox::process again({"--quiet", "--cert-dir", directory.string()});
  BOOST_TEST(file_text(again.ca_file()) == first_ca);
  BOOST_TEST(std::filesystem::exists(directory / "server.key"));
  admin(again).reset();
  std::filesystem::remove_all(directory);
}

BOOST_AUTO_TEST_CASE(a_certificate_for_another_host_fails_verification) {
  okta_sandbox::process sandbox({"--quiet", "--server-cert-hostname", "other.example"});
  BOOST_CHECK_EXCEPTION(admin(sandbox).reset(), std::runtime_error, [](const std::runtime_error& e) {
    return std::string(e.what()).find("TLS handshake") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(a_client_trusting_another_ca_is_refused) {
  okta_sandbox::process sandbox({"--quiet"});
  okta_sandbox::process other({"--quiet"});
  BOOST_CHECK_THROW(admin(sandbox.base_url(), other.ca_file()).reset(), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(many_clients_at_once_are_all_served) {
  sandbox_fixture f({"--quiet", "--threads", "4"});
  f.control.seed(50);
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 1; i <= 10; ++i) {
        const auto login = "seed" + std::to_string(c * 5 + (i % 5) + 1) + "@example.com";
        if (f.okta(http::verb::get, "/api/v1/users/" + login).status == 200U) ++ok;
      }
    });
  }
  for (auto& t : clients) t.join();
  BOOST_TEST(ok.load() == 80);
}

BOOST_AUTO_TEST_CASE(a_sandbox_that_cannot_start_reports_it) {
  BOOST_CHECK_EXCEPTION(okta_sandbox::process({"--no-such-flag"}), std::runtime_error, [](const std::runtime_error& e) {
    return std::string(e.what()).find("exited (code 1) before it was ready") != std::string::npos;
  });
}

BOOST_AUTO_TEST_SUITE_END()
