#include <wfn/plugin.hpp>

namespace wfn {

boost::json::object make_output(std::int64_t status_code, std::string_view error_message) {
    boost::json::object output;
    output["StatusCode"] = status_code;
    output["ErrorMessage"] = error_message;
    return output;
}

boost::json::object invalid_input(std::string_view error_message) {
    return make_output(status_invalid_input, error_message);
}

}  // namespace wfn
