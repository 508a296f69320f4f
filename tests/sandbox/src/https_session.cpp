#include "https_session.hpp"

#include "admin_api.hpp"
#include "fault_responses.hpp"
#include "okta_api.hpp"
#include "oauth_token_endpoint.hpp"
#include "okta_error.hpp"
#include "utf8_text.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <cstdio>
#include <sstream>
#include <vector>

namespace okta_sandbox {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace {

constexpr std::size_t stream_piece_size = 64 * 1024;
constexpr std::string_view oversized_prefix = R"({"padding":")";
constexpr std::string_view oversized_suffix = R"("})";

std::string head_text(const http_response& response) {
  std::ostringstream text;
  text << response.base();
  return text.str();
}

std::string chunk(std::string_view data) {
  std::ostringstream text;
  text << std::hex << data.size() << "\r\n" << data << "\r\n";
  return text.str();
}

http_response error_response(const okta_error& error, unsigned version) {
  http_response response{static_cast<http::status>(error.status), version};
  add_okta_headers(response);
  response.set(http::field::content_type, "application/json");
  response.body() = boost::json::serialize(okta_error_body(error));
  response.keep_alive(false);
  response.prepare_payload();
  return response;
}

}  // namespace

https_session::https_session(net::ip::tcp::socket&& socket, net::ssl::context& tls, sandbox_state& state,
                             const server_settings& settings)
    : stream_(std::move(socket), tls), timer_(stream_.get_executor()), state_(state), settings_(settings) {
  state_.connections.opened();
}

https_session::~https_session() {
  release_slot();
  state_.connections.closed();
}

void https_session::release_slot() {
  if (!holds_slot_) return;
  holds_slot_ = false;
  state_.leave();
}

void https_session::run() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    beast::get_lowest_layer(self->stream_).expires_after(self->settings_.idle_timeout);
    self->stream_.async_handshake(net::ssl::stream_base::server,
                                  beast::bind_front_handler(&https_session::on_handshake, self));
  });
}

void https_session::on_handshake(beast::error_code ec) {
  if (ec) return;  // the client gave up, or does not trust our CA: nothing to answer
  read_request();
}

void https_session::read_request() {
  request_ = {};
  parser_.emplace();
  // Bodies up to the hard limit are read in full even when too large, so the
  // client gets its 413 instead of a connection reset mid-upload.
  parser_->body_limit(settings_.body_hard_limit);
  parser_->header_limit(settings_.header_limit);
  beast::get_lowest_layer(stream_).expires_after(settings_.idle_timeout);
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&https_session::on_read, shared_from_this()));
}

void https_session::on_read(beast::error_code ec, std::size_t) {
  if (ec == http::error::body_limit) return send(error_response(errors::body_too_large(), 11));
  if (ec == http::error::header_limit) {
    return send(error_response({431, "E0000003", "The request headers are too large.", {}}, 11));
  }
  if (ec == http::error::end_of_stream) return close_gracefully();
  if (ec) {
    // A request we could not parse is answered; a dead, silent or half-sent one is dropped.
    const bool unparseable = ec.category() == http::make_error_code(http::error::bad_target).category() &&
                             ec != http::error::partial_message;
    if (unparseable) return send(error_response(errors::malformed_body(), 11));
    return drop_connection();
  }
  request_ = parser_->release();
  if (request_.body().size() > settings_.body_limit) {
    http_response too_large = error_response(errors::body_too_large(), request_.version());
    too_large.keep_alive(request_.keep_alive());
    return send(std::move(too_large));
  }
  handle_request();
}

