#include "workflow_definition.hpp"

#include "json_checks/builtin_schemas.hpp"

#include <boost/json/array.hpp>

#include <set>

namespace wfn::cli {
namespace {

// The same 24-hour ceiling as --timeout-ms. The schema lets any non-negative
// integer through (1e300 and 2^64-1 included), which no clock can hold.
constexpr std::int64_t max_step_timeout_ms = 86'400'000;

std::chrono::milliseconds step_timeout(const boost::json::value& value, const std::string& step_name) {
    const bool in_range = (value.is_int64() && value.get_int64() >= 0 && value.get_int64() <= max_step_timeout_ms) ||
                          (value.is_uint64() && value.get_uint64() <= max_step_timeout_ms) ||
                          (value.is_double() && value.get_double() >= 0 && value.get_double() <= max_step_timeout_ms &&
                           value.get_double() == static_cast<double>(static_cast<std::int64_t>(value.get_double())));
    if (!in_range) {
        throw workflow_error("step \"" + step_name + "\": timeoutMs must be a whole number from 0 (no deadline) to " +
                             std::to_string(max_step_timeout_ms) + " (24 hours)");
    }
    return std::chrono::milliseconds(value.to_number<std::int64_t>());
}

workflow_step parse_step(const boost::json::object& object) {
    workflow_step step;
    step.name = object.at("name").get_string();
    step.node = object.at("node").get_string();
    if (const auto* params = object.if_contains("params")) {
        step.params = params->get_object();
    }
    if (const auto* for_each = object.if_contains("forEach")) {
        step.for_each = *for_each;
    }
    if (const auto* concurrency = object.if_contains("concurrency")) {
        step.concurrency = concurrency->to_number<std::size_t>();
    }
    if (const auto* stream = object.if_contains("stream")) {
        step.stream = stream->get_bool();
    }
    if (const auto* continue_on_fail = object.if_contains("continueOnFail")) {
        step.continue_on_fail = continue_on_fail->get_bool();
    }
    if (const auto* timeout = object.if_contains("timeoutMs")) {
        step.timeout = step_timeout(*timeout, step.name);
    }
    return step;
}

}  // namespace

workflow_definition parse_workflow(const boost::json::value& document) {
    using namespace json_checks;
    const auto violations = schema_validator(builtin_schemas(), workflow_schema).validate(document);
    if (!violations.empty()) {
        throw workflow_error("does not match workflow.schema.json: " + violations.front().to_string());
    }
    workflow_definition workflow;
    workflow.name = document.at("name").get_string();
    std::set<std::string, std::less<>> names;
    const auto& steps = document.at("steps").get_array();
    for (std::size_t i = 0; i < steps.size(); ++i) {
        workflow_step step = parse_step(steps[i].get_object());
        if (!names.insert(step.name).second) {
            throw workflow_error("/steps/" + std::to_string(i) + "/name: step name \"" + step.name +
                                 "\" is already used by an earlier step");
        }
        workflow.steps.push_back(std::move(step));
    }
    return workflow;
}

}  // namespace wfn::cli
