// The shared rate budget's sans-I/O parts: the RateBudgetUrl, the commands
// that run its scripts, and what their replies mean.
#include "okta/protocol/rate_budget_url.hpp"
#include "okta/protocol/shared_budget_script.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace okta_plugin;
using okta::parse_rate_budget_url;

namespace {

std::string refusal_of(std::string_view url) {
    try {
        parse_rate_budget_url(url);
    } catch (const okta::invalid_setting& error) {
        return error.what();
    }
    return "";
}

wire::redis_reply text(std::string value) {
    wire::redis_reply reply;
    reply.type = wire::redis_reply::kind::text;
    reply.text = std::move(value);
    return reply;
}

wire::redis_reply integer(std::int64_t value) {
    wire::redis_reply reply;
    reply.type = wire::redis_reply::kind::integer;
    reply.integer = value;
    return reply;
}

wire::redis_reply array(std::vector<wire::redis_reply> elements) {
    wire::redis_reply reply;
    reply.type = wire::redis_reply::kind::array;
    reply.elements = std::move(elements);
    return reply;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shared_budget)

BOOST_AUTO_TEST_CASE(a_plain_url_defaults_port_database_and_limits) {
    const auto settings = parse_rate_budget_url("redis://redis.internal");
    BOOST_TEST(settings.redis.host == "redis.internal");
    BOOST_TEST(settings.redis.port == 6379);
    BOOST_TEST(settings.redis.database == 0);
    BOOST_TEST(!settings.redis.tls);
    BOOST_TEST(settings.redis.user.empty());
    BOOST_TEST(settings.redis.password.empty());
    BOOST_TEST(settings.max_in_flight == 75);
    BOOST_TEST(settings.lease.count() == 30'000);
}

BOOST_AUTO_TEST_CASE(user_password_database_tls_and_options_are_read) {
    const auto settings =
        parse_rate_budget_url("rediss://worker:p%40ss%3Aword@[::1]:6380/3?max_in_flight=20&lease_seconds=5");
    BOOST_TEST(settings.redis.tls);
    BOOST_TEST(settings.redis.host == "::1");
    BOOST_TEST(settings.redis.port == 6380);
    BOOST_TEST(settings.redis.user == "worker");
    BOOST_TEST(settings.redis.password.reveal() == "p@ss:word");
    BOOST_TEST(settings.redis.database == 3);
    BOOST_TEST(settings.max_in_flight == 20);
    BOOST_TEST(settings.lease.count() == 5'000);
    // What logs and errors show of it: never the user or the password.
    BOOST_TEST(settings.redis.display() == "rediss://[::1]:6380/3");
}

BOOST_AUTO_TEST_CASE(a_password_without_a_user_is_the_default_user_s) {
    const auto settings = parse_rate_budget_url("redis://:sekrit-password@127.0.0.1:7000");
    BOOST_TEST(settings.redis.user.empty());
    BOOST_TEST(settings.redis.password.reveal() == "sekrit-password");
}

BOOST_AUTO_TEST_CASE(bad_urls_are_refused_by_name_without_the_password) {
    const std::string password = "hunter2-secret";
    for (const std::string& url : {"http://:" + password + "@host:6379", "redis://:" + password + "@host:0",
                                  "redis://:" + password + "@host:70000", "redis://:" + password + "@host/x",
                                  "redis://:" + password + "@host/1/2", "redis://:" + password + "@host#frag",
                                  "redis://:" + password + "@host?colour=red",
                                  "redis://:" + password + "@host?max_in_flight=0", "redis://:" + password + "@",
                                  "not a url " + password, std::string("redis://user@host")}) {
        const std::string refusal = refusal_of(url);
        BOOST_TEST_CONTEXT(url) {
            BOOST_TEST(refusal.rfind("RateBudgetUrl ", 0) == 0);
            BOOST_TEST(refusal.find(password) == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(keys_hold_a_hash_of_the_token_never_the_token) {
    const std::string token = "00abcdefghijklmnopqrstuvwxyz";
    const std::string identity = okta::shared_budget_identity(token);
    const auto keys = okta::shared_budget_keys_for("https://dev-1.okta.com", identity, okta::rate_bucket::users_collection);
    for (const auto& key : {keys.window, keys.limit, keys.in_flight, keys.queue}) {
        BOOST_TEST(key.find(token) == std::string::npos);
        BOOST_TEST(key.rfind("wfn-okta:{", 0) == 0);
    }
    // One org's keys share a hash tag, so a cluster keeps them in one slot.
    const auto tag = [](const std::string& key) { return key.substr(0, key.find('}') + 1); };
    BOOST_TEST(tag(keys.window) == tag(keys.in_flight));
    // Another token, another budget; another bucket, another window.
    BOOST_TEST(okta::shared_budget_keys_for("https://dev-1.okta.com", okta::shared_budget_identity("other"),
                                            okta::rate_bucket::users_collection)
                   .window != keys.window);
    BOOST_TEST(okta::shared_budget_keys_for("https://dev-1.okta.com", identity, okta::rate_bucket::user_write).window !=
               keys.window);
}

BOOST_AUTO_TEST_CASE(scripts_run_by_sha_or_by_text) {
    const auto keys = okta::shared_budget_keys_for("https://o", "id", okta::rate_bucket::user_read);
    const okta::rate_budget_settings settings;
    const auto by_sha = okta::admission_command(true, keys, "lease-1", "waiter-1", settings);
    BOOST_TEST(by_sha.at(0) == "EVALSHA");
    BOOST_TEST(by_sha.at(1) == okta::admission_script_sha());
    BOOST_TEST(by_sha.at(1).size() == 40u);
    BOOST_TEST(by_sha.at(2) == "4");
    const auto by_text = okta::admission_command(false, keys, "lease-1", "waiter-1", settings);
    BOOST_TEST(by_text.at(0) == "EVAL");
    BOOST_TEST(by_text.at(1) == std::string(okta::admission_script()));
    BOOST_TEST(okta::admission_script_sha() != okta::answer_script_sha());
}

BOOST_AUTO_TEST_CASE(the_window_lasts_until_okta_s_reset_by_okta_s_own_date) {
    const auto keys = okta::shared_budget_keys_for("https://o", "id", okta::rate_bucket::user_read);
    okta::rate_limit_headers headers;
    headers.limit = 100;
    headers.remaining = 42;
    headers.reset_epoch = 1'000'060;
    headers.server_date = 1'000'010;
    const auto command = okta::answer_command(true, keys, "lease-1", "", headers);
    // After the name, the script, the key count and the four keys: lease, limit, remaining, reset, ms until the reset, waiter.
    BOOST_TEST(command.at(8) == "100");
    BOOST_TEST(command.at(9) == "42");
    BOOST_TEST(command.at(10) == "1000060");
    BOOST_TEST(command.at(11) == std::to_string(50'000 + okta::reset_margin.count()));
    // Without Date, or with a reset behind it, no window is set from this answer.
    headers.server_date.reset();
    BOOST_TEST(okta::answer_command(true, keys, "lease-1", "", headers).at(11).empty());
    headers.server_date = 1'000'070;
    BOOST_TEST(okta::answer_command(true, keys, "lease-1", "", headers).at(11).empty());
    // An answer without headers only gives the lease back.
    const auto bare = okta::answer_command(true, keys, "lease-1", "", okta::rate_limit_headers{});
    BOOST_TEST(bare.at(8).empty());
    BOOST_TEST(bare.at(9).empty());
}

BOOST_AUTO_TEST_CASE(admission_replies_are_go_or_wait_or_nothing) {
    const auto go = okta::read_admission(array({text("go"), integer(0)}));
    BOOST_TEST_REQUIRE(go.has_value());
    BOOST_TEST(go->granted);
    const auto wait = okta::read_admission(array({text("wait"), integer(1234)}));
    BOOST_TEST_REQUIRE(wait.has_value());
    BOOST_TEST(!wait->granted);
    BOOST_TEST(wait->wait.count() == 1234);
    // A wait longer than any Okta window is capped.
    BOOST_TEST(okta::read_admission(array({text("wait"), integer(1'000'000'000)}))->wait ==
               std::chrono::duration_cast<std::chrono::milliseconds>(okta::max_reset_wait));
    BOOST_TEST(!okta::read_admission(array({text("maybe"), integer(0)})).has_value());
    BOOST_TEST(!okta::read_admission(array({text("wait"), integer(-1)})).has_value());
    BOOST_TEST(!okta::read_admission(array({text("go")})).has_value());
    BOOST_TEST(!okta::read_admission(text("go")).has_value());
    wire::redis_reply error;
    error.type = wire::redis_reply::kind::error;
    error.text = "NOSCRIPT No matching script. Please use EVAL.";
    BOOST_TEST(!okta::read_admission(error).has_value());
    BOOST_TEST(okta::script_not_cached(error));
    error.text = "ERR unknown command";
    BOOST_TEST(!okta::script_not_cached(error));
    BOOST_TEST(okta::answer_recorded(text("ok")));
    BOOST_TEST(okta::answer_recorded(text("late")));
    BOOST_TEST(!okta::answer_recorded(integer(1)));
}

BOOST_AUTO_TEST_SUITE_END()
