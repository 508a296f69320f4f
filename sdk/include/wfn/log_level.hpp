// wfn/log_level.hpp: the log levels of abi.h (WFN_LOG_*) as a C++ enum, for
// plugins (call_context::log) and hosts (run_options) alike.
#pragma once

#include <wfn/abi.h>

#include <cstdint>

namespace wfn {

enum class log_level : std::int32_t {
    trace = WFN_LOG_TRACE,
    debug = WFN_LOG_DEBUG,
    info = WFN_LOG_INFO,
    warn = WFN_LOG_WARN,
    error = WFN_LOG_ERROR,
};

}  // namespace wfn
