#include "redis/redis_connection.hpp"

#include "transport/run_in_slices.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/write.hpp>

#include <hiredis/hiredis.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <array>
#include <cstdlib>

namespace okta_plugin::redis {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;

namespace {

// A reply longer than any the budget's scripts send comes from a broken
// or hostile server: not something to keep reading.
constexpr std::size_t max_reply_bytes = 64 * 1024;

bool is_ip_literal(const std::string& host) {
    boost::system::error_code ec;
    net::ip::make_address(host, ec);
    return !ec;
}

wire::redis_reply converted(const redisReply& reply) {
    wire::redis_reply out;
    switch (reply.type) {
        case REDIS_REPLY_STATUS: out.type = wire::redis_reply::kind::status; break;
        case REDIS_REPLY_ERROR: out.type = wire::redis_reply::kind::error; break;
        case REDIS_REPLY_INTEGER: out.type = wire::redis_reply::kind::integer; break;
        case REDIS_REPLY_STRING: out.type = wire::redis_reply::kind::text; break;
        case REDIS_REPLY_ARRAY: out.type = wire::redis_reply::kind::array; break;
        default: out.type = wire::redis_reply::kind::nil; break;
    }
    if (reply.type == REDIS_REPLY_INTEGER) {
        out.integer = reply.integer;
    } else if (reply.str != nullptr) {
        out.text.assign(reply.str, reply.len);
    }
    for (std::size_t i = 0; reply.type == REDIS_REPLY_ARRAY && i < reply.elements; ++i) {
        out.elements.push_back(converted(*reply.element[i]));
    }
    return out;
}

}  // namespace

redis_connection::redis_connection(const wire::redis_address& server, std::shared_ptr<ssl::context> tls)
    : tls_(std::move(tls)),
      reader_(redisReaderCreate()),
      server_(server.display()),
      user_(server.user),
      password_(server.password.reveal()),
      database_(server.database),
      extra_ca_pem_(server.extra_ca_pem) {
    if (reader_ == nullptr) {
        throw std::bad_alloc();
    }
    if (tls_) {
        secure_.emplace(io_, *tls_);
    } else {
        plain_.emplace(io_);
    }
}

redis_connection::~redis_connection() {
    boost::system::error_code ignored;
    socket().socket().close(ignored);
    redisReaderFree(reader_);
}

bool redis_connection::serves(const wire::redis_address& server) const {
    return server.display() == server_ && server.user == user_ && server.password.reveal() == password_.reveal() &&
           server.extra_ca_pem == extra_ca_pem_;
}

void redis_connection::fail(const std::string& what) const {
    throw wire::redis_unavailable("Redis at " + server_ + ": " + what);
}

template <class Operation>
std::size_t redis_connection::on_stream(Operation&& operation) {
    boost::system::error_code ec;
    const std::size_t done = secure_ ? operation(*secure_, ec) : operation(*plain_, ec);
    if (const auto why = socket().interrupted(); why != wire::interruption::none) {
        fail(why == wire::interruption::cancelled ? "the call was cancelled" : "no answer in time");
    }
    if (ec) {
        fail(ec == net::error::eof ? "the server closed the connection" : ec.message());
    }
    return done;
}

void redis_connection::open(const wire::redis_address& server, const wire::call_budget& budget) {
    auto& raw = socket().socket();
    bool done = false;
    boost::system::error_code ec;
    tcp::resolver resolver(io_);
    tcp::resolver::results_type addresses;
    resolver.async_resolve(server.host, std::to_string(server.port),
                           [&](boost::system::error_code result, tcp::resolver::results_type found) {
                               ec = result;
                               addresses = std::move(found);
                               done = true;
                           });
    if (transport::run_in_slices(io_, done, budget, [&] { resolver.cancel(); }) != wire::interruption::none) {
        fail("resolving the host name took too long");
    }
    if (ec) {
        fail("could not resolve the host name (" + ec.message() + ")");
    }
    done = false;
    net::async_connect(raw, addresses, [&](boost::system::error_code result, const tcp::endpoint&) {
        ec = result;
        done = true;
    });
    if (transport::run_in_slices(io_, done, budget, [&] { raw.close(); }) != wire::interruption::none) {
        fail("connecting took too long");
    }
    if (ec) {
        fail(ec == net::error::connection_refused ? "connection refused" : "could not connect (" + ec.message() + ")");
    }
    boost::system::error_code ignored;
    raw.set_option(tcp::no_delay(true), ignored);
    raw.non_blocking(true, ec);
    if (ec) {
        fail("could not set up the connection (" + ec.message() + ")");
    }
    socket().arm(budget);
    if (secure_) {
        SSL* handle = secure_->native_handle();
        const bool set = is_ip_literal(server.host)
                             ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(handle), server.host.c_str()) == 1
                             : (SSL_ctrl(handle, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                                         const_cast<char*>(server.host.c_str())) == 1 &&
                                SSL_set1_host(handle, server.host.c_str()) == 1);
        if (!set) {
            fail("could not set up the certificate check");
        }
        secure_->set_verify_mode(ssl::verify_peer);
        secure_->handshake(ssl::stream_base::client, ec);
        if (socket().interrupted() != wire::interruption::none) {
            fail("the TLS handshake took too long");
        }
        if (ec) {
            const long verified = SSL_get_verify_result(handle);
            fail(verified != X509_V_OK ? std::string("TLS certificate verify failed: ") +
                                             X509_verify_cert_error_string(verified)
                                       : "TLS handshake failed (" + ec.message() + ")");
        }
        ERR_clear_error();
    }
    if (!password_.empty()) {
        std::vector<std::string_view> auth{"AUTH"};
        if (!user_.empty()) {
            auth.push_back(user_);
        }
        auth.push_back(password_.reveal());
        const wire::redis_reply answer = command(auth, budget, true);
        if (answer.type == wire::redis_reply::kind::error) {
            // Redis's own words ("WRONGPASS invalid username-password pair") never hold the password.
            fail("AUTH refused: " + answer.text.substr(0, 200));
        }
    }
    if (database_ != 0) {
        const std::string number = std::to_string(database_);
        const wire::redis_reply answer = command({"SELECT", number}, budget);
        if (answer.type == wire::redis_reply::kind::error) {
            fail("SELECT " + number + " refused: " + answer.text.substr(0, 200));
        }
    }
}

