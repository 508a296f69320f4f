// What one stress-test thread does, and what it writes down: each call's node
// and any breach of the output contract, and each user's expected fate.
// Threads only write their own journal; Boost.Test assertions (not thread
// safe) run on the main thread after the join.
#pragma once

#include "okta_bench.hpp"

#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace okta_it {

// Create, get, update, list, then delete or get again.
inline constexpr int calls_per_lifecycle = 8;

// Every user joins this group (made by the test) by name.
inline constexpr std::string_view stress_group = "Stress";

// The statuses the nodes answer on success.
inline bool is_success(std::int64_t status) { return status == 200 || status == 204; }

enum class user_fate { exists, gone, uncertain };

struct user_record {
    std::string login;
    user_fate expected = user_fate::uncertain;
    std::string first_name;  // expected when it exists; empty when an update's outcome is unknown
    bool member = false;      // Add a User to a Group succeeded
    bool active = false;      // Suspend and then Unsuspend both succeeded
};

struct call_record {
    std::string node;
    std::int64_t status = 0;
    std::string code;
    std::string problem;  // empty when the output keeps the contract
};

struct thread_journal {
    std::vector<call_record> calls;
    std::vector<user_record> fates;
};

// What the output contract says about one output; empty if kept.
inline std::string contract_breach(std::string_view node, const json::object& output) {
    const auto* status = output.if_contains("StatusCode");
    const auto* message = output.if_contains("ErrorMessage");
    if (status == nullptr || !status->is_int64() || message == nullptr || !message->is_string()) {
        return "no integer StatusCode or string ErrorMessage: " + json::serialize(output);
    }
    const std::int64_t code = status->as_int64();
    if (code == -1) {
        return "refused valid parameters: " + std::string(message->as_string());
    }
    if (is_success(code)) {
        if (!message->as_string().empty()) {
            return "a success with an ErrorMessage";
        }
        const bool wants_user = node != "okta.user.list" && node != "okta.user.delete" && node != "okta.group.addUser";
        if (wants_user && !(output.contains("User") && output.at("User").is_object())) {
            return "a success without its User";
        }
        if (node == "okta.user.list" && !(output.contains("Users") && output.at("Users").is_array())) {
            return "a success without its Users";
        }
        return {};
    }
    if (message->as_string().empty()) {
        return "StatusCode " + std::to_string(code) + " without an ErrorMessage";
    }
    if (!output.contains("ErrorCode") || !output.at("ErrorCode").is_string() || !output.contains("Retryable") ||
        !output.at("Retryable").is_bool()) {
        return "a failure without ErrorCode or Retryable: " + json::serialize(output);
    }
    return {};
}

// Runs one node and writes it down; returns the output.
inline json::object journaled_run(thread_journal& journal, std::string_view node, json::object params,
                                  const std::string& credentials) {
    params["MaxRetries"] = 3;
    wfn::host::run_options options;
    options.timeout = std::chrono::seconds(20);
    json::object output = host().run(node, json::serialize(params), credentials, options);
    call_record call{std::string(node), 0, {}, contract_breach(node, output)};
    if (const auto* status = output.if_contains("StatusCode"); status != nullptr && status->is_int64()) {
        call.status = status->as_int64();
    }
    if (const auto* code = output.if_contains("ErrorCode"); code != nullptr && code->is_string()) {
        call.code = std::string(code->as_string());
    }
    journal.calls.push_back(std::move(call));
    return output;
}

inline bool succeeded(const json::object& output) { return is_success(output.at("StatusCode").as_int64()); }

// Thread `thread`'s users, each through its whole life. Every call is made
// whatever the previous ones answered, so the call count is fixed.
inline void run_user_lifecycles(thread_journal& journal, int thread, int users, const std::string& credentials) {
    for (int i = 0; i < users; ++i) {
        const std::string tag = std::to_string(thread) + "-" + std::to_string(i);
        user_record fate{"stress-" + tag + "@example.com", user_fate::uncertain, "Stress" + tag};
        const auto created = journaled_run(journal, "okta.user.create",
                                           {{"UserName", fate.login}, {"Email", fate.login},
                                            {"FirstName", fate.first_name}, {"LastName", "Load"}},
                                           credentials);
        // A failed create may still have been carried out (its answer lost).
        fate.expected = succeeded(created) ? user_fate::exists : user_fate::uncertain;

        journaled_run(journal, "okta.user.get", {{"UserId", fate.login}}, credentials);

        const std::string renamed = "Renamed" + tag;
        const auto updated =
            journaled_run(journal, "okta.user.update", {{"UserId", fate.login}, {"FirstName", renamed}}, credentials);
        fate.first_name = succeeded(updated) ? renamed : std::string();

        journaled_run(journal, "okta.user.list", {{"Limit", 5}}, credentials);

        fate.member = succeeded(journaled_run(
            journal, "okta.group.addUser", {{"GroupName", stress_group}, {"UserId", fate.login}}, credentials));
        const bool suspended = succeeded(journaled_run(journal, "okta.user.suspend", {{"UserId", fate.login}}, credentials));
        const bool resumed = succeeded(journaled_run(journal, "okta.user.unsuspend", {{"UserId", fate.login}}, credentials));
        fate.active = suspended && resumed;

        if ((thread + i) % 2 == 1) {
            const auto deleted = journaled_run(journal, "okta.user.delete", {{"UserId", fate.login}}, credentials);
            fate.expected = succeeded(deleted) ? user_fate::gone : user_fate::uncertain;
        } else {
            journaled_run(journal, "okta.user.get", {{"UserId", fate.login}}, credentials);
        }
        journal.fates.push_back(std::move(fate));
    }
}

struct stress_totals {
    int calls = 0;
    int succeeded = 0;
    std::map<std::string, int> failures;  // "<StatusCode> <ErrorCode>" -> count

    std::string failures_by_code() const {
        std::ostringstream text;
        for (const auto& [code, count] : failures) {
            text << code << ": " << count << "; ";
        }
        return text.str();
    }
};

inline stress_totals tally(const std::vector<thread_journal>& journals) {
    stress_totals totals;
    for (const auto& journal : journals) {
        for (const auto& call : journal.calls) {
            ++totals.calls;
            if (is_success(call.status)) {
                ++totals.succeeded;
            } else {
                ++totals.failures[std::to_string(call.status) + " " + call.code];
            }
        }
    }
    return totals;
}

}  // namespace okta_it
