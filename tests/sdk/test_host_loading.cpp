// Discovery and loading: the good plugins load next to every kind of broken
// one, and each broken one is reported with its own reason.
#define BOOST_TEST_MODULE sdk.host_loading
#include <boost/test/unit_test.hpp>
#include <boost/test/data/test_case.hpp>

#include "bundle_manifest.hpp"
#include "test_support.hpp"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <vector>

using wfn::test::contains;
using wfn::test::mixed_host;

namespace {

const wfn::host::load_error* error_for(std::string_view folder) {
    for (const auto& error : mixed_host().load_errors()) {
        const auto relative = error.path.lexically_relative(wfn::test::plugins_dir);
        if (!relative.empty() && *relative.begin() == folder) {
            return &error;
        }
    }
    return nullptr;
}

// What the host must say about one broken folder.
struct broken_case {
    std::string_view folder;
    std::string_view file;    // the file the error names, relative to the folder
    std::string_view reason;  // a fragment of the reason
};

std::ostream& operator<<(std::ostream& out, const broken_case& c) { return out << c.folder; }

const broken_case broken_cases[] = {
    {"abi-major", "manifest.json", "declares wfn ABI 2.0, but this host speaks ABI 1.1 and refuses any other major"},
    {"abi-major-library", "libwfn_test_plugin_abi2.so", "refuses this host's wfn ABI 1.1 because it speaks another major"},
    {"abi-minor", "manifest.json", "declares wfn ABI 1.2, a newer minor version than this host's ABI 1.1"},
    {"abi-minor-library", "libwfn_test_plugin_minor_next.so", "refuses this host's wfn ABI 1.1 because it needs a newer minor"},
    {"lying-ids", "manifest.json",
     "the library provides node lying.log, which manifest.json does not list; manifest.json lists node lying.ghost, "
     "which the library does not provide"},
    {"lying-versions", "manifest.json", "node lying.echo is version 1 in the library but version 2 in manifest.json"},
    {"lying-plugin", "libwfn_test_plugin_lying.so", "is plugin com.wfn.test 1.0.0, but manifest.json declares com.wfn.impostor"},
    {"lying-count", "manifest.json", "the library provides node lying.rendezvous, which manifest.json does not list"},
    {"no-entry-symbol", "libnot_a_plugin.so", "does not export wfn_get_plugin_entry, so it is not a wfn plugin"},
    {"libc", "manifest.json", "names \"libc.so.6\", which leaves the plugin folder"},
    {"not-a-library", "libwfn_text.so", "cannot be loaded as a shared library"},
    {"missing-library", "libwfn_absent.so", "does not exist (manifest.json names it as the linux library)"},
    {"invalid-json", "manifest.json", "is not valid JSON: line 4, column"},
    {"schema-invalid", "manifest.json",
     "does not match plugin-manifest.schema.json: /nodes/0/version: expected integer, got string"},
    {"twin", "manifest.json", "provides node test.echo, which plugin com.wfn.test"},
    {"twin-without-library", "manifest.json", "provides node test.echo, which plugin com.wfn.test"},
    {"no-manifest", "", "has no manifest.json"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(good_plugins)

BOOST_AUTO_TEST_CASE(the_good_plugin_loads_with_every_node_of_its_manifest) {
    const auto* echo = mixed_host().find("test.echo");
    BOOST_TEST_REQUIRE(echo != nullptr);
    BOOST_TEST(echo->display_name == "Echo");
    BOOST_TEST(echo->version == 1u);
    BOOST_TEST(echo->flags == WFN_NODE_FLAG_IDEMPOTENT);
    BOOST_TEST(echo->plugin_id == "com.wfn.test");
    BOOST_TEST(echo->plugin_dir == wfn::test::plugins_dir / "good");
    BOOST_TEST(echo->manifest.at("credentialType").as_string() == "test.token");
    for (const char* id : {"test.throw_std", "test.throw_int", "test.slow", "test.log", "test.rendezvous"}) {
        BOOST_TEST(mixed_host().find(id) != nullptr, id);
    }
}

BOOST_AUTO_TEST_CASE(the_raw_c_plugin_loads_too) {
    const auto* node = mixed_host().find("raw.twice");
    BOOST_TEST_REQUIRE(node != nullptr);
    BOOST_TEST(node->plugin_id == "com.wfn.raw");
}

BOOST_AUTO_TEST_CASE(only_the_two_good_plugins_are_listed) {
    const auto& plugins = mixed_host().plugins();
    BOOST_TEST_REQUIRE(plugins.size() == 2u);
    BOOST_TEST(plugins[0].id == "com.wfn.test");  // folder "good" sorts before "raw"
    BOOST_TEST(plugins[1].id == "com.wfn.raw");
    BOOST_TEST(mixed_host().nodes().size() == 14u);
}

BOOST_AUTO_TEST_CASE(credential_types_are_found_by_id) {
    const auto* type = mixed_host().find_credential_type("test.token");
    BOOST_TEST_REQUIRE(type != nullptr);
    BOOST_TEST(type->at("displayName").as_string() == "Test token");
    BOOST_TEST(mixed_host().find_credential_type("test.none") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(broken_plugins)

BOOST_DATA_TEST_CASE(each_broken_folder_has_its_own_reason, boost::unit_test::data::make(broken_cases), expected) {
    const auto* error = error_for(expected.folder);
    BOOST_TEST_REQUIRE(error != nullptr, "no load error for " << expected.folder);
    const auto expected_path = expected.file.empty() ? wfn::test::plugins_dir / expected.folder
                                                     : wfn::test::plugins_dir / expected.folder / expected.file;
    BOOST_TEST(error->path == expected_path);
    BOOST_TEST(contains(error->reason, expected.reason), error->reason);
}

BOOST_AUTO_TEST_CASE(there_is_exactly_one_error_per_broken_folder) {
    BOOST_TEST(mixed_host().load_errors().size() == std::size(broken_cases));
}

BOOST_AUTO_TEST_CASE(a_duplicate_node_names_both_plugins_and_the_earlier_keeps_it) {
    const auto* error = error_for("twin");
    BOOST_TEST_REQUIRE(error != nullptr);
    BOOST_TEST(contains(error->reason, "com.wfn.test"));
    BOOST_TEST(contains(error->reason, "plugin com.wfn.twin is not loaded"));
    BOOST_TEST(mixed_host().find("test.echo")->plugin_id == "com.wfn.test");
}

namespace {

// A library that was never opened has run neither its static initialisers
// nor init(). RTLD_NOLOAD asks the dynamic loader without loading.
bool library_is_loaded(const std::filesystem::path& library) {
    void* handle = ::dlopen(library.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (handle != nullptr) {
        ::dlclose(handle);
    }
    return handle != nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_clashing_plugin_is_refused_before_its_library_is_opened) {
    BOOST_TEST_REQUIRE(error_for("twin") != nullptr);
    BOOST_TEST(library_is_loaded(wfn::test::plugins_dir / "good" / "libwfn_test_plugin.so"));
    BOOST_TEST(!library_is_loaded(wfn::test::plugins_dir / "twin" / "libwfn_test_plugin_twin.so"));
}

BOOST_AUTO_TEST_CASE(a_clash_is_reported_even_when_the_library_does_not_exist) {
    const auto* error = error_for("twin-without-library");
    BOOST_TEST_REQUIRE(error != nullptr);
    BOOST_TEST(contains(error->reason, "provides node test.echo"), error->reason);
    BOOST_TEST(contains(error->reason, "plugin com.wfn.twin.absent is not loaded"), error->reason);
    BOOST_TEST(!contains(error->reason, "does not exist"), error->reason);
}

// A node listed twice in one manifest is a clash within the plugin: refused
// from the manifest, before the (here absent) library is looked for.
BOOST_AUTO_TEST_CASE(a_node_listed_twice_in_one_manifest_is_refused_before_the_library) {
    const auto plugins = std::filesystem::temp_directory_path() / ("wfn-twice-" + std::to_string(::getpid()));
    std::filesystem::remove_all(plugins);
    std::filesystem::create_directories(plugins / "twice" / "nodes");
    const auto write = [](const std::filesystem::path& file, std::string_view text) { std::ofstream(file) << text; };
    write(plugins / "twice" / "nodes" / "dup.node.json",
          R"({"id":"dup.node","version":1,"displayName":"Dup","category":"Test","inputs":{"type":"object"},
              "outputs":{"type":"object","properties":{"StatusCode":{"type":"integer"},"ErrorMessage":{"type":"string"}}}})");
    write(plugins / "twice" / "manifest.json",
          R"({"manifestVersion":1,"id":"com.wfn.twice","name":"Twice","version":"1.0.0","abi":{"major":1,"minor":0},
              "library":{"linux":"libwfn_never_built.so"},
              "nodes":[{"id":"dup.node","version":1,"file":"nodes/dup.node.json"},
                       {"id":"dup.node","version":1,"file":"nodes/dup.node.json"}]})");
    std::vector<wfn::host::load_error> errors;
    {
        const wfn::host::plugin_host host(plugins);
        errors = host.load_errors();
    }
    std::filesystem::remove_all(plugins);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(contains(errors[0].reason, "lists node dup.node twice"), errors[0].reason);
    BOOST_TEST(!contains(errors[0].reason, "does not exist"), errors[0].reason);
}

// The canvas hints that name other inputs or nodes must name real ones: a
// bundle whose hint points nowhere is refused from its manifest, naming the
// node file and the input.
struct ui_hint_case {
    std::string_view name;
    std::string_view inputs;  // the "inputs" schema of node hint.node
    std::string_view reason;
};

std::ostream& operator<<(std::ostream& out, const ui_hint_case& c) { return out << c.name; }

const ui_hint_case ui_hint_cases[] = {
    {"show_if_names_a_missing_input",
     R"({"type":"object","properties":{"Limit":{"type":"integer","x-ui":{"showIf":{"ReturnAl":[false]}}}}})",
     "input Limit: x-ui.showIf names ReturnAl, which is not another input of hint.node"},
    {"show_if_names_itself",
     R"({"type":"object","properties":{"Limit":{"type":"integer","x-ui":{"showIf":{"Limit":[1]}}}}})",
     "input Limit: x-ui.showIf names Limit, which is not another input of hint.node"},
    {"show_if_names_nothing", R"({"type":"object","properties":{"Limit":{"type":"integer","x-ui":{"showIf":{}}}}})",
     "input Limit: x-ui.showIf names no input"},
    {"show_if_without_values",
     R"({"type":"object","properties":{"A":{"type":"boolean"},"B":{"type":"string","x-ui":{"showIf":{"A":[]}}}}})",
     "does not match"},
    {"a_choice_of_one",
     R"({"type":"object","properties":{"GroupId":{"type":"string","x-ui":{"choiceGroup":{"name":"group","label":"By ID"}}}}})",
     "x-ui.choiceGroup group has only the input GroupId: a choice needs at least two"},
    {"a_required_alternative",
     R"({"type":"object","required":["A"],"properties":{"A":{"type":"string","x-ui":{"choiceGroup":{"name":"g","label":"A"}}},
        "B":{"type":"string","x-ui":{"choiceGroup":{"name":"g","label":"B"}}}}})",
     "input A is required, so it cannot be one alternative of x-ui.choiceGroup g"},
    {"options_from_a_missing_node",
     R"({"type":"object","properties":{"UserId":{"type":"string","x-ui":{"options":{"node":"hint.nope","items":"Users","value":"id","label":"id"}}}}})",
     "input UserId: x-ui.options names node hint.nope, which is not one of the plugin's nodes"},
    {"options_from_an_output_that_is_no_list",
     R"({"type":"object","properties":{"UserId":{"type":"string","x-ui":{"options":{"node":"hint.node","items":"ErrorMessage","value":"id","label":"id"}}}}})",
     "input UserId: x-ui.options takes items from hint.node's output ErrorMessage, which that node does not declare as an array"},
};

BOOST_DATA_TEST_CASE(a_canvas_hint_that_points_nowhere_refuses_the_bundle, boost::unit_test::data::make(ui_hint_cases),
                     hint_case) {
    const auto plugins = std::filesystem::temp_directory_path() / ("wfn-ui-hints-" + std::to_string(::getpid()));
    std::filesystem::remove_all(plugins);
    std::filesystem::create_directories(plugins / "hints" / "nodes");
    const auto write = [](const std::filesystem::path& file, std::string_view text) { std::ofstream(file) << text; };
    write(plugins / "hints" / "nodes" / "hint.node.json",
          R"({"id":"hint.node","version":1,"displayName":"Hint","category":"Test","inputs":)" +
              std::string(hint_case.inputs) +
              R"(,"outputs":{"type":"object","properties":{"StatusCode":{"type":"integer"},"ErrorMessage":{"type":"string"}}}})");
    write(plugins / "hints" / "manifest.json",
          R"({"manifestVersion":1,"id":"com.wfn.hints","name":"Hints","version":"1.0.0","abi":{"major":1,"minor":0},
              "library":{"linux":"libwfn_never_built.so"},
              "nodes":[{"id":"hint.node","version":1,"file":"nodes/hint.node.json"}]})");
    std::vector<wfn::host::load_error> errors;
    {
        const wfn::host::plugin_host host(plugins);
        errors = host.load_errors();
    }
    std::filesystem::remove_all(plugins);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].path.filename() == "hint.node.json");
    BOOST_TEST(contains(errors[0].reason, hint_case.reason), errors[0].reason);
    BOOST_TEST(!contains(errors[0].reason, "does not exist"), errors[0].reason);
}

