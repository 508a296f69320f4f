// A wire::sender that plays a script, in the manner of Boost.MySQL's scripted
// exchanges: each step names the request the client must send next and what
// Okta answers it, or the transport failure that happens instead. A request
// off the script fails the test; a script not used up fails it at the end.
//
// What the client sent is kept in wiping storage only, so the secret-wiping
// suite can run this sender without it leaving copies of its own.
#pragma once

#include "wire/http_message.hpp"
#include "wire/sender.hpp"
#include "wire/transport_error.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstddef>
#include <ctime>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace okta_plugin::test {

namespace wire = okta_plugin::wire;

// A transport failure instead of an answer. `nothing_sent`: the request
// never left, so Okta cannot have carried it out.
struct transport_failure {
    wire::failure kind = wire::failure::connection_closed;
    bool nothing_sent = false;
};

// Okta's Date header for an epoch second, as RFC 9110 writes it.
inline std::string http_date(std::int64_t epoch) {
    const std::time_t time = static_cast<std::time_t>(epoch);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[64];
    const std::size_t size = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return std::string(text, size);
}

inline std::int64_t epoch_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A canned answer, built up one part at a time.
struct canned {
    wire::response response;

    explicit canned(int status, std::string body = {}) {
        response.status = status;
        response.body = std::move(body);
        header("X-Okta-Request-Id", "req-" + std::to_string(status));
    }
    canned& header(std::string name, std::string_view value) {
        response.headers.push_back({std::move(name), wire::wiping_string(value)});
        return *this;
    }
    canned& dated(std::int64_t epoch) { return header("Date", http_date(epoch)); }
    canned& next_link(std::string_view target) {
        return header("Link", "<https://dev-1.okta.com" + std::string(target) + ">; rel=\"next\"");
    }
};

// What the client sent, as the sender received it.
struct sent_request {
    wire::method verb = wire::method::get;
    std::string target;
    wire::wiping_string body;
    bool authorised = false;  // carried an Authorization header
    std::vector<wire::header> headers;

    // The first header named `name` (exact case), if it was sent.
    std::optional<std::string_view> header(std::string_view name) const {
        for (const auto& field : headers) {
            if (field.name == name) {
                return std::string_view(field.value.data(), field.value.size());
            }
        }
        return std::nullopt;
    }
};

class scripted_sender final : public wire::sender {
public:
    using outcome = std::variant<canned, transport_failure>;

    struct step {
        wire::method verb;
        std::string target;
        outcome result;
        std::vector<std::string> body_fragments;

        // The body must hold `fragment` (a part of the JSON the client sends).
        step& with_body(std::string fragment) {
            body_fragments.push_back(std::move(fragment));
            return *this;
        }
    };

    step& expect(wire::method verb, std::string target, outcome result) {
        script_.push_back(step{verb, std::move(target), std::move(result), {}});
        return script_.back();
    }

    wire::response send(const wire::endpoint& server, const wire::request& request,
                        const wire::call_budget&) override {
        sent_.push_back(record(request));
        BOOST_TEST(server.host == "dev-1.okta.com");
        if (next_ >= script_.size()) {
            BOOST_ERROR("unexpected request after the script ended: " << describe(request));
            throw wire::transport_error(wire::failure::bad_response, "off the script", true);
        }
        const step& expected = script_[next_++];
        if (request.verb != expected.verb || request.target != expected.target) {
            BOOST_ERROR("request " << next_ << " is " << describe(request) << ", the script expects "
                                   << wire::method_name(expected.verb) << " " << expected.target);
        }
        for (const auto& fragment : expected.body_fragments) {
            BOOST_TEST(request.body.find(fragment) != wire::wiping_string::npos,
                       "request " << next_ << " body lacks " << fragment);
        }
        if (const auto* failure = std::get_if<transport_failure>(&expected.result)) {
            throw wire::transport_error(failure->kind, "scripted transport failure", failure->nothing_sent);
        }
        return std::get<canned>(expected.result).response;
    }

    std::size_t steps_left() const noexcept { return script_.size() - next_; }
    const std::vector<sent_request>& sent() const noexcept { return sent_; }

    std::size_t count(wire::method verb, std::string_view target) const {
        std::size_t found = 0;
        for (const auto& request : sent_) {
            found += request.verb == verb && request.target == target ? 1 : 0;
        }
        return found;
    }

private:
    static sent_request record(const wire::request& request) {
        sent_request copy{request.verb, request.target, request.body, false, request.headers};
        for (const auto& header : request.headers) {
            copy.authorised = copy.authorised || header.name == "Authorization";
        }
        return copy;
    }
    static std::string describe(const wire::request& request) {
        return std::string(wire::method_name(request.verb)) + " " + request.target;
    }

    std::vector<step> script_;
    std::size_t next_ = 0;
    std::vector<sent_request> sent_;
};

}  // namespace okta_plugin::test
