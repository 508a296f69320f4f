#include "stream_plan.hpp"

#include <boost/json/serialize.hpp>

namespace wfn::cli {
namespace {

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool is_identifier(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        const bool word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!word) {
            return false;
        }
    }
    return !(text.front() >= '0' && text.front() <= '9');
}

bool mentions(const workflow_step& step, std::string_view path) {
    if (boost::json::serialize(step.params).find(path) != std::string::npos) {
        return true;
    }
    return step.for_each && boost::json::serialize(*step.for_each).find(path) != std::string::npos;
}

}  // namespace

bool read_by_later_step(const workflow_definition& workflow, std::size_t after, std::string_view name) {
    const std::string path = "steps." + std::string(name);
    for (std::size_t i = after + 1; i < workflow.steps.size(); ++i) {
        if (mentions(workflow.steps[i], path)) {
            return true;
        }
    }
    return false;
}

std::optional<std::string> streamed_member(const workflow_definition& workflow, std::size_t source) {
    if (source + 1 >= workflow.steps.size() || workflow.steps[source].for_each) {
        return std::nullopt;
    }
    const workflow_step& list = workflow.steps[source];
    const workflow_step& each = workflow.steps[source + 1];
    if (!each.stream || !each.for_each || !each.for_each->is_string()) {
        return std::nullopt;
    }
    std::string_view expression = trimmed(each.for_each->get_string());
    if (!expression.starts_with("{{") || !expression.ends_with("}}")) {
        return std::nullopt;
    }
    expression = trimmed(expression.substr(2, expression.size() - 4));
    const std::string prefix = "steps." + list.name + ".";
    if (!expression.starts_with(prefix) || !is_identifier(expression.substr(prefix.size()))) {
        return std::nullopt;
    }
    const std::string member(expression.substr(prefix.size()));
    if (boost::json::serialize(each.params).find("steps." + list.name) != std::string::npos) {
        return std::nullopt;
    }
    const std::string member_path = "steps." + list.name + "." + member;
    for (std::size_t i = source + 2; i < workflow.steps.size(); ++i) {
        if (mentions(workflow.steps[i], member_path)) {
            return std::nullopt;
        }
    }
    return member;
}

}  // namespace wfn::cli
