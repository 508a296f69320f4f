// Command-line values that carry JSON: inline text, @file, or @- for stdin.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace wfn::cli {

// The JSON text `argument` stands for: the argument itself, the content of
// the file after '@', or standard input for "@-". Throws usage_error when
// the file cannot be read. `option` names the option in messages.
std::string json_argument_text(std::string_view argument, std::string_view option);

// The same text parsed and required to be a JSON object; throws usage_error
// with the parse position ("line 1, column 9: syntax error") otherwise.
boost::json::value json_argument_object(std::string_view argument, std::string_view option);

// The text, checked as json_argument_object checks it but returned as
// written, for a plugin that reads it itself (numbers keep their spelling).
std::string json_object_argument_text(std::string_view argument, std::string_view option);

}  // namespace wfn::cli
