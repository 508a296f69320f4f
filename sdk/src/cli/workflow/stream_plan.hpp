// Which forEach steps take their items while the previous step lists them.
#pragma once

#include "workflow_definition.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace wfn::cli {

// The list member ("Users") that steps[source + 1] streams from
// steps[source], or nothing. It streams when that step has stream (the
// default), its forEach is exactly {{ steps.<source>.<member> }}, its params
// read nothing of the source step (whose output is not there until the list
// ends), and no later step reads the member (which is never kept).
std::optional<std::string> streamed_member(const workflow_definition& workflow, std::size_t source);

// True when a step after `after` mentions steps.<name> in its params or
// forEach (read as text, so it may say yes to a path that would not resolve).
bool read_by_later_step(const workflow_definition& workflow, std::size_t after, std::string_view name);

}  // namespace wfn::cli