void https_session::handle_request() {
  try {
    const std::string_view target = request_.target();
    if (target.substr(0, admin_path_prefix.size()) == admin_path_prefix) {
      return send(answer_admin_request(state_, request_, request_origin(request_, settings_.fallback_origin)));
    }
    logged_request entry{std::string(request_.method_string()), std::string(target), {}, request_.body()};
    for (const auto& field : request_) entry.headers.emplace_back(ascii_lower(field.name_string()), std::string(field.value()));
    token_request_ = is_token_endpoint(target);
    // In flight from here until the answer is written or the connection drops.
    // The slot is taken before the request shows in the log, so a logged request is in flight.
    // Okta's concurrency limit is the API's: token requests do not count against it.
    holds_slot_ = !token_request_ && state_.try_enter();
    state_.log.append(std::move(entry));
    if (!token_request_ && !holds_slot_) return send(answer_over_concurrency_limit(state_, request_));
    if (const auto f = state_.faults.take(token_request_ ? fault_endpoint::token : fault_endpoint::api)) return play_fault(*f);
    send(okta_answer(true));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "okta-sandbox: internal error answering %s: %s\n", std::string(request_.target()).c_str(), e.what());
    send(error_response(errors::server_error(500), request_.version()));
  }
}

http_response https_session::okta_answer(bool record) {
  // Token answers are not in the Management API spec, so never recorded for its check.
  if (token_request_) return answer_token_request(state_.oauth, request_, request_origin(request_, settings_.fallback_origin));
  return answer_okta_request(state_, request_, request_origin(request_, settings_.fallback_origin), record);
}

void https_session::play_fault(const fault& f) {
  log_outcome("fault " + std::string(to_string(f.kind)));
  switch (f.kind) {
    case fault_kind::delay:
      timer_.expires_after(std::chrono::milliseconds(f.delay_ms));
      timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec) self->send(self->okta_answer(true));
      });
      return;
    case fault_kind::close_before_response: return drop_connection();
    case fault_kind::close_mid_body: {
      // The request is carried out; only its answer is lost, half-way through.
      http_response answer = okta_answer(false);
      const std::string body = answer.body();
      answer.chunked(true);
      raw_ = head_text(answer) + (body.empty() ? std::string() : chunk(std::string_view(body).substr(0, body.size() / 2)));
      return send_raw_then_close(std::move(raw_), false);
    }
    case fault_kind::truncated_body: {
      http_response answer = okta_answer(false);
      const std::string body = answer.body();
      answer.content_length(body.size() + 64);
      return send_raw_then_close(head_text(answer) + body, true);
    }
    case fault_kind::oversized: {
      http_response head{http::status::ok, request_.version()};
      add_okta_headers(head);
      head.set(http::field::content_type, "application/json");
      const std::uint64_t total = std::max<std::uint64_t>(f.size_bytes + 1, oversized_prefix.size() + oversized_suffix.size());
      if (f.chunked) head.chunked(true);
      else head.content_length(total);
      raw_ = head_text(head);
      raw_ += f.chunked ? chunk(oversized_prefix) : std::string(oversized_prefix);
      const std::uint64_t filler = total - oversized_prefix.size() - oversized_suffix.size();
      beast::get_lowest_layer(stream_).expires_after(settings_.idle_timeout);
      net::async_write(stream_, net::buffer(raw_), [self = shared_from_this(), filler, chunked = f.chunked](beast::error_code ec, std::size_t) {
        if (ec) return self->drop_connection();
        self->stream_oversized(filler, chunked);
      });
      return;
    }
    case fault_kind::foreign_link: {
      // A client that followed it would hand its token to another server.
      http_response answer = okta_answer(true);
      answer.erase(http::field::link);
      answer.insert(http::field::link, "<" + f.location + ">; rel=\"next\"");
      return send(std::move(answer));
    }
    case fault_kind::link_cycle: return send(with_cycling_next_link(okta_answer(true)));
    case fault_kind::interim_100:
      raw_ = "HTTP/1.1 100 Continue\r\n\r\n";
      beast::get_lowest_layer(stream_).expires_after(settings_.idle_timeout);
      net::async_write(stream_, net::buffer(raw_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) return self->drop_connection();
        self->send(self->okta_answer(true));
      });
      return;
    case fault_kind::close_delimited: {
      // The body's end is the connection's end: no Content-Length, no chunking.
      http_response answer = okta_answer(true);
      const std::string body = answer.body();
      answer.version(10);
      answer.erase(http::field::content_length);
      answer.erase(http::field::connection);
      return send_raw_then_close(head_text(answer) + body, true);
    }
    default: return send(fault_response(f, request_, state_.limiter.limits()));
  }
}

