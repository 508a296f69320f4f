#include "okta/protocol/user_page_scan.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <cstdint>

namespace okta_plugin::okta {
namespace {

// Boost.JSON's SAX interface: it sees every token and keeps only the depth,
// what the top level is, and what an array's elements are.
class page_handler {
public:
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    page_shape shape() const noexcept {
        if (!top_is_array_) {
            return page_shape::not_an_array;
        }
        return only_objects_ ? page_shape::users : page_shape::not_only_objects;
    }
    std::size_t users() const noexcept { return users_; }
    bool top_is_object() const noexcept { return top_is_object_; }

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_object_begin(boost::system::error_code&) {
        if (depth_ == 0) {
            top_is_object_ = true;
        } else if (depth_ == 1) {
            ++users_;
        }
        ++depth_;
        return true;
    }
    bool on_object_end(std::size_t, boost::system::error_code&) { return leave(); }
    bool on_array_begin(boost::system::error_code&) {
        if (depth_ == 0) {
            top_is_array_ = true;
        } else if (depth_ == 1) {
            only_objects_ = false;
        }
        ++depth_;
        return true;
    }
    bool on_array_end(std::size_t, boost::system::error_code&) { return leave(); }
    bool on_key_part(std::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_key(std::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_string_part(std::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_string(std::string_view, std::size_t, boost::system::error_code&) { return scalar(); }
    bool on_number_part(std::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t, std::string_view, boost::system::error_code&) { return scalar(); }
    bool on_uint64(std::uint64_t, std::string_view, boost::system::error_code&) { return scalar(); }
    bool on_double(double, std::string_view, boost::system::error_code&) { return scalar(); }
    bool on_bool(bool, boost::system::error_code&) { return scalar(); }
    bool on_null(boost::system::error_code&) { return scalar(); }
    bool on_comment_part(std::string_view, boost::system::error_code&) { return true; }
    bool on_comment(std::string_view, boost::system::error_code&) { return true; }

private:
    bool leave() {
        --depth_;
        return true;
    }
    bool scalar() {
        if (depth_ == 1) {
            only_objects_ = false;
        }
        return true;
    }

    std::size_t depth_ = 0;
    std::size_t users_ = 0;
    bool top_is_array_ = false;
    bool top_is_object_ = false;
    bool only_objects_ = true;
};

// One pass of the handler over all of `text`: false, with `error` set, when
// it is not exactly one JSON document.
bool scan_whole(std::string_view text, page_handler& handler, boost::system::error_code& error) noexcept {
    try {
        boost::json::basic_parser<page_handler> parser{boost::json::parse_options{}};
        const std::size_t used = parser.write_some(false, text.data(), text.size(), error);
        if (!error && used != text.size()) {
            error = boost::json::error::extra_data;
        }
        handler = parser.handler();
    } catch (const std::exception&) {
        // Only std::bad_alloc can come out of the parser's own state.
        error = boost::json::error::exception;
    }
    return !error;
}

}  // namespace

user_page_scan scan_user_page(std::string_view text) noexcept {
    user_page_scan scan;
    if (text.empty()) {
        scan.shape = page_shape::not_an_array;  // as a DOM read of no body says: null is no array
        return scan;
    }
    page_handler handler;
    if (!scan_whole(text, handler, scan.parse_error)) {
        return scan;
    }
    scan.shape = handler.shape();
    scan.users = handler.users();
    return scan;
}

object_scan scan_object(std::string_view text) noexcept {
    object_scan scan;
    page_handler handler;
    if (!text.empty() && scan_whole(text, handler, scan.parse_error)) {
        scan.is_object = handler.top_is_object();
    }
    return scan;
}

}  // namespace okta_plugin::okta
