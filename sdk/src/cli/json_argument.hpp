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
// with the parse position otherwise.
boost::json::value json_argument_object(std::string_view argument, std::string_view option);

}  // namespace wfn::cli
