// Lifecycle changes and group memberships over scripted exchanges: what a
// lost answer leads to, how a group name is found, and what Okta's refusals
// become. No sockets: each test is a script of requests and answers.
#include "okta_answers.hpp"

#include "okta/protocol/lifecycle_rules.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace okta_plugin::test;
using okta_plugin::okta::group_reference;
using okta_plugin::test::okta_answer::group_json;
using okta_plugin::okta::lifecycle_step;
using wire::method;

namespace {

constexpr std::string_view ada_id = "00ub0oNGTSWTBKOLGLNR";
constexpr std::string_view ada = "ada@example.com";
const std::string ada_target = "/api/v1/users/00ub0oNGTSWTBKOLGLNR";
const std::string suspend_target = ada_target + "/lifecycle/suspend";
const std::string reset_target = ada_target + "/lifecycle/reset_password?sendEmail=false";
const std::string activate_target = ada_target + "/lifecycle/activate?sendEmail=false";
const std::string reset_url = "https://dev-1.okta.com/reset_password/drpFaKeToKeN123";

constexpr std::string_view sales_id = "00g1emaKYZTWRYYRRTSK";
constexpr std::string_view other_sales_id = "00g2emaKYZTWRYYRRTSK";
const std::string sales_search = "/api/v1/groups?search=profile.name%20eq%20%22Sales%22&limit=200";
const std::string sales_member = "/api/v1/groups/00g1emaKYZTWRYYRRTSK/users/00ub0oNGTSWTBKOLGLNR";

canned ada_in(std::string_view status) { return okta_answer::user(ada_id, ada, status, epoch_now() - 60); }

}  // namespace

BOOST_AUTO_TEST_SUITE(lifecycle)