http_response https_session::with_cycling_next_link(http_response answer) const {
  // The first page (no `after`) keeps its real next link to the second; every
  // later page, and a lone first page, links back to the first: A -> B -> A.
  const auto url = boost::urls::parse_origin_form(request_.target());
  if (!url || answer.find(http::field::link) == answer.end()) return answer;
  boost::urls::url first(*url);
  first.params().erase("after");
  const bool is_first = !url->params().contains("after");
  bool has_next = false;
  std::vector<std::string> kept;
  const auto [first_field, last_field] = answer.equal_range(http::field::link);
  for (auto field = first_field; field != last_field; ++field) {
    if (field->value().find("rel=\"next\"") != std::string_view::npos) has_next = true;
    else kept.emplace_back(field->value());
  }
  if (is_first && has_next) return answer;
  answer.erase(http::field::link);
  for (const auto& field : kept) answer.insert(http::field::link, field);
  const std::string origin = request_origin(request_, settings_.fallback_origin);
  answer.insert(http::field::link, "<" + origin + std::string(first.encoded_target()) + ">; rel=\"next\"");
  return answer;
}

void https_session::stream_oversized(std::uint64_t remaining, bool chunked) {
  if (remaining == 0) {
    raw_ = chunked ? chunk(oversized_suffix) + "0\r\n\r\n" : std::string(oversized_suffix);
    return send_raw_then_close(std::move(raw_), true);
  }
  const std::size_t piece = static_cast<std::size_t>(std::min<std::uint64_t>(remaining, stream_piece_size));
  const std::string filler(piece, 'x');
  raw_ = chunked ? chunk(filler) : filler;
  beast::get_lowest_layer(stream_).expires_after(settings_.idle_timeout);
  net::async_write(stream_, net::buffer(raw_), [self = shared_from_this(), remaining, piece, chunked](beast::error_code ec, std::size_t) {
    if (ec) return self->drop_connection();  // the client stopped reading: that is the point
    self->stream_oversized(remaining - piece, chunked);
  });
}

void https_session::send(http_response response) {
  log_outcome(std::to_string(response.result_int()));
  close_after_write_ = !response.keep_alive();
  response_.emplace(std::move(response));
  beast::get_lowest_layer(stream_).expires_after(settings_.idle_timeout);
  http::async_write(stream_, *response_, beast::bind_front_handler(&https_session::on_sent, shared_from_this()));
}

void https_session::on_sent(beast::error_code ec, std::size_t) {
  response_.reset();
  release_slot();
  if (ec) return drop_connection();
  if (close_after_write_) return close_gracefully();
  read_request();
}

void https_session::send_raw_then_close(std::string bytes, bool graceful) {
  raw_ = std::move(bytes);
  beast::get_lowest_layer(stream_).expires_after(settings_.idle_timeout);
  net::async_write(stream_, net::buffer(raw_), [self = shared_from_this(), graceful](beast::error_code ec, std::size_t) {
    if (ec || !graceful) return self->drop_connection();
    self->close_gracefully();
  });
}

void https_session::close_gracefully() {
  beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
  stream_.async_shutdown([self = shared_from_this()](beast::error_code) { self->drop_connection(); });
}

void https_session::drop_connection() {
  release_slot();
  beast::error_code ignored;
  auto& socket = beast::get_lowest_layer(stream_).socket();
  socket.shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

void https_session::log_outcome(std::string_view outcome) const {
  if (!settings_.log_requests) return;
  std::fprintf(stderr, "okta-sandbox: %s %s -> %.*s\n", std::string(request_.method_string()).c_str(),
               std::string(request_.target()).c_str(), static_cast<int>(outcome.size()), outcome.data());
}

}  // namespace okta_sandbox
