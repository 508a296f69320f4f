// One plugin library, loaded, checked against its manifest and initialised.
#pragma once

#include "bundle_manifest.hpp"

#include <wfn/abi.h>

#include <boost/dll/shared_library.hpp>

#include <memory>
#include <vector>

namespace wfn::host::detail {

class loaded_plugin {
public:
    // Loads `manifest.library` with Boost.DLL (rtld_now | rtld_local), asks
    // for its entry, checks the ABI, init()s it and checks its descriptors
    // against the manifest. Throws load_failure naming the file and the
    // reason; whatever was loaded by then is deinit()ed and unloaded.
    // [load-thread]
    static std::unique_ptr<loaded_plugin> load(bundle_manifest manifest);

    // deinit()s the plugin, then unloads the library. Call only once no
    // execute() is running. [load-thread]
    ~loaded_plugin();

    loaded_plugin(const loaded_plugin&) = delete;
    loaded_plugin& operator=(const loaded_plugin&) = delete;

    const bundle_manifest& manifest() const noexcept { return manifest_; }

    // The library's descriptors, one per manifest node, in manifest order.
    // Valid until destruction.
    const std::vector<const wfn_node_descriptor*>& descriptors() const noexcept { return descriptors_; }

private:
    explicit loaded_plugin(bundle_manifest manifest);

    void open_library();
    void fetch_entry();
    void initialise();
    void match_descriptors();

    // Declared first so it is destroyed last, after deinit() has run.
    boost::dll::shared_library library_;
    const wfn_plugin_entry* entry_ = nullptr;
    bool initialised_ = false;
    bundle_manifest manifest_;
    std::vector<const wfn_node_descriptor*> descriptors_;
};

}  // namespace wfn::host::detail
