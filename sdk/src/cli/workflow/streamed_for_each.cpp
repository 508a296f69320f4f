#include "streamed_for_each.hpp"

#include "for_each_outputs.hpp"
#include "item_queue.hpp"
#include "step_call.hpp"

#include "../../common/output_envelope.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace wfn::cli {
namespace {

// Enough queued items to keep every thread busy across a page boundary,
// few enough that memory does not follow the list's length.
std::size_t queue_capacity(std::size_t concurrency) { return std::max<std::size_t>(64, 4 * concurrency); }

// Closes the queue however the list step ends, before the item threads are
// joined, so that none of them waits for an item that never comes.
struct queue_closer {
    item_queue& queue;
    ~queue_closer() { queue.close(); }
};

}  // namespace

streamed_pair_result run_streamed_pair(const workflow_step& list, const workflow_step& each, const std::string& member,
                                       const boost::json::value& input, const boost::json::value& steps,
                                       const step_node_runner& run_node, const cancellation_check& cancelled,
                                       const for_each_output_sink& sink) {
    for_each_outputs outputs(each, sink);
    item_queue queue(queue_capacity(each.concurrency));
    std::atomic<bool> stop{false};
    const std::function<bool()> give_up = [&] { return stop.load() || cancelled(); };

    const auto work = [&] {
        while (!give_up()) {
            const auto next = queue.pop(give_up);
            if (!next) {
                break;
            }
            boost::json::object output = run_step_call(each, {input, steps, &next->item, next->index}, run_node);
            if (!wfn::detail::envelope_succeeded(output) && !each.continue_on_fail) {
                stop = true;
            }
            outputs.put(next->index, std::move(output));
        }
    };

    std::size_t streamed = 0;
    boost::json::object other_members;  // lists the forEach does not read, kept as they were
    const list_item_handler on_item = [&](std::string_view item_member, const boost::json::object& item) {
        if (item_member != member) {
            auto& kept = other_members[item_member];
            if (!kept.is_array()) {
                kept = boost::json::array();
            }
            kept.get_array().push_back(item);
            return;
        }
        const auto refuse = [&] {
            throw std::runtime_error(stop ? "forEach step " + each.name + " stopped taking items after one failed"
                                          : std::string("the workflow was cancelled"));
        };
        if (give_up()) {
            refuse();
        }
        // The item is borrowed and may live in the host's page memory: the
        // copy gets storage of its own.
        boost::json::object owned(item, boost::json::storage_ptr());
        const std::size_t index = outputs.expect_one();
        if (!queue.push({index, std::move(owned)}, give_up)) {
            refuse();
        }
        ++streamed;
    };

    streamed_pair_result result;
    {
        std::vector<std::jthread> threads;
        threads.reserve(each.concurrency);
        for (std::size_t t = 0; t < each.concurrency; ++t) {
            threads.emplace_back(work);
        }
        const queue_closer closer{queue};
        result.list_output = run_step_call(list, {input, steps, nullptr, std::nullopt}, run_node, on_item);
    }
    for (auto& [name, items] : other_members) {
        result.list_output[name] = std::move(items);
    }
    if (streamed == 0) {
        result.nothing_streamed = true;
        return result;
    }
    result.list_output["streamedTo"] = each.name;
    result.list_output["streamedItems"] = streamed;
    result.for_each_succeeded = outputs.succeeded();
    result.for_each_result["succeeded"] = result.for_each_succeeded;
    result.for_each_value = outputs.finish_into(result.for_each_result);
    return result;
}

}  // namespace wfn::cli
