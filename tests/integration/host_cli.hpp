// Runs the real wfn-host binary, as a workflow author would, with its
// inputs written to a private folder.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace okta_it {

// A private folder for one run's files, removed afterwards.
struct scratch_dir {
    std::filesystem::path path;
    scratch_dir() {
        char pattern[] = "/tmp/wfn-it-XXXXXX";
        BOOST_TEST_REQUIRE(::mkdtemp(pattern) != nullptr);
        path = pattern;
    }
    ~scratch_dir() { std::filesystem::remove_all(path); }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
    // "@<file>", ready for a JSON|@file option.
    std::string write(const std::string& name, const boost::json::object& content) const {
        std::ofstream(path / name) << boost::json::serialize(content);
        return "@" + (path / name).string();
    }
};

struct cli_result {
    int exit_code = -1;
    std::string out;
};

// `arguments` after the program name, already quoted for the shell.
inline cli_result run_wfn_host(const std::string& arguments) {
    const std::string command = std::string(WFN_HOST_EXE) + " " + arguments;
    FILE* pipe = ::popen(command.c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr);
    cli_result result;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
        result.out.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// The folder the built Okta bundle sits in, alone.
inline std::string okta_plugins_dir() { return std::filesystem::path(WFN_OKTA_BUNDLE_DIR).parent_path().string(); }

}  // namespace okta_it
