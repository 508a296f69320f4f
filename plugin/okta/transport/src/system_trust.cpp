#include "transport/system_trust.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <system_error>

namespace okta_plugin::transport {
namespace {

// "5ed36f99.0": a certificate named by its subject hash.
bool is_hashed_name(const std::string& name) {
    const auto is_hex = [](unsigned char c) { return std::isxdigit(c) != 0; };
    return name.size() >= 10 && std::all_of(name.begin(), name.begin() + 8, is_hex) && name[8] == '.' &&
           std::all_of(name.begin() + 9, name.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool holds_hashed_certificates(const std::filesystem::path& directory) {
    std::error_code ec;
    for (std::filesystem::directory_iterator entry(directory, ec), end; !ec && entry != end; entry.increment(ec)) {
        if (is_hashed_name(entry->path().filename().string())) {
            return true;
        }
    }
    return false;
}

}  // namespace

system_trust_source choose_system_trust(std::string_view cert_file_env, std::string_view cert_dir_env,
                                        const std::filesystem::path& directory) {
    if (!cert_file_env.empty() || !cert_dir_env.empty() || !holds_hashed_certificates(directory)) {
        return system_trust_source::openssl_defaults;
    }
    return system_trust_source::hashed_directory;
}

}  // namespace okta_plugin::transport
