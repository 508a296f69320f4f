// Telling, after a create whose answer was lost or refused, whether the user
// found under its login is the one this create made. Pure, so it can be
// tested without a server.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace okta_plugin::okta {

// What a user made by this create looks like.
struct create_expectation {
    const boost::json::object& profile;  // as sent (never the password)
    bool activate = true;
    bool with_password = false;
    // The earliest `created` (epoch milliseconds, Okta's clock) this create
    // can have given the user: when the call (or an earlier unconfirmed run
    // of it) began.
    std::int64_t created_no_earlier_than = 0;
};

// True when every profile field the create sent has the same value in
// `user`'s profile (Okta adds fields of its own, and keeps logins
// case-insensitive).
bool profile_matches(const boost::json::object& sent_profile, const boost::json::value& user);

// Okta's status for a new user: STAGED unless activated; ACTIVE when
// activated with a password, PROVISIONED without one.
std::string_view status_after_create(bool activate, bool with_password) noexcept;

// The found user has the profile sent, the status the create gives, and was
// created no earlier than this call began: it is this create's user. A user
// who was there before, in any status, is not.
bool made_by_this_create(const boost::json::value& user, const create_expectation& expected);

}  // namespace okta_plugin::okta
