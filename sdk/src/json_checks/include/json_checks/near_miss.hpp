// "Did you mean ...?" for a mistyped name: a parameter, a credential member,
// a node id or a command-line option.
#pragma once

#include <cstddef>
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

// The same with at most `most_edits` edits, for names sharing a long prefix
// ("okta.user.") that would otherwise stretch the allowance to another name.
std::optional<std::string> closest_name(std::string_view given, const std::vector<std::string_view>& candidates,
                                        std::size_t most_edits);

// "; did you mean `X`?" for closest_name's answer, or "" without one.
std::string did_you_mean(std::string_view given, const std::vector<std::string_view>& candidates);

}  // namespace wfn::json_checks
