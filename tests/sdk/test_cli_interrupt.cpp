// SIGINT and SIGTERM against the real wfn-host running a workflow: the
// first signal cancels and the partial record is printed; a second one ends
// the process. Each test waits on what wfn-host has written, never on time.
#define BOOST_TEST_MODULE sdk.cli_interrupt
#include <boost/test/unit_test.hpp>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <csignal>
#include <string>
#include <string_view>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr std::int64_t long_sleep_ms = 600'000;

// The workflow's input: one quick item, then items that sleep until
// cancelled (or, with watch "nothing", regardless).
std::string input_json(std::string_view watch) {
    boost::json::array sleeps{0};
    for (int i = 0; i < 9; ++i) {
        sleeps.push_back(long_sleep_ms);
    }
    return boost::json::serialize(boost::json::object{{"sleeps", sleeps}, {"watch", watch}});
}

// The command line of wfn-host running the interruptible workflow.
std::vector<std::string> workflow_command(std::string_view watch) {
    return {WFN_TEST_HOST_PROGRAM, "workflow", WFN_TEST_WORKFLOWS_DIR "/interruptible.workflow.json",
            "--input", input_json(watch), "--log-level", "info", "--plugins", WFN_TEST_GOOD_PLUGINS_DIR};
}

// wfn-host, started with its stdout and stderr on pipes.
class running_host {
public:
    explicit running_host(const std::vector<std::string>& arguments) {
        int out[2];
        int err[2];
        BOOST_TEST_REQUIRE(::pipe(out) == 0);
        BOOST_TEST_REQUIRE(::pipe(err) == 0);
        pid_ = ::fork();
        BOOST_TEST_REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::dup2(err[1], STDERR_FILENO);
            for (const int fd : {out[0], out[1], err[0], err[1]}) {
                ::close(fd);
            }
            std::vector<char*> argv;
            for (const auto& argument : arguments) {
                argv.push_back(const_cast<char*>(argument.c_str()));
            }
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        ::close(err[1]);
        stdout_ = out[0];
        stderr_ = err[0];
    }

    ~running_host() {
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        ::close(stdout_);
        ::close(stderr_);
    }

    running_host(const running_host&) = delete;
    running_host& operator=(const running_host&) = delete;

    // Reads stderr until `count` lines contain `fragment`; false when
    // wfn-host closed stderr first (it ended early).
    bool await_stderr(std::string_view fragment, int count) {
        for (;;) {
            int seen = 0;
            for (std::size_t start = 0, end; (end = stderr_text_.find('\n', start)) != std::string::npos;
                 start = end + 1) {
                if (std::string_view(stderr_text_).substr(start, end - start).find(fragment) != std::string_view::npos) {
                    ++seen;
                }
            }
            if (seen >= count) {
                return true;
            }
            if (!read_some(stderr_, stderr_text_)) {
                return false;
            }
        }
    }

    void send(int signal_number) const { BOOST_TEST_REQUIRE(::kill(pid_, signal_number) == 0); }

    // Everything wfn-host printed on stdout, and how it ended.
    std::string stdout_text() {
        std::string text;
        while (read_some(stdout_, text)) {
        }
        return text;
    }

    int wait_status() {
        int status = 0;
        BOOST_TEST_REQUIRE(::waitpid(pid_, &status, 0) == pid_);
        reaped_ = true;
        return status;
    }

    const std::string& stderr_text() const { return stderr_text_; }

private:
    static bool read_some(int fd, std::string& into) {
        char buffer[4096];
        const auto got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0) {
            return false;
        }
        into.append(buffer, static_cast<std::size_t>(got));
        return true;
    }

    pid_t pid_ = -1;
    bool reaped_ = false;
    int stdout_ = -1;
    int stderr_ = -1;
    std::string stderr_text_;
};

// Starts the workflow and returns once item 0 has finished and items 1 and 2
// are inside the node (two workers, so nothing else has started).
void await_two_items_in_flight(running_host& host) {
    BOOST_TEST_REQUIRE(host.await_stderr("test.slow: slept 0 ms", 1), host.stderr_text());
    BOOST_TEST_REQUIRE(host.await_stderr("test.slow: sleeping " + std::to_string(long_sleep_ms) + " ms", 2),
                       host.stderr_text());
}

