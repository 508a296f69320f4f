#include "json_checks/builtin_schemas.hpp"

#include "embedded_schemas.hpp"
#include "json_checks/json_text.hpp"

namespace wfn::json_checks {
namespace {

schema_set parse_embedded() {
    schema_set schemas;
    for (const embedded_text& file : embedded_schemas()) {
        try {
            // Checked by the sdk unit test (schema_validator), not at every
            // start: the texts are compiled in and cannot change.
            schemas.add_prechecked(std::string(file.name), parse_json_text(file.text));
        } catch (const json_text_error& error) {
            throw schema_error("embedded " + std::string(file.name) + " is not valid JSON: " + error.what());
        }
    }
    return schemas;
}

}  // namespace

const schema_set& builtin_schemas() {
    static const schema_set schemas = parse_embedded();
    return schemas;
}

}  // namespace wfn::json_checks
