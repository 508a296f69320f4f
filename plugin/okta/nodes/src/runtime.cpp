#include "nodes/runtime.hpp"

#include <stdexcept>

namespace okta_plugin::nodes {
namespace {

const node_runtime* installed = nullptr;

}  // namespace

void install_runtime(const node_runtime* services) noexcept { installed = services; }

const node_runtime& runtime() {
    if (installed == nullptr) {
        throw std::logic_error("the Okta plugin was not initialised (init() was not called)");
    }
    return *installed;
}

}  // namespace okta_plugin::nodes
