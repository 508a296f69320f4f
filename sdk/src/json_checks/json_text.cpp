#include "json_checks/json_text.hpp"

#include <boost/json/stream_parser.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace wfn::json_checks {
namespace {

std::string position_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

boost::json::value parse_json_text(std::string_view text) {
    boost::json::stream_parser parser;
    boost::system::error_code ec;
    const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec && consumed < text.size()) {
        // write_some stops after one complete document; anything but
        // whitespace after it is an error.
        const auto rest = text.substr(consumed);
        if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos) {
            throw json_text_error(position_of(text, consumed + rest.find_first_not_of(" \t\r\n")) +
                                  ": unexpected text after the JSON document");
        }
    }
    if (ec) {
        throw json_text_error(position_of(text, consumed) + ": " + ec.message());
    }
    parser.finish(ec);
    if (ec) {
        throw json_text_error(position_of(text, text.size()) + ": " +
                              (text.find_first_not_of(" \t\r\n") == std::string_view::npos
                                   ? std::string("the text is empty")
                                   : ec.message() + " (the document is incomplete)"));
    }
    return parser.release();
}

std::string read_text_file(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        throw json_text_error(std::string("cannot be read (") + std::strerror(errno) + ")");
    }
    std::ostringstream content;
    content << stream.rdbuf();
    if (stream.bad()) {
        throw json_text_error("cannot be read (I/O error)");
    }
    return std::move(content).str();
}

boost::json::value read_json_file(const std::filesystem::path& file) { return parse_json_text(read_text_file(file)); }

}  // namespace wfn::json_checks
