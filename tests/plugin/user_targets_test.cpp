// Request targets: every login reaches Okta as exactly the characters it is.
#include "okta/protocol/user_targets.hpp"

#include <boost/test/unit_test.hpp>

using namespace okta_plugin::okta;

BOOST_AUTO_TEST_SUITE(user_targets)

BOOST_AUTO_TEST_CASE(an_id_goes_in_the_path_as_is) {
    BOOST_TEST(user_target("00ub0oNGTSWTBKOLGLNR") == "/api/v1/users/00ub0oNGTSWTBKOLGLNR");
}

BOOST_AUTO_TEST_CASE(a_login_is_one_encoded_path_segment) {
    BOOST_TEST(user_target("jane.doe@example.com") == "/api/v1/users/jane.doe%40example.com");
    BOOST_TEST(user_target("a+b@example.com") == "/api/v1/users/a%2Bb%40example.com");
    BOOST_TEST(user_target("a#b@example.com") == "/api/v1/users/a%23b%40example.com");
    BOOST_TEST(user_target("a?b@example.com") == "/api/v1/users/a%3Fb%40example.com");
    BOOST_TEST(user_target("100%@example.com") == "/api/v1/users/100%25%40example.com");
    BOOST_TEST(user_target("a b@example.com") == "/api/v1/users/a%20b%40example.com");
}

BOOST_AUTO_TEST_CASE(slashes_cannot_climb_out_of_the_users_path) {
    BOOST_TEST(user_target("../groups") == "/api/v1/users/..%2Fgroups");
    BOOST_TEST(user_target("a/b@example.com") == "/api/v1/users/a%2Fb%40example.com");
}

BOOST_AUTO_TEST_CASE(non_ascii_is_utf8_percent_encoded) {
    BOOST_TEST(user_target("zoë@example.com") == "/api/v1/users/zo%C3%AB%40example.com");
    BOOST_TEST(user_target("山田@example.com") == "/api/v1/users/%E5%B1%B1%E7%94%B0%40example.com");
}

BOOST_AUTO_TEST_CASE(create_always_states_activate) {
    BOOST_TEST(create_user_target(true) == "/api/v1/users?activate=true");
    BOOST_TEST(create_user_target(false) == "/api/v1/users?activate=false");
}

BOOST_AUTO_TEST_CASE(delete_sends_send_email_only_when_asked) {
    BOOST_TEST(delete_user_target("00u1", false) == "/api/v1/users/00u1");
    BOOST_TEST(delete_user_target("00u1", true) == "/api/v1/users/00u1?sendEmail=true");
}

BOOST_AUTO_TEST_CASE(list_query_values_are_encoded_and_only_set_ones_sent) {
    BOOST_TEST(list_users_target({}) == "/api/v1/users");
    list_query query;
    query.search = R"(profile.department eq "R&D" and profile.login sw "a+b")";
    query.limit = 50;
    query.after = "00u1/x=y";
    BOOST_TEST(list_users_target(query) ==
               "/api/v1/users?search=profile.department%20eq%20%22R%26D%22%20and%20profile.login%20sw%20%22a%2Bb%22"
               "&after=00u1%2Fx%3Dy&limit=50");
    list_query other;
    other.filter = R"(status eq "ACTIVE")";
    other.q = "jané";
    BOOST_TEST(list_users_target(other) == "/api/v1/users?filter=status%20eq%20%22ACTIVE%22&q=jan%C3%A9");
}

BOOST_AUTO_TEST_CASE(login_filter_escapes_quotes_and_backslashes) {
    BOOST_TEST(login_filter("a/b@example.com") == R"(profile.login eq "a/b@example.com")");
    BOOST_TEST(login_filter(R"(a"b\c/d)") == R"(profile.login eq "a\"b\\c/d")");
}

BOOST_AUTO_TEST_SUITE_END()
