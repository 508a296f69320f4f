// The test bench every integration test stands on: one sandbox process and one
// plugin host for the whole test program (starting them per test would
// dominate the run time), reset to a clean state before each test.
#pragma once

#include "secret_audit.hpp"

#include "okta_sandbox/admin.hpp"
#include "okta_sandbox/process.hpp"

#include <wfn/host.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

namespace okta_it {

namespace json = boost::json;

inline okta_sandbox::process& sandbox() {
    static okta_sandbox::process instance;
    return instance;
}

inline okta_sandbox::admin& admin() {
    static okta_sandbox::admin instance(sandbox());
    return instance;
}

inline std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The built bundle, alone in its parent folder as a host sees it.
inline wfn::host::plugin_host& host() {
    static wfn::host::plugin_host instance(std::filesystem::path(WFN_OKTA_BUNDLE_DIR).parent_path());
    return instance;
}

// Credentials for the sandbox, trusting its CA through CaCertificate.
inline json::object sandbox_credentials() {
    return {{"Domain", sandbox().base_url()},
            {"ApiToken", sandbox().token()},
            {"CaCertificate", read_file(sandbox().ca_file())}};
}

// One node run: its output and every log line the plugin wrote.
struct node_run {
    json::object output;
    std::vector<std::string> log;

    std::int64_t status() const { return output.at("StatusCode").as_int64(); }
    std::string message() const { return std::string(output.at("ErrorMessage").as_string()); }
    std::string code() const { return std::string(output.at("ErrorCode").as_string()); }
    const json::object& user() const { return output.at("User").as_object(); }
};

inline std::vector<std::string> find_leaks(const node_run& run, const std::vector<std::string>& secrets) {
    return find_leaks(run.output, run.log, secrets);
}

struct bench {
    bench() {
        admin().reset();
        BOOST_TEST_REQUIRE(host().find("okta.user.create") != nullptr, "the Okta bundle did not load");
    }

    node_run run(std::string_view node, const json::object& params, const json::object& credentials,
                 std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
        node_run result;
        std::mutex log_mutex;
        wfn::host::run_options options;
        options.timeout = timeout;
        options.log_level = wfn::log_level::trace;  // everything, to prove secrets stay out of it
        options.log = [&](wfn::log_level, std::string_view line) {
            std::lock_guard lock(log_mutex);
            result.log.emplace_back(line);
        };
        result.output = host().run(node, json::serialize(params), json::serialize(credentials), options);
        audit(result, secrets_of(params, credentials));
        return result;
    }

    node_run run(std::string_view node, const json::object& params) {
        return run(node, params, sandbox_credentials());
    }

    static void audit(const node_run& result, const std::vector<std::string>& secrets) {
        const auto leaks = find_leaks(result, secrets);
        for (const auto& leak : leaks) {
            BOOST_ERROR("a secret leaked into the " << leak);
        }
        audited().leaks += leaks.size();
        ++audited().runs;
        audited().log_lines += result.log.size();
    }

    static json::object params(std::string_view text) { return json::parse(text).as_object(); }

    // Requests the sandbox received since the last reset, oldest first.
    static json::array requests() { return admin().requests(); }

    static json::object only_request() {
        auto all = requests();
        BOOST_TEST_REQUIRE(all.size() == 1u, "requests: " << json::serialize(all));
        return all.front().as_object();
    }

    // The id of a fresh ACTIVE user, created directly through the sandbox.
    static std::string seeded_user(const std::string& prefix = "member") {
        admin().seed(json::object{{"count", 1}, {"prefix", prefix}});
        for (const auto& user : admin().users()) {
            const auto& fields = user.as_object();
            if (fields.at("profile").at("login").as_string() == prefix + "1@example.com") {
                admin().clear_requests();
                return std::string(fields.at("id").as_string());
            }
        }
        BOOST_FAIL("the seeded user is not in the sandbox");
        return {};
    }

    // Asserts the headers every Okta call carries.
    static void expect_okta_headers(const json::object& request, bool with_body) {
        const auto& headers = request.at("headers").as_object();
        BOOST_TEST(headers.at("authorization").as_string() == "SSWS " + sandbox().token());
        BOOST_TEST(headers.at("accept").as_string() == "application/json");
        BOOST_TEST(std::string(headers.at("user-agent").as_string()).rfind("wfn-okta/1.0.0 ", 0) == 0);
        if (with_body) {
            BOOST_TEST(headers.at("content-type").as_string() == "application/json");
        } else {
            BOOST_TEST(!headers.contains("content-type"));
            BOOST_TEST(request.at("body").as_string().empty());
        }
    }
};

inline std::string target_of(const json::value& request) { return std::string(request.at("target").as_string()); }
inline std::string method_of(const json::value& request) { return std::string(request.at("method").as_string()); }

}  // namespace okta_it
