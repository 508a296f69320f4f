#include "okta/protocol/link_header.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <cctype>

namespace okta_plugin::okta {
namespace {

// RFC 7230 tchar: the characters a token (a parameter name or bare value) may hold.
bool is_token_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) {
        return true;
    }
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// A cursor over one field value.
class link_scanner {
public:
    explicit link_scanner(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }

    void skip_spaces() {
        while (!at_end() && is_space(peek())) {
            ++pos_;
        }
    }

    // Moves past the next comma that is outside <...> and "...", ending the
    // current (malformed) link-value.
    void skip_to_next_link() {
        bool in_quotes = false;
        bool in_brackets = false;
        while (!at_end()) {
            const char c = text_[pos_++];
            if (in_quotes) {
                if (c == '\\' && !at_end()) {
                    ++pos_;
                } else if (c == '"') {
                    in_quotes = false;
                }
            } else if (in_brackets) {
                in_brackets = c != '>';
            } else if (c == '"') {
                in_quotes = true;
            } else if (c == '<') {
                in_brackets = true;
            } else if (c == ',') {
                return;
            }
        }
    }

    // "<" URI-Reference ">"
    std::optional<std::string> target() {
        if (at_end() || peek() != '<') {
            return std::nullopt;
        }
        const auto close = text_.find('>', pos_ + 1);
        if (close == std::string_view::npos) {
            pos_ = text_.size();
            return std::nullopt;
        }
        std::string found(text_.substr(pos_ + 1, close - pos_ - 1));
        pos_ = close + 1;
        return found;
    }

    std::string token() {
        const auto start = pos_;
        while (!at_end() && is_token_char(peek())) {
            ++pos_;
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    // An unquoted parameter value. RFC 8288 wants a token, but servers send
    // things like type=text/html; anything up to the next separator is taken.
    std::string bare_value() {
        const auto start = pos_;
        while (!at_end() && peek() != ';' && peek() != ',' && !is_space(peek()) && peek() != '"') {
            ++pos_;
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    // DQUOTE *( qdtext / "\" char ) DQUOTE, unescaped; nothing if unterminated.
    std::optional<std::string> quoted_string() {
        std::string value;
        ++pos_;  // the opening quote
        while (!at_end()) {
            const char c = text_[pos_++];
            if (c == '"') {
                return value;
            }
            if (c == '\\') {
                if (at_end()) {
                    break;
                }
                value += text_[pos_++];
            } else {
                value += c;
            }
        }
        return std::nullopt;
    }

    // ";" param-name [ "=" ( token / quoted-string ) ]; false if malformed.
    bool parameter(std::string& name, std::string& value) {
        ++pos_;  // the ';'
        skip_spaces();
        name = lower(token());
        if (name.empty()) {
            return false;
        }
        skip_spaces();
        value.clear();
        if (at_end() || peek() != '=') {
            return true;
        }
        ++pos_;
        skip_spaces();
        if (!at_end() && peek() == '"') {
            auto quoted = quoted_string();
            if (!quoted) {
                return false;
            }
            value = std::move(*quoted);
            return true;
        }
        value = bare_value();
        return !value.empty();
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

std::vector<std::string> split_relations(std::string_view value) {
    std::vector<std::string> relations;
    std::size_t pos = 0;
    while (pos < value.size()) {
        while (pos < value.size() && is_space(value[pos])) {
            ++pos;
        }
        const auto start = pos;
        while (pos < value.size() && !is_space(value[pos])) {
            ++pos;
        }
        if (pos > start) {
            relations.push_back(lower(value.substr(start, pos - start)));
        }
    }
    return relations;
}

}  // namespace

std::vector<web_link> parse_link_field(std::string_view field_value) {
    std::vector<web_link> links;
    link_scanner scan(field_value);
    for (;;) {
        scan.skip_spaces();
        while (!scan.at_end() && scan.peek() == ',') {
            scan.skip_to_next_link();
            scan.skip_spaces();
        }
        if (scan.at_end()) {
            break;
        }
        auto target = scan.target();
        if (!target) {
            scan.skip_to_next_link();
            continue;
        }
        web_link link{std::move(*target), {}};
        bool well_formed = true;
        bool seen_rel = false;
        for (;;) {
            scan.skip_spaces();
            if (scan.at_end() || scan.peek() == ',') {
                break;
            }
            std::string name;
            std::string value;
            if (scan.peek() != ';' || !scan.parameter(name, value)) {
                well_formed = false;
                scan.skip_to_next_link();
                break;
            }
            // RFC 8288 §3.3: only the first rel parameter counts.
            if (name == "rel" && !seen_rel) {
                seen_rel = true;
                link.relations = split_relations(value);
            }
        }
        if (well_formed) {
            links.push_back(std::move(link));
        }
    }
    return links;
}

std::optional<std::string> find_next_link(const std::vector<std::string_view>& link_fields) {
    for (std::string_view field : link_fields) {
        for (web_link& link : parse_link_field(field)) {
            if (std::find(link.relations.begin(), link.relations.end(), "next") != link.relations.end()) {
                return std::move(link.target);
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> after_cursor_of(std::string_view url) {
    // The cursor is in the query, never in the fragment; cutting the fragment
    // off also dodges Boost.URL 1.81 reading past the end of "?#" (an empty
    // query before a fragment) when iterating params (boostorg/url#864).
    url = url.substr(0, url.find('#'));
    auto parsed = boost::urls::parse_uri_reference(url);
    if (!parsed) {
        return std::nullopt;
    }
    const auto params = parsed->params();
    auto found = params.find("after");
    if (found == params.end() || !(*found).has_value) {
        return std::nullopt;
    }
    return std::string((*found).value);
}

}  // namespace okta_plugin::okta
