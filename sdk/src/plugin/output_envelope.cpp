#include <wfn/plugin.hpp>

#include "../common/output_envelope.hpp"

namespace wfn {

boost::json::object make_output(std::int64_t status_code, std::string_view error_message) {
    return detail::make_envelope(status_code, error_message);
}

boost::json::object invalid_input(std::string_view error_message) {
    boost::json::object output = make_output(status_invalid_input, error_message);
    // The same input fails the same way: an engine's retry policy must not loop on it.
    output["Retryable"] = false;
    return output;
}

}  // namespace wfn
