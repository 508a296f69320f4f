// Transport failures end to end (each a 500 with its own ErrorCode), the
// connection pool, deadlines, cancellation and concurrent calls.
#include "okta_bench.hpp"

#include "transport/https_client.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

using namespace okta_it;
using namespace std::chrono_literals;

namespace {

// A sandbox that closes a connection after one silent second, as servers
// and load balancers do with idle keep-alive connections.
okta_sandbox::process& impatient_sandbox() {
    static okta_sandbox::process instance({"--idle-timeout-seconds", "1", "--quiet"});
    return instance;
}

okta_plugin::wire::request to_impatient_sandbox(okta_plugin::wire::method verb, std::string target,
                                                          std::string body = {}) {
    okta_plugin::wire::request request;
    request.verb = verb;
    request.target = std::move(target);
    request.headers.push_back({"Authorization", okta_plugin::wire::wiping_string("SSWS " + impatient_sandbox().token())});
    if (!body.empty()) {
        request.headers.push_back({"Content-Type", okta_plugin::wire::wiping_string("application/json")});
        request.body = okta_plugin::wire::wiping_string(body);
    }
    return request;
}

std::size_t requests_with_method(const json::array& requests, std::string_view verb) {
    return static_cast<std::size_t>(std::count_if(
        requests.begin(), requests.end(), [&](const json::value& request) { return method_of(request) == verb; }));
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(transport, bench)

BOOST_AUTO_TEST_CASE(a_slow_answer_times_out_at_the_deadline) {
    admin().inject(json::object{{"count", 1}, {"kind", "delay"}, {"delayMs", 3000}});
    const auto result = run("okta.user.get", json::object{{"UserId", "00u1"}}, sandbox_credentials(), 1000ms);
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_TRANSPORT_TIMEOUT");
    BOOST_TEST(result.message() == "The request to 127.0.0.1:" + std::to_string(sandbox().port()) +
                                       " timed out after 1000 ms while waiting for the response.");
    BOOST_TEST(result.output.at("Retryable").as_bool());  // for the engine, later; no time left here
    BOOST_TEST(requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(cancellation_ends_the_call_promptly) {
    admin().inject(json::object{{"count", 1}, {"kind", "delay"}, {"delayMs", 5000}});
    std::atomic<bool> cancel{false};
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(300ms);
        cancel = true;
    });
    wfn::host::run_options options;
    options.is_cancelled = [&cancel] { return cancel.load(); };
    const auto started = std::chrono::steady_clock::now();
    const auto output = host().run("okta.user.get", R"({"UserId": "00u1"})", json::serialize(sandbox_credentials()), options);
    const auto took = std::chrono::steady_clock::now() - started;
    canceller.join();
    BOOST_TEST(output.at("StatusCode").as_int64() == 500);
    BOOST_TEST(output.at("ErrorCode").as_string() == "WFN_CANCELLED");
    BOOST_TEST((took < 1500ms));
}

BOOST_AUTO_TEST_CASE(a_connection_closed_before_the_answer) {
    admin().inject(json::object{{"count", 2}, {"kind", "close_before_response"}});
    const auto result = run("okta.user.get", json::object{{"UserId", "00u1"}, {"MaxRetries", 0}});
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_CONNECTION_CLOSED");
    BOOST_TEST(result.message().find("closed the connection before sending a response") != std::string::npos,
               result.message());
    BOOST_TEST(result.output.at("Retryable").as_bool());
    BOOST_TEST(!result.output.contains("RateLimitReset"));
}

BOOST_AUTO_TEST_CASE(a_get_whose_connection_drops_is_retried_with_backoff) {
    admin().inject(json::object{{"count", 2}, {"kind", "close_before_response"}});
    const auto result = run("okta.user.list", json::object{});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(!result.output.at("Retryable").as_bool());
    BOOST_TEST(requests().size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_get_on_a_connection_closed_meanwhile_is_sent_again_on_a_fresh_one) {
    BOOST_TEST_REQUIRE(run("okta.user.list", json::object{}).status() == 200);  // leaves a kept-alive connection
    admin().inject(json::object{{"count", 1}, {"kind", "close_before_response"}});
    const auto result = run("okta.user.list", json::object{});
    BOOST_TEST(result.status() == 200, result.message());
}

BOOST_AUTO_TEST_CASE(a_connection_the_server_closed_right_after_its_answer_is_not_reused) {
    // The close_notify reaches the plugin with (or just after) the answer, so
    // the TLS engine may hold it while the socket itself looks quiet.
    const std::string user = seeded_user();
    const std::string group(admin().create_group("Closers").at("id").as_string());
    const json::object membership{{"GroupId", group}, {"UserId", user}, {"MaxRetries", 0}};
    for (int round = 0; round < 5; ++round) {
        admin().inject(json::object{{"count", 1}, {"kind", "truncated_body"}});  // a 204, then the close
        BOOST_TEST_REQUIRE(run("okta.group.addUser", membership).status() == 204);
        admin().clear_requests();
        // A PUT is not sent twice, so it must not go out on the closed connection.
        const auto result = run("okta.group.addUser", membership);
        BOOST_TEST(result.status() == 204, result.message());
        BOOST_TEST(requests().size() == 1u);
    }
}

BOOST_AUTO_TEST_CASE(a_delete_is_never_sent_twice) {
    const std::string id = seeded_user();
    BOOST_TEST_REQUIRE(run("okta.user.list", json::object{}).status() == 200);
    admin().clear_requests();
    admin().inject(json::object{{"count", 1}, {"kind", "close_before_response"}});
    const auto result = run("okta.user.delete", json::object{{"UserId", id}, {"DeactivateOnly", true}});
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_CONNECTION_CLOSED");
    BOOST_TEST(requests().size() == 1u);
    // Running it again could delete a user the lost DELETE deactivated.
    BOOST_TEST(!result.output.at("Retryable").as_bool());
    BOOST_TEST(result.message().find("check the user's status") != std::string::npos, result.message());
}

BOOST_AUTO_TEST_CASE(a_body_cut_short) {
    for (const char* kind : {"close_mid_body", "truncated_body"}) {
        BOOST_TEST_CONTEXT(kind) {
            admin().inject(json::object{{"count", 1}, {"kind", kind}});
            const auto result = run("okta.user.list", json::object{{"MaxRetries", 0}});
            BOOST_TEST(result.status() == 500);
            BOOST_TEST(result.code() == "WFN_CONNECTION_CLOSED");
            BOOST_TEST(result.message().find("in the middle of the response") != std::string::npos, result.message());
        }
    }
}

BOOST_AUTO_TEST_CASE(answers_that_are_not_what_okta_sends) {
    admin().inject(json::object{{"count", 1}, {"kind", "malformed_json"}});
    auto result = run("okta.user.list", json::object{});
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_BAD_RESPONSE");
    BOOST_TEST(result.message().find("not valid JSON") != std::string::npos, result.message());

    admin().inject(json::object{{"count", 1}, {"kind", "unexpected_shape"}, {"body", json::array{1, 2}}});
    result = run("okta.user.get", json::object{{"UserId", "00u1"}});
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_BAD_RESPONSE");
}

BOOST_AUTO_TEST_CASE(an_oversized_answer_is_refused) {
    admin().inject(json::object{{"count", 1}, {"kind", "oversized"}});
    const auto result = run("okta.user.list", json::object{});
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_RESPONSE_TOO_LARGE");
    BOOST_TEST(result.message().find("larger than the 64 MB limit") != std::string::npos, result.message());
}

BOOST_AUTO_TEST_CASE(server_errors_keep_their_status) {
    admin().inject(json::object{{"count", 1}, {"kind", "status"}, {"status", 503}});
    auto result = run("okta.user.list", json::object{{"MaxRetries", 0}});
    BOOST_TEST(result.status() == 503);
    BOOST_TEST(result.code().rfind("WFN_", 0) != 0);  // Okta's own, not a transport failure
    BOOST_TEST(result.output.at("Retryable").as_bool());

    admin().inject(json::object{{"count", 1}, {"kind", "status"}, {"status", 502}, {"html", true}});
    result = run("okta.user.list", json::object{{"MaxRetries", 0}});
    BOOST_TEST(result.status() == 502);
    BOOST_TEST(result.code() == "");
    BOOST_TEST(result.message().find("answered 502 without an Okta error body") != std::string::npos, result.message());
}

BOOST_AUTO_TEST_CASE(temporary_server_errors_are_retried_up_to_max_retries) {
    admin().inject(json::object{{"count", 2}, {"kind", "status"}, {"status", 503}});
    auto result = run("okta.user.list", json::object{});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(requests().size() == 3u);

    admin().clear_requests();
    admin().inject(json::object{{"count", 3}, {"kind", "status"}, {"status", 500}});
    result = run("okta.user.list", json::object{{"MaxRetries", 1}});
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.output.at("Retryable").as_bool());
    BOOST_TEST(requests().size() == 2u);
    admin().clear_faults();
}

BOOST_AUTO_TEST_CASE(a_501_is_final) {
    admin().inject(json::object{{"count", 1}, {"kind", "status"}, {"status", 501}});
    const auto result = run("okta.user.list", json::object{});
    BOOST_TEST(result.status() == 501);
    BOOST_TEST(!result.output.at("Retryable").as_bool());
    BOOST_TEST(requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_update_is_retried_after_a_server_error_because_it_is_idempotent) {
    const std::string id = seeded_user();
    admin().inject(json::object{{"count", 1}, {"kind", "status"}, {"status", 504}});
    const auto result = run("okta.user.update", json::object{{"UserId", id}, {"FirstName", "Again"}});
    BOOST_TEST(result.status() == 200, result.message());
    BOOST_TEST(result.user().at("profile").at("firstName").as_string() == "Again");
    const auto sent = requests();
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    BOOST_TEST(method_of(sent.at(0)) == "POST");
    BOOST_TEST(method_of(sent.at(1)) == "POST");
}

BOOST_AUTO_TEST_CASE(nothing_listening) {
    auto credentials = sandbox_credentials();
    credentials["Domain"] = "https://127.0.0.1:1";
    const auto result = run("okta.user.list", json::object{}, credentials);
    BOOST_TEST(result.status() == 500);
    BOOST_TEST(result.code() == "WFN_CONNECT_FAILED");
    BOOST_TEST(result.message() == "Connection refused by 127.0.0.1:1.");
    BOOST_TEST(result.output.at("Retryable").as_bool());
}

BOOST_AUTO_TEST_CASE(connections_are_kept_alive_and_reused) {
    okta_plugin::transport::https_client client;
    okta_plugin::wire::endpoint server{"127.0.0.1", sandbox().port(), read_file(sandbox().ca_file())};
    okta_plugin::wire::call_budget budget;
    budget.deadline = std::chrono::steady_clock::now() + 10s;
    budget.budget_ms = 10000;
    for (int i = 0; i < 3; ++i) {
        okta_plugin::wire::request request;
        request.target = "/api/v1/users";
        request.headers.push_back({"Authorization", okta_plugin::wire::wiping_string("SSWS " + sandbox().token())});
        const auto response = client.send(server, request, budget);
        BOOST_TEST(response.status == 200);
        BOOST_TEST(client.idle_connections(server) == 1u);
    }
}

BOOST_AUTO_TEST_CASE(idle_connections_the_server_closed_are_replaced_without_a_failure_or_a_second_create) {
    using okta_plugin::wire::method;
    okta_plugin::transport::https_client client;
    okta_plugin::wire::endpoint server{"127.0.0.1", impatient_sandbox().port(),
                                            read_file(impatient_sandbox().ca_file())};
    okta_plugin::wire::call_budget budget;
    budget.deadline = std::chrono::steady_clock::now() + 20s;
    budget.budget_ms = 20000;
    okta_sandbox::admin impatient_admin(impatient_sandbox());
    impatient_admin.reset();

    BOOST_TEST_REQUIRE(client.send(server, to_impatient_sandbox(method::get, "/api/v1/users"), budget).status == 200);
    BOOST_TEST_REQUIRE(client.idle_connections(server) == 1u);
    std::this_thread::sleep_for(1500ms);  // the sandbox closes the kept-alive connection
    // A GET goes out on the dead connection unchecked, then again on a fresh one.
    BOOST_TEST(client.send(server, to_impatient_sandbox(method::get, "/api/v1/users"), budget).status == 200);

    std::this_thread::sleep_for(1500ms);
    // A create is never risked on a connection that may be dead: it is checked first.
    const std::string ida =
        R"({"profile":{"firstName":"Ida","lastName":"Idle","email":"ida@example.com","login":"ida@example.com"}})";
    const auto created =
        client.send(server, to_impatient_sandbox(method::post, "/api/v1/users?activate=false", ida), budget);
    BOOST_TEST(created.status == 200, created.body);

    const auto seen = impatient_admin.requests();
    BOOST_TEST(requests_with_method(seen, "GET") == 2u);
    BOOST_TEST(requests_with_method(seen, "POST") == 1u);
}

BOOST_AUTO_TEST_CASE(many_threads_share_the_plugin) {
    const std::string id = seeded_user();
    constexpr int threads = 8;
    constexpr int calls_each = 5;
    std::atomic<int> succeeded{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            for (int i = 0; i < calls_each; ++i) {
                const auto output = host().run("okta.user.get", json::serialize(json::object{{"UserId", id}}),
                                               json::serialize(sandbox_credentials()));
                if (output.at("StatusCode").as_int64() == 200) {
                    ++succeeded;
                }
            }
        });
    }
    for (auto& worker : workers) {
        worker.join();
    }
    BOOST_TEST(succeeded.load() == threads * calls_each);
    BOOST_TEST(requests().size() == static_cast<std::size_t>(threads * calls_each));
}

BOOST_AUTO_TEST_SUITE_END()
