#include "nodes/runtime.hpp"

#include <memory>
#include <new>
#include <stdexcept>

namespace okta_plugin::nodes {
namespace {

// Set and reset only on the load thread (init/deinit), while no node runs;
// execute() only reads it.
std::unique_ptr<plugin_runtime> current;

}  // namespace

bool start_runtime() noexcept {
    try {
        if (!current) {
            current = std::make_unique<plugin_runtime>();
        }
        return true;
    } catch (...) {
        return false;
    }
}

void stop_runtime() noexcept { current.reset(); }

plugin_runtime& runtime() {
    if (!current) {
        throw std::logic_error("the Okta plugin was not initialised (init() was not called)");
    }
    return *current;
}

}  // namespace okta_plugin::nodes
