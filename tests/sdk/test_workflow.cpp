// Workflow templates and the step runner, with a scripted node runner so the
// behaviour reads without any plugin in the way.
#define BOOST_TEST_MODULE sdk.workflow
#include <boost/test/unit_test.hpp>

#include "workflow/template_render.hpp"
#include "workflow/workflow_definition.hpp"
#include "workflow/workflow_runner.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace wfn::cli;
using boost::json::parse;

namespace {

// The values templates can see, built from JSON text.
struct scope_builder {
    boost::json::value input = boost::json::object();
    boost::json::value steps = boost::json::object();
    boost::json::value item;
    std::optional<std::size_t> index;

    scope_builder& with_input(std::string_view json) {
        input = parse(json);
        return *this;
    }
    scope_builder& with_steps(std::string_view json) {
        steps = parse(json);
        return *this;
    }
    scope_builder& inside_for_each(std::string_view item_json, std::size_t position) {
        item = parse(item_json);
        index = position;
        return *this;
    }
    template_scope scope() const { return {input, steps, index ? &item : nullptr, index}; }
    boost::json::value render(std::string_view json) const { return render_templates(parse(json), scope()); }
    std::string error_of(std::string_view json) const {
        try {
            render(json);
        } catch (const template_error& error) {
            return error.what();
        }
        return "(no error)";
    }
};

// A node runner that answers from a script and records the calls.
struct scripted_nodes {
    std::mutex mutex;
    std::vector<std::string> calls;  // "<step>:<params>"
    std::function<boost::json::object(const workflow_step&, const boost::json::object&)> answer =
        [](const workflow_step&, const boost::json::object& params) {
            boost::json::object output{{"StatusCode", 200}, {"ErrorMessage", ""}};
            output["Echo"] = params;
            return output;
        };

