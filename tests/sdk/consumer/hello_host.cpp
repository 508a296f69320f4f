// A third-party host: loads a plugins folder with wfn::host and runs a node.
//   hello_host PLUGINS_DIR NODE PARAMS_JSON
#include <wfn/host.hpp>

#include <boost/json/serialize.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: hello_host PLUGINS_DIR NODE PARAMS_JSON\n";
        return 2;
    }
    const wfn::host::plugin_host host(argv[1]);
    for (const auto& error : host.load_errors()) {
        std::cerr << error.path.string() << ": " << error.reason << '\n';
    }
    const auto output = host.run(argv[2], argv[3], "");
    std::cout << boost::json::serialize(output) << '\n';
    return output.at("StatusCode").as_int64() == 200 ? 0 : 1;
}
