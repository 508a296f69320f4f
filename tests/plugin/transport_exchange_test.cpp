// One HTTP exchange over beast::test::stream: what goes out byte for byte,
// how answers are read, and every way it can fail, without a socket.
#include "transport/http_exchange.hpp"
#include "transport/run_in_slices.hpp"
#include "transport/sync_stream_overloads.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/beast/_experimental/test/stream.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <thread>

namespace transport = okta_plugin::transport;
namespace wire = okta_plugin::wire;
using namespace std::chrono_literals;
using wire::failure;

namespace {

// beast::test::stream with the blocking, budgeted reads and writes that
// exchange() expects of a connection's stream (the plugin's own is
// budgeted_socket, over a real socket): each runs the test stream's
// asynchronous operation until it completes or the budget runs out.
class budgeted_test_stream : public transport::sync_stream_overloads<budgeted_test_stream> {
public:
    using sync_stream_overloads::read_some;
    using sync_stream_overloads::write_some;

    budgeted_test_stream(boost::asio::io_context& io, boost::beast::test::stream& stream) : io_(io), stream_(stream) {}

    void arm(const wire::call_budget& budget) { budget_ = &budget; }
    wire::interruption interrupted() const { return why_; }

    template <class Buffers>
    std::size_t read_some(const Buffers& buffers, boost::system::error_code& ec) {
        return drive(ec, [&](auto handler) { stream_.async_read_some(buffers, handler); });
    }
    template <class Buffers>
    std::size_t write_some(const Buffers& buffers, boost::system::error_code& ec) {
        return drive(ec, [&](auto handler) { stream_.async_write_some(buffers, handler); });
    }

private:
    template <class Start>
    std::size_t drive(boost::system::error_code& ec, Start start) {
        bool done = false;
        std::size_t moved = 0;
        start([&](boost::system::error_code result, std::size_t bytes) {
            ec = result;
            moved = bytes;
            done = true;
        });
        why_ = transport::run_in_slices(io_, done, *budget_, [this] { stream_.close(); });
        if (why_ != wire::interruption::none) {
            ec = boost::asio::error::timed_out;
        }
        return moved;
    }

    boost::asio::io_context& io_;
    boost::beast::test::stream& stream_;
    const wire::call_budget* budget_ = nullptr;
    wire::interruption why_ = wire::interruption::none;
};

// A client stream connected to a scripted server end.
struct exchange_fixture {
    boost::asio::io_context io;
    boost::beast::test::stream client{io};
    boost::beast::test::stream server{io};
    budgeted_test_stream budgeted{io, client};
    boost::beast::flat_buffer buffer;
    transport::exchange_limits limits;

    exchange_fixture() { client.connect(server); }

    // The server's answer, already waiting when the client reads.
    void server_answers(std::string_view bytes) { client.append(bytes); }

    transport::exchange_result run(const wire::request& request,
                                   wire::call_budget budget = within(5s)) {
        return transport::exchange(budgeted, budgeted, buffer, request, "dev-1.okta.com", "dev-1.okta.com:443", budget,
                                   limits);
    }

    // What the client wrote, as the server received it.
    std::string sent() { return std::string(server.str()); }

    static wire::call_budget within(std::chrono::milliseconds budget) {
        wire::call_budget limited;
        limited.deadline = wire::call_budget::clock::now() + budget;
        limited.budget_ms = static_cast<std::uint64_t>(budget.count());
        return limited;
    }

