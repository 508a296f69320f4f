#include "nodes/text_rules.hpp"

namespace okta_plugin::nodes {
namespace {

// The byte length of the UTF-8 sequence starting at text[at], or 0 when it is
// not a valid, shortest-form sequence of a Unicode scalar value.
std::size_t sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t length = 0;
    char32_t value = 0;
    if (lead < 0x80) {
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
    } else {
        return 0;
    }
    if (at + length > text.size()) {
        return 0;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) {
            return 0;
        }
        value = (value << 6) | (byte(at + i) & 0x3F);
    }
    const bool overlong = (length == 2 && value < 0x80) || (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    if (overlong || surrogate || value > 0x10FFFF) {
        return 0;
    }
    return length;
}

}  // namespace

std::size_t count_characters(std::string_view utf8) {
    std::size_t count = 0;
    for (unsigned char c : utf8) {
        if ((c & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

std::optional<std::string> text_problem(std::string_view text, const text_rule& rule) {
    if (text.empty() && rule.min_chars > 0) {
        return "is empty";
    }
    if (rule.min_chars > 0 && !rule.allow_line_breaks && text.find_first_not_of(" \t") == std::string_view::npos) {
        return "is only white space";
    }
    std::size_t characters = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = sequence_length(text, at);
        ++characters;
        if (length == 0) {
            return "is not valid UTF-8 (at character " + std::to_string(characters) + ")";
        }
        if (length == 4) {
            return "contains a 4-byte UTF-8 character (such as an emoji) at character " + std::to_string(characters) +
                   "; Okta accepts only characters of up to 3 bytes";
        }
        const auto c = static_cast<unsigned char>(text[at]);
        const bool line_break = c == '\r' || c == '\n' || c == '\t';
        if ((c < 0x20 || c == 0x7F) && !(line_break && rule.allow_line_breaks)) {
            return "contains a control character (such as CR or LF) at character " + std::to_string(characters);
        }
        at += length;
    }
    if (characters < rule.min_chars || characters > rule.max_chars) {
        return "must be " + std::to_string(rule.min_chars) + " to " + std::to_string(rule.max_chars) +
               " characters long (it has " + std::to_string(characters) + ")";
    }
    if (rule.must_be_email && !looks_like_email(text)) {
        return "is not a valid email address (expected name@example.com)";
    }
    return std::nullopt;
}

bool looks_like_email(std::string_view text) {
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    const std::string_view domain = text.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (domain.empty() || dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size() ||
        domain.find("..") != std::string_view::npos || domain.front() == '-' || domain.front() == '.') {
        return false;
    }
    for (unsigned char c : text) {
        if (c <= ' ' || c == 0x7F || c == '(' || c == ')' || c == '<' || c == '>' || c == ',' || c == ';' ||
            c == '[' || c == ']' || c == '\\' || c == '"') {
            return false;
        }
    }
    return true;
}

}  // namespace okta_plugin::nodes
