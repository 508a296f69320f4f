// Reading one plugin bundle's manifest.json and the node and credential files
// it names, before anything is loaded (discovery is manifest-first).
#pragma once

#include "abi_checks.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace wfn::host::detail {

struct manifest_node {
    std::string id;
    std::uint32_t version = 0;
    std::filesystem::path file;
    boost::json::object document;  // the node file, validated
};

struct manifest_credential_type {
    std::string id;
    std::filesystem::path file;
    boost::json::object document;  // the credential type file, validated
};

struct bundle_manifest {
    std::filesystem::path folder;
    std::filesystem::path manifest_file;  // folder / "manifest.json"
    boost::json::object document;         // manifest.json, validated
    std::string id;
    std::string name;
    std::string version;
    abi_version abi;
    std::filesystem::path library;  // folder / the library named for this platform
    std::vector<manifest_node> nodes;
    std::vector<manifest_credential_type> credential_types;
};

// The manifest key naming this platform's library: "linux", "macos" or "windows".
const char* platform_key() noexcept;

// Reads and validates everything the bundle in `folder` declares, and
// refuses an ABI this host does not speak. Throws load_failure naming the
// file at fault and the reason.
bundle_manifest read_bundle_manifest(const std::filesystem::path& folder);

}  // namespace wfn::host::detail
