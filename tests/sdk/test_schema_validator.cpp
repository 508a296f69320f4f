// The hand-written JSON Schema subset validator: messages and paths people
// will read in load errors, refusal of unsupported keywords, and the
// embedded manifest schemas.
#define BOOST_TEST_MODULE sdk.schema_validator
#include <boost/test/unit_test.hpp>

#include <wfn/utf8.hpp>

#include "json_checks/builtin_schemas.hpp"
#include "embedded_schemas.hpp"
#include "json_checks/json_text.hpp"
#include "json_checks/near_miss.hpp"
#include "json_checks/schema_validator.hpp"

#include <boost/json/parse.hpp>

using namespace wfn::json_checks;

namespace {

// A schema set built from inline texts, validating against the first.
class validator_for {
public:
    explicit validator_for(std::string_view schema) { schemas_.add("root.json", boost::json::parse(schema)); }
    validator_for& also(std::string name, std::string_view schema) {
        schemas_.add(std::move(name), boost::json::parse(schema));
        return *this;
    }
    std::vector<std::string> problems(std::string_view instance) const {
        std::vector<std::string> texts;
        for (const auto& violation : schema_validator(schemas_, "root.json").validate(boost::json::parse(instance))) {
            texts.push_back(violation.to_string());
        }
        return texts;
    }
    bool accepts(std::string_view instance) const { return problems(instance).empty(); }

private:
    schema_set schemas_;
};

using texts = std::vector<std::string>;

std::vector<std::string> builtin_problems(std::string_view schema_name, std::string_view instance) {
    std::vector<std::string> result;
    for (const auto& violation : schema_validator(builtin_schemas(), schema_name).validate(boost::json::parse(instance))) {
        result.push_back(violation.to_string());
    }
    return result;
}

constexpr std::string_view node_with_inputs_prefix =
    R"({"id":"a.b","version":1,"displayName":"A","outputs":{"type":"object","properties":{"StatusCode":{},"ErrorMessage":{}}},"inputs":)";

}  // namespace

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(a_wrong_type_names_the_path_and_both_types) {
    validator_for schema(R"({"properties":{"nodes":{"items":{"properties":{"version":{"type":"integer"}}}}}})");
    BOOST_TEST(schema.problems(R"({"nodes":[{"version":"1"}]})") == texts{"/nodes/0/version: expected integer, got string"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_missing_required_property_is_reported_at_its_own_path) {
    validator_for schema(R"({"properties":{"abi":{"required":["major","minor"]}}})");
    BOOST_TEST(schema.problems(R"({"abi":{"major":1}})") == texts{"/abi/minor: required property is missing"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_unexpected_property_is_named) {
    validator_for schema(R"({"properties":{"id":{}},"additionalProperties":false})");
    BOOST_TEST(schema.problems(R"({"id":1,"idd":2})") == texts{"/idd: property is not allowed here"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_root_is_called_the_document_root) {
    validator_for schema(R"({"type":"object"})");
    BOOST_TEST(schema.problems("[]") == texts{"(document root): expected object, got array"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pointer_tokens_are_escaped) {
    validator_for schema(R"({"additionalProperties":{"type":"string"}})");
    BOOST_TEST(schema.problems(R"({"a/b~c":1})") == texts{"/a~1b~0c: expected string, got integer"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_violation_is_reported_in_document_order) {
    validator_for schema(R"({"properties":{"a":{"minimum":3},"b":{"maxLength":2}},"required":["c"]})");
    BOOST_TEST(schema.problems(R"({"a":1,"b":"long"})") ==
                   (texts{"/a: must be >= 3, is 1", "/b: must be at most 2 characters long, is 4",
                          "/c: required property is missing"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(property_counts_name_the_bound_and_the_count) {
    validator_for schema(R"({"properties":{"a":{"minProperties":1},"b":{"maxProperties":1}}})");
    BOOST_TEST(schema.problems(R"({"a":{},"b":{"x":1,"y":2}})") ==
                   (texts{"/a: must have at least 1 properties, has 0", "/b: must have at most 1 properties, has 2"}),
               boost::test_tools::per_element());
    BOOST_TEST(schema.accepts(R"({"a":{"x":1},"b":{}})"));
}

BOOST_AUTO_TEST_CASE(no_alternative_matching_quotes_the_first_alternatives_complaint) {
    validator_for schema(R"({"anyOf":[{"type":"string"},{"type":"array"}]})");
    BOOST_TEST(schema.problems("{}") ==
                   texts{"(document root): matches none of the anyOf alternatives (the first says: (document root): "
                         "expected string, got object)"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(semantics)

BOOST_AUTO_TEST_CASE(integers_may_be_written_with_a_zero_fraction) {
    validator_for schema(R"({"type":"integer"})");
    BOOST_TEST(schema.accepts("1.0"));
    BOOST_TEST(!schema.accepts("1.5"));
}

BOOST_AUTO_TEST_CASE(string_length_counts_code_points_not_bytes) {
    validator_for schema(R"({"maxLength":2})");
    BOOST_TEST(schema.accepts(R"("é€")"));
    BOOST_TEST(!schema.accepts(R"("abc")"));
}

BOOST_AUTO_TEST_CASE(a_pattern_that_would_backtrack_for_ages_ends_as_no_match) {
    validator_for schema(R"({"pattern":"^(a+)+$"})");
    const std::string evil = "\"" + std::string(4000, 'a') + "b\"";
    BOOST_TEST(schema.problems(evil) == texts{"(document root): does not match the pattern ^(a+)+$"},
               boost::test_tools::per_element());
}

// JSON Schema anchors match only at the ends of the string: a newline must
// not let a second, unchecked line through.
BOOST_AUTO_TEST_CASE(anchors_match_only_at_the_ends_of_the_string) {
    validator_for schema(R"({"pattern":"^[A-Za-z_][A-Za-z0-9_-]*$"})");
    BOOST_TEST(schema.accepts(R"("step_1")"));
    BOOST_TEST(schema.problems(R"("a\nb")") ==
                   texts{"(document root): does not match the pattern ^[A-Za-z_][A-Za-z0-9_-]*$"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_manifest_library_with_a_newline_is_refused) {
    const std::string manifest =
        R"({"manifestVersion":1,"id":"com.x","name":"X","version":"1.0.0","abi":{"major":1,"minor":0},
            "library":{"linux":"x\n/../../../elsewhere/lib.so"},"nodes":[{"id":"x.y","version":1,"file":"nodes/x.y.json"}]})";
    const auto problems = builtin_problems(plugin_manifest_schema, manifest);
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].starts_with("/library/linux: does not match the pattern"));
}

BOOST_AUTO_TEST_CASE(a_pattern_is_not_run_on_a_huge_string) {
    // Matching time grows with the input: the validator refuses to try, and says so.
    validator_for schema(R"({"pattern":"^(a|b)*$"})");
    const std::string huge = "\"" + std::string(100000, 'a') + "\"";
    BOOST_TEST(schema.problems(huge) ==
                   texts{"(document root): is 100000 bytes long; a value checked against a pattern may be at most "
                         "4096 bytes"},
               boost::test_tools::per_element());
    BOOST_TEST(schema.accepts("\"" + std::string(4096, 'b') + "\""));
}

BOOST_AUTO_TEST_CASE(enum_and_const_compare_numbers_by_value) {
    BOOST_TEST(validator_for(R"({"const":1})").accepts("1.0"));
    BOOST_TEST(!validator_for(R"({"const":1})").accepts("true"));
    BOOST_TEST(validator_for(R"({"enum":[{"a":[1]}]})").accepts(R"({"a":[1.0]})"));
}

BOOST_AUTO_TEST_CASE(one_of_refuses_a_value_matching_two_alternatives) {
    validator_for schema(R"({"oneOf":[{"type":"integer"},{"minimum":0}]})");
    BOOST_TEST(schema.accepts("-1"));
    BOOST_TEST(schema.problems("1") ==
                   texts{"(document root): matches 2 of the oneOf alternatives; exactly one must match"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(refs_reach_defs_in_the_same_and_other_documents) {
    validator_for schema(R"({"properties":{"a":{"$ref":"#/$defs/small"},"b":{"$ref":"other.json#/$defs/text"}},
                             "$defs":{"small":{"maximum":9}}})");
    schema.also("other.json", R"({"$defs":{"text":{"type":"string"}}})");
    BOOST_TEST(schema.problems(R"({"a":10,"b":1})") ==
                   (texts{"/a: must be <= 9, is 10", "/b: expected string, got integer"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_ref_cycle_is_a_schema_error_not_a_crash) {
    validator_for schema(R"({"$ref":"#"})");
    BOOST_CHECK_THROW(schema.problems("1"), schema_error);
}

BOOST_AUTO_TEST_CASE(a_ref_to_nowhere_is_a_schema_error) {
    validator_for schema(R"({"$ref":"#/$defs/missing"})");
    BOOST_CHECK_THROW(schema.problems("1"), schema_error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(subset_boundaries)

BOOST_AUTO_TEST_CASE(an_unsupported_keyword_is_refused_when_the_schema_is_added) {
    schema_set schemas;
    try {
        schemas.add("s.json", boost::json::parse(R"({"properties":{"a":{"patternProperties":{}}}})"));
        BOOST_FAIL("patternProperties was accepted");
    } catch (const schema_error& error) {
        BOOST_TEST(std::string(error.what()) == R"(s.json#/properties/a: unsupported keyword "patternProperties")");
    }
}

BOOST_AUTO_TEST_CASE(the_pre_2020_tuple_form_of_items_is_refused) {
    schema_set schemas;
    BOOST_CHECK_THROW(schemas.add("s.json", boost::json::parse(R"({"items":[{},{}]})")), schema_error);
}

BOOST_AUTO_TEST_CASE(annotations_and_extensions_are_accepted) {
    validator_for schema(R"({"title":"t","description":"d","default":1,"examples":[1],"format":"uri","x-ui":{"order":1}})");
    BOOST_TEST(schema.accepts(R"("not a uri, and format only annotates")"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(embedded_manifest_schemas)

BOOST_AUTO_TEST_CASE(every_schema_file_is_compiled_in) {
    for (const auto name : {plugin_manifest_schema, node_manifest_schema, credential_type_schema, workflow_schema}) {
        BOOST_TEST(builtin_schemas().find(name) != nullptr, name);
    }
}

BOOST_AUTO_TEST_CASE(node_inputs_may_not_use_keywords_outside_the_subset) {
    const std::string node = std::string(node_with_inputs_prefix) + R"({"type":"object","patternProperties":{}}})";
    BOOST_TEST(builtin_problems(node_manifest_schema, node) == texts{"/inputs/patternProperties: property is not allowed here"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(node_inputs_must_describe_an_object) {
    const std::string node = std::string(node_with_inputs_prefix) + R"({"type":"string"}})";
    BOOST_TEST(builtin_problems(node_manifest_schema, node) == texts{"/inputs/type: must equal \"object\""},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ui_hints_are_checked) {
    const std::string node = std::string(node_with_inputs_prefix) +
                             R"({"type":"object","properties":{"P":{"type":"string","x-ui":{"secret":"yes"}}}}})";
    BOOST_TEST(builtin_problems(node_manifest_schema, node) ==
                   texts{"/inputs/properties/P/x-ui/secret: expected boolean, got string"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(node_outputs_must_declare_the_envelope) {
    const std::string node =
        R"({"id":"a.b","version":1,"displayName":"A","inputs":{"type":"object"},"outputs":{"type":"object","properties":{"StatusCode":{}}}})";
    BOOST_TEST(builtin_problems(node_manifest_schema, node) ==
                   texts{"/outputs/properties/ErrorMessage: required property is missing"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_manifest_library_must_be_a_plain_file_name) {
    const std::string manifest =
        R"({"manifestVersion":1,"id":"com.x","name":"X","version":"1.0.0","abi":{"major":1,"minor":0},
            "library":{"linux":"../evil.so"},"nodes":[{"id":"x.y","version":1,"file":"nodes/x.y.json"}]})";
    const auto problems = builtin_problems(plugin_manifest_schema, manifest);
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].starts_with("/library/linux: does not match the pattern"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json_text)

BOOST_AUTO_TEST_CASE(a_syntax_error_reports_line_and_column) {
    try {
        parse_json_text("{\n  \"a\": 1,\n  \"b\" 2\n}");
        BOOST_FAIL("accepted broken JSON");
    } catch (const json_text_error& error) {
        BOOST_TEST(std::string(error.what()).starts_with("line 3, column 7:"), error.what());
    }
}

BOOST_AUTO_TEST_CASE(trailing_text_and_empty_text_are_refused) {
    BOOST_CHECK_THROW(parse_json_text("{} {}"), json_text_error);
    BOOST_CHECK_THROW(parse_json_text("   "), json_text_error);
    BOOST_TEST(parse_json_text(" {\"a\":1} \n").is_object());
}

BOOST_AUTO_TEST_SUITE_END()

// The host stores its compiled-in schemas without checking them at start-up
// (builtin_schemas.cpp, for start-up time); this is where they are checked,
// including that every pattern compiles as ECMAScript.
BOOST_AUTO_TEST_CASE(every_embedded_schema_passes_the_full_check) {
    for (const embedded_text& file : embedded_schemas()) {
        BOOST_TEST_CONTEXT(file.name) {
            schema_set checked;
            BOOST_CHECK_NO_THROW(checked.add(std::string(file.name), parse_json_text(file.text)));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_prechecked_schema_compiles_its_pattern_on_first_use) {
    schema_set schemas;
    schemas.add_prechecked("root.json", boost::json::parse(R"({"type":"string","pattern":"^[a-z]+$"})"));
    const boost::regex* first = schemas.find_pattern("^[a-z]+$");
    BOOST_REQUIRE(first != nullptr);
    BOOST_TEST(first == schemas.find_pattern("^[a-z]+$"));
    BOOST_TEST(schemas.find_pattern("^[0-9]+$") == nullptr);
    const auto problems = schema_validator(schemas, "root.json").validate(boost::json::parse(R"("ABC")"));
    BOOST_TEST(problems.size() == 1u);
}

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(code_points_not_bytes_are_counted) {
    static_assert(wfn::utf8_code_points("") == 0);
    static_assert(wfn::utf8_code_points("abc") == 3);
    static_assert(wfn::utf8_code_points("\xC3\xA9t\xC3\xA9") == 3);        // "été"
    static_assert(wfn::utf8_code_points("\xE2\x82\xAC") == 1);              // "€"
    static_assert(wfn::utf8_code_points("\xF0\x9F\x98\x80!") == 2);        // an emoji and "!"
    BOOST_TEST(wfn::utf8_code_points("\x80\x80") == 0u);  // stray continuation bytes start nothing
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(near_miss)

BOOST_AUTO_TEST_CASE(a_slip_gets_the_closest_name_and_another_name_gets_none) {
    const std::vector<std::string_view> names{"Domain", "ApiToken", "CaCertificate"};
    BOOST_TEST(wfn::json_checks::closest_name("Domian", names).value_or("") == "Domain");
    BOOST_TEST(wfn::json_checks::closest_name("domain", names).value_or("") == "Domain");
    BOOST_TEST(!wfn::json_checks::closest_name("Region", names).has_value());
    BOOST_TEST(!wfn::json_checks::closest_name("Domain", names).has_value());
    BOOST_TEST(wfn::json_checks::did_you_mean("ApiTokn", names) == "; did you mean `ApiToken`?");
}

// Node ids share their plugin's long prefix: a cap on the edits keeps
// "test.nope" from being offered "test.log" (three edits) while a swapped
// pair of letters (two) still finds its node.
BOOST_AUTO_TEST_CASE(a_cap_on_the_edits_refuses_names_that_only_share_a_prefix) {
    const std::vector<std::string_view> ids{"test.echo", "test.log", "test.items"};
    BOOST_TEST(wfn::json_checks::closest_name("test.nope", ids).value_or("") == "test.log");
    BOOST_TEST(!wfn::json_checks::closest_name("test.nope", ids, 2).has_value());
    BOOST_TEST(wfn::json_checks::closest_name("test.ehco", ids, 2).value_or("") == "test.echo");
    BOOST_TEST(!wfn::json_checks::closest_name("log", ids, 9).has_value(), "the default allowance still bounds the cap");
}

BOOST_AUTO_TEST_SUITE_END()
