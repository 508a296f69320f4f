#include "okta/protocol/resend_policy.hpp"

namespace okta_plugin::okta {

std::string_view kind_name(request_kind kind) noexcept {
    switch (kind) {
        case request_kind::read: return "read";
        case request_kind::partial_update: return "partial update";
        case request_kind::create: return "create";
        case request_kind::remove: return "delete";
        case request_kind::transition: return "lifecycle change";
        case request_kind::membership: return "membership change";
    }
    return "request";
}

}  // namespace okta_plugin::okta
