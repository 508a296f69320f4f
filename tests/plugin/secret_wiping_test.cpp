// No unwiped copy of a secret is left in freed memory. This program replaces
// the global operator new and delete: while a watch is on, every block the
// C++ heap frees is searched (all malloc_usable_size bytes of it) for the
// watched secrets before it goes back to malloc. A hit is a copy of a secret
// that was freed without being wiped.
//
// Memory that C libraries (OpenSSL) free with free() is not seen here.
#include "oauth_answers.hpp"
#include "okta_answers.hpp"
#include "test_nodes.hpp"

#include "nodes/runtime.hpp"
#include "okta/protocol/redaction.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <malloc.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

namespace {

// The watch. Set up before it is switched on and read without locking: the
// hooks below must not allocate, and the needles never change while watching.
struct freed_block_watch {
    std::array<std::string_view, 2> needles{};
    std::atomic<bool> on{false};
    std::atomic<int> hits{0};
    std::atomic<long> blocks_seen{0};
};

freed_block_watch watch;

// A breakpoint here in a debugger shows who freed the copy.
[[gnu::noinline]] void secret_found_in_freed_block() noexcept { watch.hits.fetch_add(1, std::memory_order_relaxed); }

void inspect_before_free(void* block) noexcept {
    if (block == nullptr || !watch.on.load(std::memory_order_relaxed)) {
        return;
    }
    watch.blocks_seen.fetch_add(1, std::memory_order_relaxed);
    const std::size_t size = malloc_usable_size(block);
    for (std::string_view needle : watch.needles) {
        if (!needle.empty() && memmem(block, size, needle.data(), needle.size()) != nullptr) {
            secret_found_in_freed_block();
        }
    }
}

void* allocate(std::size_t size) {
    if (void* block = std::malloc(size == 0 ? 1 : size)) {
        return block;
    }
    throw std::bad_alloc();
}

void* allocate_aligned(std::size_t size, std::align_val_t alignment) {
    void* block = nullptr;
    const auto align = std::max(static_cast<std::size_t>(alignment), sizeof(void*));
    if (posix_memalign(&block, align, size == 0 ? 1 : size) != 0) {
        throw std::bad_alloc();
    }
    return block;
}

void release(void* block) noexcept {
    inspect_before_free(block);
    std::free(block);
}

// Watches the freed heap for `secrets` while it lives.
class watching {
public:
    explicit watching(std::string_view first, std::string_view second = {}) {
        watch.needles = {first, second};
        watch.hits = 0;
        watch.blocks_seen = 0;
        watch.on = true;
    }
    ~watching() { stop(); }
    watching(const watching&) = delete;
    watching& operator=(const watching&) = delete;

    // Stops watching and says how many freed blocks held a secret.
    int stop() {
        watch.on = false;
        return watch.hits;
    }
    long blocks_seen() const { return watch.blocks_seen; }
};

}  // namespace

// ---- the replaced allocation functions, every form -------------------------------

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return std::malloc(size == 0 ? 1 : size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return std::malloc(size == 0 ? 1 : size); }
void* operator new(std::size_t size, std::align_val_t alignment) { return allocate_aligned(size, alignment); }
void* operator new[](std::size_t size, std::align_val_t alignment) { return allocate_aligned(size, alignment); }
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    try {
        return allocate_aligned(size, alignment);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    try {
        return allocate_aligned(size, alignment);
    } catch (...) {
        return nullptr;
    }
}

