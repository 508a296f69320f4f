#include "template_render.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <string>
#include <vector>

namespace wfn::cli {
namespace {

constexpr std::string_view open_marker = "{{";
constexpr std::string_view close_marker = "}}";

std::string_view trim(std::string_view text) noexcept {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string quoted(std::string_view expression) { return "{{ " + std::string(expression) + " }}"; }

std::vector<std::string_view> split_path(std::string_view expression) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (true) {
        const auto dot = expression.find('.', start);
        const auto segment = expression.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (segment.empty() || segment.find_first_of(" \t{}") != std::string_view::npos) {
            throw template_error("Template " + quoted(expression) +
                                 " is not a dotted path such as input.login or steps.create.User.id.");
        }
        segments.push_back(segment);
        if (dot == std::string_view::npos) {
            return segments;
        }
        start = dot + 1;
    }
}

bool is_index(std::string_view segment) noexcept {
    return !segment.empty() && segment.size() < 10 && segment.find_first_not_of("0123456789") == std::string_view::npos;
}

// The value the path starts from. `index` has no storage of its own, so it
// is materialised in `index_holder`.
const boost::json::value& root_value(std::string_view root, std::string_view expression, const template_scope& scope,
                                     boost::json::value& index_holder) {
    if (root == "input") {
        return scope.input;
    }
    if (root == "steps") {
        return scope.steps;
    }
    if (root == "item" || root == "index") {
        if (!scope.index || scope.item == nullptr) {
            throw template_error("Template " + quoted(expression) + ": " + std::string(root) +
                                 " is only defined inside a forEach step.");
        }
        if (root == "item") {
            return *scope.item;
        }
        index_holder = static_cast<std::uint64_t>(*scope.index);
        return index_holder;
    }
    throw template_error("Template " + quoted(expression) + ": unknown root " + std::string(root) +
                         " (use input, steps, item or index).");
}

// Text for a template inside a longer string.
std::string text_of(const boost::json::value& value) {
    return value.is_string() ? std::string(value.get_string()) : boost::json::serialize(value);
}

boost::json::value render_string(std::string_view text, const template_scope& scope) {
    const auto trimmed = trim(text);
    const bool single_template = trimmed.starts_with(open_marker) && trimmed.ends_with(close_marker) &&
                                 trimmed.find(open_marker, open_marker.size()) == std::string_view::npos;
    if (single_template && trimmed.size() >= open_marker.size() + close_marker.size()) {
        return evaluate_expression(trimmed.substr(open_marker.size(), trimmed.size() - 4), scope);
    }
    if (text.find(open_marker) == std::string_view::npos) {
        return boost::json::string(text);
    }
    std::string rendered;
    std::size_t position = 0;
    while (position < text.size()) {
        const auto open = text.find(open_marker, position);
        if (open == std::string_view::npos) {
            rendered += text.substr(position);
            break;
        }
        const auto close = text.find(close_marker, open + open_marker.size());
        if (close == std::string_view::npos) {
            throw template_error("Template in \"" + std::string(text) + "\" has {{ without a closing }}.");
        }
        rendered += text.substr(position, open - position);
        rendered += text_of(evaluate_expression(text.substr(open + 2, close - open - 2), scope));
        position = close + close_marker.size();
    }
    return boost::json::string(rendered);
}

}  // namespace

boost::json::value evaluate_expression(std::string_view raw_expression, const template_scope& scope) {
    const std::string_view expression = trim(raw_expression);
    if (expression.empty()) {
        throw template_error("Template {{ }} is empty: name a value such as input.login.");
    }
    const auto segments = split_path(expression);
    boost::json::value index_holder;
    const boost::json::value* current = &root_value(segments.front(), expression, scope, index_holder);
    std::string walked(segments.front());
    for (std::size_t i = 1; i < segments.size(); ++i) {
        const std::string_view segment = segments[i];
        if (current->is_object()) {
            const auto* member = current->get_object().if_contains(segment);
            if (member == nullptr) {
                throw template_error("Template " + quoted(expression) + ": " + walked + " has no field \"" +
                                     std::string(segment) + "\"" +
                                     (i == 1 && walked == "steps" ? " (no earlier step has that name)." : "."));
            }
            current = member;
        } else if (current->is_array() && is_index(segment)) {
            const auto position = std::stoul(std::string(segment));
            const auto& array = current->get_array();
            if (position >= array.size()) {
                throw template_error("Template " + quoted(expression) + ": index " + std::string(segment) +
                                     " is out of range for " + walked + " (" + std::to_string(array.size()) +
                                     " elements).");
            }
            current = &array[position];
        } else {
            throw template_error("Template " + quoted(expression) + ": " + walked + " is " +
                                 (current->is_array() ? "an array, which needs a numeric index" : "not an object") +
                                 ", so it has no \"" + std::string(segment) + "\".");
        }
        walked += '.';
        walked += segment;
    }
    return *current;
}

boost::json::value render_templates(const boost::json::value& value, const template_scope& scope) {
    switch (value.kind()) {
    case boost::json::kind::string:
        return render_string(value.get_string(), scope);
    case boost::json::kind::array: {
        boost::json::array rendered;
        rendered.reserve(value.get_array().size());
        for (const auto& element : value.get_array()) {
            rendered.push_back(render_templates(element, scope));
        }
        return rendered;
    }
    case boost::json::kind::object: {
        boost::json::object rendered;
        for (const auto& member : value.get_object()) {
            rendered[member.key()] = render_templates(member.value(), scope);
        }
        return rendered;
    }
    default:
        return value;
    }
}

}  // namespace wfn::cli
