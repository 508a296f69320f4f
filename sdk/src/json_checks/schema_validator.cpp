// Evaluation of the supported JSON Schema subset. Keyword values were checked
// by schema_set::add, so this file reads them without re-checking shapes.
#include "schema_keywords.hpp"
#include "json_checks/schema_validator.hpp"

#include <wfn/utf8.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <utility>

namespace wfn::json_checks {
namespace {

// Deep enough for any real manifest, shallow enough that a $ref cycle such as
// {"$ref": "#"} ends with an error instead of a stack overflow.
constexpr int max_depth = 256;

// Matching time grows with the input, and with a backtracking pattern much
// faster than the input; manifest strings are far shorter than this.
constexpr std::size_t max_pattern_subject_bytes = 4096;

// Boost.Regex gives up (throws) on a match that would backtrack for too
// long rather than hang: such a value is reported as not matching.
// match_single_line: by default ^ and $ also match at line breaks, which would
// let "ok\n<anything>" pass an anchored pattern; JSON Schema anchors only at
// the ends of the string (the search itself stays unanchored, as specified).
bool pattern_matches(const boost::regex& expression, std::string_view text) {
    try {
        return boost::regex_search(text.begin(), text.end(), expression, boost::match_single_line);
    } catch (const std::runtime_error&) {
        return false;
    }
}

// Long enums and constants are cut in messages; the path already says where.
std::string short_json(const boost::json::value& value) {
    std::string text = boost::json::serialize(value);
    constexpr std::size_t limit = 80;
    if (text.size() > limit) {
        text.resize(limit);
        text += "...";
    }
    return text;
}

std::string unescape_pointer_token(std::string_view token) {
    std::string result;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            result += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            result += token[i];
        }
    }
    return result;
}

// A schema together with the document its own $refs are relative to.
struct schema_at {
    const boost::json::value* schema;
    std::string_view document;
};

class evaluator {
public:
    explicit evaluator(const schema_set& schemas) : schemas_(schemas) {}

    void evaluate(schema_at at, const boost::json::value& instance, std::string& path,
                  std::vector<schema_violation>& out, int depth) const {
        if (depth > max_depth) {
            throw schema_error("schema nesting deeper than " + std::to_string(max_depth) +
                               " levels (a $ref cycle?) at instance " + (path.empty() ? "root" : path));
        }
        const boost::json::value& schema = *at.schema;
        if (schema.is_bool()) {
            if (!schema.get_bool()) {
                report(out, path, "no value is allowed here");
                out.back().keyword = "false";
            }
            return;
        }
        const auto& keywords = schema.get_object();
        for (const auto& member : keywords) {
            apply(member.key(), member.value(), keywords, at.document, instance, path, out, depth);
        }
    }

private:
    static void report(std::vector<schema_violation>& out, const std::string& path, std::string message) {
        out.push_back({path, std::move(message), {}});
    }

    // minItems / maxItems and minProperties / maxProperties: a container's
    // `count` members (its "items" or "properties") against the bound.
    static void check_member_count(std::string_view keyword, const boost::json::value& bound, std::size_t count,
                                   std::string_view members, const std::string& path,
                                   std::vector<schema_violation>& out) {
        const bool at_least = keyword.starts_with("min");
        const auto limit = bound.to_number<std::uint64_t>();
        if (at_least ? count < limit : count > limit) {
            report(out, path,
                   std::string("must have ") + (at_least ? "at least " : "at most ") + short_json(bound) + " " +
                       std::string(members) + ", has " + std::to_string(count));
        }
    }

    bool matches(schema_at at, const boost::json::value& instance, std::string& path, int depth,
                 std::vector<schema_violation>* first_failure = nullptr) const {
        std::vector<schema_violation> violations;
        evaluate(at, instance, path, violations, depth);
        if (first_failure != nullptr && first_failure->empty() && !violations.empty()) {
            first_failure->push_back(std::move(violations.front()));
        }
        return violations.empty();
    }

