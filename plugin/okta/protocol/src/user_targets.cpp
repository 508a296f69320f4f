#include "okta/protocol/user_targets.hpp"

#include "wire/ascii.hpp"

#include <algorithm>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace okta_plugin::okta {
namespace {

void append_param(std::string& target, std::string_view key, std::string_view value) {
    target += target.find('?') == std::string::npos ? '?' : '&';
    target += key;
    target += '=';
    target += encode_component(value);
}

}  // namespace

std::string encode_component(std::string_view text) {
    return boost::urls::encode(text, boost::urls::unreserved_chars);
}

std::string create_user_target(bool activate) {
    std::string target(users_path);
    append_param(target, "activate", activate ? "true" : "false");
    return target;
}

std::string user_target(std::string_view id_or_login) {
    std::string target(users_path);
    target += '/';
    target += encode_component(id_or_login);
    return target;
}

std::string delete_user_target(std::string_view id, bool send_email) {
    std::string target = user_target(id);
    if (send_email) {
        append_param(target, "sendEmail", "true");
    }
    return target;
}

std::string list_users_target(const list_query& query) { return with_list_query(std::string(users_path), query); }

std::string with_list_query(std::string target, const list_query& query) {
    if (!query.search.empty()) {
        append_param(target, "search", query.search);
    }
    if (!query.filter.empty()) {
        append_param(target, "filter", query.filter);
    }
    if (!query.q.empty()) {
        append_param(target, "q", query.q);
    }
    if (!query.after.empty()) {
        append_param(target, "after", query.after);
    }
    if (query.limit > 0) {
        append_param(target, "limit", std::to_string(query.limit));
    }
    return target;
}

std::string login_filter(std::string_view login) { return equals_expression("profile.login", login); }

std::string equals_expression(std::string_view property, std::string_view value) {
    std::string expression(property);
    expression += " eq \"";
    for (char c : value) {
        if (c == '"' || c == '\\') {
            expression += '\\';
        }
        expression += c;
    }
    expression += '"';
    return expression;
}

bool needs_login_filter(std::string_view id_or_login) noexcept {
    return id_or_login.find('/') != std::string_view::npos;
}

bool looks_like_okta_id(std::string_view text, std::string_view prefix) noexcept {
    const auto alphanumeric = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
    return text.size() == 20 && text.starts_with(prefix) && std::all_of(text.begin(), text.end(), alphanumeric);
}

bool looks_like_user_id(std::string_view id_or_login) noexcept { return looks_like_okta_id(id_or_login, "00u"); }

bool is_self_alias(std::string_view id_or_login) noexcept { return wire::ascii_iequals(id_or_login, "me"); }

}  // namespace okta_plugin::okta
