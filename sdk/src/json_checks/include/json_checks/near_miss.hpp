// "Did you mean ...?" for a mistyped name: a parameter, a credential member,
// a node id or a command-line option.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wfn::json_checks {

// The candidate closest to `given` by edit distance (letters compared
// without case), when it is close enough to be a slip rather than another
// name: at most one edit per three characters, and at least one allowed.
// Ties go to the earlier candidate. nullopt when none is close enough.
std::optional<std::string> closest_name(std::string_view given, const std::vector<std::string_view>& candidates);

// "; did you mean `X`?" for closest_name's answer, or "" without one.
std::string did_you_mean(std::string_view given, const std::vector<std::string_view>& candidates);

}  // namespace wfn::json_checks
