// Checks a page of Okta's user list as text, without building a DOM: one
// JSON array whose elements are all objects, and how many there are. A
// ReturnAll listing copies each page's text into its output as is, so it
// needs no more than this; a DOM of 200 users per page cost a third of the
// time of a 20,000-user listing and the heap it left behind. Pure functions.
#pragma once

#include <boost/system/error_code.hpp>

#include <cstddef>
#include <string_view>

namespace okta_plugin::okta {

enum class page_shape {
    users,            // an array of objects (maybe empty)
    not_json,         // `parse_error` says why
    not_an_array,     // valid JSON, but not an array (or an empty text)
    not_only_objects, // an array holding something other than objects
};

struct user_page_scan {
    page_shape shape = page_shape::not_json;
    std::size_t users = 0;
    boost::system::error_code parse_error;
};

user_page_scan scan_user_page(std::string_view text) noexcept;

// The same check for a body that must be exactly one JSON object (a user
// handed on as text by Get a User): no error and `is_object`, or why not.
struct object_scan {
    bool is_object = false;
    boost::system::error_code parse_error;
};

object_scan scan_object(std::string_view text) noexcept;

}  // namespace okta_plugin::okta
