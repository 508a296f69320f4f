#include "okta/protocol/redaction.hpp"

#include "okta/protocol/json_body.hpp"

#include <boost/json/string.hpp>

namespace okta_plugin::okta {
namespace {

constexpr std::string_view mask = "[REDACTED]";

void mask_all(std::string& text, std::string_view secret) {
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + mask.size())) {
        text.replace(at, secret.size(), mask);
    }
}

}  // namespace

std::string redact(std::string text, std::initializer_list<std::string_view> secrets) {
    for (std::string_view secret : secrets) {
        // Very short values would mask innocent words; tokens and passwords
        // the plugin accepts are longer than this.
        if (secret.size() < 4) {
            continue;
        }
        mask_all(text, secret);
        // Escaped in wiping storage: the secret must not leave a copy behind.
        const boost::json::value as_json(boost::json::string(secret, wiping_json_storage()));
        const wire::wiping_string quoted = to_body_text(as_json);
        const std::string_view escaped = std::string_view(quoted).substr(1, quoted.size() - 2);
        if (escaped != secret) {
            mask_all(text, escaped);
        }
    }
    return text;
}

std::string bounded_message(std::string text) {
    static constexpr std::string_view cut_note = " … (message cut)";
    if (text.size() <= max_message_bytes) {
        return text;
    }
    std::size_t end = max_message_bytes - cut_note.size();
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;  // not inside a UTF-8 sequence
    }
    text.resize(end);
    text += cut_note;
    return text;
}

}  // namespace okta_plugin::okta
