// The one conversion between the ABI's wfn_string_view and std::string_view,
// used on both sides of the ABI. Rule: a NULL data pointer or a size of 0 is
// the empty string (a NULL pointer with a size is a broken view, never read).
#pragma once

#include <wfn/abi.h>

#include <string_view>

namespace wfn::detail {

inline std::string_view to_std_view(wfn_string_view text) noexcept {
    return text.data == nullptr || text.size == 0 ? std::string_view{} : std::string_view{text.data, text.size};
}

inline wfn_string_view to_abi_view(std::string_view text) noexcept { return {text.data(), text.size()}; }

}  // namespace wfn::detail
