// The outputs of one forEach step's items: kept in item order for the
// document and later templates, or handed to a sink as each finishes and
// only counted (workflow_run_settings::on_for_each_output).
#pragma once

#include "workflow_runner.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <deque>
#include <mutex>

namespace wfn::cli {

class for_each_outputs {
public:
    // `sink` empty: keep every output.
    for_each_outputs(const workflow_step& step, for_each_output_sink sink);

    // One more item is expected; returns its index. Thread-safe.
    std::size_t expect_one();
    // `count` items are expected, indices 0..count-1. Before any put().
    void expect(std::size_t count);
    // The item at `index` finished with `output`. Thread-safe.
    void put(std::size_t index, boost::json::object output);

    // Every expected item ran and succeeded.
    bool succeeded() const;
    // Puts "outputs" (kept) or "outputCount" (sunk) into `result`, and
    // returns what later templates see as steps.<name>.
    boost::json::value finish_into(boost::json::object& result);

private:
    const workflow_step& step_;
    for_each_output_sink sink_;
    mutable std::mutex mutex_;
    std::deque<boost::json::value> kept_;  // null until the item finishes
    std::size_t expected_ = 0;
    std::size_t finished_ = 0;
    std::size_t failed_ = 0;
};

}  // namespace wfn::cli
