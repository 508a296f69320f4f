#include "for_each_outputs.hpp"

#include "../../common/output_envelope.hpp"

#include <boost/json/array.hpp>

#include <utility>

namespace wfn::cli {

for_each_outputs::for_each_outputs(const workflow_step& step, for_each_output_sink sink)
    : step_(step), sink_(std::move(sink)) {}

std::size_t for_each_outputs::expect_one() {
    const std::lock_guard lock(mutex_);
    if (!sink_) {
        kept_.emplace_back();
    }
    return expected_++;
}

void for_each_outputs::expect(std::size_t count) {
    const std::lock_guard lock(mutex_);
    expected_ = count;
    if (!sink_) {
        kept_.resize(count);
    }
}

void for_each_outputs::put(std::size_t index, boost::json::object output) {
    const bool ok = wfn::detail::envelope_succeeded(output);
    const std::lock_guard lock(mutex_);
    ++finished_;
    failed_ += ok ? 0 : 1;
    if (sink_) {
        sink_(step_, index, output);
    } else {
        kept_[index] = std::move(output);
    }
}

bool for_each_outputs::succeeded() const {
    const std::lock_guard lock(mutex_);
    return failed_ == 0 && finished_ == expected_;
}

boost::json::value for_each_outputs::finish_into(boost::json::object& result) {
    const std::lock_guard lock(mutex_);
    if (sink_) {
        result["outputCount"] = finished_;
        return nullptr;
    }
    boost::json::array outputs;
    outputs.reserve(kept_.size());
    for (auto& output : kept_) {
        outputs.push_back(std::move(output));
    }
    kept_.clear();
    result["outputs"] = outputs;
    return outputs;
}

}  // namespace wfn::cli
