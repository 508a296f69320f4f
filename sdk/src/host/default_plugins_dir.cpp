// The default plugin search path: $WFN_PLUGINS_PATH, next to the program,
// then the system's library folders. Only relative folders and fixed system
// folders are compiled in, never a folder of the machine that built this.
#include <wfn/host.hpp>

#include <boost/dll/runtime_symbol_info.hpp>

#include <algorithm>
#include <cstdlib>
#include <string_view>

// From CMake: the install libdir (relative, such as lib or
// lib/x86_64-linux-gnu) and the multiarch triplet (may be empty).
#ifndef WFN_INSTALL_LIBDIR
#error "WFN_INSTALL_LIBDIR must be defined by the build"
#endif
#ifndef WFN_LIBRARY_ARCHITECTURE
#error "WFN_LIBRARY_ARCHITECTURE must be defined by the build"
#endif

namespace wfn::host {

namespace fs = std::filesystem;

namespace {

const fs::path plugins_subdir = fs::path("wfn") / "plugins";

void add_unique(std::vector<fs::path>& folders, fs::path folder) {
    folder = folder.lexically_normal();
    if (std::find(folders.begin(), folders.end(), folder) == folders.end()) {
        folders.push_back(std::move(folder));
    }
}

// The library folders under one prefix: the install libdir, multiarch, plain.
// A plain "lib" install libdir keeps its place after multiarch, as on Debian.
std::vector<fs::path> libdirs_under(const fs::path& prefix) {
    std::vector<fs::path> folders;
    if (const fs::path libdir = WFN_INSTALL_LIBDIR; libdir.is_relative() && libdir.lexically_normal() != "lib") {
        add_unique(folders, prefix / libdir / plugins_subdir);
    }
    if (const std::string_view triplet = WFN_LIBRARY_ARCHITECTURE; !triplet.empty()) {
        add_unique(folders, prefix / "lib" / triplet / plugins_subdir);
    }
    add_unique(folders, prefix / "lib" / plugins_subdir);
    return folders;
}

const char* non_empty_env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : nullptr;
}

}  // namespace

std::vector<fs::path> default_plugin_search_path() {
    if (const char* only = non_empty_env("WFN_PLUGINS_DIR")) {
        return {fs::path(only)};
    }
    std::vector<fs::path> folders;
    // The user's own folders come first, like PATH.
    if (const char* configured = non_empty_env("WFN_PLUGINS_PATH")) {
        std::string_view rest = configured;
        while (!rest.empty()) {
            const std::size_t colon = rest.find(':');
            const std::string_view entry = rest.substr(0, colon);
            if (!entry.empty()) {
                add_unique(folders, fs::path(entry));
            }
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        }
    }
    // Then the installation the program belongs to, wherever it was moved:
    // the program sits in <prefix>/bin.
    boost::system::error_code ec;
    const fs::path program = boost::dll::program_location(ec);
    if (!ec) {
        for (fs::path& folder : libdirs_under(program.parent_path().parent_path())) {
            add_unique(folders, std::move(folder));
        }
    }
    // Then the system's: locally installed plugins before packaged ones.
    for (const char* prefix : {"/usr/local", "/usr"}) {
        for (fs::path& folder : libdirs_under(prefix)) {
            add_unique(folders, std::move(folder));
        }
    }
    return folders;
}

fs::path default_plugins_dir() {
    const std::vector<fs::path> folders = default_plugin_search_path();
    for (const fs::path& folder : folders) {
        std::error_code ec;
        if (fs::is_directory(folder, ec)) {
            return folder;
        }
    }
    return folders.front();
}

}  // namespace wfn::host
