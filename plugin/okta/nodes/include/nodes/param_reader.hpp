// Typed, validated access to a node's parameters. Every refusal throws
// wfn::invalid_input_error with a message that starts with the parameter's
// name, so the node answers StatusCode -1 and sends nothing.
#pragma once

#include "nodes/text_rules.hpp"
#include "wire/secret_text.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okta_plugin::nodes {

class param_reader {
public:
    // Refuses any parameter not in `known` (a misspelt "Username" would
    // otherwise be silently ignored), and null for any of them: no declared
    // type includes it, and taking it as absent would pass what the schema
    // refuses.
    param_reader(const boost::json::object& params, std::string_view node_id,
                 std::initializer_list<std::string_view> known);

    std::string required_text(std::string_view name, const text_rule& rule) const;
    std::optional<std::string> optional_text(std::string_view name, const text_rule& rule) const;
    // The same checks as optional_text, read straight into wiping storage.
    std::optional<wire::secret_text> optional_secret(std::string_view name, const text_rule& rule) const;
    bool optional_bool(std::string_view name, bool fallback) const;
    std::optional<std::int64_t> optional_integer(std::string_view name, std::int64_t min, std::int64_t max) const;
    // A JSON object whose string values (at any depth) follow Okta's text rules.
    std::optional<boost::json::object> optional_object(std::string_view name) const;
    std::vector<std::string> optional_text_list(std::string_view name, std::size_t max_items,
                                                const text_rule& rule) const;

    bool has(std::string_view name) const;

private:
    const boost::json::value* find(std::string_view name) const;
    // The string `name` after the rule's checks; nullptr when absent.
    const boost::json::string* checked_text(std::string_view name, const text_rule& rule) const;

    const boost::json::object& params_;
};

// "a string", "a number", ... for messages about wrong JSON types.
std::string_view json_kind(const boost::json::value& value);

}  // namespace okta_plugin::nodes
