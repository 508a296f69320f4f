// ABI version compatibility and status names, worded for load errors.
#pragma once

#include <wfn/abi.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wfn::host::detail {

struct abi_version {
    std::uint32_t major = 0;
    std::uint32_t minor = 0;

    std::string to_string() const;  // "1.0"
    friend bool operator==(const abi_version&, const abi_version&) = default;
};

inline constexpr abi_version host_abi{WFN_ABI_VERSION_MAJOR, WFN_ABI_VERSION_MINOR};

// Why a host speaking `host` refuses a plugin built for `plugin`, or nothing
// when it accepts it. `subject` starts the sentence, for example
// "manifest.json declares" or "the library reports".
std::optional<std::string> abi_refusal(std::string_view subject, abi_version plugin, abi_version host = host_abi);

// "WFN_STATUS_INIT_FAILED" for 4, "unknown status 42" otherwise.
std::string status_name(std::int32_t status);

}  // namespace wfn::host::detail
