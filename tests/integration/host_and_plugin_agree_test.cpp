// The host leaves the rules the manifest lists in checkedByPlugin to the
// plugin, so the two must never disagree: for every node, parameter maps
// built from its inputs schema alone are judged by the host's validator with
// nothing deferred, then run through the real host and plugin against the
// sandbox. Exactly the maps the schema calls invalid are refused with
// StatusCode -1 naming the parameter, before any request is sent; the others
// are not refused.
#include "okta_bench.hpp"
#include "schema_variants.hpp"

#include "bundle_manifest.hpp"
#include "input_checks.hpp"

#include <memory>

using namespace okta_it;

namespace {

namespace detail = wfn::host::detail;

struct node_schema {
    const detail::manifest_node& node;
    detail::input_checks checks;
};

std::string violations_text(const std::vector<wfn::json_checks::schema_violation>& violations) {
    std::string text;
    for (const auto& violation : violations) {
        text += (text.empty() ? "" : "; ") + violation.to_string() + " (" + violation.keyword + ")";
    }
    return text.empty() ? "valid" : text;
}

// Runs one map and checks the plugin's answer against the schema's verdict.
void expect_agreement(bench& test, const node_schema& schema, const params_variant& variant,
                      const std::string& credentials) {
    const auto violations = schema.checks.input_violations(variant.params);
    const std::string params = json::serialize(variant.params);
    BOOST_TEST_CONTEXT(schema.node.id << " with " << variant.what << ": " << params << " is "
                                      << violations_text(violations)) {
        // The host lets it through: whatever the answer, it is the plugin's.
        const auto host_refusal = schema.checks.refusal(params, credentials);
        BOOST_TEST(!host_refusal.has_value(), host_refusal.value_or(""));
        admin().clear_requests();
        const node_run result = test.run(schema.node.id, variant.params);
        if (violations.empty()) {
            BOOST_TEST(result.status() != -1, result.message());
            return;
        }
        BOOST_TEST(result.status() == -1);
        BOOST_TEST(result.message().find(variant.field) != std::string::npos,
                   "the refusal does not name " << variant.field << ": " << result.message());
        BOOST_TEST(bench::requests().empty(), "sent " << json::serialize(bench::requests()));
    }
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(host_and_plugin_agree_on_inputs, bench)

BOOST_AUTO_TEST_CASE(every_node_refuses_exactly_what_its_schema_refuses) {
    const auto manifest = detail::read_bundle_manifest(WFN_OKTA_BUNDLE_DIR);
    const auto credential_types = std::make_shared<const detail::credential_schemas>(manifest);
    const std::string credentials = json::serialize(sandbox_credentials());
    std::size_t runs = 0;
    std::size_t refused = 0;
    for (const auto& node : manifest.nodes) {
        const node_schema schema{node, detail::input_checks(manifest, node, credential_types)};
        const auto& inputs = node.document.at("inputs").as_object();
        admin().reset();
        const params_variant base{"the base map", {}, base_params(inputs)};
        BOOST_TEST_CONTEXT(node.id) {
            // The builder's own promise: the base satisfies the schema.
            BOOST_TEST(schema.checks.input_violations(base.params).empty(),
                       violations_text(schema.checks.input_violations(base.params)));
        }
        expect_agreement(*this, schema, base, credentials);
        for (const auto& variant : variants_of(inputs)) {
            expect_agreement(*this, schema, variant, credentials);
            refused += schema.checks.input_violations(variant.params).empty() ? 0 : 1;
            ++runs;
        }
    }
    // Every node was probed both ways.
    BOOST_TEST(manifest.nodes.size() == 19u);
    BOOST_TEST(refused > 0u);
    BOOST_TEST(runs > refused);
    BOOST_TEST_MESSAGE(runs << " variants over " << manifest.nodes.size() << " nodes, " << refused
                            << " invalid by the schema");
}

BOOST_AUTO_TEST_SUITE_END()
