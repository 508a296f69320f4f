// The test plugin seen through the raw C ABI, the way any host sees it:
// version negotiation, struct sizes and argument checks at the boundary.
#define BOOST_TEST_MODULE sdk.abi_entry
#include <boost/test/unit_test.hpp>

#include "test_support.hpp"
#include "../common/abi_text.hpp"

#include <boost/dll/shared_library.hpp>

#include <atomic>
#include <vector>
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
    // The minor the plugin needs, not the header's: it reaches the 1.1
    // members only where WFN_STRUCT_HAS finds them.
    BOOST_TEST(entry->abi_minor == 0u);
}

BOOST_AUTO_TEST_CASE(a_plugin_built_with_the_newer_header_serves_a_1_0_host) {
    plugin_library plugin(WFN_TEST_GOOD_PLUGIN_LIBRARY);
    const wfn_plugin_entry* entry = nullptr;
    BOOST_TEST(plugin.get_entry(1, 0, &entry) == WFN_STATUS_OK);
    BOOST_TEST(entry != nullptr);
}

BOOST_AUTO_TEST_CASE(a_plugin_that_needs_a_newer_minor_refuses_an_older_host) {
    plugin_library plugin(WFN_TEST_MINOR_NEXT_PLUGIN_LIBRARY);
    const wfn_plugin_entry* entry = nullptr;
    BOOST_TEST(plugin.get_entry(1, WFN_ABI_VERSION_MINOR, &entry) == WFN_STATUS_ABI_MINOR_TOO_NEW);
    BOOST_TEST(entry == nullptr);
    BOOST_TEST(plugin.get_entry(1, WFN_ABI_VERSION_MINOR + 1, &entry) == WFN_STATUS_OK);
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

// Each ABI 1.1 member of wfn_call_context, present, NULL, and absent (past
// a smaller struct_size, as a 1.0 host or an older 1.1 draft fills it). The
// members past struct_size are set to recording functions on purpose: a
// plugin that read them anyway would be caught calling them.
BOOST_AUTO_TEST_SUITE(abi_1_1_members)

namespace {

struct full_context {
    full_context() {
        raw.struct_size = sizeof(wfn_call_context);
        raw.host_data = this;
        raw.log_level = WFN_LOG_INFO;
        raw.set_result = [](void* data, wfn_string_view text) {
            static_cast<full_context*>(data)->output.assign(wfn::detail::to_std_view(text));
        };
        raw.log = [](void* data, std::int32_t, wfn_string_view line) {
            static_cast<full_context*>(data)->lines.emplace_back(wfn::detail::to_std_view(line));
        };
        raw.emit_items = [](void* data, wfn_string_view member, wfn_string_view items) -> std::int32_t {
            static_cast<full_context*>(data)->batches.push_back(std::string(wfn::detail::to_std_view(member)) + ":" +
                                                               std::string(wfn::detail::to_std_view(items)));
            return WFN_STATUS_OK;
        };
        raw.report_progress = [](void* data, std::uint64_t done, std::uint64_t total, wfn_string_view) {
            static_cast<full_context*>(data)->progress.push_back(
                std::to_string(done) + "/" + (total == WFN_PROGRESS_TOTAL_UNKNOWN ? "?" : std::to_string(total)));
        };
        raw.log_record = [](void* data, const wfn_log_record* record) {
            static_cast<full_context*>(data)->records.push_back(std::to_string(record->field_count) + " " +
                                                               std::string(wfn::detail::to_std_view(record->message)));
        };
    }
    // Cuts the struct just before `member`'s offset, as an older host's is.
    void ends_before(std::size_t offset) { raw.struct_size = offset; }

    wfn_call_context raw{};
    std::string output;
    std::vector<std::string> lines, batches, progress, records;
};

struct items_plugin : initialised_plugin {
    items_plugin() {
        for (std::size_t i = 0; i < entry->node_count(); ++i) {
            if (wfn::detail::to_std_view(entry->node_at(i)->id) == "test.items") {
                items = entry->node_at(i);
            }
        }
        BOOST_TEST_REQUIRE(items != nullptr);
    }
    void run(full_context& context) {
        BOOST_TEST_REQUIRE(items->execute(items, to_abi_view(R"({"Count":3,"PageSize":2})"), to_abi_view(""),
                                          &context.raw) == WFN_STATUS_OK);
    }
    const wfn_node_descriptor* items = nullptr;
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(with_every_member_items_progress_and_records_use_them, items_plugin) {
    full_context context;
    run(context);
    BOOST_TEST(context.batches == (std::vector<std::string>{R"(Items:[{"Index":0},{"Index":1}])", R"(Items:[{"Index":2}])"}),
               boost::test_tools::per_element());
    BOOST_TEST(!wfn::test::contains(context.output, "\"Items\""));
    BOOST_TEST(context.progress == (std::vector<std::string>{"2/3", "3/3"}), boost::test_tools::per_element());
    BOOST_TEST(context.records.size() == 2u);
    BOOST_TEST(context.records.front() == "2 test.items: listed a page");
    BOOST_TEST(context.lines.empty());
}

BOOST_FIXTURE_TEST_CASE(a_1_0_sized_context_gets_the_whole_list_and_plain_lines, items_plugin) {
    full_context context;
    context.ends_before(offsetof(wfn_call_context, emit_items));
    run(context);
    BOOST_TEST(context.batches.empty());
    BOOST_TEST(context.progress.empty());
    BOOST_TEST(context.records.empty());
    BOOST_TEST(wfn::test::contains(context.output, R"("Items":[{"Index":0},{"Index":1},{"Index":2}])"));
    BOOST_TEST(context.lines.size() == 2u);
    BOOST_TEST(context.lines.front() == "test.items: listed a page (node=test.items, done=2)");
}

BOOST_FIXTURE_TEST_CASE(a_null_emit_items_gets_the_whole_list, items_plugin) {
    full_context context;
    context.raw.emit_items = nullptr;
    run(context);
    BOOST_TEST(context.batches.empty());
    BOOST_TEST(wfn::test::contains(context.output, R"("Items":[)"));
    BOOST_TEST(context.progress.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(without_report_progress_nothing_is_reported, items_plugin) {
    full_context context;
    context.ends_before(offsetof(wfn_call_context, report_progress));
    run(context);
    BOOST_TEST(context.batches.size() == 2u);  // emit_items lies inside the struct
    BOOST_TEST(context.progress.empty());
    BOOST_TEST(context.records.empty());
    BOOST_TEST(context.lines.size() == 2u);

    full_context nulled;
    nulled.raw.report_progress = nullptr;
    run(nulled);
    BOOST_TEST(nulled.progress.empty());
    BOOST_TEST(nulled.batches.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(without_log_record_records_become_lines_with_their_fields, items_plugin) {
    full_context context;
    context.ends_before(offsetof(wfn_call_context, log_record));
    run(context);
    BOOST_TEST(context.progress.size() == 2u);
    BOOST_TEST(context.records.empty());
    BOOST_TEST(context.lines.front() == "test.items: listed a page (node=test.items, done=2)");

    full_context nulled;
    nulled.raw.log_record = nullptr;
    run(nulled);
    BOOST_TEST(nulled.records.empty());
    BOOST_TEST(nulled.lines.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(a_host_refusing_the_items_stops_the_list, items_plugin) {
    full_context context;
    context.raw.emit_items = [](void*, wfn_string_view, wfn_string_view) -> std::int32_t {
        return WFN_STATUS_INTERNAL_ERROR;
    };
    BOOST_TEST(items->execute(items, to_abi_view(R"({"Count":100,"PageSize":2})"), to_abi_view(""), &context.raw) ==
               WFN_STATUS_OK);
    BOOST_TEST(context.progress.empty());  // no page after the refused one
    BOOST_TEST(wfn::test::contains(context.output, "refused"));
}

BOOST_AUTO_TEST_SUITE_END()