    step_node_runner runner() {
        return [this](const workflow_step& step, const boost::json::object& params, const list_item_handler&) {
            {
                const std::lock_guard lock(mutex);
                calls.push_back(step.name + ":" + boost::json::serialize(params));
            }
            return answer(step, params);
        };
    }
};

workflow_definition workflow_from(std::string_view json) { return parse_workflow(parse(json)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(a_whole_string_template_keeps_the_values_type) {
    scope_builder scope;
    scope.with_input(R"({"count":3,"user":{"login":"a@b.c"},"flags":[true]})");
    BOOST_TEST(scope.render(R"({"n":"{{ input.count }}","u":"{{input.user}}","f":"  {{ input.flags.0 }} "})") ==
               parse(R"({"n":3,"u":{"login":"a@b.c"},"f":true})"));
}

BOOST_AUTO_TEST_CASE(templates_inside_longer_strings_become_text) {
    scope_builder scope;
    scope.with_input(R"({"first":"Ada","n":2,"o":{"k":1}})");
    BOOST_TEST(scope.render(R"("{{ input.first }} has {{ input.n }} of {{ input.o }}")") ==
               parse(R"("Ada has 2 of {\"k\":1}")"));
}

BOOST_AUTO_TEST_CASE(step_outputs_are_reached_by_name_with_array_indices) {
    scope_builder scope;
    scope.with_steps(R"({"list":{"Users":[{"id":"u1"},{"id":"u2"}]}})");
    BOOST_TEST(scope.render(R"("{{ steps.list.Users.1.id }}")") == parse(R"("u2")"));
}

BOOST_AUTO_TEST_CASE(item_and_index_exist_inside_for_each) {
    scope_builder scope;
    scope.inside_for_each(R"({"login":"x@y.z"})", 4);
    BOOST_TEST(scope.render(R"({"l":"{{ item.login }}","i":"{{ index }}","t":"#{{index}}"})") ==
               parse(R"({"l":"x@y.z","i":4,"t":"#4"})"));
}

BOOST_AUTO_TEST_CASE(an_unknown_step_is_an_error_naming_the_expression) {
    BOOST_TEST(scope_builder().error_of(R"("{{ steps.crate.User.id }}")") ==
               R"(Template {{ steps.crate.User.id }}: steps has no field "crate" (no earlier step has that name).)");
}

BOOST_AUTO_TEST_CASE(an_unknown_field_names_the_path_walked_so_far) {
    scope_builder scope;
    scope.with_steps(R"({"create":{"User":{"id":"u1"}}})");
    BOOST_TEST(scope.error_of(R"("{{ steps.create.User.idd }}")") ==
               R"(Template {{ steps.create.User.idd }}: steps.create.User has no field "idd".)");
}

BOOST_AUTO_TEST_CASE(an_index_out_of_range_says_how_many_elements_there_are) {
    scope_builder scope;
    scope.with_input(R"({"a":[1,2]})");
    BOOST_TEST(scope.error_of(R"("{{ input.a.5 }}")") ==
               "Template {{ input.a.5 }}: index 5 is out of range for input.a (2 elements).");
}

BOOST_AUTO_TEST_CASE(item_outside_for_each_is_an_error) {
    BOOST_TEST(scope_builder().error_of(R"("{{ item.login }}")") ==
               "Template {{ item.login }}: item is only defined inside a forEach step.");
}

BOOST_AUTO_TEST_CASE(an_unclosed_template_is_an_error) {
    BOOST_TEST(scope_builder().error_of(R"("Hello {{ input.name")") ==
               R"(Template in "Hello {{ input.name" has {{ without a closing }}.)");
}

BOOST_AUTO_TEST_CASE(object_keys_and_plain_strings_are_left_alone) {
    BOOST_TEST(scope_builder().render(R"({"{{ k }}":"plain","n":1})") == parse(R"({"{{ k }}":"plain","n":1})"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(definitions)

BOOST_AUTO_TEST_CASE(a_schema_violation_names_its_path) {
    try {
        workflow_from(R"({"name":"w","steps":[{"name":"a","node":"n","concurrency":0}]})");
        BOOST_FAIL("accepted concurrency 0");
    } catch (const workflow_error& error) {
        BOOST_TEST(std::string(error.what()) ==
                   "does not match workflow.schema.json: /steps/0/concurrency: must be >= 1, is 0");
    }
}

BOOST_AUTO_TEST_CASE(step_names_are_unique) {
    BOOST_CHECK_EXCEPTION(workflow_from(R"({"name":"w","steps":[{"name":"a","node":"n"},{"name":"a","node":"m"}]})"),
                          workflow_error, [](const workflow_error& error) {
                              return std::string(error.what()) ==
                                     "/steps/1/name: step name \"a\" is already used by an earlier step";
                          });
}

// Values no clock can hold must be refused by name, not end in a JSON library error.
BOOST_AUTO_TEST_CASE(a_step_timeout_beyond_24_hours_is_refused_naming_the_step) {
    for (const std::string timeout : {"1e300", "18446744073709551615", "86400001"}) {
        BOOST_CHECK_EXCEPTION(
            workflow_from(R"({"name":"w","steps":[{"name":"slow","node":"n","timeoutMs":)" + timeout + "}]}"),
            workflow_error, [](const workflow_error& error) {
                return std::string(error.what()) ==
                       "step \"slow\": timeoutMs must be a whole number from 0 (no deadline) to 86400000 (24 hours)";
            });
    }
    const auto workflow = workflow_from(R"({"name":"w","steps":[{"name":"a","node":"n","timeoutMs":86400000}]})");
    BOOST_TEST(workflow.steps[0].timeout->count() == 86400000);
}

BOOST_AUTO_TEST_CASE(defaults_are_one_at_a_time_and_stop_on_failure) {
    const auto workflow = workflow_from(R"({"name":"w","steps":[{"name":"a","node":"n"}]})");
    BOOST_TEST(workflow.steps[0].concurrency == 1u);
    BOOST_TEST(!workflow.steps[0].continue_on_fail);
    BOOST_TEST(!workflow.steps[0].timeout.has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(running)

BOOST_AUTO_TEST_CASE(later_steps_read_earlier_outputs_and_the_input) {
    scripted_nodes nodes;
    const auto outcome = run_workflow(workflow_from(R"({"name":"chain","steps":[
        {"name":"first","node":"n","params":{"Login":"{{ input.login }}"}},
        {"name":"second","node":"n","params":{"From":"{{ steps.first.Echo.Login }}"}}]})"),
                                      parse(R"({"login":"ada"})"), nodes.runner());
    BOOST_TEST(outcome.succeeded);
    BOOST_TEST(nodes.calls == (std::vector<std::string>{R"(first:{"Login":"ada"})", R"(second:{"From":"ada"})"}),
               boost::test_tools::per_element());
    BOOST_TEST(outcome.document.at("workflow").as_string() == "chain");
    BOOST_TEST(outcome.document.at("steps").as_array().size() == 2u);
    BOOST_TEST(outcome.document.at("skipped").as_array().empty());
}

BOOST_AUTO_TEST_CASE(a_failed_step_stops_the_workflow_and_lists_what_was_skipped) {
    scripted_nodes nodes;
    nodes.answer = [](const workflow_step&, const boost::json::object&) {
        return boost::json::object{{"StatusCode", 404}, {"ErrorMessage", "not found"}};
    };
    const auto outcome = run_workflow(workflow_from(R"({"name":"w","steps":[
        {"name":"a","node":"n"},{"name":"b","node":"n"},{"name":"c","node":"n"}]})"),
                                      boost::json::object(), nodes.runner());
    BOOST_TEST(!outcome.succeeded);
    BOOST_TEST(nodes.calls.size() == 1u);
    BOOST_TEST(outcome.document.at("skipped") == parse(R"(["b","c"])"));
    BOOST_TEST(outcome.document.at("steps").at(0).at("succeeded") == false);
}

BOOST_AUTO_TEST_CASE(continue_on_fail_lets_the_workflow_go_on_and_succeed) {
    scripted_nodes nodes;
    nodes.answer = [](const workflow_step& step, const boost::json::object&) {
        return boost::json::object{{"StatusCode", step.name == "a" ? 500 : 200}, {"ErrorMessage", ""}};
    };
    const auto outcome = run_workflow(workflow_from(R"({"name":"w","steps":[
        {"name":"a","node":"n","continueOnFail":true},{"name":"b","node":"n"}]})"),
                                      boost::json::object(), nodes.runner());
    BOOST_TEST(outcome.succeeded);
    BOOST_TEST(outcome.document.at("steps").at(0).at("succeeded") == false);
    BOOST_TEST(outcome.document.at("steps").at(1).at("succeeded") == true);
}

BOOST_AUTO_TEST_CASE(a_template_error_fails_the_step_with_status_minus_one_and_runs_no_node) {
    scripted_nodes nodes;
    const auto outcome = run_workflow(
        workflow_from(R"({"name":"w","steps":[{"name":"a","node":"n","params":{"Id":"{{ steps.nope.id }}"}}]})"),
        boost::json::object(), nodes.runner());
    BOOST_TEST(!outcome.succeeded);
    BOOST_TEST(nodes.calls.empty());
    const auto& output = outcome.document.at("steps").at(0).at("output");
    BOOST_TEST(output.at("StatusCode") == -1);
    BOOST_TEST(output.at("ErrorMessage").as_string().starts_with("Step a: Template {{ steps.nope.id }}"));
}

BOOST_AUTO_TEST_CASE(for_each_runs_once_per_item_and_exposes_the_array_of_outputs) {
    scripted_nodes nodes;
    const auto outcome = run_workflow(workflow_from(R"({"name":"w","steps":[
        {"name":"each","node":"n","forEach":"{{ input.users }}","params":{"Login":"{{ item.login }}","At":"{{ index }}"}},
        {"name":"after","node":"n","params":{"Second":"{{ steps.each.1.Echo.Login }}"}}]})"),
                                      parse(R"({"users":[{"login":"a"},{"login":"b"}]})"), nodes.runner());
    BOOST_TEST(outcome.succeeded);
    const auto& each = outcome.document.at("steps").at(0);
    BOOST_TEST(each.at("outputs").as_array().size() == 2u);
    BOOST_TEST(each.at("outputs").at(1).at("Echo") == parse(R"({"Login":"b","At":1})"));
    BOOST_TEST(nodes.calls.back() == R"(after:{"Second":"b"})");
}

BOOST_AUTO_TEST_CASE(concurrent_for_each_keeps_item_order_and_bounds_the_threads) {
    scripted_nodes nodes;
    std::atomic<int> inside{0};
    std::atomic<int> most_inside{0};
    nodes.answer = [&](const workflow_step&, const boost::json::object& params) {
        const int now = ++inside;
        for (int seen = most_inside; now > seen && !most_inside.compare_exchange_weak(seen, now);) {
        }
        // Later items finish first, so order can only come from the runner.
        std::this_thread::sleep_for(std::chrono::milliseconds(40 - 4 * params.at("At").as_uint64()));
        --inside;
        return boost::json::object{{"StatusCode", 200}, {"ErrorMessage", ""}, {"At", params.at("At")}};
    };
    const auto outcome = run_workflow(workflow_from(R"({"name":"w","steps":[
        {"name":"each","node":"n","forEach":[0,1,2,3,4,5,6,7,8,9],"concurrency":3,"params":{"At":"{{ index }}"}}]})"),
                                      boost::json::object(), nodes.runner());
    BOOST_TEST(outcome.succeeded);
    const auto& outputs = outcome.document.at("steps").at(0).at("outputs").as_array();
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        BOOST_TEST(outputs[i].at("At").as_uint64() == i);
    }
    BOOST_TEST(most_inside.load() <= 3);
    BOOST_TEST(most_inside.load() >= 2);
}

BOOST_AUTO_TEST_CASE(a_failed_item_stops_new_items_unless_continue_on_fail) {
    scripted_nodes nodes;
    nodes.answer = [](const workflow_step&, const boost::json::object& params) {
        return boost::json::object{{"StatusCode", params.at("At") == 1 ? 400 : 200}, {"ErrorMessage", ""}};
    };
    const auto outcome = run_workflow(workflow_from(R"({"name":"w","steps":[
        {"name":"each","node":"n","forEach":[0,1,2,3],"params":{"At":"{{ index }}"}}]})"),
                                      boost::json::object(), nodes.runner());
    BOOST_TEST(!outcome.succeeded);
    BOOST_TEST(nodes.calls.size() == 2u);
    BOOST_TEST(outcome.document.at("steps").at(0).at("outputs").at(2).is_null());
}

BOOST_AUTO_TEST_CASE(for_each_over_something_that_is_not_an_array_fails_the_step) {
    scripted_nodes nodes;
    const auto outcome = run_workflow(
        workflow_from(R"({"name":"w","steps":[{"name":"each","node":"n","forEach":"{{ input.user }}"}]})"),
        parse(R"({"user":{"login":"a"}})"), nodes.runner());
    BOOST_TEST(!outcome.succeeded);
    BOOST_TEST(nodes.calls.empty());
    BOOST_TEST(outcome.document.at("steps").at(0).at("error").as_string() ==
               "Step each: forEach of step each must yield an array, but it yields an object.");
}

BOOST_AUTO_TEST_CASE(once_cancelled_no_item_or_step_starts_and_the_document_says_so) {
    scripted_nodes nodes;
    std::atomic<bool> cancelled{false};
    nodes.answer = [&](const workflow_step&, const boost::json::object&) {
        cancelled = true;  // the signal arrives while the first item runs
        return boost::json::object{{"StatusCode", 200}, {"ErrorMessage", ""}};
    };
    const auto outcome = run_workflow(workflow_from(R"({"name":"w","steps":[
        {"name":"each","node":"n","forEach":[0,1,2],"continueOnFail":true,"params":{}},
        {"name":"after","node":"n","params":{}}]})"),
                                      boost::json::object(), nodes.runner(), [&] { return cancelled.load(); });
    BOOST_TEST(!outcome.succeeded);
    BOOST_TEST(nodes.calls.size() == 1u);
    const auto& outputs = outcome.document.at("steps").at(0).at("outputs").as_array();
    BOOST_TEST(outputs.at(0).at("StatusCode") == 200);
    BOOST_TEST(outputs.at(1).is_null());
    BOOST_TEST(outputs.at(2).is_null());
    BOOST_TEST(outcome.document.at("skipped") == parse(R"(["after"])"));
    BOOST_TEST(outcome.document.at("cancelled") == true);
}

BOOST_AUTO_TEST_CASE(a_run_that_is_not_cancelled_has_no_cancelled_field) {
    scripted_nodes nodes;
    const auto outcome = run_workflow(workflow_from(R"({"name":"w","steps":[{"name":"one","node":"n","params":{}}]})"),
                                      boost::json::object(), nodes.runner(), [] { return false; });
    BOOST_TEST(outcome.succeeded);
    BOOST_TEST(!outcome.document.contains("cancelled"));
}

BOOST_AUTO_TEST_SUITE_END()
