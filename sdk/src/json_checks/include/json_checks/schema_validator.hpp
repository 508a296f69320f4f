// A JSON Schema validator for the draft 2020-12 subset that wfn manifests use
// (manifests/schema/README.md lists it), on Boost.JSON; anything outside the
// subset is refused when the schema is added, never silently ignored.
// Hand-written rather than valijson (Debian's libvalijson-dev 1.0, whose
// Boost.JSON adapter builds with Boost 1.81 and reads these schemas): its
// `pattern` keyword is hard-wired to std::regex, which backtracks without
// limit and recurses once per character, so a hostile manifest could hang or
// crash the host. Here patterns run on Boost.Regex with its match limits and
// a subject size cap. The measurements are in tests/bench/README.md.
#pragma once

#include <boost/json/value.hpp>
#include <boost/regex.hpp>

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace wfn::json_checks {

// The schema itself is unusable: an unsupported keyword, a malformed keyword
// value, or a $ref that leads nowhere.
class schema_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One way the instance breaks the schema.
struct schema_violation {
    std::string instance_path;  // JSON Pointer into the instance, "" for the root
    std::string message;        // for example "expected integer, got string"
    // The schema keyword the instance breaks ("type", "required",
    // "additionalProperties", ...); "false" for a false schema.
    std::string keyword;

    // "/nodes/0/version: expected integer, got string".
    std::string to_string() const;
};

// Schema documents that may $ref each other by name ("other.json#/$defs/x").
// Not thread-safe to modify; const use from many threads is safe.
class schema_set {
public:
    // Checks that `document` uses only the supported subset (throws
    // schema_error naming the keyword and where it is) and stores it.
    void add(std::string name, boost::json::value document);

    // Stores `document` without checking it and compiles its patterns only
    // when first used. Only for the host's own compiled-in schemas: checking
    // them and compiling every regular expression was two thirds of the host's
    // start-up (issue 6), and they cannot change after the build; the sdk
    // unit test checks each of them with add(). Plugin manifests and their
    // schemas always go through add().
    void add_prechecked(std::string name, boost::json::value document);

    // The document stored as `name`, or nullptr.
    const boost::json::value* find(std::string_view name) const noexcept;

    // The stored copy of `name` (stable for the set's lifetime), or nullptr.
    const std::string* find_name(std::string_view name) const noexcept;

    // The compiled form of a `pattern` keyword's text, compiled once (when its
    // schema was added, or on first use for add_prechecked; compiling
    // construction dominates validation time otherwise), or nullptr for a
    // pattern no stored schema uses. Thread-safe.
    const boost::regex* find_pattern(std::string_view pattern) const noexcept;

private:
    struct compiled_pattern {
        mutable std::once_flag once;
        mutable std::optional<boost::regex> regex;  // empty if it failed to compile
    };

    std::map<std::string, boost::json::value, std::less<>> documents_;
    std::map<std::string, compiled_pattern, std::less<>> patterns_;
};

// Validates instances against one document of a schema_set, which must
// outlive the validator. Thread-safe for concurrent validate() calls.
class schema_validator {
public:
    // Throws schema_error when `root_document` is not in `schemas`.
    schema_validator(const schema_set& schemas, std::string_view root_document);

    // Every violation found, in document order; empty when the instance is
    // valid. Throws schema_error when a $ref cannot be resolved.
    std::vector<schema_violation> validate(const boost::json::value& instance) const;

private:
    const schema_set* schemas_;
    std::string root_document_;
};

// True when `a` and `b` are equal JSON values in the JSON Schema sense:
// numbers compare by value (1 equals 1.0), objects ignore member order.
bool json_equal(const boost::json::value& a, const boost::json::value& b) noexcept;

}  // namespace wfn::json_checks
