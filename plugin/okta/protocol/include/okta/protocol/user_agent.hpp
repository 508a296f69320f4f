// The User-Agent every request names us with.
#pragma once

#include <string>

namespace okta_plugin::okta {

// "wfn-okta/1.0.0 (com.wfn.okta; Linux)"
std::string user_agent();

}  // namespace okta_plugin::okta
