#include "memory_usage.hpp"
#include "plugin_session.hpp"
#include "scenarios.hpp"
#include "stopwatch.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

namespace wfn_bench {

boost::json::object run_list_all(const bench_options& options) {
    // The baseline already holds the loaded plugin and an open connection, so
    // the growth below is what ReturnAll itself costs.
    const warm_plugin plugin(options);
    const std::string params =
        boost::json::serialize(boost::json::object{{"ReturnAll", true}, {"Limit", options.page_size}});

    const std::uint64_t rss_before = current_rss_bytes();
    const stopwatch clock;
    // As an engine that forwards outputs would: the text, never a DOM.
    const std::string output_text = plugin.session().run_text(list_users_node, params);
    const double elapsed_ms = clock.elapsed_ms();
    // The whole process's high-water mark (plugin, host and this text
    // included), read before the check below builds a DOM of its own.
    const std::uint64_t peak_rss = peak_rss_bytes();

    // Not timed, not in the peak: the output must be the list it claims.
    const boost::json::value parsed = boost::json::parse(output_text);
    const boost::json::object& output = parsed.as_object();
    if (status_code(output) != 200) {
        throw std::runtime_error("Get Many Users answered " + std::to_string(status_code(output)) + ": " +
                                 error_message(output));
    }
    const auto* users = output.if_contains("Users");
    if (users == nullptr || !users->is_array()) {
        throw std::runtime_error("Get Many Users answered 200 without a Users array.");
    }

    return {
        {"users", users->get_array().size()},
        {"page_size", options.page_size},
        {"elapsed_ms", elapsed_ms},
        {"json_bytes", output_text.size()},
        {"rss_before_bytes", rss_before},
        {"peak_rss_bytes", peak_rss},
        {"peak_growth_bytes", peak_rss > rss_before ? peak_rss - rss_before : 0},
    };
}

namespace {

// Counts what an engine forwarding each item would see, and keeps nothing.
class counting_sink : public wfn::host::item_sink {
public:
    void take(std::string_view member, const boost::json::object& item) override {
        if (member != "Users" || !item.contains("id")) {
            throw std::runtime_error("a streamed item is not a user with an id.");
        }
        ++items_;
    }
    std::uint64_t items() const noexcept { return items_; }

private:
    std::uint64_t items_ = 0;
};

}  // namespace

boost::json::object run_list_streamed(const bench_options& options) {
    const warm_plugin plugin(options);
    const std::string params =
        boost::json::serialize(boost::json::object{{"ReturnAll", true}, {"Limit", options.page_size}});

    counting_sink sink;
    const std::uint64_t rss_before = current_rss_bytes();
    const stopwatch clock;
    const boost::json::object output = plugin.session().run_streaming(list_users_node, params, sink);
    const double elapsed_ms = clock.elapsed_ms();
    const std::uint64_t peak_rss = peak_rss_bytes();

    if (status_code(output) != 200) {
        throw std::runtime_error("Get Many Users answered " + std::to_string(status_code(output)) + ": " +
                                 error_message(output));
    }
    if (output.contains("Users")) {
        throw std::runtime_error("the streamed output still holds a Users array.");
    }
    return {
        {"users", sink.items()},
        {"page_size", options.page_size},
        {"elapsed_ms", elapsed_ms},
        {"rss_before_bytes", rss_before},
        {"peak_rss_bytes", peak_rss},
        {"peak_growth_bytes", peak_rss > rss_before ? peak_rss - rss_before : 0},
    };
}

}  // namespace wfn_bench
