// The schema files of manifests/schema/, compiled into the host library by a
// generated source (sdk/cmake/WfnEmbedText.cmake).
#pragma once

#include <span>
#include <string_view>

namespace wfn::json_checks {

struct embedded_text {
    std::string_view name;  // file name, for example "plugin-manifest.schema.json"
    std::string_view text;  // the file's full text
};

// Every embedded schema file. Static storage; safe from any thread.
std::span<const embedded_text> embedded_schemas() noexcept;

}  // namespace wfn::json_checks
