#include "sandbox_fixture.hpp"

#include <boost/test/unit_test.hpp>
#include <boost/url/parse.hpp>

#include <set>

using namespace okta_sandbox;
using namespace okta_sandbox::testing;

namespace {

constexpr const char* good_password = "tlpWENT2m";

// The URL of the Link field with this relation, or "" when there is none.
std::string link_url(const http_reply& reply, std::string_view relation) {
  for (const auto& field : reply.headers_named("Link")) {
    if (field.find("rel=\"" + std::string(relation) + "\"") != std::string::npos) {
      return field.substr(1, field.find('>') - 1);
    }
  }
  return {};
}

std::string target_of(const std::string& url) {
  const auto parsed = boost::urls::parse_absolute_uri(url);
  return std::string(parsed->encoded_target());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(okta_api)

BOOST_FIXTURE_TEST_CASE(creation_status_follows_the_spec_table, sandbox_fixture) {
  BOOST_TEST(create(user_body("a1@example.com", good_password)).json().at("status").as_string() == "ACTIVE");
  BOOST_TEST(create(user_body("a2@example.com")).json().at("status").as_string() == "PROVISIONED");
  BOOST_TEST(create(user_body("a3@example.com", good_password), "?activate=false").json().at("status").as_string() ==
             "STAGED");
  BOOST_TEST(create(user_body("a4@example.com", good_password), "?nextLogin=changePassword")
                 .json().at("status").as_string() == "PASSWORD_EXPIRED");
}

BOOST_FIXTURE_TEST_CASE(a_created_user_looks_like_okta_s, sandbox_fixture) {
  const auto reply = create(user_body("isaac.brock@example.com", good_password));
  BOOST_TEST(reply.status == 200U);
  BOOST_TEST(reply.header("Content-Type") == "application/json");
  BOOST_TEST(!reply.header("X-Okta-Request-Id").empty());
  BOOST_TEST(reply.header("X-Rate-Limit-Limit") == "600");
  const auto user = reply.json().as_object();
  BOOST_TEST(user.at("id").as_string().size() == 20U);
  BOOST_TEST(user.at("id").as_string().starts_with("00u"));
  BOOST_TEST(user.at("credentials").at("password").as_object().empty());  // the value is never echoed
  BOOST_TEST(user.at("credentials").at("provider").at("type").as_string() == "OKTA");
  BOOST_TEST(user.at("_links").at("self").at("href").as_string() ==
             sandbox.base_url() + "/api/v1/users/" + std::string(user.at("id").as_string()));
}

BOOST_FIXTURE_TEST_CASE(request_ids_are_unique, sandbox_fixture) {
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i) ids.insert(okta(http::verb::get, "/api/v1/users").header("X-Okta-Request-Id"));
  BOOST_TEST(ids.size() == 20U);
}

BOOST_FIXTURE_TEST_CASE(creation_refuses_what_okta_refuses, sandbox_fixture) {
  create(user_body("taken@example.com"));
  const auto duplicate = create(user_body("TAKEN@example.com"));
  BOOST_TEST(duplicate.status == 400U);
  BOOST_TEST(error_code(duplicate) == "E0000001");
  BOOST_TEST(duplicate.json().at("errorCauses").at(0).at("errorSummary").as_string() ==
             "login: An object with this field already exists in the current organization");

  const auto weak = create(user_body("weak@example.com", "password"));
  BOOST_TEST(error_code(weak) == "E0000001");
  BOOST_TEST(weak.json().at("errorSummary").as_string() == "Api validation failed: password");

  BOOST_TEST(error_code(create(user_body("emoji@example.com", "Emoji\xF0\x9F\x98\x80" "123"))) == "E0000001");
  BOOST_TEST(error_code(create(user_body("no-at-sign"))) == "E0000001");
  BOOST_TEST(error_code(create(user_body("x@example.com"), "?nextLogin=changePassword")) == "E0000124");
  BOOST_TEST(error_code(create(user_body("y@example.com", good_password), "?activate=false&nextLogin=changePassword")) ==
             "E0000125");
  BOOST_TEST(error_code(okta(http::verb::post, "/api/v1/users", "{\"profile\":")) == "E0000003");
  boost::json::object many_groups = user_body("groups@example.com");
  boost::json::array group_ids;
  for (int i = 0; i < 21; ++i) group_ids.emplace_back("00g1emaKYZTWRYYRRTS" + std::to_string(i % 10));
  many_groups["groupIds"] = std::move(group_ids);
  BOOST_TEST(error_code(create(many_groups)) == "E0000093");
}

BOOST_FIXTURE_TEST_CASE(a_user_is_found_by_id_login_or_short_name, sandbox_fixture) {
  const auto id = std::string(create(user_body("isaac.brock@example.com")).json().at("id").as_string());
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/" + id).status == 200U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/Isaac.Brock%40example.com").json().at("id").as_string() == id);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/isaac.brock").json().at("id").as_string() == id);
}

