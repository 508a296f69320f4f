#include "json_argument.hpp"

#include "json_checks/json_text.hpp"
#include "usage_error.hpp"

#include <iostream>
#include <sstream>

namespace wfn::cli {
namespace {

// Standard input can be read once: a second @- would silently get an empty
// text and run the node with the wrong inputs.
std::string read_standard_input(std::string_view option) {
    static std::string first_reader;
    if (!first_reader.empty()) {
        throw usage_error("only one of " + first_reader + " and " + std::string(option) +
                          " can read standard input (@-); give the other as JSON or @file");
    }
    first_reader = option;
    std::ostringstream content;
    content << std::cin.rdbuf();
    return std::move(content).str();
}

}  // namespace

std::string json_argument_text(std::string_view argument, std::string_view option) {
    if (!argument.starts_with('@')) {
        return std::string(argument);
    }
    const std::string_view file = argument.substr(1);
    if (file == "-") {
        return read_standard_input(option);
    }
    try {
        return json_checks::read_text_file(std::string(file));
    } catch (const json_checks::json_text_error& error) {
        throw usage_error(std::string(option) + ": the file " + std::string(file) + " " + error.what());
    }
}

namespace {

boost::json::value parsed_object(std::string_view text, std::string_view option) {
    boost::json::value value;
    try {
        value = json_checks::parse_json_text(text);
    } catch (const json_checks::json_text_error& error) {
        throw usage_error(std::string(option) + " is not valid JSON (" + error.what() + ")");
    }
    if (!value.is_object()) {
        throw usage_error(std::string(option) + " must be a JSON object");
    }
    return value;
}

}  // namespace

boost::json::value json_argument_object(std::string_view argument, std::string_view option) {
    return parsed_object(json_argument_text(argument, option), option);
}

std::string json_object_argument_text(std::string_view argument, std::string_view option) {
    std::string text = json_argument_text(argument, option);
    parsed_object(text, option);
    return text;
}

}  // namespace wfn::cli