    schema_at resolve(std::string_view reference, std::string_view current_document) const {
        const auto hash = reference.find('#');
        const std::string_view document_name =
            hash == 0 ? current_document : reference.substr(0, hash == std::string_view::npos ? reference.size() : hash);
        const std::string_view fragment = hash == std::string_view::npos ? "" : reference.substr(hash + 1);
        const boost::json::value* target = schemas_.find(document_name);
        if (target == nullptr) {
            throw schema_error("$ref \"" + std::string(reference) + "\" names an unknown schema document");
        }
        // The stored key outlives the evaluation; the caller's view may not.
        const std::string_view stable_name = *schemas_.find_name(document_name);
        std::size_t position = 0;
        if (!fragment.empty() && fragment.front() != '/') {
            throw schema_error("$ref \"" + std::string(reference) + "\" is not a JSON Pointer reference");
        }
        while (position < fragment.size()) {
            const auto next = fragment.find('/', position + 1);
            const std::string token =
                unescape_pointer_token(fragment.substr(position + 1, next == std::string_view::npos ? std::string_view::npos
                                                                                                    : next - position - 1));
            const boost::json::value* child = nullptr;
            if (target->is_object()) {
                child = target->get_object().if_contains(token);
            } else if (target->is_array() && !token.empty() &&
                       token.find_first_not_of("0123456789") == std::string::npos) {
                const auto index = std::stoul(token);
                child = index < target->get_array().size() ? &target->get_array()[index] : nullptr;
            }
            if (child == nullptr) {
                throw schema_error("$ref \"" + std::string(reference) + "\" does not resolve");
            }
            target = child;
            position = next == std::string_view::npos ? fragment.size() : next;
        }
        return {target, stable_name};
    }

    void apply(std::string_view keyword, const boost::json::value& argument, const boost::json::object& schema,
               std::string_view document, const boost::json::value& instance, std::string& path,
               std::vector<schema_violation>& out, int depth) const {
        const std::size_t reported = out.size();
        dispatch(keyword, argument, schema, document, instance, path, out, depth);
        // Violations from nested schemas already name their own keyword.
        for (std::size_t i = reported; i < out.size(); ++i) {
            if (out[i].keyword.empty()) {
                out[i].keyword = keyword;
            }
        }
    }

    void dispatch(std::string_view keyword, const boost::json::value& argument, const boost::json::object& schema,
                  std::string_view document, const boost::json::value& instance, std::string& path,
                  std::vector<schema_violation>& out, int depth) const {
        if (keyword == "type") {
            apply_type(argument, instance, path, out);
        } else if (keyword == "$ref") {
            evaluate(resolve(argument.get_string(), document), instance, path, out, depth + 1);
        } else if (keyword == "enum") {
            for (const auto& allowed : argument.get_array()) {
                if (json_equal(allowed, instance)) {
                    return;
                }
            }
            report(out, path, "must be one of " + short_json(argument));
        } else if (keyword == "const") {
            if (!json_equal(argument, instance)) {
                report(out, path, "must equal " + short_json(argument));
            }
        } else if (keyword == "anyOf" || keyword == "oneOf") {
            apply_alternatives(keyword, argument.get_array(), document, instance, path, out, depth);
        } else if (instance.is_object()) {
            apply_object(keyword, argument, schema, document, instance.get_object(), path, out, depth);
        } else if (instance.is_array()) {
            apply_array(keyword, argument, document, instance.get_array(), path, out, depth);
        } else if (instance.is_string()) {
            apply_string(keyword, argument, instance.get_string(), path, out, schemas_);
        } else if (instance.is_number()) {
            apply_number(keyword, argument, instance, path, out);
        }
    }

    static void apply_type(const boost::json::value& argument, const boost::json::value& instance,
                           const std::string& path, std::vector<schema_violation>& out) {
        if (argument.is_string()) {
            if (!has_json_type(instance, argument.get_string())) {
                report(out, path,
                       "expected " + std::string(argument.get_string()) + ", got " +
                           std::string(json_type_name(instance)));
            }
            return;
        }
        for (const auto& name : argument.get_array()) {
            if (has_json_type(instance, name.get_string())) {
                return;
            }
        }
        report(out, path, "expected one of " + short_json(argument) + ", got " + std::string(json_type_name(instance)));
    }

    void apply_alternatives(std::string_view keyword, const boost::json::array& alternatives, std::string_view document,
                            const boost::json::value& instance, std::string& path, std::vector<schema_violation>& out,
                            int depth) const {
        std::size_t matched = 0;
        std::vector<schema_violation> first_failure;
        for (const auto& alternative : alternatives) {
            if (matches({&alternative, document}, instance, path, depth + 1, &first_failure)) {
                ++matched;
            }
        }
        if (matched == 0) {
            std::string message = "matches none of the " + std::string(keyword) + " alternatives";
            if (!first_failure.empty()) {
                message += " (the first says: " + first_failure.front().to_string() + ")";
            }
            report(out, path, std::move(message));
        } else if (keyword == "oneOf" && matched > 1) {
            report(out, path,
                   "matches " + std::to_string(matched) + " of the oneOf alternatives; exactly one must match");
        }
    }

