// Parameter maps derived from a node's declared inputs schema alone: one base
// map that satisfies it, and variants that each change one parameter to break
// one rule the schema declares (a wrong type, a missing required parameter, a
// value outside enum or const, past a bound, a pattern or oneOf/anyOf miss) or
// to sit exactly on a bound it allows. Whether a variant is valid is not
// decided here: the schema validator is the judge, so the builder cannot
// quietly disagree with it.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace okta_it {

struct params_variant {
    std::string what;           // "MaxRetries = 11", for failure messages
    std::string field;          // the parameter a refusal must name
    boost::json::object params;
};

// A value `schema` accepts: its const, its first enum value, or the smallest
// value of its type its bounds allow (an address shape for format email).
boost::json::value sample_value(const boost::json::object& schema);

// The required parameters, and those of the first oneOf / anyOf branch.
boost::json::object base_params(const boost::json::object& inputs);

// The base map changed one way at a time.
std::vector<params_variant> variants_of(const boost::json::object& inputs);

}  // namespace okta_it
