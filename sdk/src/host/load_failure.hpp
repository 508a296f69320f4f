// The one exception the loading pipeline throws: it becomes a load_error.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>

namespace wfn::host::detail {

class load_failure : public std::runtime_error {
public:
    load_failure(std::filesystem::path path, const std::string& reason)
        : std::runtime_error(reason), path_(std::move(path)) {}

    // The manifest, node file or library the reason is about.
    const std::filesystem::path& path() const noexcept { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace wfn::host::detail
