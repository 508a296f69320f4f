#include "bench_options.hpp"

#include <boost/program_options.hpp>

#include <iostream>
#include <stdexcept>

namespace wfn_bench {
namespace po = boost::program_options;

namespace {

void require_positive(const po::variables_map& values, const char* name) {
    if (values.count(name) != 0 && values[name].as<std::size_t>() == 0) {
        throw std::invalid_argument(std::string("--") + name + " must be at least 1.");
    }
}

}  // namespace

std::optional<bench_options> parse_options(int argc, const char* const argv[]) {
    bench_options options;
    std::size_t timeout_ms = static_cast<std::size_t>(options.timeout.count());

    po::options_description described(
        "wfn-bench: runs one benchmark scenario through wfn::host::plugin_host, as an engine\n"
        "would, against the Okta sandbox, and prints one JSON object on stdout.\n\n"
        "usage: wfn-bench <scenario> --plugins DIR --org-url URL --token TOKEN --ca FILE [options]\n"
        "scenarios: get (1 and 2: --threads picks which), list-all (3), list-stream (3, streamed), batch-create (4), cold-start (5)\n\n"
        "options");
    described.add_options()
        ("help,h", "show this help")
        ("plugins", po::value(&options.plugins_dir)->required(), "folder holding the plugin bundles")
        ("org-url", po::value(&options.org_url)->required(), "the sandbox's URL, the credentials' Domain")
        ("token", po::value(&options.token)->required(), "the sandbox's API token")
        ("ca", po::value(&options.ca_file)->required(), "PEM file of the CA that signed the sandbox's certificate")
        ("user-id", po::value(&options.user_id), "user fetched by get, and by the warm-up calls")
        ("calls", po::value(&options.calls)->default_value(options.calls), "get: total calls")
        ("threads", po::value(&options.threads)->default_value(options.threads), "get: threads sharing the calls")
        ("page-size", po::value(&options.page_size)->default_value(options.page_size), "list-all, list-stream: Limit per page")
        ("creates", po::value(&options.creates)->default_value(options.creates), "batch-create: users to create")
        ("concurrency", po::value(&options.concurrency)->default_value(options.concurrency),
         "batch-create: creates in flight")
        ("prefix", po::value(&options.login_prefix)->default_value(options.login_prefix),
         "batch-create: login prefix; logins are <prefix><n>@example.com")
        ("timeout-ms", po::value(&timeout_ms)->default_value(timeout_ms), "deadline of each node call");

    po::options_description hidden;
    hidden.add_options()("scenario", po::value(&options.scenario));
    po::options_description all;
    all.add(described).add(hidden);
    po::positional_options_description positional;
    positional.add("scenario", 1);

    po::variables_map values;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), values);
        if (values.count("help") != 0) {
            std::cout << described << '\n';
            return std::nullopt;
        }
        po::notify(values);
    } catch (const po::error& error) {
        throw std::invalid_argument(error.what());
    }
    if (options.scenario.empty()) {
        throw std::invalid_argument("name a scenario: get, list-all, list-stream, batch-create or cold-start.");
    }
    for (const char* name : {"calls", "threads", "page-size", "creates", "concurrency"}) {
        require_positive(values, name);
    }
    options.timeout = std::chrono::milliseconds(timeout_ms);
    return options;
}

}  // namespace wfn_bench