    // The failure `run` throws, or fails the test if it does not throw.
    wire::transport_error failure_of(const wire::request& request,
                                          wire::call_budget budget = within(5s)) {
        try {
            run(request, std::move(budget));
        } catch (const wire::transport_error& error) {
            return error;
        }
        BOOST_FAIL("the exchange succeeded");
        throw std::logic_error("unreachable");
    }
};

wire::request get(std::string target) {
    wire::request request;
    request.target = std::move(target);
    request.headers.push_back({"Accept", "application/json"});
    return request;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(transport_exchange, exchange_fixture)

BOOST_AUTO_TEST_CASE(a_get_is_sent_exactly) {
    server_answers("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]");
    run(get("/api/v1/users?limit=2"));
    BOOST_TEST(sent() == "GET /api/v1/users?limit=2 HTTP/1.1\r\nHost: dev-1.okta.com\r\nAccept: application/json\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(a_post_carries_its_body_and_length) {
    server_answers("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    wire::request request;
    request.verb = wire::method::post;
    request.target = "/api/v1/users?activate=true";
    request.headers.push_back({"Content-Type", "application/json"});
    request.body = R"({"profile":{}})";
    run(request);
    BOOST_TEST(sent() ==
               "POST /api/v1/users?activate=true HTTP/1.1\r\nHost: dev-1.okta.com\r\nContent-Type: application/json\r\n"
               "Content-Length: 14\r\n\r\n{\"profile\":{}}");
}

BOOST_AUTO_TEST_CASE(a_request_that_would_split_the_message_is_not_sent) {
    auto request = get("/api/v1/users");
    request.headers.push_back({"Authorization", "SSWS t\r\nX-Injected: 1"});
    BOOST_CHECK_THROW(run(request), std::invalid_argument);
    BOOST_TEST(sent().empty());
}

BOOST_AUTO_TEST_CASE(the_answer_keeps_status_headers_in_order_and_body) {
    server_answers(
        "HTTP/1.1 200 OK\r\nLink: <https://h/a>; rel=\"self\"\r\nLink: <https://h/b>; rel=\"next\"\r\n"
        "X-Okta-Request-Id: req-1\r\nContent-Length: 9\r\n\r\n[{\"a\":1}]");
    const auto result = run(get("/api/v1/users"));
    BOOST_TEST(result.response.status == 200);
    BOOST_TEST(result.response.body == "[{\"a\":1}]");
    BOOST_TEST(result.response.values("link").size() == 2u);
    BOOST_TEST(result.response.values("Link")[1] == "<https://h/b>; rel=\"next\"");
    BOOST_TEST(result.response.value("x-okta-request-id").value() == "req-1");
    BOOST_TEST(result.keep_alive);
}

BOOST_AUTO_TEST_CASE(chunked_answers_are_read_whole) {
    server_answers("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"e\r\n3\r\n\":1\r\n1\r\n}\r\n0\r\n\r\n");
    const auto result = run(get("/api/v1/users/x"));
    BOOST_TEST(result.response.status == 404);
    BOOST_TEST(result.response.body == "{\"e\":1}");
}

BOOST_AUTO_TEST_CASE(connection_close_is_reported_as_not_reusable) {
    server_answers("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
    BOOST_TEST(!run(get("/x")).keep_alive);
}

BOOST_AUTO_TEST_CASE(a_body_over_the_cap_is_refused) {
    limits.max_body_bytes = 1024;
    server_answers("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n");
    const auto error = failure_of(get("/x"));
    BOOST_TEST(static_cast<int>(error.kind()) == static_cast<int>(wire::failure::too_large));
    BOOST_TEST(std::string(error.what()).find("dev-1.okta.com:443") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(closed_before_any_answer) {
    server.close();
    const auto error = failure_of(get("/x"));
    BOOST_TEST(static_cast<int>(error.kind()) == static_cast<int>(wire::failure::connection_closed));
    BOOST_TEST(error.nothing_received());
    BOOST_TEST(std::string(error.what()) == "dev-1.okta.com:443 closed the connection before sending a response.");
}

BOOST_AUTO_TEST_CASE(closed_in_the_middle_of_the_body) {
    server_answers("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"id\":");
    server.close();
    const auto error = failure_of(get("/x"));
    BOOST_TEST(static_cast<int>(error.kind()) == static_cast<int>(wire::failure::connection_closed));
    BOOST_TEST(!error.nothing_received());
    BOOST_TEST(std::string(error.what()).find("in the middle of the response body") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(not_http_at_all) {
    server_answers("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    const auto error = failure_of(get("/x"));
    BOOST_TEST(static_cast<int>(error.kind()) == static_cast<int>(wire::failure::bad_response));
}

BOOST_AUTO_TEST_CASE(a_silent_server_times_out_at_the_deadline) {
    const auto started = std::chrono::steady_clock::now();
    const auto error = failure_of(get("/x"), within(300ms));
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST(static_cast<int>(error.kind()) == static_cast<int>(wire::failure::timeout));
    BOOST_TEST(std::string(error.what()) ==
               "The request to dev-1.okta.com:443 timed out after 300 ms while waiting for the response.");
    BOOST_TEST((took >= 300ms && took < 2s));
}

BOOST_AUTO_TEST_CASE(cancellation_is_noticed_within_100_ms) {
    std::atomic<bool> cancel{false};
    auto budget = within(10s);
    budget.is_cancelled = [&cancel] { return cancel.load(); };
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(200ms);
        cancel = true;
    });
    const auto started = std::chrono::steady_clock::now();
    const auto error = failure_of(get("/x"), budget);
    const auto took = std::chrono::steady_clock::now() - started;
    canceller.join();
    BOOST_TEST(static_cast<int>(error.kind()) == static_cast<int>(wire::failure::cancelled));
    BOOST_TEST((took < 200ms + 150ms));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(transport_interim_answers, exchange_fixture)

BOOST_AUTO_TEST_CASE(interim_answers_are_skipped_for_the_final_one) {
    server_answers(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]");
    const auto result = run(get("/api/v1/users"));
    BOOST_TEST(result.response.status == 200);
    BOOST_TEST(result.response.body == "[]");
}

BOOST_AUTO_TEST_SUITE_END()
