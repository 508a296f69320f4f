// The built bundle as a host sees it: manifest valid against the SDK's
// schemas, descriptors equal to the manifest.
#include "okta_bench.hpp"

using namespace okta_it;

BOOST_AUTO_TEST_SUITE(bundle)

BOOST_AUTO_TEST_CASE(loads_without_errors) {
    for (const auto& error : host().load_errors()) {
        BOOST_TEST(error.path.string().find(WFN_OKTA_BUNDLE_DIR) == std::string::npos, error.reason);
    }
}

BOOST_AUTO_TEST_CASE(offers_the_five_nodes_of_its_manifest) {
    struct expected_node {
        std::string_view id;
        std::string_view display_name;
    };
    for (const auto& [id, display_name] : {expected_node{"okta.user.create", "Create a New User"},
                                           expected_node{"okta.user.get", "Get a User"},
                                           expected_node{"okta.user.list", "Get Many Users"},
                                           expected_node{"okta.user.update", "Update a User"},
                                           expected_node{"okta.user.delete", "Delete a User"}}) {
        BOOST_TEST_CONTEXT(id) {
            const auto* node = host().find(id);
            BOOST_TEST_REQUIRE(node != nullptr);
            BOOST_TEST(node->display_name == display_name);
            BOOST_TEST(node->version == 1u);
            BOOST_TEST(node->plugin_id == "com.wfn.okta");
            BOOST_TEST(node->manifest.at("displayName").as_string() == display_name);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