// A manifest that is there but is no regular file must say what it is, not
// that it does not exist.
BOOST_AUTO_TEST_CASE(a_manifest_that_is_a_fifo_or_a_directory_says_so) {
    const auto folder = std::filesystem::temp_directory_path() / ("wfn-odd-manifest-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const auto manifest = folder / "manifest.json";
    const auto reason = [&] {
        try {
            wfn::host::detail::read_bundle_manifest(folder);
        } catch (const std::exception& error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    BOOST_TEST_REQUIRE(::mkfifo(manifest.c_str(), 0600) == 0);
    const std::string fifo_reason = reason();
    std::filesystem::remove(manifest);
    std::filesystem::create_directory(manifest);
    const std::string directory_reason = reason();
    std::filesystem::remove_all(folder);
    BOOST_TEST(contains(fifo_reason, "is a FIFO (named pipe), not a regular file"), fifo_reason);
    BOOST_TEST(contains(directory_reason, "is a directory, not a file"), directory_reason);
}

BOOST_AUTO_TEST_CASE(a_missing_plugins_folder_is_the_only_thing_that_throws) {
    BOOST_CHECK_THROW(wfn::host::plugin_host(wfn::test::plugins_dir / "no-such-folder"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(search_path)

namespace {

namespace fs = std::filesystem;

// A fresh folder holding a copy of the good plugins' bundles.
struct copied_plugins {
    fs::path dir;
    explicit copied_plugins(std::string_view name)
        : dir(fs::temp_directory_path() / (std::string(name) + "-" + std::to_string(::getpid()))) {
        fs::remove_all(dir);
        fs::create_directories(dir);
        fs::copy(wfn::test::good_plugins_dir, dir, fs::copy_options::recursive);
    }
    ~copied_plugins() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    copied_plugins(const copied_plugins&) = delete;
    copied_plugins& operator=(const copied_plugins&) = delete;
};

bool is_under(const fs::path& path, const fs::path& folder) {
    const auto relative = path.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_first_folder_wins_and_a_later_copy_of_a_plugin_is_reported) {
    const copied_plugins first("wfn-path-first");
    const copied_plugins second("wfn-path-second");
    const wfn::host::plugin_host host(std::vector<fs::path>{first.dir, first.dir / "no-such-folder", second.dir});
    BOOST_TEST_REQUIRE(!host.plugins().empty());
    for (const auto& plugin : host.plugins()) {
        BOOST_TEST(is_under(plugin.dir, first.dir), plugin.dir);
    }
    BOOST_TEST(is_under(host.find("test.echo")->plugin_dir, first.dir));
    // One error per bundle of the second folder, naming the copy that won.
    BOOST_TEST(host.load_errors().size() == host.plugins().size());
    for (const auto& error : host.load_errors()) {
        BOOST_TEST(is_under(error.path, second.dir), error.path);
        BOOST_TEST(contains(error.reason, "which is already loaded from " + first.dir.string()), error.reason);
        BOOST_TEST(contains(error.reason, "the first folder on the search path wins"), error.reason);
    }
}

BOOST_AUTO_TEST_CASE(a_folder_named_twice_is_searched_once) {
    const copied_plugins only("wfn-path-twice");
    const wfn::host::plugin_host host(std::vector<fs::path>{only.dir, only.dir / "." / "good" / ".."});
    BOOST_TEST(host.load_errors().empty());
    BOOST_TEST(host.find("test.echo") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_search_path_of_missing_folders_loads_nothing_and_does_not_throw) {
    const wfn::host::plugin_host host(std::vector<fs::path>{"/no/such/wfn/plugins", ""});
    BOOST_TEST(host.plugins().empty());
    BOOST_TEST(host.load_errors().empty());
}

BOOST_AUTO_TEST_CASE(wfn_plugins_dir_is_the_only_folder_when_set) {
    ::setenv("WFN_PLUGINS_DIR", "/opt/elsewhere/plugins", 1);
    const auto path = wfn::host::default_plugin_search_path();
    ::unsetenv("WFN_PLUGINS_DIR");
    BOOST_TEST(path == std::vector<fs::path>{"/opt/elsewhere/plugins"});
    ::setenv("WFN_PLUGINS_DIR", "/opt/elsewhere/plugins", 1);
    BOOST_TEST(wfn::host::default_plugins_dir() == "/opt/elsewhere/plugins");
    ::unsetenv("WFN_PLUGINS_DIR");
}

BOOST_AUTO_TEST_CASE(wfn_plugins_path_comes_first_then_the_program_folder_then_the_system) {
    ::unsetenv("WFN_PLUGINS_DIR");
    ::setenv("WFN_PLUGINS_PATH", "/x/first::/x/second:", 1);
    const auto path = wfn::host::default_plugin_search_path();
    ::unsetenv("WFN_PLUGINS_PATH");
    const fs::path prefix = fs::canonical("/proc/self/exe").parent_path().parent_path();
    const auto position = [&](const fs::path& folder) { return std::find(path.begin(), path.end(), folder) - path.begin(); };
    const auto end = static_cast<std::ptrdiff_t>(path.size());
    BOOST_TEST_REQUIRE(path.size() >= 4u);
    BOOST_TEST(path[0] == "/x/first");
    BOOST_TEST(path[1] == "/x/second");
    BOOST_TEST(path[2].parent_path().parent_path().parent_path().string().rfind((prefix / "lib").string(), 0) == 0u,
               path[2]);
    BOOST_TEST(position(prefix / "lib" / "wfn" / "plugins") < position("/usr/local/lib/wfn/plugins"));
    BOOST_TEST(position("/usr/local/lib/wfn/plugins") < position("/usr/lib/wfn/plugins"));
    BOOST_TEST(position("/usr/lib/wfn/plugins") == end - 1);
#if defined(__x86_64__) && defined(__linux__)
    // Multiarch before plain, under each prefix.
    BOOST_TEST(position("/usr/local/lib/x86_64-linux-gnu/wfn/plugins") < position("/usr/local/lib/wfn/plugins"));
    BOOST_TEST(position("/usr/lib/x86_64-linux-gnu/wfn/plugins") < position("/usr/lib/wfn/plugins"));
#endif
    // Never the build's own bundle folder, which a packaged binary must not know.
    BOOST_TEST(position(WFN_TEST_BUNDLE_DIR) == end);
}

BOOST_AUTO_TEST_SUITE_END()
