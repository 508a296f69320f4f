#include <wfn/host.hpp>

#include <boost/dll/runtime_symbol_info.hpp>

#include <cstdlib>

// Both come from CMake: the build-tree bundle folder, and the installed
// plugins folder relative to the installation prefix.
#ifndef WFN_BUILD_BUNDLE_DIR
#error "WFN_BUILD_BUNDLE_DIR must be defined by the build"
#endif
#ifndef WFN_INSTALLED_PLUGINS_SUBDIR
#error "WFN_INSTALLED_PLUGINS_SUBDIR must be defined by the build"
#endif

namespace wfn::host {

std::filesystem::path default_plugins_dir() {
    namespace fs = std::filesystem;
    if (const char* configured = std::getenv("WFN_PLUGINS_DIR"); configured != nullptr && *configured != '\0') {
        return configured;
    }
    boost::system::error_code ec;
    const fs::path executable = boost::dll::program_location(ec);
    if (!ec) {
        // The executable sits in <prefix>/bin; the plugins in
        // <prefix>/<libdir>/wfn/plugins, where libdir may be lib or a
        // multiarch folder such as lib/x86_64-linux-gnu.
        const fs::path prefix = executable.parent_path().parent_path();
        for (const fs::path& candidate : {prefix / WFN_INSTALLED_PLUGINS_SUBDIR, prefix / "lib" / "wfn" / "plugins"}) {
            std::error_code exists_error;
            if (fs::is_directory(candidate, exists_error)) {
                return candidate.lexically_normal();
            }
        }
    }
    return WFN_BUILD_BUNDLE_DIR;
}

}  // namespace wfn::host
