#include "abi_checks.hpp"

namespace wfn::host::detail {

std::string abi_version::to_string() const { return std::to_string(major) + "." + std::to_string(minor); }

std::optional<std::string> abi_refusal(std::string_view subject, abi_version plugin, abi_version host) {
    if (plugin.major != host.major) {
        return std::string(subject) + " wfn ABI " + plugin.to_string() + ", but this host speaks ABI " +
               host.to_string() + " and refuses any other major version";
    }
    if (plugin.minor > host.minor) {
        return std::string(subject) + " wfn ABI " + plugin.to_string() + ", a newer minor version than this host's ABI " +
               host.to_string() + " (the plugin may rely on members this host does not fill)";
    }
    return std::nullopt;
}

std::string status_name(std::int32_t status) {
    switch (status) {
    case WFN_STATUS_OK:
        return "WFN_STATUS_OK";
    case WFN_STATUS_ABI_MAJOR_MISMATCH:
        return "WFN_STATUS_ABI_MAJOR_MISMATCH";
    case WFN_STATUS_ABI_MINOR_TOO_NEW:
        return "WFN_STATUS_ABI_MINOR_TOO_NEW";
    case WFN_STATUS_INVALID_ARGUMENT:
        return "WFN_STATUS_INVALID_ARGUMENT";
    case WFN_STATUS_INIT_FAILED:
        return "WFN_STATUS_INIT_FAILED";
    case WFN_STATUS_INTERNAL_ERROR:
        return "WFN_STATUS_INTERNAL_ERROR";
    default:
        return "unknown status " + std::to_string(status);
    }
}

}  // namespace wfn::host::detail
