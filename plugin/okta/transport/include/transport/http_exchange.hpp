// One HTTP/1.1 request and its response over an already-open stream. A
// template over the stream so the same code runs on TLS sockets and on
// beast::test::stream in the tests.
#pragma once

#include "transport/request_text.hpp"
#include "wire/call_budget.hpp"
#include "wire/transport_error.hpp"
#include "wire/wiping_allocator.hpp"
#include "wire/http_message.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/http.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace okta_plugin::transport {

struct exchange_limits {
    // Okta pages of 200 users are well under a megabyte; anything near this
    // is a misbehaving server, not data to buffer.
    std::size_t max_body_bytes = 64u * 1024u * 1024u;
    std::size_t max_header_bytes = 64u * 1024u;
};

struct exchange_result {
    wire::response response;
    // The server allows another request on this connection.
    bool keep_alive = false;
};

namespace detail {

namespace http = boost::beast::http;

inline http::verb to_verb(wire::method verb) noexcept {
    switch (verb) {
        case wire::method::get: return http::verb::get;
        case wire::method::post: return http::verb::post;
        case wire::method::put: return http::verb::put;
        case wire::method::del: return http::verb::delete_;
    }
    return http::verb::get;
}

inline bool is_interim(unsigned status) noexcept { return status >= 100 && status < 200 && status != 101; }

inline std::string megabytes(std::size_t bytes) { return std::to_string(bytes / (1024u * 1024u)) + " MB"; }

[[noreturn]] inline void throw_interrupted(wire::interruption why, std::string_view server, const wire::call_budget& budget,
                                           std::string_view step, bool nothing_sent) {
    if (why == wire::interruption::cancelled) {
        throw wire::transport_error(wire::failure::cancelled,
                              "The request to " + std::string(server) + " was cancelled while " + std::string(step) + ".",
                              nothing_sent);
    }
    throw wire::transport_error(wire::failure::timeout,
                          "The request to " + std::string(server) + " timed out after " +
                              std::to_string(budget.budget_ms) + " ms while " + std::string(step) + ".",
                          nothing_sent);
}

inline bool is_connection_loss(const boost::system::error_code& ec) noexcept {
    return ec == http::error::end_of_stream || ec == http::error::partial_message ||
           ec == boost::asio::error::eof || ec == boost::asio::error::connection_reset ||
           ec == boost::asio::error::broken_pipe || ec == boost::asio::ssl::error::stream_truncated;
}

template <class Parser>
[[noreturn]] void throw_read_failure(const boost::system::error_code& ec, const Parser& parser, std::string_view server,
                                     const exchange_limits& limits) {
    const std::string who(server);
    if (ec == http::error::body_limit) {
        throw wire::transport_error(wire::failure::too_large, "The response from " + who + " is larger than the " +
                                                      megabytes(limits.max_body_bytes) + " limit.");
    }
    if (ec == http::error::header_limit) {
        throw wire::transport_error(wire::failure::bad_response,
                              "The response headers from " + who + " are larger than " +
                                  std::to_string(limits.max_header_bytes / 1024u) + " KB.");
    }
    if (is_connection_loss(ec)) {
        if (!parser.got_some()) {
            throw wire::transport_error(wire::failure::connection_closed,
                                  who + " closed the connection before sending a response.", false, true);
        }
        throw wire::transport_error(wire::failure::connection_closed,
                              who + " closed the connection in the middle of the response " +
                                  (parser.is_header_done() ? "body" : "headers") + ".");
    }
    if (ec.category() == http::make_error_code(http::error::bad_version).category()) {
        throw wire::transport_error(wire::failure::bad_response,
                              who + " sent a malformed HTTP response (" + ec.message() + ").", false, !parser.got_some());
    }
    throw wire::transport_error(wire::failure::connection_closed,
                          "Reading the response from " + who + " failed: " + ec.message() + ".", false,
                          !parser.got_some());
}

}  // namespace detail

// Sends `request` and reads the whole response into memory over `stream`,
// which reads and writes synchronously. `guard` is the layer of that stream
// that watches the budget: exchange() arms it with `budget`, and when a read
// or write fails, its interrupted() says whether the budget was the cause.
// `host_field` is the Host header; `server` names the peer in messages.
// Throws transport_error, or std::invalid_argument (before sending) for a
// request that cannot be framed; on any error the stream must not be reused.
template <class Stream, class BudgetGuard>
exchange_result exchange(Stream& stream, BudgetGuard& guard, boost::beast::flat_buffer& buffer,
                         const wire::request& request, std::string_view host_field, std::string_view server,
                         const wire::call_budget& budget, const exchange_limits& limits) {
    namespace http = boost::beast::http;

    wire::wiping_string text;
    if (auto problem = write_request_text(request, host_field, text)) {
        // The layers above refuse such input with their own messages; this
        // is the last line against a request that would smuggle a header.
        throw std::invalid_argument("The request to " + std::string(server) + " cannot be sent: " + *problem + ".");
    }

    guard.arm(budget);
    boost::system::error_code ec;
    const std::size_t sent = boost::asio::write(stream, boost::asio::buffer(text.data(), text.size()), ec);
    if (ec) {
        if (const wire::interruption why = guard.interrupted(); why != wire::interruption::none) {
            detail::throw_interrupted(why, server, budget, "sending the request", sent == 0);
        }
        throw wire::transport_error(wire::failure::connection_closed,
                              "Sending the request to " + std::string(server) + " failed: " + ec.message() + ".",
                              sent == 0);
    }

    // Interim answers (100 Continue, 103 Early Hints) come before the real
    // one; 101 would switch protocols, and goes up to be refused there.
    std::optional<http::response_parser<http::string_body>> parser;
    do {
        parser.emplace();
        parser->body_limit(limits.max_body_bytes);
        parser->header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
        http::read(stream, buffer, *parser, ec);
        // A body that ends when the connection does (HTTP/1.0, no length)
        // ends without TLS close_notify from many servers.
        if (ec == boost::asio::ssl::error::stream_truncated && parser->is_header_done() && parser->need_eof()) {
            parser->put_eof(ec);
        }
        if (ec) {
            if (const wire::interruption why = guard.interrupted(); why != wire::interruption::none) {
                detail::throw_interrupted(why, server, budget, "waiting for the response", false);
            }
            detail::throw_read_failure(ec, *parser, server, limits);
        }
    } while (detail::is_interim(parser->get().result_int()));

    exchange_result result;
    auto& answer = parser->get();
    result.keep_alive = answer.keep_alive();
    result.response.status = static_cast<int>(answer.result_int());
    for (const auto& field : answer) {
        result.response.headers.push_back({std::string(field.name_string()), wire::wiping_string(field.value())});
    }
    result.response.body = std::move(answer.body());
    return result;
}

}  // namespace okta_plugin::transport
