// Indented JSON for people reading wfn-host's output (Boost.JSON only
// serialises compactly).
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace wfn::cli {

// Two-space indentation, one member per line, a final newline.
std::string pretty_json(const boost::json::value& value);

}  // namespace wfn::cli
