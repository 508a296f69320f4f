// manifests/okta against the format contract, against the library's
// descriptors, and against what the nodes really refuse.
#include "node_catalog.hpp"
#include "nodes/credentials.hpp"
#include "okta/protocol/error_codes.hpp"
#include "nodes/node_functions.hpp"
#include "nodes/node_inputs.hpp"
#include "nodes/node_scopes.hpp"
#include "test_keys.hpp"
#include "test_nodes.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

const fs::path manifest_dir = WFN_OKTA_MANIFEST_DIR;

json::object read_object(const fs::path& relative) {
    std::ifstream in(manifest_dir / relative, std::ios::binary);
    BOOST_TEST_REQUIRE(in.good(), "cannot read " << relative);
    std::stringstream text;
    text << in.rdbuf();
    json::value parsed = json::parse(text.str());  // throws on invalid JSON
    BOOST_TEST_REQUIRE(parsed.is_object());
    return parsed.as_object();
}

std::set<std::string> keys_of(const json::object& object) {
    std::set<std::string> keys;
    for (const auto& member : object) {
        keys.emplace(member.key());
    }
    return keys;
}

bool subset(const std::set<std::string>& keys, const std::set<std::string>& allowed) {
    return std::includes(allowed.begin(), allowed.end(), keys.begin(), keys.end());
}

std::set<std::string> required_of(const json::object& schema) {
    std::set<std::string> names;
    if (const auto* required = schema.if_contains("required")) {
        for (const auto& name : required->as_array()) {
            names.emplace(name.as_string());
        }
    }
    return names;
}

// The parameters a oneOf makes alternatives (each branch requires one).
std::set<std::string> alternatives_of(const json::object& inputs) {
    std::set<std::string> names;
    if (const auto* branches = inputs.if_contains("oneOf")) {
        for (const auto& branch : branches->as_array()) {
            const auto required = required_of(branch.as_object());
            names.insert(required.begin(), required.end());
        }
    }
    return names;
}

json::object with(json::object params, const std::string& name) {
    params[name] = "Engineering";
    return params;
}

// Checks one property schema's canvas hints and documentation.
void check_property(const std::string& name, const json::object& property, std::set<std::int64_t>& orders) {
    BOOST_TEST_CONTEXT(name) {
        BOOST_TEST(property.contains("type"));
        BOOST_TEST(!property.at("description").as_string().empty());
        BOOST_TEST(!property.at("title").as_string().empty(), "the canvas label");
        const auto& ui = property.at("x-ui").as_object();
        BOOST_TEST(subset(keys_of(ui),
                          {"order", "placeholder", "secret", "multiline", "advanced", "showIf", "choiceGroup", "options"}));
        BOOST_TEST(orders.insert(ui.at("order").as_int64()).second, "x-ui.order repeats");
    }
}

struct node_entry {
    std::string id;
    json::object manifest;
};

std::vector<node_entry> node_manifests() {
    std::vector<node_entry> nodes;
    const json::object manifest = read_object("manifest.json");
    for (const auto& entry : manifest.at("nodes").as_array()) {
        const auto& fields = entry.as_object();
        nodes.push_back({std::string(fields.at("id").as_string()), read_object(std::string(fields.at("file").as_string()))});
    }
    return nodes;
}

