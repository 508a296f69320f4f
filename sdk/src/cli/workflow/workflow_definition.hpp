// A workflow file, validated against manifests/schema/workflow.schema.json.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace wfn::cli {

// The workflow document is not a valid workflow; what() says where.
class workflow_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct workflow_step {
    std::string name;
    std::string node;
    boost::json::object params;
    // A literal array, or a string holding one {{ expr }} that yields one.
    std::optional<boost::json::value> for_each;
    std::size_t concurrency = 1;
    // forEach over the previous step's list: take its items as they arrive.
    bool stream = true;
    bool continue_on_fail = false;
    // Empty: the runner's default timeout applies.
    std::optional<std::chrono::milliseconds> timeout;
};

struct workflow_definition {
    std::string name;
    std::vector<workflow_step> steps;
};

// Validates `document` against the workflow schema, then checks what a
// schema cannot say (step names unique). Throws workflow_error.
workflow_definition parse_workflow(const boost::json::value& document);

}  // namespace wfn::cli