wire::redis_reply redis_connection::run(const std::vector<std::string>& arguments, const wire::call_budget& budget) {
    std::vector<std::string_view> views(arguments.begin(), arguments.end());
    return command(views, budget);
}

wire::redis_reply redis_connection::command(const std::vector<std::string_view>& arguments,
                                            const wire::call_budget& budget, bool secret) {
    std::vector<const char*> pointers;
    std::vector<std::size_t> lengths;
    for (const auto argument : arguments) {
        pointers.push_back(argument.data());
        lengths.push_back(argument.size());
    }
    char* formatted = nullptr;
    const int size = redisFormatCommandArgv(&formatted, static_cast<int>(pointers.size()), pointers.data(),
                                            lengths.data());
    if (size < 0 || formatted == nullptr) {
        throw std::bad_alloc();
    }
    struct release {
        char* bytes;
        std::size_t size;
        bool wipe;
        ~release() {
            if (wipe) {
                OPENSSL_cleanse(bytes, size);
            }
            redisFreeCommand(bytes);
        }
    } owned{formatted, static_cast<std::size_t>(size), secret};
    socket().arm(budget);
    send_formatted(formatted, owned.size, budget);
    return receive(budget);
}

void redis_connection::send_formatted(const char* bytes, std::size_t size, const wire::call_budget&) {
    on_stream([&](auto& stream, boost::system::error_code& ec) {
        return net::write(stream, net::buffer(bytes, size), ec);
    });
}

wire::redis_reply redis_connection::receive(const wire::call_budget&) {
    std::array<char, 4096> chunk{};
    std::size_t received = 0;
    for (;;) {
        void* parsed = nullptr;
        if (redisReaderGetReply(reader_, &parsed) != REDIS_OK) {
            fail("the server broke the protocol");
        }
        if (parsed != nullptr) {
            const wire::redis_reply reply = converted(*static_cast<redisReply*>(parsed));
            freeReplyObject(parsed);
            return reply;
        }
        const std::size_t got = on_stream([&](auto& stream, boost::system::error_code& ec) {
            return stream.read_some(net::buffer(chunk), ec);
        });
        received += got;
        if (received > max_reply_bytes) {
            fail("the reply is larger than any the rate budget expects");
        }
        if (redisReaderFeed(reader_, chunk.data(), got) != REDIS_OK) {
            fail("the server broke the protocol");
        }
    }
}

}  // namespace okta_plugin::redis
