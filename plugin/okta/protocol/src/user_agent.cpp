#include "okta/protocol/user_agent.hpp"

#ifndef WFN_OKTA_VERSION
#error "WFN_OKTA_VERSION must be defined by the build"
#endif

namespace okta_plugin::okta {

std::string user_agent() {
#if defined(__linux__)
    constexpr const char* platform = "Linux";
#elif defined(__APPLE__)
    constexpr const char* platform = "macOS";
#else
    constexpr const char* platform = "unknown";
#endif
    return std::string("wfn-okta/") + WFN_OKTA_VERSION + " (com.wfn.okta; " + platform + ")";
}

}  // namespace okta_plugin::okta