// What the partial document must record after a first signal.
void check_partial_document(const std::string& text, std::string_view signal_name) {
    boost::system::error_code ec;
    const boost::json::value parsed = boost::json::parse(text, ec);
    BOOST_TEST_REQUIRE(!ec, "stdout is not JSON: " << text);
    const auto& document = parsed.as_object();
    BOOST_TEST(document.at("cancelled") == true);
    BOOST_TEST(document.at("signal").as_string() == signal_name);
    BOOST_TEST(document.at("succeeded") == false);
    BOOST_TEST(document.at("skipped") == boost::json::array{"after"});
    const auto& outputs = document.at("steps").as_array().at(0).at("outputs").as_array();
    BOOST_TEST_REQUIRE(outputs.size() == 10u);
    BOOST_TEST(outputs[0].at("StatusCode") == 200);
    for (std::size_t cancelled : {1u, 2u}) {
        BOOST_TEST(outputs[cancelled].at("ErrorCode") == "WFN_CANCELLED", cancelled);
    }
    for (std::size_t never_started = 3; never_started < outputs.size(); ++never_started) {
        BOOST_TEST(outputs[never_started].is_null(), never_started);
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(sigterm_cancels_prints_the_partial_record_and_exits_143) {
    running_host host(workflow_command("cancel-only"));
    await_two_items_in_flight(host);
    host.send(SIGTERM);
    const std::string output = host.stdout_text();
    const int status = host.wait_status();
    BOOST_TEST_REQUIRE(WIFEXITED(status), host.stderr_text());
    BOOST_TEST(WEXITSTATUS(status) == 143);
    check_partial_document(output, "SIGTERM");
}

BOOST_AUTO_TEST_CASE(sigint_cancels_prints_the_partial_record_and_exits_130) {
    running_host host(workflow_command("cancel-only"));
    await_two_items_in_flight(host);
    host.send(SIGINT);
    const std::string output = host.stdout_text();
    const int status = host.wait_status();
    BOOST_TEST_REQUIRE(WIFEXITED(status), host.stderr_text());
    BOOST_TEST(WEXITSTATUS(status) == 130);
    check_partial_document(output, "SIGINT");
}

// Items that ignore cancellation keep the first signal from ending the run;
// the second one must.
BOOST_AUTO_TEST_CASE(a_second_signal_ends_the_process_at_once) {
    running_host host(workflow_command("nothing"));
    await_two_items_in_flight(host);
    host.send(SIGTERM);
    BOOST_TEST_REQUIRE(host.await_stderr("SIGTERM received: cancelling the workflow", 1), host.stderr_text());
    host.send(SIGTERM);
    const int status = host.wait_status();
    BOOST_TEST_REQUIRE(WIFSIGNALED(status));
    BOOST_TEST(WTERMSIG(status) == SIGTERM);
}

// wfn-host run: the one call is cancelled and its output still printed.
BOOST_AUTO_TEST_CASE(sigterm_during_run_cancels_the_call_and_prints_its_output) {
    running_host host({WFN_TEST_HOST_PROGRAM, "run", "test.slow", "--params",
                       R"({"Ms":600000,"Watch":"cancel-only"})", "--timeout-ms", "0", "--log-level", "info",
                       "--plugins", WFN_TEST_GOOD_PLUGINS_DIR});
    BOOST_TEST_REQUIRE(host.await_stderr("test.slow: sleeping 600000 ms", 1), host.stderr_text());
    host.send(SIGTERM);
    const std::string output = host.stdout_text();
    const int status = host.wait_status();
    BOOST_TEST_REQUIRE(WIFEXITED(status), host.stderr_text());
    BOOST_TEST(WEXITSTATUS(status) == 143);
    boost::system::error_code ec;
    const boost::json::value parsed = boost::json::parse(output, ec);
    BOOST_TEST_REQUIRE(!ec, "stdout is not JSON: " << output);
    BOOST_TEST(parsed.at("ErrorCode") == "WFN_CANCELLED");
}
