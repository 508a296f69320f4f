// Not installed: the SDK's own tests build plugins that claim an ABI version
// other than the headers' (a wrong major, a newer minor) to check that
// hosts refuse them. Plugin authors use WFN_DEFINE_PLUGIN, which claims the
// headers' major and the definition's needs_abi_minor.
#pragma once

#include <wfn/plugin.hpp>

#include <cstdint>

namespace wfn::detail {

struct abi_claim {
    std::uint32_t major = WFN_ABI_VERSION_MAJOR;
    std::uint32_t minor = 0;  // the minor needed
};

// get_plugin_entry, claiming `claim` instead of the headers' version.
std::int32_t get_plugin_entry_claiming(const plugin_definition& definition, abi_claim claim,
                                       std::uint32_t host_abi_major, std::uint32_t host_abi_minor,
                                       const wfn_plugin_entry** out_entry) noexcept;

}  // namespace wfn::detail
