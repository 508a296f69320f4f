// The parsed schema set the host validates manifests and workflows with.
#pragma once

#include "json_checks/schema_validator.hpp"

#include <string_view>

namespace wfn::json_checks {

inline constexpr std::string_view plugin_manifest_schema = "plugin-manifest.schema.json";
inline constexpr std::string_view node_manifest_schema = "node-manifest.schema.json";
inline constexpr std::string_view credential_type_schema = "credential-type.schema.json";
inline constexpr std::string_view workflow_schema = "workflow.schema.json";

// Parsed once, on first use (thread-safe); lives until exit. Throws
// schema_error if an embedded file is broken, which is a build defect.
const schema_set& builtin_schemas();

}  // namespace wfn::json_checks
