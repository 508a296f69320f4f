// The host's check of a node's parameters and credentials against the
// schemas its manifest declares, before execute() is called. The schemas are
// compiled once, when the plugin loads; a check parses the two JSON texts
// and walks the compiled schemas, nothing more.
#pragma once

#include "bundle_manifest.hpp"

#include "json_checks/schema_validator.hpp"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wfn::host::detail {

// The credential type schemas of one plugin, shared by its nodes.
class credential_schemas {
public:
    // Throws load_failure when a credential schema uses a keyword outside
    // the supported subset.
    explicit credential_schemas(const bundle_manifest& manifest);

    // The compiled schemas, one document per credential type id.
    const json_checks::schema_set& schemas() const noexcept { return schemas_; }

private:
    json_checks::schema_set schemas_;
};

class input_checks {
public:
    // Compiles `node`'s input schema. `deferred` lists the schema keywords
    // the plugin checks itself with its own messages (manifest.json's
    // checkedByPlugin): a violation of only those is left to the plugin.
    // Throws load_failure when the input schema is outside the subset.
    input_checks(const bundle_manifest& manifest, const manifest_node& node,
                 std::shared_ptr<const credential_schemas> credentials);

    // Why the call must not run, as an ErrorMessage naming the field and the
    // rule, or nullopt when the host lets it through. Never echoes a
    // credential value.
    std::optional<std::string> refusal(std::string_view params_json, std::string_view credentials_json) const;

    // Every rule of the input schema `params` breaks, the checkedByPlugin
    // ones included: the whole verdict of the schema, which refusal() only
    // partly acts on. Empty when the parameters satisfy the schema. What a
    // test holds the plugin's own checks against.
    std::vector<json_checks::schema_violation> input_violations(const boost::json::value& params) const;

private:
    std::optional<std::string> params_refusal(std::string_view params_json) const;
    std::optional<std::string> credentials_refusal(std::string_view credentials_json) const;
    // The first violation the host reports itself, if any.
    const json_checks::schema_violation* first_reported(
        const std::vector<json_checks::schema_violation>& violations) const;

    std::string node_id_;
    json_checks::schema_set inputs_;
    std::vector<std::string> input_names_;  // the declared top-level parameters
    std::string default_credential_type_;   // empty: the node takes no credentials
    std::vector<std::string> credential_types_;
    std::shared_ptr<const credential_schemas> credentials_;
    std::set<std::string, std::less<>> deferred_;
};

}  // namespace wfn::host::detail