BOOST_FIXTURE_TEST_CASE(a_slash_in_a_login_only_works_percent_encoded, sandbox_fixture) {
  const auto id = std::string(create(user_body("a/b@example.com")).json().at("id").as_string());
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/a%2Fb%40example.com").json().at("id").as_string() == id);
  const auto raw = okta(http::verb::get, "/api/v1/users/a/b@example.com");
  BOOST_TEST(raw.status == 404U);
  BOOST_TEST(error_code(raw) == "E0000007");
}

BOOST_FIXTURE_TEST_CASE(an_unknown_user_is_a_404_naming_the_user, sandbox_fixture) {
  const auto reply = okta(http::verb::get, "/api/v1/users/nobody@example.com");
  BOOST_TEST(reply.status == 404U);
  BOOST_TEST(reply.json().at("errorSummary").as_string() == "Not found: Resource not found: nobody@example.com (User)");
}

BOOST_FIXTURE_TEST_CASE(listing_pages_through_link_headers, sandbox_fixture) {
  control.seed(450);
  std::set<std::string> seen;
  std::string target = "/api/v1/users";
  int pages = 0;
  while (!target.empty()) {
    const auto reply = okta(http::verb::get, target);
    BOOST_TEST_REQUIRE(reply.status == 200U);
    const auto page = reply.json();
    for (const auto& user : page.as_array()) seen.insert(std::string(user.at("id").as_string()));
    BOOST_TEST(reply.headers_named("Link").size() == (pages < 2 ? 2U : 1U));
    if (pages > 0) BOOST_TEST(link_url(reply, "self").find("after=") != std::string::npos);
    const auto next = link_url(reply, "next");
    target = next.empty() ? std::string() : target_of(next);
    ++pages;
  }
  BOOST_TEST(pages == 3);
  BOOST_TEST(seen.size() == 450U);
}

BOOST_FIXTURE_TEST_CASE(limits_default_cap_and_shrink_with_q, sandbox_fixture) {
  control.seed(250);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users").json().as_array().size() == 200U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users?limit=500").json().as_array().size() == 200U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users?limit=7").json().as_array().size() == 7U);
  const auto q = okta(http::verb::get, "/api/v1/users?q=seed");
  BOOST_TEST(q.json().as_array().size() == 10U);
  BOOST_TEST(link_url(q, "next").empty());
}

