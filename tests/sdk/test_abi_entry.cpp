// The test plugin seen through the raw C ABI, the way any host sees it:
// version negotiation, struct sizes and argument checks at the boundary.
#define BOOST_TEST_MODULE sdk.abi_entry
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"
#include "../common/abi_text.hpp"

#include <boost/dll/shared_library.hpp>

#include <atomic>
#include <string>

namespace {

using entry_function = std::remove_pointer_t<wfn_get_plugin_entry_fn>;

struct plugin_library {
    explicit plugin_library(const char* path)
        : library(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local),
          get_entry(library.get<entry_function>(WFN_ENTRY_SYMBOL)) {}

    boost::dll::shared_library library;
    entry_function& get_entry;
};

// The good plugin, initialised, with a node ready to execute.
struct initialised_plugin : plugin_library {
    initialised_plugin() : plugin_library(WFN_TEST_GOOD_PLUGIN_LIBRARY) {
        BOOST_TEST_REQUIRE(get_entry(WFN_ABI_VERSION_MAJOR, WFN_ABI_VERSION_MINOR, &entry) == WFN_STATUS_OK);
        BOOST_TEST_REQUIRE(entry->init() == WFN_STATUS_OK);
        echo = entry->node_at(0);
        BOOST_TEST_REQUIRE(echo != nullptr);
    }
    ~initialised_plugin() { entry->deinit(); }

    const wfn_plugin_entry* entry = nullptr;
    const wfn_node_descriptor* echo = nullptr;
};

// A host-side call context that records what the plugin did with it.
struct recording_context {
    recording_context() {
        raw.struct_size = sizeof(wfn_call_context);
        raw.host_data = this;
        raw.set_result = [](void* data, wfn_string_view text) {
            auto& self = *static_cast<recording_context*>(data);
            self.output.assign(wfn::detail::to_std_view(text));
            ++self.results;
        };
    }
    wfn_call_context raw{};
    std::string output;
    int results = 0;
};

using wfn::detail::to_abi_view;

}  // namespace

BOOST_AUTO_TEST_SUITE(version_negotiation)

BOOST_AUTO_TEST_CASE(a_host_of_another_major_gets_a_mismatch_and_no_entry) {
    plugin_library plugin(WFN_TEST_GOOD_PLUGIN_LIBRARY);
    static const wfn_plugin_entry stale{};
    const wfn_plugin_entry* entry = &stale;
    BOOST_TEST(plugin.get_entry(WFN_ABI_VERSION_MAJOR + 1, 0, &entry) == WFN_STATUS_ABI_MAJOR_MISMATCH);
    BOOST_TEST(entry == nullptr);
}

BOOST_AUTO_TEST_CASE(a_host_with_a_newer_minor_is_served) {
    plugin_library plugin(WFN_TEST_GOOD_PLUGIN_LIBRARY);
    const wfn_plugin_entry* entry = nullptr;
    BOOST_TEST(plugin.get_entry(WFN_ABI_VERSION_MAJOR, WFN_ABI_VERSION_MINOR + 7, &entry) == WFN_STATUS_OK);
    BOOST_TEST_REQUIRE(entry != nullptr);
    BOOST_TEST(entry->abi_major == WFN_ABI_VERSION_MAJOR);
    BOOST_TEST(entry->abi_minor == WFN_ABI_VERSION_MINOR);
}

BOOST_AUTO_TEST_CASE(a_plugin_built_for_a_newer_minor_refuses_an_older_host) {
    plugin_library plugin(WFN_TEST_MINOR1_PLUGIN_LIBRARY);
    const wfn_plugin_entry* entry = nullptr;
    BOOST_TEST(plugin.get_entry(1, 0, &entry) == WFN_STATUS_ABI_MINOR_TOO_NEW);
    BOOST_TEST(entry == nullptr);
    BOOST_TEST(plugin.get_entry(1, 1, &entry) == WFN_STATUS_OK);
}

