#include "sandbox_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <map>

using namespace okta_sandbox;
using namespace okta_sandbox::testing;

namespace {

const std::vector<std::string> statuses{"STAGED",    "PROVISIONED",      "ACTIVE",   "RECOVERY",
                                        "LOCKED_OUT", "PASSWORD_EXPIRED", "SUSPENDED", "DEPROVISIONED"};

// For each operation: the status it leads to from each allowed status; every
// other status is refused with the error code given as the fallback.
struct transition_rule {
  std::map<std::string, std::string> allowed;  // from -> to, or from -> error code
  std::string refusal = "E0000038";
};

const std::map<std::string, transition_rule> rules{
    {"activate", {{{"STAGED", "ACTIVE"}, {"DEPROVISIONED", "ACTIVE"}, {"ACTIVE", "E0000016"}}}},
    {"deactivate",
     {{{"STAGED", "DEPROVISIONED"}, {"PROVISIONED", "DEPROVISIONED"}, {"ACTIVE", "DEPROVISIONED"},
       {"RECOVERY", "DEPROVISIONED"}, {"LOCKED_OUT", "DEPROVISIONED"}, {"PASSWORD_EXPIRED", "DEPROVISIONED"},
       {"SUSPENDED", "DEPROVISIONED"}}}},
    {"suspend", {{{"ACTIVE", "SUSPENDED"}}}},
    {"unsuspend", {{{"SUSPENDED", "ACTIVE"}}}},
    {"unlock", {{{"LOCKED_OUT", "ACTIVE"}}}},
    {"reset_password",
     {{{"PROVISIONED", "RECOVERY"}, {"ACTIVE", "RECOVERY"}, {"RECOVERY", "RECOVERY"}, {"LOCKED_OUT", "RECOVERY"},
       {"PASSWORD_EXPIRED", "RECOVERY"}}}},
    {"expire_password",
     {{{"ACTIVE", "PASSWORD_EXPIRED"}, {"RECOVERY", "PASSWORD_EXPIRED"}, {"PASSWORD_EXPIRED", "PASSWORD_EXPIRED"}}}},
    {"expire_password_with_temp_password",
     {{{"ACTIVE", "PASSWORD_EXPIRED"}, {"RECOVERY", "PASSWORD_EXPIRED"}, {"PASSWORD_EXPIRED", "PASSWORD_EXPIRED"}}}},
};

struct lifecycle_fixture : sandbox_fixture {
  // A user with a password, put straight into `status`.
  std::string user_in(const std::string& status) {
    control.seed({{"count", 1}, {"prefix", "u" + std::to_string(++made_)}});
    const std::string login = "u" + std::to_string(made_) + "1@example.com";
    control.set_user_status(login, status);
    return login;
  }

  http_reply run(const std::string& login, const std::string& operation, const std::string& query = "?sendEmail=false") {
    return okta(http::verb::post, "/api/v1/users/" + login + "/lifecycle/" + operation + query);
  }

  std::string status_of(const std::string& login) const {
    return std::string(okta(http::verb::get, "/api/v1/users/" + login).json().at("status").as_string());
  }

  int made_ = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(lifecycle)

BOOST_FIXTURE_TEST_CASE(every_operation_from_every_status_moves_or_refuses_as_okta_does, lifecycle_fixture) {
  for (const auto& [operation, rule] : rules) {
    for (const auto& from : statuses) {
      BOOST_TEST_CONTEXT(operation << " from " << from) {
        const std::string login = user_in(from);
        const auto allowed = rule.allowed.find(from);
        const std::string expected = allowed != rule.allowed.end() ? allowed->second : rule.refusal;
        const auto reply = run(login, operation);
        if (expected.starts_with("E")) {
          BOOST_TEST(reply.status == 403U);
          BOOST_TEST(error_code(reply) == expected);
          BOOST_TEST(status_of(login) == from);
        } else {
          BOOST_TEST(reply.status == 200U);
          BOOST_TEST(status_of(login) == expected);
        }
      }
    }
  }
}

BOOST_FIXTURE_TEST_CASE(answers_have_the_spec_s_shapes, lifecycle_fixture) {
  const std::string login = user_in("ACTIVE");
  for (const auto* operation : {"suspend", "unsuspend"}) {
    const auto reply = run(login, operation, "");
    BOOST_TEST(reply.status == 200U);
    BOOST_TEST(reply.json().as_object().empty());
  }
  const auto reset = run(login, "reset_password").json().as_object();
  BOOST_TEST(reset.size() == 1U);
  BOOST_TEST(reset.at("resetPasswordUrl").as_string().starts_with(sandbox.base_url() + "/signin/reset-password/"));
  BOOST_TEST(run(login, "reset_password", "?sendEmail=true").json().as_object().empty());

  const auto expired = run(login, "expire_password", "").json();
  BOOST_TEST(expired.at("status").as_string() == "PASSWORD_EXPIRED");
  BOOST_TEST(expired.at("profile").at("login").as_string() == login);

  const auto temp = run(login, "expire_password_with_temp_password", "").json().as_object();
  BOOST_TEST(temp.size() == 1U);
  BOOST_TEST(temp.at("tempPassword").as_string().size() >= 8U);
  BOOST_TEST(run(login, "expire_password_with_temp_password", "").json().at("tempPassword") != temp.at("tempPassword"));

  const std::string locked = user_in("LOCKED_OUT");
  BOOST_TEST(run(locked, "unlock", "").json().as_object().empty());
  BOOST_TEST(run(locked, "deactivate", "?sendEmail=true").json().as_object().empty());
  const auto activated = run(locked, "activate").json().as_object();
  BOOST_TEST(activated.at("activationUrl").as_string().starts_with(sandbox.base_url() + "/tokens/"));
}

BOOST_FIXTURE_TEST_CASE(a_password_reset_mails_by_default, lifecycle_fixture) {
  const std::string login = user_in("ACTIVE");
  BOOST_TEST(run(login, "reset_password", "").json().as_object().empty());
  BOOST_TEST(status_of(login) == "RECOVERY");
}

BOOST_FIXTURE_TEST_CASE(a_user_without_a_password_cannot_have_it_expired, lifecycle_fixture) {
  const auto id = id_of(create(user_body("nopass@example.com")).json());  // PROVISIONED, no password
  control.set_user_status(id, "ACTIVE");
  BOOST_TEST(error_code(run(id, "expire_password", "")) == "E0000038");
}

BOOST_FIXTURE_TEST_CASE(bad_flags_and_unknown_users_are_refused, lifecycle_fixture) {
  const std::string login = user_in("ACTIVE");
  const auto bad = run(login, "reset_password", "?sendEmail=maybe");
  BOOST_TEST(bad.status == 400U);
  BOOST_TEST(error_code(bad) == "E0000001");
  BOOST_TEST(status_of(login) == "ACTIVE");
  const auto missing = run("nobody@example.com", "expire_password", "");
  BOOST_TEST(missing.status == 404U);
  BOOST_TEST(error_code(missing) == "E0000007");
  BOOST_TEST(okta(http::verb::post, "/api/v1/users/" + login + "/lifecycle/reactivate").status == 404U);
}

BOOST_FIXTURE_TEST_CASE(me_has_a_lifecycle_too, lifecycle_fixture) {
  BOOST_TEST(run("me", "suspend", "").status == 200U);
  BOOST_TEST(status_of("admin@example.com") == "SUSPENDED");
}

BOOST_AUTO_TEST_SUITE_END()
