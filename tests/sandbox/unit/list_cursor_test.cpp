#include "list_cursor.hpp"

#include <boost/test/unit_test.hpp>

using namespace okta_sandbox;

BOOST_AUTO_TEST_SUITE(list_cursor)

BOOST_AUTO_TEST_CASE(a_cursor_leads_back_to_the_user_it_was_made_from) {
  BOOST_TEST(decode_list_cursor(encode_list_cursor("00u1ero7vZFVEIYLWPBN")).value() == "00u1ero7vZFVEIYLWPBN");
}

BOOST_AUTO_TEST_CASE(every_cursor_needs_percent_encoding_in_a_query) {
  for (const char* id : {"00u1ero7vZFVEIYLWPBN", "00uA", "00uAB", "00uABC"}) {
    const std::string cursor = encode_list_cursor(id);
    BOOST_TEST_CONTEXT("cursor " << cursor) {
      BOOST_TEST(cursor.find('+') != std::string::npos);
      BOOST_TEST(cursor.find('/') != std::string::npos);
      BOOST_TEST(cursor.find('=') != std::string::npos);
      BOOST_TEST(decode_list_cursor(cursor).value() == id);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_cursor_mangled_by_form_decoding_is_refused) {
  std::string cursor = encode_list_cursor("00u1ero7vZFVEIYLWPBN");
  // A client that forgot to encode "+" sends it raw; the server reads a space.
  for (char& c : cursor) {
    if (c == '+') c = ' ';
  }
  BOOST_TEST(!decode_list_cursor(cursor).has_value());
}

BOOST_AUTO_TEST_CASE(anything_else_is_not_a_cursor) {
  BOOST_TEST(!decode_list_cursor("").has_value());
  BOOST_TEST(!decode_list_cursor("00u1ero7vZFVEIYLWPBN").has_value());
  BOOST_TEST(!decode_list_cursor("aGVsbG8gd29ybGQ=").has_value());
  BOOST_TEST(!decode_list_cursor("%%%%").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