void operator delete(void* block) noexcept { release(block); }
void operator delete[](void* block) noexcept { release(block); }
void operator delete(void* block, std::size_t) noexcept { release(block); }
void operator delete[](void* block, std::size_t) noexcept { release(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { release(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { release(block); }
void operator delete(void* block, std::align_val_t) noexcept { release(block); }
void operator delete[](void* block, std::align_val_t) noexcept { release(block); }
void operator delete(void* block, std::size_t, std::align_val_t) noexcept { release(block); }
void operator delete[](void* block, std::size_t, std::align_val_t) noexcept { release(block); }
void operator delete(void* block, std::align_val_t, const std::nothrow_t&) noexcept { release(block); }
void operator delete[](void* block, std::align_val_t, const std::nothrow_t&) noexcept { release(block); }

// ---- the tests ----------------------------------------------------------------------

using namespace okta_plugin::test;
using wire::method;

namespace {

constexpr std::string_view password = "00PASS-7e2a91c4d8b3f605-wfn-probe-Pw";
const std::string user_target_path = "/api/v1/users/00ub0oNGTSWTBKOLGLNR";

// No credential here has a RateBudgetUrl: Redis is never asked.
struct no_redis final : okta_plugin::wire::redis_link {
    okta_plugin::wire::redis_reply run(const okta_plugin::wire::redis_address&, const std::vector<std::string>&,
                                       std::chrono::milliseconds) override {
        throw okta_plugin::wire::redis_unavailable("no Redis in this test");
    }
};

// The plugin's runtime with a scripted sender in place of HTTPS.
struct scripted_runtime {
    node_runner runner;  // starts the real runtime; ours replaces it below
    scripted_sender okta;
    okta::rate_pacer pacer;
    okta::unconfirmed_changes unconfirmed;
    okta::token_cache tokens;
    no_redis redis;
    okta::shared_budgets shared_budgets{redis};
    okta_plugin::nodes::node_runtime services{okta, pacer, unconfirmed, tokens, shared_budgets};
    // Built before any watch begins and freed after it ends.
    boost::json::object credentials{{"Domain", "https://dev-1.okta.com"}, {"ApiToken", test_token}};

    scripted_runtime() { okta_plugin::nodes::install_runtime(&services); }
    ~scripted_runtime() { BOOST_TEST(okta.steps_left() == 0u); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(secret_wiping)

BOOST_AUTO_TEST_CASE(a_service_app_call_leaves_no_access_token_in_freed_memory) {
    constexpr std::string_view access_token = "eyJ0eXAiOiJKV1QifQ.access-9c4e1b7d2a6f3058-wfn-probe.sig";
    scripted_runtime plugin;
    plugin.okta.expect(method::post, "/oauth2/v1/token", token_answer::dpop_required());
    plugin.okta.expect(method::post, "/oauth2/v1/token", token_answer::granted(access_token, "DPoP"));
    plugin.okta.expect(method::get, user_target_path,
                       okta_answer::user("00ub0oNGTSWTBKOLGLNR", "ada@example.com", "ACTIVE", epoch_now()));
    const boost::json::object credentials{{"type", "okta.oauthServiceApp"},
                                          {"Domain", "https://dev-1.okta.com"},
                                          {"ClientId", "0oa1service"},
                                          {"PrivateKey", rsa_pem()}};
    const boost::json::object params{{"UserId", "00ub0oNGTSWTBKOLGLNR"}};
    boost::json::object output;
    int hits = 0;
    {
        watching heap(access_token);
        output = plugin.runner.run("okta.user.get", params, credentials);
        hits = heap.stop();
    }
    BOOST_TEST(status_of(output) == 200, output);
    BOOST_TEST_REQUIRE(plugin.okta.sent().size() == 3u);
    // The token did go out: the watch looked for something real.
    BOOST_TEST(plugin.okta.sent()[2].header("Authorization").value() == "DPoP " + std::string(access_token));
    BOOST_TEST(hits == 0);
}

BOOST_AUTO_TEST_CASE(the_detector_finds_a_token_freed_unwiped) {
    watching heap(test_token);
    {
        // What the Authorization header once was: the token in plain strings.
        const std::string header = "SSWS " + std::string(test_token);
        BOOST_TEST(header.size() > 40u);
    }
    BOOST_TEST(heap.stop() >= 1);
}

BOOST_AUTO_TEST_CASE(wiping_zeroes_the_bytes_before_forgetting_them) {
    const std::string secret(64, 'x');  // the needle itself, alive throughout
    watching heap(secret);
    { const wire::wiping_string wiped(secret); }
    const int after_wiped = heap.stop();
    BOOST_TEST(after_wiped == 0);
    BOOST_TEST(heap.blocks_seen() >= 1);  // its block was freed, and looked at
}

// Every log line and every output message goes through redact() with the
// secrets to mask: it must not copy them into plain strings on the way.
BOOST_AUTO_TEST_CASE(redacting_a_message_leaves_no_copy_of_the_secrets) {
    const std::string message = "okta: GET /api/v1/users/00ub0oNGTSWTBKOLGLNR -> 503";
    std::string redacted;
    int hits = 0;
    {
        watching heap(test_token, password);
        redacted = okta::redact(message, {test_token, password});
        hits = heap.stop();
    }
    BOOST_TEST(redacted == message);
    BOOST_TEST(hits == 0);
}

BOOST_AUTO_TEST_CASE(a_node_call_resent_twice_leaves_no_token_in_freed_memory) {
    scripted_runtime plugin;
    plugin.okta.expect(method::get, user_target_path, okta_answer::error(503, "E0000009", "Service unavailable"));
    plugin.okta.expect(method::get, user_target_path, okta_answer::error(503, "E0000009", "Service unavailable"));
    plugin.okta.expect(method::get, user_target_path,
                       okta_answer::user("00ub0oNGTSWTBKOLGLNR", "ada@example.com", "ACTIVE", epoch_now()));
    const boost::json::object params{{"UserId", "00ub0oNGTSWTBKOLGLNR"}, {"MaxRetries", 2}};
    boost::json::object output;
    int hits = 0;
    {
        watching heap(test_token);
        output = plugin.runner.run("okta.user.get", params, plugin.credentials);
        hits = heap.stop();
    }
    BOOST_TEST(status_of(output) == 200);
    BOOST_TEST(plugin.okta.sent().size() == 3u);
    for (const auto& sent : plugin.okta.sent()) {
        BOOST_TEST(sent.authorised);
    }
    BOOST_TEST(hits == 0);
}

BOOST_AUTO_TEST_CASE(a_create_with_a_password_leaves_neither_secret_in_freed_memory) {
    scripted_runtime plugin;
    plugin.okta.expect(method::post, "/api/v1/users?activate=true",
                       okta_answer::user("00ub0oNGTSWTBKOLGLNR", "jane.doe@example.com", "ACTIVE", epoch_now()));
    boost::json::object params = valid_params("okta.user.create");
    params["Password"] = password;
    params.erase("GroupIds");
    boost::json::object output;
    int hits = 0;
    {
        watching heap(test_token, password);
        output = plugin.runner.run("okta.user.create", params, plugin.credentials);
        hits = heap.stop();
    }
    BOOST_TEST(status_of(output) == 200, output);
    BOOST_TEST_REQUIRE(plugin.okta.sent().size() == 1u);
    // The password did go out, in the body: the watch looked for something real.
    BOOST_TEST(plugin.okta.sent()[0].body.find(password) != wire::wiping_string::npos);
    BOOST_TEST(hits == 0);
}

BOOST_AUTO_TEST_SUITE_END()