BOOST_AUTO_TEST_CASE(a_change_answers_the_user_read_after_it) {
    scripted_okta okta;
    okta.okta.expect(method::post, suspend_target, okta_answer::lifecycle_done());
    okta.okta.expect(method::get, ada_target, ada_in("SUSPENDED"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::suspend, false);
    BOOST_TEST_REQUIRE(changed.has_value());
    BOOST_TEST(changed->user.status == 200);
    BOOST_TEST(changed->user.body.at("status").as_string() == "SUSPENDED");
    BOOST_TEST(!changed->user.reconciled);
}

BOOST_AUTO_TEST_CASE(okta_refusing_the_transition_passes_through_and_nothing_is_read) {
    scripted_okta okta;
    okta.okta.expect(method::post, activate_target,
                     okta_answer::error(403, "E0000016", "Activation failed because the user is already active"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::activate, false);
    BOOST_TEST_REQUIRE(changed.has_error());
    BOOST_TEST(changed.error().status == 403);
    BOOST_TEST(changed.error().code == "E0000016");
    BOOST_TEST(!changed.error().retryable);
}

BOOST_AUTO_TEST_CASE(a_lost_suspend_that_happened_is_reconciled_and_not_resent) {
    scripted_okta okta;
    okta.okta.expect(method::post, suspend_target, answer_lost());
    okta.okta.expect(method::get, ada_target, ada_in("SUSPENDED"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::suspend, false);
    BOOST_TEST_REQUIRE(changed.has_value());
    BOOST_TEST(changed->user.reconciled);
    BOOST_TEST(changed->user.body.at("status").as_string() == "SUSPENDED");
}

BOOST_AUTO_TEST_CASE(a_lost_suspend_that_did_not_happen_is_sent_once_more) {
    scripted_okta okta;
    okta.okta.expect(method::post, suspend_target, answer_lost());
    okta.okta.expect(method::get, ada_target, ada_in("ACTIVE"));
    okta.okta.expect(method::post, suspend_target, okta_answer::lifecycle_done());
    okta.okta.expect(method::get, ada_target, ada_in("SUSPENDED"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::suspend, false);
    BOOST_TEST_REQUIRE(changed.has_value());
    BOOST_TEST(!changed->user.reconciled);
    BOOST_TEST(changed->user.body.at("status").as_string() == "SUSPENDED");
}

BOOST_AUTO_TEST_CASE(a_lost_change_from_a_status_that_forbids_it_is_reported_as_not_made) {
    scripted_okta okta;
    okta.okta.expect(method::post, suspend_target, answer_lost());
    okta.okta.expect(method::get, ada_target, ada_in("DEPROVISIONED"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::suspend, false);
    BOOST_TEST_REQUIRE(changed.has_error());
    BOOST_TEST(!changed.error().outcome_unknown);
    BOOST_TEST(!changed.error().retryable);
    BOOST_TEST(changed.error().message.find("now DEPROVISIONED, so it was not carried out") != std::string::npos,
               changed.error().message);
}

BOOST_AUTO_TEST_CASE(a_lost_change_whose_user_cannot_be_read_stays_unknown) {
    scripted_okta okta;
    okta.okta.expect(method::post, suspend_target, answer_lost());
    okta.okta.expect(method::get, ada_target, okta_answer::error(404, "E0000007", "Not found"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::suspend, false);
    BOOST_TEST_REQUIRE(changed.has_error());
    BOOST_TEST(changed.error().outcome_unknown);
    BOOST_TEST(changed.error().code == "WFN_CONNECTION_CLOSED");
}

BOOST_AUTO_TEST_CASE(a_reset_hands_over_its_url_and_the_user_read_after_it) {
    scripted_okta okta;
    okta.okta.expect(method::post, reset_target, okta_answer::lifecycle_done({{"resetPasswordUrl", reset_url}}));
    okta.okta.expect(method::get, ada_target, ada_in("RECOVERY"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::reset_password, false);
    BOOST_TEST_REQUIRE(changed.has_value());
    BOOST_TEST(changed->secret.reveal() == reset_url);
    BOOST_TEST(changed->user.body.at("status").as_string() == "RECOVERY");
}

BOOST_AUTO_TEST_CASE(a_lost_reset_is_sent_again_for_a_url_the_workflow_can_use) {
    scripted_okta okta;
    okta.okta.expect(method::post, reset_target, answer_lost());
    okta.okta.expect(method::get, ada_target, ada_in("RECOVERY"));
    okta.okta.expect(method::post, reset_target, okta_answer::lifecycle_done({{"resetPasswordUrl", reset_url}}));
    okta.okta.expect(method::get, ada_target, ada_in("RECOVERY"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::reset_password, false);
    BOOST_TEST_REQUIRE(changed.has_value());
    BOOST_TEST(changed->secret.reveal() == reset_url);
}

BOOST_AUTO_TEST_CASE(a_lost_activation_found_done_is_reconciled_without_the_lost_link) {
    scripted_okta okta;
    okta.okta.expect(method::post, activate_target, answer_lost());
    okta.okta.expect(method::get, ada_target, ada_in("PROVISIONED"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::activate, false);
    BOOST_TEST_REQUIRE(changed.has_value());
    BOOST_TEST(changed->user.reconciled);
    BOOST_TEST(changed->secret.empty());
}

BOOST_AUTO_TEST_CASE(an_activation_answer_without_its_link_is_a_bad_response) {
    scripted_okta okta;
    okta.okta.expect(method::post, activate_target, okta_answer::lifecycle_done());
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::activate, false);
    BOOST_TEST_REQUIRE(changed.has_error());
    BOOST_TEST(changed.error().code == "WFN_BAD_RESPONSE");
}

BOOST_AUTO_TEST_CASE(a_2xx_holding_a_list_is_no_lifecycle_answer_and_no_change_is_reported) {
    scripted_okta okta;
    // A garbled 2xx may have come after the change: the user is read, is
    // still ACTIVE, and the suspension is sent once more.
    okta.okta.expect(method::post, suspend_target, canned(200, "[]"));
    okta.okta.expect(method::get, ada_target, ada_in("ACTIVE"));
    okta.okta.expect(method::post, suspend_target, canned(200, "[]"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::suspend, false);
    BOOST_TEST_REQUIRE(changed.has_error());
    BOOST_TEST(changed.error().code == "WFN_BAD_RESPONSE");
    BOOST_TEST(changed.error().outcome_unknown);
}

BOOST_AUTO_TEST_CASE(expiring_answers_the_user_okta_returns_without_reading_it_again) {
    scripted_okta okta;
    okta.okta.expect(method::post, ada_target + "/lifecycle/expire_password", ada_in("PASSWORD_EXPIRED"));
    auto changed = okta.users().change_lifecycle(ada_id, lifecycle_step::expire_password, false);
    BOOST_TEST_REQUIRE(changed.has_value());
    BOOST_TEST(changed->user.body.at("status").as_string() == "PASSWORD_EXPIRED");
}

BOOST_AUTO_TEST_CASE(a_login_is_resolved_to_the_id_the_change_is_sent_to) {
    scripted_okta okta;
    okta.okta.expect(method::get, "/api/v1/users/ada%40example.com", ada_in("SUSPENDED"));
    okta.okta.expect(method::post, ada_target + "/lifecycle/unsuspend", okta_answer::lifecycle_done());
    okta.okta.expect(method::get, ada_target, ada_in("ACTIVE"));
    auto changed = okta.users().change_lifecycle(ada, lifecycle_step::unsuspend, false);
    BOOST_TEST_REQUIRE(changed.has_value());
    BOOST_TEST(changed->user.body.at("status").as_string() == "ACTIVE");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(groups)

BOOST_AUTO_TEST_CASE(a_group_name_that_one_group_has_is_its_id) {
    scripted_okta okta;
    okta.okta.expect(method::get, sales_search, okta_answer::groups({group_json(sales_id, "Sales")}));
    okta.okta.expect(method::put, sales_member, okta_answer::deleted());
    auto added = okta.groups().add_member(group_reference{{}, "Sales"}, ada_id);
    BOOST_TEST_REQUIRE(added.has_value());
    BOOST_TEST(added->done.status == 204);
    BOOST_TEST(added->group_id == sales_id);
}

BOOST_AUTO_TEST_CASE(a_group_name_nobody_has_is_okta_s_404_naming_it) {
    scripted_okta okta;
    okta.okta.expect(method::get, sales_search, okta_answer::groups({}));
    auto added = okta.groups().add_member(group_reference{{}, "Sales"}, ada_id);
    BOOST_TEST_REQUIRE(added.has_error());
    BOOST_TEST(added.error().status == 404);
    BOOST_TEST(added.error().code == "E0000007");
    BOOST_TEST(added.error().message.find("\"Sales\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_group_name_two_groups_have_changes_nothing_and_names_both) {
    scripted_okta okta;
    okta.okta.expect(method::get, sales_search,
                     okta_answer::groups({group_json(sales_id, "Sales"), group_json(other_sales_id, "SALES")}));
    auto added = okta.groups().add_member(group_reference{{}, "Sales"}, ada_id);
    BOOST_TEST_REQUIRE(added.has_error());
    BOOST_TEST(added.error().status == 409);
    BOOST_TEST(added.error().code == "WFN_GROUP_NAME_AMBIGUOUS");
    BOOST_TEST(!added.error().retryable);
    BOOST_TEST(added.error().message.find(std::string(sales_id)) != std::string::npos);
    BOOST_TEST(added.error().message.find(std::string(other_sales_id)) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_group_name_with_quotes_is_searched_escaped) {
    scripted_okta okta;
    okta.okta.expect(method::get,
                     "/api/v1/groups?search=profile.name%20eq%20%22R%26D%20%5C%22West%5C%22%22&limit=200",
                     okta_answer::groups({group_json(sales_id, "R&D \"West\"")}));
    okta.okta.expect(method::del, sales_member, okta_answer::deleted());
    BOOST_TEST(okta.groups().remove_member(group_reference{{}, "R&D \"West\""}, ada_id).has_value());
}

BOOST_AUTO_TEST_CASE(a_membership_whose_answer_was_lost_is_sent_again) {
    scripted_okta okta;
    okta.okta.expect(method::put, sales_member, answer_lost());
    okta.okta.expect(method::put, sales_member, okta_answer::deleted());
    auto added = okta.groups().add_member(group_reference{std::string(sales_id), {}}, ada_id);
    BOOST_TEST_REQUIRE(added.has_value());
    BOOST_TEST(added->done.status == 204);
}

BOOST_AUTO_TEST_CASE(a_membership_answered_with_a_body_is_not_taken_as_done) {
    scripted_okta okta;
    okta.okta.expect(method::put, sales_member, canned(200, "[]"));
    auto added = okta.groups().add_member(group_reference{std::string(sales_id), {}}, ada_id);
    BOOST_TEST_REQUIRE(added.has_error());
    BOOST_TEST(added.error().code == "WFN_BAD_RESPONSE");
}

BOOST_AUTO_TEST_CASE(a_user_s_groups_are_read_page_after_page) {
    scripted_okta okta;
    const std::string first = ada_target + "/groups";
    const std::string second = ada_target + "/groups?after=00g1emaKYZTWRYYRRTSK";
    okta.okta.expect(method::get, first, std::move(okta_answer::groups({group_json(sales_id, "Sales")}).next_link(second)));
    okta.okta.expect(method::get, second, okta_answer::groups({group_json(other_sales_id, "Everyone")}));
    auto groups = okta.groups().user_groups(ada_id);
    BOOST_TEST_REQUIRE(groups.has_value());
    BOOST_TEST_REQUIRE(groups->size() == 2u);
    BOOST_TEST(groups->at(1).at("profile").at("name").as_string() == "Everyone");
}

BOOST_AUTO_TEST_CASE(a_next_link_to_another_collection_is_not_followed) {
    scripted_okta okta;
    const std::string first = ada_target + "/groups";
    okta.okta.expect(method::get, first,
                     std::move(okta_answer::groups({group_json(sales_id, "Sales")}).next_link("/api/v1/users?after=x")));
    auto groups = okta.groups().user_groups(ada_id);
    BOOST_TEST_REQUIRE(groups.has_error());
    BOOST_TEST(groups.error().code == "WFN_BAD_RESPONSE");
}

BOOST_AUTO_TEST_SUITE_END()
