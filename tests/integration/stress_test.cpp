// 64 threads run mixed node calls at once while the sandbox spreads faults
// of 8 kinds over their requests. Afterwards: every call ended with a well-formed output,
// the connection pool stayed bounded, and the users in the sandbox are
// exactly those the successful calls imply. The TSan build runs this
// (label "concurrency").
#include "okta_bench.hpp"
#include "stress_workload.hpp"

#include <map>
#include <set>
#include <thread>

using namespace okta_it;
using namespace std::chrono_literals;

namespace {

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr int users_per_thread = 1;  // sanitizers run every call many times slower
#else
constexpr int users_per_thread = 2;
#endif
constexpr int threads = 64;

// The plugin keeps at most 32 connections per server (connection_pool.hpp).
// The sandbox also counts the test's own admin connection (one at a time),
// and a socket the plugin closed stays counted until the sandbox has read
// its end: a handful more than 32 may show for a moment, never 64.
constexpr std::int64_t pool_limit = 32;
constexpr std::int64_t counting_slack = 4;

// One fault in every 10 requests all through the run, a kind at a time:
// each kind hits 8 requests, so 64 of the run's ~800 requests meet a fault.
constexpr int faults_per_kind = 8;
constexpr int fault_spacing = 10;

// What queue_spread_faults() did: the faults it queued, and the admin
// calls (each on its own connection, which the sandbox counts too).
struct spread_faults {
    std::int64_t queued = 0;
    std::int64_t admin_calls = 0;
};

spread_faults queue_spread_faults() {
    const std::vector<json::object> kinds = {
        {{"kind", "status"}, {"status", 503}},
        {{"kind", "close_before_response"}},
        {{"kind", "close_mid_body"}},
        {{"kind", "truncated_body"}},
        {{"kind", "delay"}, {"delayMs", 300}},
        {{"kind", "rate_limit"}, {"resetSeconds", 1}},
        {{"kind", "status"}, {"status", 500}},
        {{"kind", "malformed_json"}},
    };
    for (auto kind : kinds) {
        kind["count"] = faults_per_kind;
        kind["every"] = fault_spacing;
        admin().inject(kind);
    }
    const auto kind_count = static_cast<std::int64_t>(kinds.size());
    return {kind_count * faults_per_kind, kind_count};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(stress, bench)

BOOST_AUTO_TEST_CASE(sixty_four_threads_with_faults_on_end_well_formed_bounded_and_consistent) {
    const std::string credentials = json::serialize(sandbox_credentials());
    const std::string group_id(admin().create_group(stress_group).at("id").as_string());
    std::vector<thread_journal> journals(threads);
    const spread_faults faults = queue_spread_faults();
    {
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&journal = journals[static_cast<std::size_t>(t)], t, &credentials] {
                run_user_lifecycles(journal, t, users_per_thread, credentials);
            });
        }
        for (auto& worker : workers) {
            worker.join();  // each call has a 20 s deadline, so each join comes
        }
    }
    // Read first, so the only admin connections since the reset are the
    // fault queueing and this call.
    const auto stats = admin().stats();
    const std::int64_t plugin_connections =
        stats.at("acceptedConnections").as_int64() - (faults.admin_calls + 1);
    std::int64_t unused_faults = 0;
    for (const auto& pending : admin().faults()) {
        unused_faults += pending.at("count").as_int64();
    }
    admin().clear_faults();

    // Every call ended, with an output the contract allows.
    const stress_totals totals = tally(journals);
    BOOST_TEST_MESSAGE("stress: " << threads << " threads, " << totals.calls << " calls, " << totals.succeeded
                                  << " succeeded, " << faults.queued - unused_faults
                                  << " faults met (queued per kind: " << faults_per_kind << "); failures by code: "
                                  << totals.failures_by_code());
    BOOST_TEST(totals.calls == threads * users_per_thread * calls_per_lifecycle);
    for (const auto& journal : journals) {
        for (const auto& call : journal.calls) {
            BOOST_TEST(call.problem.empty(), call.node << ": " << call.problem);
        }
    }
    BOOST_TEST(totals.succeeded > totals.calls / 2);  // the retries absorb most faults

    // The pool stayed bounded, and connections were reused.
    const std::int64_t sent = static_cast<std::int64_t>(requests().size());
    BOOST_TEST_MESSAGE("stress: " << sent << " Okta requests over " << plugin_connections
                                  << " connections; at most " << stats.at("peakOpenConnections").as_int64()
                                  << " open at once");
    BOOST_TEST(stats.at("peakOpenConnections").as_int64() <= pool_limit + counting_slack);
    BOOST_TEST(plugin_connections < sent / 2);

    // The users left are exactly what the successful calls imply.
    std::map<std::string, int> copies;
    std::map<std::string, std::string> first_names;
    std::map<std::string, std::string> statuses;
    std::map<std::string, std::string> ids;
    for (const auto& user : admin().users()) {
        const auto& profile = user.at("profile").as_object();
        const std::string login(profile.at("login").as_string());
        ++copies[login];
        first_names[login] = std::string(profile.at("firstName").as_string());
        statuses[login] = std::string(user.at("status").as_string());
        ids[login] = std::string(user.at("id").as_string());
    }
    std::set<std::string> members;
    for (const auto& group : admin().groups()) {
        if (group.at("id").as_string() == group_id) {
            for (const auto& member : group.at("memberIds").as_array()) {
                members.emplace(member.as_string());
            }
        }
    }
    int uncertain = 0;
    for (const auto& journal : journals) {
        for (const auto& fate : journal.fates) {
            BOOST_TEST_CONTEXT(fate.login) {
                const int found = copies.count(fate.login) != 0 ? copies[fate.login] : 0;
                BOOST_TEST(found <= 1);  // one create never makes two users
                switch (fate.expected) {
                    case user_fate::exists:
                        BOOST_TEST(found == 1);
                        if (!fate.first_name.empty()) {
                            BOOST_TEST(first_names[fate.login] == fate.first_name);
                        }
                        if (fate.member) {
                            BOOST_TEST(members.count(ids[fate.login]) == 1u, "a reported membership is real");
                        }
                        if (fate.active) {
                            BOOST_TEST(statuses[fate.login] == "ACTIVE");
                        }
                        break;
                    case user_fate::gone: BOOST_TEST(found == 0); break;
                    case user_fate::uncertain: ++uncertain; break;
                }
                copies.erase(fate.login);
            }
        }
    }
    BOOST_TEST(copies.empty(), "users no call created: " << copies.size());
    BOOST_TEST_MESSAGE("stress: " << uncertain << " users whose create or delete failed ambiguously");
}

BOOST_AUTO_TEST_SUITE_END()
