#include "okta/protocol/www_authenticate.hpp"

#include "wire/ascii.hpp"

namespace okta_plugin::okta {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

void skip_space(std::string_view text, std::size_t& at) {
    while (at < text.size() && is_space(text[at])) {
        ++at;
    }
}

std::string read_token(std::string_view text, std::size_t& at) {
    const std::size_t start = at;
    while (at < text.size() && !is_space(text[at]) && text[at] != '=' && text[at] != ',' && text[at] != '"') {
        ++at;
    }
    return std::string(text.substr(start, at - start));
}

std::string read_quoted(std::string_view text, std::size_t& at) {
    std::string value;
    ++at;  // the opening quote
    while (at < text.size() && text[at] != '"') {
        if (text[at] == '\\' && at + 1 < text.size()) {
            ++at;
        }
        value += text[at++];
    }
    if (at < text.size()) {
        ++at;  // the closing quote
    }
    return value;
}

}  // namespace

std::optional<auth_challenge> parse_www_authenticate(std::string_view value) {
    std::size_t at = 0;
    skip_space(value, at);
    auth_challenge challenge;
    challenge.scheme = read_token(value, at);
    if (challenge.scheme.empty()) {
        return std::nullopt;
    }
    while (at < value.size()) {
        skip_space(value, at);
        if (at < value.size() && value[at] == ',') {
            ++at;
            continue;
        }
        const std::string name = wire::ascii_lowered(read_token(value, at));
        skip_space(value, at);
        if (name.empty() || at >= value.size() || value[at] != '=') {
            break;  // the next challenge begins, or the text is not auth-params
        }
        ++at;
        skip_space(value, at);
        const std::string param = at < value.size() && value[at] == '"' ? read_quoted(value, at) : read_token(value, at);
        if (name == "error") {
            challenge.error = param;
        } else if (name == "error_description") {
            challenge.error_description = param;
        } else if (name == "scope") {
            challenge.scope = param;
        }
    }
    return challenge;
}

}  // namespace okta_plugin::okta