BOOST_FIXTURE_TEST_CASE(deprovisioned_users_show_only_in_search_and_filter, sandbox_fixture) {
  control.seed(2, "kept");
  control.seed({{"count", 1}, {"prefix", "gone"}, {"status", "DEPROVISIONED"}});
  BOOST_TEST(okta(http::verb::get, "/api/v1/users").json().as_array().size() == 2U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users?q=gone").json().as_array().empty());
  BOOST_TEST(okta(http::verb::get, "/api/v1/users?search=status+eq+%22DEPROVISIONED%22").json().as_array().size() == 1U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users?filter=status%20eq%20%22DEPROVISIONED%22").json().as_array().size() == 1U);
}

BOOST_FIXTURE_TEST_CASE(an_invalid_expression_is_a_400, sandbox_fixture) {
  const auto search = okta(http::verb::get, "/api/v1/users?search=status%20eq");
  BOOST_TEST(search.status == 400U);
  BOOST_TEST(error_code(search) == "E0000031");
  BOOST_TEST(error_code(okta(http::verb::get, "/api/v1/users?filter=profile.login%20sw%20%22a%22")) == "E0000031");
}

BOOST_FIXTURE_TEST_CASE(post_merges_and_put_replaces, sandbox_fixture) {
  boost::json::object body = user_body("merge@example.com");
  body["profile"].as_object()["nickName"] = "Izzy";
  const auto id = std::string(create(body).json().at("id").as_string());
  const auto merged = okta(http::verb::post, "/api/v1/users/" + id, R"({"profile":{"firstName":"Zack"}})").json();
  BOOST_TEST(merged.at("profile").at("firstName").as_string() == "Zack");
  BOOST_TEST(merged.at("profile").at("nickName").as_string() == "Izzy");

  const auto incomplete = okta(http::verb::put, "/api/v1/users/" + id, R"({"profile":{"firstName":"Zack"}})");
  BOOST_TEST(incomplete.status == 400U);
  BOOST_TEST(error_code(incomplete) == "E0000001");

  const auto replaced = okta(http::verb::put, "/api/v1/users/" + id, boost::json::serialize(user_body("merge@example.com"))).json();
  BOOST_TEST(!replaced.at("profile").as_object().contains("nickName"));

  const auto weak = okta(http::verb::post, "/api/v1/users/" + id, R"({"credentials":{"password":{"value":"merge123"}}})");
  BOOST_TEST(error_code(weak) == "E0000001");
  const auto strong = okta(http::verb::post, "/api/v1/users/" + id, R"({"credentials":{"password":{"value":"Strong123x"}}})");
  BOOST_TEST(strong.status == 200U);
  BOOST_TEST(!strong.json().at("passwordChanged").is_null());
}

BOOST_FIXTURE_TEST_CASE(delete_deactivates_then_deletes, sandbox_fixture) {
  const auto id = std::string(create(user_body("bye@example.com")).json().at("id").as_string());
  BOOST_TEST(okta(http::verb::delete_, "/api/v1/users/" + id + "?sendEmail=true").status == 204U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/" + id).json().at("status").as_string() == "DEPROVISIONED");
  BOOST_TEST(okta(http::verb::delete_, "/api/v1/users/" + id).status == 204U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/" + id).status == 404U);
  BOOST_TEST(okta(http::verb::delete_, "/api/v1/users/" + id).status == 404U);
}

BOOST_FIXTURE_TEST_CASE(lifecycle_operations_respect_the_current_status, sandbox_fixture) {
  const auto id = std::string(create(user_body("life@example.com", good_password), "?activate=false").json().at("id").as_string());
  const auto lifecycle = [&](const std::string& op) {
    return okta(http::verb::post, "/api/v1/users/" + id + "/lifecycle/" + op);
  };
  BOOST_TEST(error_code(lifecycle("suspend")) == "E0000038");
  BOOST_TEST(lifecycle("activate").status == 200U);
  BOOST_TEST(error_code(lifecycle("activate")) == "E0000016");
  BOOST_TEST(lifecycle("suspend").status == 200U);
  BOOST_TEST(error_code(lifecycle("unlock")) == "E0000038");
  BOOST_TEST(lifecycle("unsuspend").status == 200U);
  BOOST_TEST(lifecycle("deactivate").status == 200U);
  BOOST_TEST(error_code(lifecycle("deactivate")) == "E0000038");
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/" + id).json().at("status").as_string() == "DEPROVISIONED");
}

BOOST_AUTO_TEST_CASE(tokens_decide_who_may_read_and_write) {
  sandbox_fixture f({"--quiet", "--token", "writer", "--read-only-token", "reader"});
  BOOST_TEST(f.sandbox.token() == "writer");
  BOOST_TEST(f.okta(http::verb::get, "/api/v1/users", {}, "reader").status == 200U);
  const auto forbidden = f.okta(http::verb::post, "/api/v1/users", boost::json::serialize(user_body("r@example.com")), "reader");
  BOOST_TEST(forbidden.status == 403U);
  BOOST_TEST(error_code(forbidden) == "E0000006");
  const auto unknown = f.okta(http::verb::get, "/api/v1/users", {}, "sandbox-api-token");
  BOOST_TEST(unknown.status == 401U);
  BOOST_TEST(error_code(unknown) == "E0000011");
  BOOST_TEST(f.client.request(http::verb::get, "/api/v1/users").status == 401U);
}

BOOST_FIXTURE_TEST_CASE(unknown_paths_and_wrong_methods_get_okta_errors, sandbox_fixture) {
  const auto missing = okta(http::verb::get, "/api/v1/apps");
  BOOST_TEST(missing.status == 404U);
  BOOST_TEST(error_code(missing) == "E0000007");
  const auto wrong = okta(http::verb::patch, "/api/v1/users");
  BOOST_TEST(wrong.status == 405U);
  BOOST_TEST(error_code(wrong) == "E0000022");
}

BOOST_AUTO_TEST_CASE(an_empty_bucket_answers_429_until_its_reset) {
  sandbox_fixture f({"--quiet", "--rate-limit-users-collection", "2", "--rate-window-seconds", "30"});
  BOOST_TEST(f.okta(http::verb::get, "/api/v1/users").header("X-Rate-Limit-Remaining") == "1");
  BOOST_TEST(f.okta(http::verb::get, "/api/v1/users").header("X-Rate-Limit-Remaining") == "0");
  const auto limited = f.okta(http::verb::get, "/api/v1/users");
  BOOST_TEST(limited.status == 429U);
  BOOST_TEST(error_code(limited) == "E0000047");
  const auto reset = std::stoll(limited.header("X-Rate-Limit-Reset"));
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  BOOST_TEST(reset > now);
  BOOST_TEST(reset <= now + 31);
  // Another endpoint class still has room.
  BOOST_TEST(f.okta(http::verb::get, "/api/v1/users/nobody").status == 404U);
}

BOOST_FIXTURE_TEST_CASE(request_bodies_are_bounded, sandbox_fixture) {
  const std::string huge(2 * 1024 * 1024, ' ');
  const auto reply = okta(http::verb::post, "/api/v1/users", huge);
  BOOST_TEST(reply.status == 413U);
  BOOST_TEST(error_code(reply) == "E0000003");
}

BOOST_FIXTURE_TEST_CASE(me_is_the_token_s_own_admin_user, sandbox_fixture) {
  const auto me = okta(http::verb::get, "/api/v1/users/me");
  BOOST_TEST(me.status == 200U);
  BOOST_TEST(me.json().at("profile").at("login").as_string() == "admin@example.com");
  BOOST_TEST(me.json().at("status").as_string() == "ACTIVE");
  BOOST_TEST(id_of(okta(http::verb::get, "/api/v1/users/admin@example.com").json()) == id_of(me.json()));
  // Not in listings, so seeded users are all a listing holds.
  BOOST_TEST(okta(http::verb::get, "/api/v1/users").json().as_array().empty());
  BOOST_TEST(control.users().empty());

  const auto renamed = okta(http::verb::post, "/api/v1/users/me", R"({"profile":{"firstName":"Root"}})");
  BOOST_TEST(renamed.json().at("profile").at("firstName").as_string() == "Root");
  BOOST_TEST(okta(http::verb::delete_, "/api/v1/users/me").status == 204U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/me").json().at("status").as_string() == "DEPROVISIONED");
  BOOST_TEST(okta(http::verb::delete_, "/api/v1/users/me").status == 204U);
  BOOST_TEST(okta(http::verb::get, "/api/v1/users/me").status == 404U);

  control.reset();
  const auto back = okta(http::verb::get, "/api/v1/users/me").json();
  BOOST_TEST(back.at("status").as_string() == "ACTIVE");
  BOOST_TEST(back.at("profile").at("firstName").as_string() == "Sandbox");
  BOOST_TEST(id_of(back) == id_of(me.json()));
}

BOOST_AUTO_TEST_SUITE_END()
