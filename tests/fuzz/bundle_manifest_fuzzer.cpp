// Fuzzes the host's manifest-first discovery: reading a bundle's
// manifest.json and the node and credential type files it names, and the
// hand-written JSON Schema validator behind it.
//
// Input: JSON documents separated by a line "---". The first is
// manifest.json; the next ones become, in order, the files its
// credentialTypes and then its nodes name. Each document is also validated
// directly against every built-in schema.
//
// Oracles: the loader refuses only with load_failure (the host turns it into
// a message naming the file); validation never throws for a built-in schema;
// an accepted bundle holds exactly the nodes it lists, all inside its folder.
#include "fuzz_input.hpp"

#include "json_checks/builtin_schemas.hpp"
#include "bundle_manifest.hpp"
#include "json_checks/json_text.hpp"
#include "load_failure.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace {

namespace fs = std::filesystem;
namespace host = wfn::host::detail;
namespace checks = wfn::json_checks;

// A manifest naming more files than this gets the rest as missing files.
constexpr std::size_t max_documents = 8;

// One bundle folder per fuzzing process, emptied before each input.
fs::path bundle_folder;

void remove_bundle_folder() {
    std::error_code ignored;
    fs::remove_all(bundle_folder, ignored);
}

void make_bundle_folder() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/wfn-fuzz-bundle-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
        wfn_fuzz::fail("cannot create a temporary bundle folder");
    }
    bundle_folder = pattern;
    std::atexit(remove_bundle_folder);
}

void empty_bundle_folder() {
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(bundle_folder, ignored)) {
        fs::remove_all(entry.path(), ignored);
    }
}

// Only plain relative names are written, so that no input can make the
// harness touch anything outside its folder. The loader sees every other
// name as a missing file, which it must report like any other.
bool is_safe_relative_name(std::string_view name) {
    if (name.empty() || name.size() > 200 || name == "manifest.json") {
        return false;
    }
    std::size_t depth = 0;
    for (const auto& segment : wfn_fuzz::split(name, "/", 16)) {
        if (segment.empty() || segment.front() == '.' || ++depth > 4) {
            return false;
        }
        for (unsigned char c : segment) {
            const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                               c == '_' || c == '.' || c == '+' || c == '-';
            if (!plain) {
                return false;
            }
        }
    }
    return true;
}

void write_file(const fs::path& file, std::string_view content) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) {
        return;  // a name that is also a folder, or the reverse: stays missing
    }
    std::ofstream(file, std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
}

// The "file" members of credentialTypes, then of nodes, as the loader reads them.
std::vector<std::string> named_files(std::string_view manifest_text) {
    std::vector<std::string> names;
    boost::system::error_code ec;
    const boost::json::value manifest = boost::json::parse(manifest_text, ec);
    if (ec || !manifest.is_object()) {
        return names;
    }
    for (const char* list : {"credentialTypes", "nodes"}) {
        const auto* entries = manifest.as_object().if_contains(list);
        if (entries == nullptr || !entries->is_array()) {
            continue;
        }
        for (const auto& entry : entries->as_array()) {
            const auto* file = entry.is_object() ? entry.as_object().if_contains("file") : nullptr;
            names.emplace_back(file != nullptr && file->is_string() ? std::string_view(file->as_string()) : "");
        }
    }
    return names;
}

void validate_in_memory(std::string_view document_text) {
    boost::json::value document;
    try {
        document = checks::parse_json_text(document_text);
    } catch (const checks::json_text_error&) {
        return;
    }
    static constexpr std::array schemas{checks::plugin_manifest_schema, checks::node_manifest_schema,
                                        checks::credential_type_schema, checks::workflow_schema};
    for (const std::string_view schema : schemas) {
        for (const auto& violation : checks::schema_validator(checks::builtin_schemas(), schema).validate(document)) {
            (void)violation.to_string();
        }
    }
}

void check_bundle(const host::bundle_manifest& bundle) {
    const auto& listed = bundle.document.at("nodes").as_array();
    wfn_fuzz::check(bundle.nodes.size() == listed.size(), "an accepted bundle lost or gained nodes");
    for (const auto& node : bundle.nodes) {
        const fs::path relative = node.file.lexically_relative(bundle_folder);
        wfn_fuzz::check(!relative.empty() && *relative.begin() != "..", "an accepted node file lies outside the bundle");
    }
    wfn_fuzz::check(bundle.library.parent_path() == bundle_folder, "the library is not directly in the bundle folder");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    make_bundle_folder();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string_view> documents =
        wfn_fuzz::split(wfn_fuzz::as_text(data, size), wfn_fuzz::document_separator, max_documents);
    for (std::string_view document : documents) {
        validate_in_memory(document);
    }

    empty_bundle_folder();
    write_file(bundle_folder / "manifest.json", documents[0]);
    const std::vector<std::string> names = named_files(documents[0]);
    for (std::size_t i = 0; i < names.size() && i + 1 < documents.size(); ++i) {
        if (is_safe_relative_name(names[i])) {
            write_file(bundle_folder / names[i], documents[i + 1]);
        }
    }

    try {
        check_bundle(host::read_bundle_manifest(bundle_folder));
    } catch (const host::load_failure& refusal) {
        wfn_fuzz::check(std::string_view(refusal.what()).size() > 0, "a load failure without a reason");
    }
    return 0;
}