// validate_params' refusal message, or "" when accepted.
std::string refusal(std::string_view node_id, const json::object& params) {
    try {
        okta_plugin::nodes::validate_params(node_id, params);
        return {};
    } catch (const wfn::invalid_input_error& error) {
        return error.what();
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(manifests)

BOOST_AUTO_TEST_CASE(plugin_manifest_matches_the_library) {
    const auto manifest = read_object("manifest.json");
    const auto& plugin = okta_plugin::okta_plugin_definition();
    BOOST_TEST(manifest.at("manifestVersion").as_int64() == 1);
    BOOST_TEST(manifest.at("id").as_string() == plugin.id);
    BOOST_TEST(manifest.at("version").as_string() == plugin.version);
    BOOST_TEST(manifest.at("abi").at("major").as_int64() == WFN_ABI_VERSION_MAJOR);
    // The minor the plugin needs: it uses the 1.1 members only where a host offers them.
    BOOST_TEST(manifest.at("abi").at("minor").as_int64() == 0);
    BOOST_TEST(manifest.at("library").at("linux").as_string() == "libwfn_okta.so");
    BOOST_TEST(subset(keys_of(manifest), {"$schema", "manifestVersion", "id", "name", "version", "description", "abi",
                                          "library", "credentialTypes", "checkedByPlugin", "nodes"}));
}

BOOST_AUTO_TEST_CASE(node_files_match_the_descriptors) {
    const auto& plugin = okta_plugin::okta_plugin_definition();
    const auto nodes = node_manifests();
    BOOST_TEST_REQUIRE(nodes.size() == plugin.nodes.size());
    const auto listed = read_object("manifest.json").at("nodes").as_array();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& descriptor = plugin.nodes[i];
        const auto& node = nodes[i].manifest;
        BOOST_TEST_CONTEXT(descriptor.id) {
            BOOST_TEST(nodes[i].id == descriptor.id);
            BOOST_TEST(node.at("id").as_string() == descriptor.id);
            BOOST_TEST(node.at("version").as_int64() == descriptor.version);
            BOOST_TEST(listed[i].at("version").as_int64() == descriptor.version);
            BOOST_TEST(node.at("displayName").as_string() == descriptor.display_name);
            BOOST_TEST(node.at("credentialType").as_string() == "okta.apiToken");
            BOOST_TEST(node.at("credentialTypes") == json::parse(R"(["okta.apiToken", "okta.oauthServiceApp"])"));
            // The table holds them space-separated and sorted, the manifest as an array.
            std::string declared;
            for (const auto& scope : node.at("scopes").as_array()) {
                declared += (declared.empty() ? "" : " ") + std::string(scope.as_string());
            }
            BOOST_TEST(declared == okta_plugin::nodes::scopes_of(descriptor.id));
            BOOST_TEST(std::string(node.at("docsUrl").as_string()).rfind("https://developer.okta.com/docs/api/", 0) == 0);
            BOOST_TEST(subset(keys_of(node), {"$schema", "id", "version", "displayName", "category", "description",
                                              "docsUrl", "credentialType", "credentialTypes", "scopes", "x-ui",
                                              "inputs", "outputs"}));
        }
    }
}

BOOST_AUTO_TEST_CASE(inputs_and_outputs_are_documented_object_schemas) {
    for (const auto& [id, node] : node_manifests()) {
        BOOST_TEST_CONTEXT(id) {
            const auto& inputs = node.at("inputs").as_object();
            BOOST_TEST(inputs.at("type").as_string() == "object");
            BOOST_TEST(inputs.at("additionalProperties").as_bool() == false);
            std::set<std::int64_t> orders;
            for (const auto& member : inputs.at("properties").as_object()) {
                check_property(std::string(member.key()), member.value().as_object(), orders);
            }
            BOOST_TEST(inputs.at("properties").as_object().contains("MaxRetries"));
            const auto& outputs = node.at("outputs").as_object();
            const auto output_names = keys_of(outputs.at("properties").as_object());
            for (const char* always : {"StatusCode", "ErrorMessage", "ErrorCode", "RequestId", "Retryable",
                                       "RateLimitReset"}) {
                BOOST_TEST(output_names.count(always) == 1u, always);
            }
            BOOST_TEST(outputs.at("properties").at("Retryable").at("type").as_string() == "boolean");
            BOOST_TEST(outputs.at("properties").at("RateLimitReset").at("format").as_string() == "date-time");
            BOOST_TEST(required_of(outputs).count("StatusCode") == 1u);
            BOOST_TEST(required_of(outputs).count("ErrorMessage") == 1u);
            for (const auto& member : outputs.at("properties").as_object()) {
                BOOST_TEST(!member.value().at("title").as_string().empty(), member.key() << ": the canvas label");
            }
        }
    }
}

// A canvas's selector must offer exactly the alternatives the schema's oneOf
// lets through, and a page's size and cursor only matter for one page.
BOOST_AUTO_TEST_CASE(canvas_hints_agree_with_the_schema) {
    for (const auto& [id, node] : node_manifests()) {
        BOOST_TEST_CONTEXT(id) {
            const auto& inputs = node.at("inputs").as_object();
            const auto& properties = inputs.at("properties").as_object();
            std::set<std::string> grouped;
            for (const auto& member : properties) {
                const auto& ui = member.value().at("x-ui").as_object();
                if (ui.contains("choiceGroup")) {
                    grouped.insert(std::string(member.key()));
                }
                if (const auto* options = ui.if_contains("options")) {
                    const bool names_a_lister = options->at("node") == "okta.user.list" || options->at("node") == "okta.group.list";
                    BOOST_TEST(names_a_lister, member.key());
                }
            }
            BOOST_TEST(grouped == alternatives_of(inputs));
            if (properties.contains("ReturnAll")) {
                for (const char* paging : {"Limit", "After"}) {
                    const json::value only_one_page = json::array{false};
                    BOOST_TEST(properties.at(paging).at("x-ui").at("showIf").at("ReturnAll") == only_one_page, paging);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(every_error_code_of_ours_is_documented) {
    for (const auto& [id, node] : node_manifests()) {
        const std::string documented(node.at("outputs").at("properties").at("ErrorCode").at("description").as_string());
        for (std::string_view code : okta_plugin::okta::error_codes::all) {
            BOOST_TEST(documented.find(code) != std::string::npos, id << " does not document " << code);
        }
    }
}

BOOST_AUTO_TEST_CASE(secrets_are_marked_secret) {
    for (const auto& [id, node] : node_manifests()) {
        const auto& properties = node.at("inputs").at("properties").as_object();
        if (const auto* password = properties.if_contains("Password")) {
            BOOST_TEST(password->at("x-ui").at("secret").as_bool(), id);
        }
    }
    const auto credential = read_object("credentials/okta.apiToken.json");
    BOOST_TEST(credential.at("schema").at("properties").at("ApiToken").at("x-ui").at("secret").as_bool());
    BOOST_TEST(!credential.at("schema").at("properties").at("Domain").at("x-ui").at("secret").as_bool());
    const auto service_app = read_object("credentials/okta.oauthServiceApp.json");
    BOOST_TEST(service_app.at("schema").at("properties").at("PrivateKey").at("x-ui").at("secret").as_bool());
    BOOST_TEST(!service_app.at("schema").at("properties").at("ClientId").at("x-ui").at("secret").as_bool());
}

BOOST_AUTO_TEST_CASE(every_documented_parameter_is_one_the_node_takes) {
    for (const auto& [id, node] : node_manifests()) {
        BOOST_TEST_CONTEXT(id) {
            const auto& inputs = node.at("inputs").as_object();
            const auto params = okta_plugin::test::valid_params(id);
            auto given = keys_of(params);
            for (const auto& name : alternatives_of(inputs)) {
                if (given.count(name) == 0) {
                    BOOST_TEST(refusal(id, with(params, name)) ==
                               "Give exactly one of GroupId and GroupName, not both.");
                    given.insert(name);
                }
            }
            BOOST_TEST(given == keys_of(inputs.at("properties").as_object()));
            BOOST_TEST(refusal(id, params).empty(), refusal(id, params));
        }
    }
}

BOOST_AUTO_TEST_CASE(required_parameters_are_refused_when_missing_and_the_rest_are_not) {
    for (const auto& [id, node] : node_manifests()) {
        const auto& inputs = node.at("inputs").as_object();
        const auto required = required_of(inputs);
        for (const auto& member : inputs.at("properties").as_object()) {
            const std::string name(member.key());
            BOOST_TEST_CONTEXT(id << " without " << name) {
                auto params = okta_plugin::test::valid_params(id);
                const std::size_t valid_size = params.size();
                params.erase(name);
                const std::string message = refusal(id, params);
                if (required.count(name) != 0) {
                    BOOST_TEST(message == name + " is required.");
                } else if (alternatives_of(inputs).count(name) != 0 && params.size() + 1 == valid_size) {
                    BOOST_TEST(message == "Give exactly one of GroupId and GroupName.");
                } else {
                    BOOST_TEST(message.empty(), message);
                }
            }
        }
    }
}

// Whether read_credentials accepts `credentials`: the refusal, or "".
std::string credential_refusal(const json::object& credentials) {
    try {
        okta_plugin::nodes::read_credentials(credentials);
    } catch (const wfn::invalid_input_error& error) {
        return error.what();
    }
    return {};
}

void check_credential_fields(std::string_view type, const json::object& valid) {
    const auto credential = read_object("credentials/" + std::string(type) + ".json");
    BOOST_TEST(credential.at("id").as_string() == type);
    const auto& schema = credential.at("schema").as_object();
    const auto required = required_of(schema);
    std::set<std::int64_t> orders;
    BOOST_TEST(credential_refusal(valid).empty(), credential_refusal(valid));
    for (const auto& member : schema.at("properties").as_object()) {
        const std::string name(member.key());
        check_property(name, member.value().as_object(), orders);
        BOOST_TEST(valid.contains(name), name << " is not in the valid credentials");
        auto credentials = valid;
        credentials.erase(name);
        BOOST_TEST_CONTEXT(type << " credentials without " << name) {
            const std::string message = credential_refusal(credentials);
            if (required.count(name) == 0) {
                BOOST_TEST(message.empty(), message);
            } else if (name == "type") {
                // Without a type they are an okta.apiToken, which a service app's members contradict.
                BOOST_TEST(message.find(R"(set "type": "okta.oauthServiceApp")") != std::string::npos, message);
            } else {
                BOOST_TEST(message == name + " is required in the Okta credentials.");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(credential_fields_required_exactly_as_documented) {
    auto api_token = okta_plugin::test::unreachable_credentials();
    api_token["type"] = "okta.apiToken";
    api_token["CaCertificate"] = "";
    api_token["RateBudgetUrl"] = "";
    check_credential_fields("okta.apiToken", api_token);
    check_credential_fields("okta.oauthServiceApp",
                            json::object{{"type", "okta.oauthServiceApp"},
                                         {"Domain", "https://dev-1.okta.com"},
                                         {"ClientId", "0oa1service"},
                                         {"PrivateKey", okta_plugin::test::rsa_pem()},
                                         {"KeyId", "key-1"},
                                         {"Scopes", "okta.users.read"},
                                         {"CaCertificate", ""},
                                         {"RateBudgetUrl", ""}});
}

BOOST_AUTO_TEST_SUITE_END()
