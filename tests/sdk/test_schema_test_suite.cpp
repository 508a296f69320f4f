// The official JSON Schema test suite, run against the hand-written
// validator for the keywords it supports. Debian packages suite version
// 2.0.0, whose newest draft is draft 7; its cases for the supported keywords
// mean the same in draft 2020-12, except the few groups listed below.
// Nothing is skipped silently: every draft 7 file is either run or listed,
// and every group refused inside a run file is listed with its reason.
#define BOOST_TEST_MODULE sdk.schema_test_suite
#include <boost/test/unit_test.hpp>

#include "json_checks/json_text.hpp"
#include "json_checks/schema_validator.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace wfn::json_checks;
namespace fs = std::filesystem;

namespace {

const fs::path draft7 = fs::path(WFN_JSON_SCHEMA_TEST_SUITE_DIR) / "draft7";

// Keywords of the supported subset (manifests/schema/README.md).
const std::set<std::string> run_files{
    "additionalProperties.json", "anyOf.json",     "boolean_schema.json", "const.json",     "default.json",
    "enum.json",                 "items.json",     "maxItems.json",       "maxLength.json", "maximum.json",
    "minItems.json",             "minLength.json", "minimum.json",        "oneOf.json",     "pattern.json",
    "properties.json",           "required.json",  "type.json",           "minProperties.json", "maxProperties.json"};

// Keywords outside the subset, and draft-7-only semantics.
const std::set<std::string> skipped_files{
    "additionalItems.json",  "allOf.json",          "contains.json",   "definitions.json",  "dependencies.json",
    "exclusiveMaximum.json", "exclusiveMinimum.json", "if-then-else.json",
    "multipleOf.json",       "not.json",             "patternProperties.json", "propertyNames.json",
    "ref.json",              "refRemote.json",       "uniqueItems.json"};

// Groups in run files whose schema uses something outside the subset.
const std::set<std::pair<std::string, std::string>> skipped_groups{
    {"additionalProperties.json", "additionalProperties being false does not allow other properties"},
    {"additionalProperties.json", "non-ASCII pattern with additionalProperties"},
    {"items.json", "an array of schemas for items"},
    {"items.json", "items with boolean schemas"},
    {"properties.json", "properties, patternProperties, additionalProperties interaction"},
};

boost::json::array read_groups(const fs::path& file) { return read_json_file(file).as_array(); }

}  // namespace

BOOST_AUTO_TEST_CASE(every_draft7_file_is_either_run_or_listed_as_skipped) {
    for (const auto& entry : fs::directory_iterator(draft7)) {
        if (entry.is_regular_file()) {
            const std::string name = entry.path().filename().string();
            BOOST_TEST((run_files.contains(name) || skipped_files.contains(name)), name << " is neither run nor skipped");
        }
    }
}

BOOST_AUTO_TEST_CASE(supported_keywords_pass_the_official_cases) {
    std::set<std::pair<std::string, std::string>> refused;
    std::size_t cases = 0;
    for (const auto& file : run_files) {
        for (const auto& group_value : read_groups(draft7 / file)) {
            const auto& group = group_value.as_object();
            const std::string description(group.at("description").as_string());
            schema_set schemas;
            try {
                schemas.add("case.json", group.at("schema"));
            } catch (const schema_error& error) {
                refused.emplace(file, description);
                BOOST_TEST(skipped_groups.contains({file, description}),
                           file << ": \"" << description << "\" refused but not listed: " << error.what());
                continue;
            }
            const schema_validator validator(schemas, "case.json");
            for (const auto& test_value : group.at("tests").as_array()) {
                const auto& test = test_value.as_object();
                const bool expected = test.at("valid").as_bool();
                const bool actual = validator.validate(test.at("data")).empty();
                ++cases;
                BOOST_TEST(actual == expected, file << " / " << description << " / " << test.at("description").as_string()
                                                    << " (data " << boost::json::serialize(test.at("data")) << ")");
            }
        }
    }
    BOOST_TEST(cases > 150u);
    for (const auto& listed : skipped_groups) {
        BOOST_TEST(refused.contains(listed), listed.first << ": \"" << listed.second << "\" is listed but now runs");
    }
    BOOST_TEST_MESSAGE("ran " << cases << " official cases; skipped " << skipped_files.size() << " files and "
                              << skipped_groups.size() << " groups");
}
