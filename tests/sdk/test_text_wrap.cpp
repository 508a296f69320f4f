// How describe --text lays out a description: at most 80 columns, the
// indent on every line, long words whole.
#define BOOST_TEST_MODULE text_wrap
#include "text_wrap.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>
#include <string>

using wfn::cli::wrapped;

namespace {

std::size_t longest_line(const std::string& text) {
    std::istringstream lines(text);
    std::size_t longest = 0;
    for (std::string line; std::getline(lines, line);) {
        longest = std::max(longest, line.size());
    }
    return longest;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_short_paragraph_is_one_indented_line) {
    BOOST_TEST(wrapped("How many items to list.", "      ") == "      How many items to list.\n");
}

BOOST_AUTO_TEST_CASE(lines_break_at_the_last_space_that_fits) {
    BOOST_TEST(wrapped("aaa bbb ccc ddd", "  ", 9) == "  aaa bbb\n  ccc ddd\n");
    BOOST_TEST(wrapped("aaa bbb ccc", "", 7) == "aaa bbb\nccc\n");
}

BOOST_AUTO_TEST_CASE(a_word_longer_than_the_room_keeps_a_line_of_its_own) {
    BOOST_TEST(wrapped("see https://developer.okta.com/docs/api/ now", "  ", 20) ==
               "  see\n  https://developer.okta.com/docs/api/\n  now\n");
}

BOOST_AUTO_TEST_CASE(runs_of_spaces_collapse_and_blank_paragraphs_vanish) {
    BOOST_TEST(wrapped("  two   words  ", "> ") == "> two words\n");
    BOOST_TEST(wrapped("", "  ").empty());
    BOOST_TEST(wrapped("   ", "  ").empty());
}

BOOST_AUTO_TEST_CASE(a_long_description_stays_within_the_width_and_loses_no_word) {
    const std::string description =
        "How many times to retry one request: after a 429 Too Many Requests (waiting for X-Rate-Limit-Reset), or a "
        "500/502/503/504, a lost connection or a timeout (full-jitter exponential backoff from 200 ms, capped at "
        "5 s). Every wait fits the call's deadline. 0 hands every failure back to the workflow at once.";
    const std::string text = wrapped(description, "      ");
    BOOST_TEST(longest_line(text) <= 80u);
    std::string rejoined;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        BOOST_TEST(line.rfind("      ", 0) == 0u);
        rejoined += (rejoined.empty() ? "" : " ") + line.substr(6);
    }
    BOOST_TEST(rejoined == description);
}