    void apply_object(std::string_view keyword, const boost::json::value& argument, const boost::json::object& schema,
                      std::string_view document, const boost::json::object& instance, std::string& path,
                      std::vector<schema_violation>& out, int depth) const {
        const std::size_t length = path.size();
        if (keyword == "required") {
            for (const auto& name : argument.get_array()) {
                if (!instance.contains(name.get_string())) {
                    append_pointer_token(path, name.get_string());
                    report(out, path, "required property is missing");
                    path.resize(length);
                }
            }
        } else if (keyword == "properties") {
            for (const auto& property : argument.get_object()) {
                if (const auto* member = instance.if_contains(property.key())) {
                    append_pointer_token(path, property.key());
                    evaluate({&property.value(), document}, *member, path, out, depth + 1);
                    path.resize(length);
                }
            }
        } else if (keyword == "minProperties" || keyword == "maxProperties") {
            check_member_count(keyword, argument, instance.size(), "properties", path, out);
        } else if (keyword == "additionalProperties") {
            const auto* declared = schema.if_contains("properties");
            for (const auto& member : instance) {
                if (declared != nullptr && declared->get_object().contains(member.key())) {
                    continue;
                }
                append_pointer_token(path, member.key());
                if (argument.is_bool() && !argument.get_bool()) {
                    report(out, path, "property is not allowed here");
                } else {
                    evaluate({&argument, document}, member.value(), path, out, depth + 1);
                }
                path.resize(length);
            }
        }
    }

    void apply_array(std::string_view keyword, const boost::json::value& argument, std::string_view document,
                     const boost::json::array& instance, std::string& path, std::vector<schema_violation>& out,
                     int depth) const {
        if (keyword == "items") {
            const std::size_t length = path.size();
            for (std::size_t i = 0; i < instance.size(); ++i) {
                path += '/';
                path += std::to_string(i);
                evaluate({&argument, document}, instance[i], path, out, depth + 1);
                path.resize(length);
            }
        } else if (keyword == "minItems" || keyword == "maxItems") {
            check_member_count(keyword, argument, instance.size(), "items", path, out);
        }
    }

    static void apply_string(std::string_view keyword, const boost::json::value& argument, std::string_view instance,
                             const std::string& path, std::vector<schema_violation>& out, const schema_set& schemas) {
        if (keyword == "minLength" && wfn::utf8_code_points(instance) < argument.to_number<std::uint64_t>()) {
            report(out, path,
                   "must be at least " + short_json(argument) + " characters long, is " +
                       std::to_string(wfn::utf8_code_points(instance)));
        } else if (keyword == "maxLength" && wfn::utf8_code_points(instance) > argument.to_number<std::uint64_t>()) {
            report(out, path,
                   "must be at most " + short_json(argument) + " characters long, is " +
                       std::to_string(wfn::utf8_code_points(instance)));
        } else if (keyword == "pattern") {
            const auto& pattern = argument.get_string();
            const boost::regex* expression = schemas.find_pattern(pattern);
            if (expression == nullptr) {
                throw schema_error("pattern " + std::string(pattern) + " was never compiled");
            }
            if (instance.size() > max_pattern_subject_bytes) {
                report(out, path,
                       "is " + std::to_string(instance.size()) + " bytes long; a value checked against a pattern may " +
                           "be at most " + std::to_string(max_pattern_subject_bytes) + " bytes");
            } else if (!pattern_matches(*expression, instance)) {
                report(out, path, "does not match the pattern " + std::string(pattern));
            }
        }
    }

    static void apply_number(std::string_view keyword, const boost::json::value& argument,
                             const boost::json::value& instance, const std::string& path,
                             std::vector<schema_violation>& out) {
        const bool below = keyword == "minimum" && less_than(instance, argument);
        const bool above = keyword == "maximum" && less_than(argument, instance);
        if (below || above) {
            report(out, path,
                   std::string("must be ") + (below ? ">= " : "<= ") + short_json(argument) + ", is " +
                       short_json(instance));
        }
    }

    static bool less_than(const boost::json::value& a, const boost::json::value& b) noexcept {
        if (a.is_int64() && b.is_int64()) {
            return a.get_int64() < b.get_int64();
        }
        if (a.is_uint64() && b.is_uint64()) {
            return a.get_uint64() < b.get_uint64();
        }
        return a.to_number<double>() < b.to_number<double>();
    }

    const schema_set& schemas_;
};

}  // namespace

std::string schema_violation::to_string() const {
    return (instance_path.empty() ? std::string("(document root)") : instance_path) + ": " + message;
}

schema_validator::schema_validator(const schema_set& schemas, std::string_view root_document)
    : schemas_(&schemas), root_document_(root_document) {
    if (schemas.find(root_document) == nullptr) {
        throw schema_error("no schema document named \"" + std::string(root_document) + "\"");
    }
}

std::vector<schema_violation> schema_validator::validate(const boost::json::value& instance) const {
    std::vector<schema_violation> violations;
    std::string path;
    const std::string_view document = *schemas_->find_name(root_document_);
    evaluator(*schemas_).evaluate({schemas_->find(root_document_), document}, instance, path, violations, 0);
    return violations;
}

}  // namespace wfn::json_checks
