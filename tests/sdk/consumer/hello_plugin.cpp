// A third-party plugin: one node, written with wfn/plugin.hpp.
#include <wfn/plugin.hpp>

#include <string>

namespace {

boost::json::object greet(const wfn::node_call& call) {
    const auto* name = call.params.if_contains("Name");
    if (name == nullptr || !name->is_string()) {
        throw wfn::invalid_input_error("Name is required and must be a string.");
    }
    boost::json::object output = wfn::make_output(200);
    output["Greeting"] = "Hello, " + std::string(name->get_string()) + "!";
    return output;
}

constexpr wfn::node_definition nodes[] = {{"hello.greet", "Greet", 1, WFN_NODE_FLAG_IDEMPOTENT, &greet}};

constexpr wfn::plugin_definition plugin{.id = "org.example.hello", .version = "0.1.0", .nodes = nodes};

}  // namespace

WFN_DEFINE_PLUGIN(plugin)