BOOST_AUTO_TEST_CASE(a_null_out_pointer_is_an_invalid_argument) {
    plugin_library plugin(WFN_TEST_GOOD_PLUGIN_LIBRARY);
    BOOST_TEST(plugin.get_entry(WFN_ABI_VERSION_MAJOR, WFN_ABI_VERSION_MINOR, nullptr) == WFN_STATUS_INVALID_ARGUMENT);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(struct_sizes)

BOOST_FIXTURE_TEST_CASE(the_entry_and_descriptors_state_their_own_size, initialised_plugin) {
    BOOST_TEST(entry->struct_size == sizeof(wfn_plugin_entry));
    BOOST_TEST(WFN_STRUCT_HAS(entry, wfn_plugin_entry, node_at));
    for (std::size_t i = 0; i < entry->node_count(); ++i) {
        BOOST_TEST(entry->node_at(i)->struct_size == sizeof(wfn_node_descriptor));
    }
    BOOST_TEST(entry->node_at(entry->node_count()) == nullptr);
}

BOOST_AUTO_TEST_CASE(struct_has_reads_only_members_inside_struct_size) {
    wfn_call_context older{};
    older.struct_size = offsetof(wfn_call_context, log);
    BOOST_TEST(WFN_STRUCT_HAS(&older, wfn_call_context, is_cancelled));
    BOOST_TEST(!WFN_STRUCT_HAS(&older, wfn_call_context, log));
    BOOST_TEST(!WFN_STRUCT_HAS(&older, wfn_call_context, set_result));
}

BOOST_FIXTURE_TEST_CASE(a_context_too_small_for_set_result_is_refused, initialised_plugin) {
    recording_context context;
    context.raw.struct_size = offsetof(wfn_call_context, set_result);
    BOOST_TEST(echo->execute(echo, to_abi_view("{}"), to_abi_view(""), &context.raw) == WFN_STATUS_INVALID_ARGUMENT);
    BOOST_TEST(context.results == 0);
}

BOOST_FIXTURE_TEST_CASE(a_context_from_a_newer_host_with_extra_members_is_served, initialised_plugin) {
    struct newer_context {
        wfn_call_context v1;
        std::uint64_t member_added_later;
    };
    recording_context recorder;
    newer_context context{recorder.raw, 7};
    context.v1.struct_size = sizeof(newer_context);
    BOOST_TEST(echo->execute(echo, to_abi_view(R"({"Message":"hi"})"), to_abi_view(""), &context.v1) == WFN_STATUS_OK);
    BOOST_TEST(recorder.results == 1);
    BOOST_TEST(wfn::test::contains(recorder.output, R"("Message":"hi")"));
}

BOOST_FIXTURE_TEST_CASE(a_null_set_result_or_context_is_refused, initialised_plugin) {
    recording_context context;
    context.raw.set_result = nullptr;
    BOOST_TEST(echo->execute(echo, to_abi_view("{}"), to_abi_view(""), &context.raw) == WFN_STATUS_INVALID_ARGUMENT);
    BOOST_TEST(echo->execute(echo, to_abi_view("{}"), to_abi_view(""), nullptr) == WFN_STATUS_INVALID_ARGUMENT);
}

BOOST_FIXTURE_TEST_CASE(a_descriptor_that_is_not_the_plugins_own_is_refused, initialised_plugin) {
    recording_context context;
    wfn_node_descriptor forged = *echo;
    BOOST_TEST(echo->execute(&forged, to_abi_view("{}"), to_abi_view(""), &context.raw) == WFN_STATUS_INVALID_ARGUMENT);
    BOOST_TEST(context.results == 0);
}

BOOST_FIXTURE_TEST_CASE(execute_calls_set_result_exactly_once, initialised_plugin) {
    recording_context context;
    BOOST_TEST(echo->execute(echo, to_abi_view("{}"), to_abi_view(""), &context.raw) == WFN_STATUS_OK);
    BOOST_TEST(context.results == 1);
}

BOOST_AUTO_TEST_SUITE_END()
