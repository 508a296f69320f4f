// The shared rate budget end to end: real `wfn-host workflow` processes load
// the built bundle and create users in the sandbox over TLS, pacing with one
// another through a real redis-server that the tests start, kill, restart
// and stop on a loopback port. The sandbox's counters (/__sandbox/stats)
// say how many requests it saw, how many it refused with 429 and the most
// it held in flight at once.
#include "host_cli.hpp"
#include "okta_bench.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace okta_it;
using namespace std::chrono_literals;

namespace {

// A port nobody listens on now (the kernel's pick).
unsigned short free_port() {
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    BOOST_TEST_REQUIRE(::bind(probe, reinterpret_cast<sockaddr*>(&address), size) == 0);
    BOOST_TEST_REQUIRE(::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    ::close(probe);
    return ntohs(address.sin_port);
}

bool accepts_connections(unsigned short port) {
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    const bool connected = ::connect(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(probe);
    return connected;
}

pid_t spawn(const std::vector<std::string>& arguments, const std::filesystem::path& out,
            const std::filesystem::path& err) {
    std::vector<char*> argv;
    for (const auto& argument : arguments) {
        argv.push_back(const_cast<char*>(argument.c_str()));
    }
    argv.push_back(nullptr);
    const pid_t child = ::fork();
    if (child == 0) {
        const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(out_fd, 1);
        ::dup2(err_fd, 2);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    return child;
}

// A private redis-server on a loopback port, without persistence (a restart
// starts it empty, its scripts uncached, as after a crash). With TLS it
// serves only rediss://, with a certificate for 127.0.0.1 made here.
class redis_server {
public:
    explicit redis_server(const std::filesystem::path& dir, std::vector<std::string> extra = {}, bool tls = false)
        : dir_(dir), port_(free_port()), extra_(std::move(extra)), tls_(tls) {
        if (tls_) {
            const std::string made = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2"
                                     " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1"
                                     " -addext basicConstraints=critical,CA:TRUE -keyout '" +
                                     (dir_ / "redis-key.pem").string() + "' -out '" + cert_file().string() +
                                     "' 2>/dev/null";
            BOOST_TEST_REQUIRE(std::system(made.c_str()) == 0, "openssl could not make a certificate");
        }
        start();
    }
    ~redis_server() { stop(SIGTERM); }

    unsigned short port() const { return port_; }
    std::filesystem::path cert_file() const { return dir_ / "redis-cert.pem"; }
    std::string url(const std::string& query = "") const {
        return std::string(tls_ ? "rediss" : "redis") + "://127.0.0.1:" + std::to_string(port_) + query;
    }

    void start() {
        std::vector<std::string> arguments{"redis-server", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                           "--dir", dir_.string()};
        if (tls_) {
            for (const std::string& argument :
                 {std::string("--port"), std::string("0"), std::string("--tls-port"), std::to_string(port_),
                  std::string("--tls-cert-file"), cert_file().string(), std::string("--tls-key-file"),
                  (dir_ / "redis-key.pem").string(), std::string("--tls-ca-cert-file"), cert_file().string(),
                  std::string("--tls-auth-clients"), std::string("no")}) {
                arguments.push_back(argument);
            }
        } else {
            arguments.insert(arguments.end(), {"--port", std::to_string(port_)});
        }
        arguments.insert(arguments.end(), extra_.begin(), extra_.end());
        pid_ = spawn(arguments, dir_ / "redis.out", dir_ / "redis.err");
        for (int tries = 0; tries < 200 && !accepts_connections(port_); ++tries) {
            std::this_thread::sleep_for(25ms);
        }
        BOOST_TEST_REQUIRE(accepts_connections(port_), "redis-server did not start (is it installed?)");
    }
    // SIGKILL: gone at once, as when its host dies.
    void stop(int signal) {
        if (pid_ > 0) {
            ::kill(pid_, signal);
            ::waitpid(pid_, nullptr, 0);
            pid_ = -1;
        }
    }

    // How many of the shared budget's limit keys Redis holds (they outlive
    // the windows), asked with redis-cli; `password` for a requirepass server.
    std::size_t budget_keys(const std::string& password = "") const {
        std::string command = "redis-cli -h 127.0.0.1 -p " + std::to_string(port_);
        if (tls_) {
            command += " --tls --cacert '" + cert_file().string() + "'";
        }
        if (!password.empty()) {
            command += " --no-auth-warning -a '" + password + "'";
        }
        command += " --scan --pattern 'wfn-okta:*:limit'";
        FILE* pipe = ::popen(command.c_str(), "r");
        BOOST_TEST_REQUIRE(pipe != nullptr);
        std::size_t lines = 0;
        for (int c = std::fgetc(pipe); c != EOF; c = std::fgetc(pipe)) {
            lines += c == '\n' ? 1 : 0;
        }
        BOOST_TEST(::pclose(pipe) == 0);
        return lines;
    }

private:
    std::filesystem::path dir_;
    unsigned short port_;
    std::vector<std::string> extra_;
    bool tls_ = false;
    pid_t pid_ = -1;
};

struct worker {
    pid_t pid = -1;
    std::filesystem::path out, err;
    std::size_t items = 0;
};

struct batch_result {
    std::size_t failures = 0;
    std::vector<std::string> logs;  // each worker's stderr
};

std::int64_t sandbox_stat(const char* name) { return admin().stats().at(name).as_int64(); }

// Starts `processes` workers, each creating `per_worker` users, `concurrency`
// at once; `skews` shifts the clocks of the workers in turn (faketime).
std::vector<worker> start_batch(const std::filesystem::path& dir, int processes, int per_worker, int concurrency,
                                const std::string& budget_url, const std::vector<std::string>& skews = {}) {
    std::vector<worker> workers;
    for (int w = 0; w < processes; ++w) {
        const auto base = dir / ("worker" + std::to_string(w));
        json::array users;
        for (int i = 0; i < per_worker; ++i) {
            users.push_back(json::object{{"login", "shared" + std::to_string(w) + "-" + std::to_string(i) + "@example.com"}});
        }
        json::object step{{"name", "create"},
                          {"node", "okta.user.create"},
                          {"forEach", "{{ input.users }}"},
                          {"concurrency", concurrency},
                          {"params", json::object{{"UserName", "{{ item.login }}"},
                                                  {"Email", "{{ item.login }}"},
                                                  {"FirstName", "Shared"},
                                                  {"LastName", "Budget"}}}};
        json::object credentials = sandbox_credentials();
        credentials["RateBudgetUrl"] = budget_url;
        std::ofstream(base.string() + ".workflow.json") << json::serialize(json::object{{"name", "shared"}, {"steps", json::array{step}}});
        std::ofstream(base.string() + ".input.json") << json::serialize(json::object{{"users", users}});
        std::ofstream(base.string() + ".credentials.json") << json::serialize(credentials);
        std::vector<std::string> arguments;
        if (!skews.empty()) {
            // faketime preloads its library ahead of ASan's runtime, which ASan
            // refuses by default; the order is harmless for these workers.
            const char* asan_options = std::getenv("ASAN_OPTIONS");
            arguments = {"env",
                         "ASAN_OPTIONS=" + std::string(asan_options != nullptr ? asan_options : "") +
                             ":verify_asan_link_order=0",
                         "faketime", "-f", skews[static_cast<std::size_t>(w) % skews.size()]};
        }
        for (const std::string& argument :
             {std::string(WFN_HOST_EXE), std::string("workflow"), base.string() + ".workflow.json", std::string("--input"),
              "@" + base.string() + ".input.json", std::string("--credentials"), "@" + base.string() + ".credentials.json",
              std::string("--plugins"), std::filesystem::path(WFN_OKTA_BUNDLE_DIR).parent_path().string(),
              std::string("--log-level"), std::string("warn")}) {
            arguments.push_back(argument);
        }
        worker started{-1, base.string() + ".out", base.string() + ".err", static_cast<std::size_t>(per_worker)};
        started.pid = spawn(arguments, started.out, started.err);
        workers.push_back(started);
    }
    return workers;
}

batch_result finish_batch(std::vector<worker>& workers) {
    batch_result result;
    for (auto& w : workers) {
        int status = 0;
        ::waitpid(w.pid, &status, 0);
        result.logs.push_back(read_file(w.err));
        std::size_t succeeded = 0;
        try {
            const json::value document = json::parse(read_file(w.out));
            for (const auto& step : document.at("steps").as_array()) {
                for (const auto& output : step.at("outputs").as_array()) {
                    const auto code = output.at("StatusCode").as_int64();
                    succeeded += code >= 200 && code <= 299 ? 1 : 0;
                }
            }
        } catch (const std::exception& error) {
            BOOST_ERROR("a worker wrote no workflow document: " << error.what() << "\n" << result.logs.back());
        }
        result.failures += w.items - succeeded;
    }
    return result;
}

void wait_for_requests(std::int64_t at_least) {
    const auto give_up = std::chrono::steady_clock::now() + 60s;
    while (sandbox_stat("apiRequests") < at_least) {
        BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < give_up),
                           "the sandbox never saw " << at_least << " API requests");
        std::this_thread::sleep_for(20ms);
    }
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++found;
    }
    return found;
}

bool told(const node_run& run, const std::string& what) {
    for (const auto& line : run.log) {
        if (line.find(what) != std::string::npos) {
            return true;
        }
    }
    return false;
}

node_run create_one(bench& on, const std::string& login, const json::object& credentials) {
    return on.run("okta.user.create",
                  {{"UserName", login}, {"Email", login}, {"FirstName", "A"}, {"LastName", "B"}}, credentials);
}

// A small bucket, so a few dozen creates span several windows.
struct small_bucket : bench {
    small_bucket() { admin().configure({{"usersCollection", 20}, {"windowSeconds", 2}}); }
    ~small_bucket() { admin().configure({{"usersCollection", 600}, {"windowSeconds", 60}}); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(shared_budget, small_bucket)

BOOST_AUTO_TEST_CASE(four_workers_share_one_budget_and_one_in_flight_cap) {
    okta_it::scratch_dir dir;
    redis_server redis(dir.path);
    // Each answer late, so that the workers' requests overlap.
    admin().inject(json::object{{"count", 40}, {"kind", "delay"}, {"delayMs", 100}});
    auto workers = start_batch(dir.path, 4, 10, 4, redis.url("?max_in_flight=6"));
    const batch_result result = finish_batch(workers);
    BOOST_TEST(result.failures == 0u);
    // Alone, each worker would spend the window as if it were its own.
    BOOST_TEST(sandbox_stat("rateLimited") == 0);
    BOOST_TEST(sandbox_stat("apiRequests") == 40);
    // Sixteen could be in flight; the shared cap holds them to six.
    BOOST_TEST(sandbox_stat("peakInFlight") <= 6);
}

BOOST_AUTO_TEST_CASE(redis_killed_and_restarted_mid_batch_costs_no_call) {
    okta_it::scratch_dir dir;
    redis_server redis(dir.path);
    // Enough calls after the restart (several windows) that every worker
    // probes Redis again, however fast the outage's calls went.
    auto workers = start_batch(dir.path, 4, 25, 4, redis.url());
    wait_for_requests(10);
    redis.stop(SIGKILL);
    wait_for_requests(30);
    redis.start();
    const batch_result result = finish_batch(workers);
    BOOST_TEST(result.failures == 0u);
    std::size_t told_away = 0;
    std::size_t told_back = 0;
    for (const auto& log : result.logs) {
        // Once per outage, not once per call.
        BOOST_TEST(count(log, "shared rate budget is unavailable") <= 1u);
        BOOST_TEST(count(log, "is back; pacing with the other workers again") <= 1u);
        told_away += count(log, "shared rate budget is unavailable");
        told_back += count(log, "is back; pacing with the other workers again");
    }
    BOOST_TEST(told_away >= 1u);
    BOOST_TEST(told_back >= 1u);
}

BOOST_AUTO_TEST_CASE(workers_whose_clocks_disagree_by_ten_seconds_still_share_the_windows) {
    okta_it::scratch_dir dir;
    redis_server redis(dir.path);
    auto workers = start_batch(dir.path, 2, 20, 4, redis.url(), {"-5s", "+5s"});
    const batch_result result = finish_batch(workers);
    BOOST_TEST(result.failures == 0u);
    BOOST_TEST(sandbox_stat("rateLimited") == 0);
    BOOST_TEST(sandbox_stat("apiRequests") == 40);
}

BOOST_AUTO_TEST_CASE(the_right_password_keeps_the_budget_in_redis_and_never_shows) {
    okta_it::scratch_dir dir;
    const std::string password = "the-right-password-42";
    redis_server redis(dir.path, {"--requirepass", password});
    json::object credentials = sandbox_credentials();
    credentials["RateBudgetUrl"] = "redis://:" + password + "@127.0.0.1:" + std::to_string(redis.port());
    const node_run created = create_one(*this, "authorised@example.com", credentials);
    BOOST_TEST(created.status() == 200);
    BOOST_TEST(!told(created, "shared rate budget is unavailable"));
    BOOST_TEST(redis.budget_keys(password) == 1u);
    // run() audited the output and every log line for the password.
}

BOOST_AUTO_TEST_CASE(a_refused_password_falls_back_and_never_shows) {
    okta_it::scratch_dir dir;
    redis_server redis(dir.path, {"--requirepass", "the-right-password-42"});
    json::object credentials = sandbox_credentials();
    credentials["RateBudgetUrl"] = "redis://:a-wrong-password-17@127.0.0.1:" + std::to_string(redis.port());
    const node_run created = create_one(*this, "refused@example.com", credentials);
    BOOST_TEST(created.status() == 200);
    BOOST_TEST(told(created, "AUTH refused"));
    BOOST_TEST(redis.budget_keys("the-right-password-42") == 0u);
}

BOOST_AUTO_TEST_CASE(rediss_holds_the_budget_trusting_ca_certificate) {
    okta_it::scratch_dir dir;
    redis_server redis(dir.path, {}, true);
    json::object credentials = sandbox_credentials();
    // One CaCertificate text trusts both the sandbox's CA and Redis's.
    credentials["CaCertificate"] = std::string(credentials.at("CaCertificate").as_string()) + read_file(redis.cert_file());
    credentials["RateBudgetUrl"] = redis.url();
    const node_run created = create_one(*this, "tls@example.com", credentials);
    BOOST_TEST(created.status() == 200);
    BOOST_TEST(!told(created, "shared rate budget is unavailable"));
    BOOST_TEST(redis.budget_keys() == 1u);
}

BOOST_AUTO_TEST_CASE(rediss_to_an_untrusted_certificate_falls_back) {
    okta_it::scratch_dir dir;
    redis_server redis(dir.path, {}, true);
    json::object credentials = sandbox_credentials();
    credentials["RateBudgetUrl"] = redis.url();
    const node_run created = create_one(*this, "untrusted@example.com", credentials);
    BOOST_TEST(created.status() == 200);
    BOOST_TEST(told(created, "shared rate budget is unavailable"));
    BOOST_TEST(redis.budget_keys() == 0u);
}

BOOST_AUTO_TEST_CASE(no_redis_at_the_url_falls_back_once) {
    json::object credentials = sandbox_credentials();
    credentials["RateBudgetUrl"] = "redis://127.0.0.1:" + std::to_string(free_port());
    const node_run first = create_one(*this, "nobody1@example.com", credentials);
    BOOST_TEST(first.status() == 200);
    BOOST_TEST(told(first, "shared rate budget is unavailable"));
    // The outage was told; the next call paces locally without telling again.
    const node_run second = create_one(*this, "nobody2@example.com", credentials);
    BOOST_TEST(second.status() == 200);
    BOOST_TEST(!told(second, "shared rate budget is unavailable"));
}

BOOST_AUTO_TEST_CASE(a_bad_url_is_a_clear_error_without_its_password) {
    // The first breaks the manifest's pattern (the host refuses it), the
    // others only the plugin's reading of the URL.
    for (const std::string url : {"http://:a-secret-password-9@127.0.0.1:6379",
                                  "redis://:a-secret-password-9@127.0.0.1:70000",
                                  "redis://:a-secret-password-9@127.0.0.1:6379/not-a-db"}) {
        BOOST_TEST_CONTEXT(url) {
            json::object credentials = sandbox_credentials();
            credentials["RateBudgetUrl"] = url;
            const node_run refused = run("okta.user.get", {{"UserId", "00u1"}}, credentials);
            BOOST_TEST(refused.status() == -1);
            BOOST_TEST(refused.message().find("RateBudgetUrl") != std::string::npos, refused.message());
            BOOST_TEST(refused.message().find("a-secret-password-9") == std::string::npos);
        }
    }
    // The sandbox saw none of them: a bad budget is not a reason to call Okta unpaced.
    BOOST_TEST(sandbox_stat("apiRequests") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

// Threads of one process calling at once: one budget, one in-flight cap.
BOOST_FIXTURE_TEST_SUITE(shared_budget_threads, small_bucket)

BOOST_AUTO_TEST_CASE(threads_of_one_host_keep_to_the_shared_in_flight_cap) {
    okta_it::scratch_dir dir;
    redis_server redis(dir.path);
    json::object credentials = sandbox_credentials();
    credentials["RateBudgetUrl"] = redis.url("?max_in_flight=2");
    constexpr int threads = 4;
    constexpr int per_thread = 5;
    const std::string credentials_text = json::serialize(credentials);
    // Each answer late, so that the threads' requests overlap.
    admin().inject(json::object{{"count", threads * per_thread}, {"kind", "delay"}, {"delayMs", 100}});
    std::vector<std::vector<node_run>> runs(threads);
    std::vector<std::thread> callers;
    for (int t = 0; t < threads; ++t) {
        // Only the host is called on these threads (Boost.Test's checks are not thread-safe).
        callers.emplace_back([&of_thread = runs[static_cast<std::size_t>(t)], t, &credentials_text] {
            for (int i = 0; i < per_thread; ++i) {
                const std::string login = "thread" + std::to_string(t) + "-" + std::to_string(i) + "@example.com";
                node_run created;
                wfn::host::run_options options;
                options.log_level = wfn::log_level::trace;
                options.log = [&created](wfn::log_level, std::string_view line) { created.log.emplace_back(line); };
                created.output = host().run("okta.user.create",
                                            json::serialize(json::object{{"UserName", login}, {"Email", login},
                                                                         {"FirstName", "A"}, {"LastName", "B"}}),
                                            credentials_text, options);
                of_thread.push_back(std::move(created));
            }
        });
    }
    for (auto& caller : callers) {
        caller.join();
    }
    for (const auto& of_thread : runs) {
        for (const auto& created : of_thread) {
            BOOST_TEST(created.status() == 200);
            BOOST_TEST(!told(created, "shared rate budget is unavailable"));
            audit(created, secrets_of({}, credentials));
        }
    }
    BOOST_TEST(sandbox_stat("apiRequests") == threads * per_thread);
    BOOST_TEST(sandbox_stat("rateLimited") == 0);
    BOOST_TEST(sandbox_stat("peakInFlight") <= 2);
}

BOOST_AUTO_TEST_SUITE_END()
