// Parsing JSON text and files with messages that say where the text breaks.
#pragma once

#include <boost/json/value.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace wfn::json_checks {

// The text is not JSON, or the file cannot be read. what() is one sentence
// such as "line 3, column 14: syntax error".
class json_text_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses one JSON document (comments and trailing commas are refused).
boost::json::value parse_json_text(std::string_view text);

// Reads and parses a file; the message does not repeat the path.
boost::json::value read_json_file(const std::filesystem::path& file);

// Reads a whole file as bytes; throws json_text_error when it cannot.
std::string read_text_file(const std::filesystem::path& file);

}  // namespace wfn::json_checks
