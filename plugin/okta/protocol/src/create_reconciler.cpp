#include "okta/protocol/create_reconciler.hpp"

#include "okta/protocol/rate_limit.hpp"
#include "wire/ascii.hpp"

namespace okta_plugin::okta {
namespace {

std::string_view string_member(const boost::json::value& object, std::string_view name) {
    const auto* fields = object.if_object();
    const auto* member = fields != nullptr ? fields->if_contains(name) : nullptr;
    return member != nullptr && member->is_string() ? std::string_view(member->as_string()) : std::string_view();
}

}  // namespace

bool profile_matches(const boost::json::object& sent_profile, const boost::json::value& user) {
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
        const bool logins = name == "login" && value.is_string() && found->is_string();
        if (logins ? !wire::ascii_iequals(value.as_string(), found->as_string()) : *found != value) {
            return false;
        }
    }
    return true;
}

std::string_view status_after_create(bool activate, bool with_password) noexcept {
    if (!activate) {
        return "STAGED";
    }
    return with_password ? "ACTIVE" : "PROVISIONED";
}

bool made_by_this_create(const boost::json::value& user, const create_expectation& expected) {
    if (!profile_matches(expected.profile, user) ||
        string_member(user, "status") != status_after_create(expected.activate, expected.with_password)) {
        return false;
    }
    const auto created = parse_utc_millis(string_member(user, "created"));
    return created && *created >= expected.created_no_earlier_than;
}

}  // namespace okta_plugin::okta
