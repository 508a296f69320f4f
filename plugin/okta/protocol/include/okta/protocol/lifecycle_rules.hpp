// Okta's user lifecycle operations as data: where each is sent, the statuses
// it starts from and leads to, and what of its answer the workflow needs.
// The client reconciles a lost answer with these rules; the statuses are
// Okta's (Okta's user status diagram).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace okta_plugin::okta {

enum class lifecycle_step {
    activate,
    deactivate,
    suspend,
    unsuspend,
    unlock,
    reset_password,
    expire_password,
    expire_password_with_temp_password,
};

struct lifecycle_rule {
    lifecycle_step step;
    // The path segment after /lifecycle/.
    std::string_view operation;
    // What the workflow calls it ("activation"), for messages.
    std::string_view noun;
    bool takes_send_email;
    // Statuses Okta accepts the operation from.
    std::span<const std::string_view> allowed_from;
    // Statuses the user is in once it is done.
    std::span<const std::string_view> reached;
    // The member of Okta's answer that the workflow needs (a one-time URL
    // or password), or empty. Okta sends it only when no email goes out,
    // unless `secret_always`.
    std::string_view secret_member;
    bool secret_always;
    // Okta's answer is the user after the change; otherwise it is read.
    bool answers_user;

    bool starts_from(std::string_view status) const noexcept;
    bool leads_to(std::string_view status) const noexcept;
    // Whether this run's answer must carry the secret.
    bool hands_over_secret(bool send_email) const noexcept {
        return !secret_member.empty() && (secret_always || !send_email);
    }
};

const lifecycle_rule& rule_of(lifecycle_step step) noexcept;

// POST /api/v1/users/{id}/lifecycle/{operation}[?sendEmail=true|false]
std::string lifecycle_target(std::string_view user_id, const lifecycle_rule& rule, bool send_email);

}  // namespace okta_plugin::okta
