// Telling, after a create whose answer was lost, whether the user found under
// its login is the one this create asked for. Pure, so it can be tested
// without a server.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace okta_plugin::okta {

namespace detail {

inline bool same_ignoring_case(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace detail

// True when every profile field the create sent has the same value in
// `user`'s profile (Okta adds fields of its own, and keeps logins
// case-insensitive). A password is never returned, so it is not compared.
inline bool profile_matches(const boost::json::object& sent_profile, const boost::json::value& user) {
    const auto* fields = user.is_object() ? user.as_object().if_contains("profile") : nullptr;
    if (fields == nullptr || !fields->is_object()) {
        return false;
    }
    const auto& stored = fields->as_object();
    for (const auto& [name, value] : sent_profile) {
        const auto* found = stored.if_contains(name);
        if (found == nullptr) {
            return false;
        }
        if (name == "login" && value.is_string() && found->is_string()) {
            if (!detail::same_ignoring_case(value.as_string(), found->as_string())) {
                return false;
            }
        } else if (*found != value) {
            return false;
        }
    }
    return true;
}

}  // namespace okta_plugin::okta
