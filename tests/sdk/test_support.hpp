// Shared fixtures and builders for the SDK tests.
#pragma once

#include <wfn/abi.h>
#include <wfn/host.hpp>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace wfn::test {

inline const std::filesystem::path plugins_dir{WFN_TEST_PLUGINS_DIR};
inline const std::filesystem::path good_plugins_dir{WFN_TEST_GOOD_PLUGINS_DIR};

// One host over the mixed folder (good + raw + every broken kind), loaded
// once per test executable: loading is what some tests check, running is
// what the others check.
inline const host::plugin_host& mixed_host() {
    static const auto instance = std::make_unique<host::plugin_host>(plugins_dir);
    return *instance;
}

// Builds the params JSON text for a call, so tests read as data.
class params {
public:
    params& with(std::string_view key, boost::json::value value) {
        object_[key] = std::move(value);
        return *this;
    }
    std::string text() const { return boost::json::serialize(object_); }

private:
    boost::json::object object_;
};

inline std::int64_t status_of(const boost::json::object& output) { return output.at("StatusCode").as_int64(); }

inline std::string message_of(const boost::json::object& output) {
    return std::string(output.at("ErrorMessage").as_string());
}

inline bool contains(std::string_view text, std::string_view fragment) {
    return text.find(fragment) != std::string_view::npos;
}

}  // namespace wfn::test
