// Checks that an output text keeps the envelope (a JSON object with an
// integer StatusCode and a string ErrorMessage at its top level) without
// building a DOM of it: a 20,000-user list is checked in one pass, in
// constant memory. Header-only, because both sides use it: the plugin
// helper on outputs a node hands over as text, the host on what comes back.
// Pure function: callable from any thread.
#pragma once

#include <boost/json/basic_parser_impl.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wfn::detail {
namespace envelope_scan {

// Boost.JSON's SAX interface: it sees every token and keeps only what the
// envelope needs, the top-level key in hand and which members were found.
class envelope_handler {
public:
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    bool keeps_envelope() const noexcept { return top_is_object_ && has_status_ && has_message_; }

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_object_begin(boost::system::error_code&) {
        if (depth_ == 0) {
            top_is_object_ = true;
        }
        return enter();
    }
    bool on_object_end(std::size_t, boost::system::error_code&) { return leave(); }
    bool on_array_begin(boost::system::error_code&) { return enter(); }
    bool on_array_end(std::size_t, boost::system::error_code&) { return leave(); }
    bool on_key_part(std::string_view part, std::size_t, boost::system::error_code&) {
        collect_key(part);
        return true;
    }
    bool on_key(std::string_view part, std::size_t, boost::system::error_code&) {
        collect_key(part);
        key_done_ = true;
        return true;
    }
    bool on_string_part(std::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_string(std::string_view, std::size_t, boost::system::error_code&) { return value(kind::string); }
    bool on_number_part(std::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t, std::string_view, boost::system::error_code&) { return value(kind::integer); }
    bool on_uint64(std::uint64_t, std::string_view, boost::system::error_code&) { return value(kind::other); }
    bool on_double(double, std::string_view, boost::system::error_code&) { return value(kind::other); }
    bool on_bool(bool, boost::system::error_code&) { return value(kind::other); }
    bool on_null(boost::system::error_code&) { return value(kind::other); }
    bool on_comment_part(std::string_view, boost::system::error_code&) { return true; }
    bool on_comment(std::string_view, boost::system::error_code&) { return true; }

private:
    enum class kind { integer, string, other };

    bool enter() {
        if (depth_ == 1) {
            take_key();  // a member whose value is a container is not one of ours
        }
        ++depth_;
        return true;
    }
    bool leave() {
        --depth_;
        return true;
    }
    void collect_key(std::string_view part) {
        if (depth_ != 1) {
            return;
        }
        if (key_done_) {
            key_size_ = 0;
            key_done_ = false;
        }
        // Only two short names matter: a longer key cannot be either, and
        // stays marked too long (size past the buffer) without being kept.
        if (key_size_ + part.size() <= key_.size()) {
            part.copy(key_.data() + key_size_, part.size());
            key_size_ += part.size();
        } else {
            key_size_ = key_.size() + 1;
        }
    }
    std::string_view take_key() {
        const std::string_view key =
            key_size_ <= key_.size() ? std::string_view(key_.data(), key_size_) : std::string_view("-");
        key_size_ = 0;
        key_done_ = false;
        return key;
    }
    bool value(kind found) {
        if (depth_ != 1) {
            return true;
        }
        const std::string_view key = take_key();
        if (key == "StatusCode") {
            has_status_ = found == kind::integer;
        } else if (key == "ErrorMessage") {
            has_message_ = found == kind::string;
        }
        return true;
    }

    std::size_t depth_ = 0;
    std::array<char, 16> key_{};  // the top-level key in hand, when short
    std::size_t key_size_ = 0;
    bool key_done_ = false;
    bool top_is_object_ = false;
    bool has_status_ = false;
    bool has_message_ = false;
};

}  // namespace envelope_scan

// True when `text` is exactly one valid JSON object whose top-level members
// include an integer "StatusCode" and a string "ErrorMessage".
inline bool keeps_envelope(std::string_view text) noexcept {
    try {
        boost::json::basic_parser<envelope_scan::envelope_handler> parser{boost::json::parse_options{}};
        boost::system::error_code ec;
        const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
        return !ec && used == text.size() && parser.done() && parser.handler().keeps_envelope();
    } catch (...) {
        return false;
    }
}

}  // namespace wfn::detail
