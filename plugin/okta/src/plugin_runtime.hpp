// The plugin's init() and deinit(): the one place that builds the HTTPS
// transport and puts it under the nodes.
#pragma once

namespace okta_plugin {

// False when the runtime cannot start.
bool start_runtime() noexcept;
void stop_runtime() noexcept;

}  // namespace okta_plugin
