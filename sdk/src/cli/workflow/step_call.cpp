#include "step_call.hpp"

#include "../../common/output_envelope.hpp"

#include <exception>

namespace wfn::cli {

boost::json::object failure_output(std::int64_t status_code, const std::string& message) {
    return wfn::detail::make_envelope(status_code, message);
}

boost::json::object run_step_call(const workflow_step& step, const template_scope& scope,
                                  const step_node_runner& run_node, const list_item_handler& on_item) {
    boost::json::value params;
    try {
        params = render_templates(step.params, scope);
    } catch (const template_error& error) {
        return failure_output(-1, "Step " + step.name + ": " + error.what());
    }
    try {
        return run_node(step, params.get_object(), on_item);
    } catch (const std::exception& error) {
        return failure_output(500, "Step " + step.name + " could not run node " + step.node + ": " + error.what());
    }
}

}  // namespace wfn::cli
