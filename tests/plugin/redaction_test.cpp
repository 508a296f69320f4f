// Secrets never leave the plugin in a message.
#include "okta/protocol/redaction.hpp"
#include "okta/protocol/user_agent.hpp"
#include "wire/secret_text.hpp"

#include <boost/test/unit_test.hpp>

using okta_plugin::okta::redact;
namespace wire = okta_plugin::wire;

BOOST_AUTO_TEST_SUITE(redaction)

BOOST_AUTO_TEST_CASE(every_occurrence_of_every_secret_is_masked) {
    BOOST_TEST(redact("token 00abcDEF and again 00abcDEF; password hunter22!", {"00abcDEF", "hunter22!"}) ==
               "token [REDACTED] and again [REDACTED]; password [REDACTED]");
}

BOOST_AUTO_TEST_CASE(a_secret_containing_the_mask_does_not_loop) {
    BOOST_TEST(redact("x[REDACTED]x", {"[REDACTED]"}) == "x[REDACTED]x");
}

// Okta echoes a body back as JSON: a secret holding a quote or a backslash
// then appears escaped, and is masked in that form too.
BOOST_AUTO_TEST_CASE(a_secret_is_masked_in_its_json_escaped_form_too) {
    BOOST_TEST(redact(R"(password "pa\"ss\\word" refused)", {R"(pa"ss\word)"}) == R"(password "[REDACTED]" refused)");
}

BOOST_AUTO_TEST_CASE(empty_secrets_change_nothing) {
    BOOST_TEST(redact("nothing to hide", {"", std::string_view()}) == "nothing to hide");
}

BOOST_AUTO_TEST_CASE(secret_text_moves_and_empties_the_source) {
    wire::secret_text token("00abcDEF-token");
    wire::secret_text moved(std::move(token));
    BOOST_TEST(moved.reveal() == "00abcDEF-token");
    BOOST_TEST(token.empty());  // NOLINT(bugprone-use-after-move): the wipe is what is tested
}

BOOST_AUTO_TEST_CASE(user_agent_names_the_plugin_and_its_version) {
    BOOST_TEST(okta_plugin::okta::user_agent().rfind("wfn-okta/1.0.0 ", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
