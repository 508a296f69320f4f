// "Fail at every step": a create that reconciles and a delete that takes two
// DELETEs, each run once per exchange with a failure injected there. Whatever
// fails where, the outcome is never a success that did not happen, a create is
// never carried out twice, and a failure says "outcome unknown" whenever Okta
// may have changed something.
//
// The answers come from a tiny model of Okta's Users API rather than a fixed
// script, since the requests after an injected failure depend on the failure.
#include "okta_answers.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>

using namespace okta_plugin::test;
using okta_plugin::okta::call_result;
using wire::method;

namespace {

// Okta stamps `created` to the millisecond; whole seconds would put a user
// made during this call before the call's own start.
std::string created_now() {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch()).count();
    std::string text = okta::format_utc(ms / 1000);
    const std::string fraction = std::to_string(1000 + ms % 1000).substr(1);
    text.insert(text.size() - 1, "." + fraction);
    return text;
}


enum class fault {
    answer_lost,   // carried out, then the connection closed before the answer
    unavailable,   // 503, not carried out
    rate_limited,  // 429, not carried out
};

const char* fault_name(fault kind) {
    switch (kind) {
        case fault::answer_lost: return "answer lost";
        case fault::unavailable: return "503";
        case fault::rate_limited: return "429";
    }
    return "?";
}

constexpr std::string_view ada_id = "00ub0oNGTSWTBKOLGLNR";
constexpr std::string_view ada = "ada@example.com";
const std::string ada_target = "/api/v1/users/00ub0oNGTSWTBKOLGLNR";

// Okta's Users API over one org, with failures planned per exchange index.
class model_org final : public wire::sender {
public:
    std::map<std::size_t, fault> plan;
    std::optional<boost::json::object> user;  // the one user this org can hold
    std::size_t exchanges = 0;
    int creates_carried_out = 0;
    int requests_after_create = 0;  // POST /users once the user existed
    int deletes_of_nobody = 0;      // DELETE once the user was gone

    wire::response send(const wire::endpoint&, const wire::request& request, const wire::call_budget&) override {
        const auto planned = plan.find(exchanges++);
        if (planned != plan.end() && planned->second == fault::unavailable) {
            return okta_answer::error(503, "E0000009", "Service unavailable").response;
        }
        if (planned != plan.end() && planned->second == fault::rate_limited) {
            return okta_answer::rate_limited(0).response;
        }
        wire::response answer = carry_out(request);
        if (planned != plan.end()) {
            throw wire::transport_error(wire::failure::connection_closed, "injected: answer lost", false);
        }
        return answer;
    }

private:
    wire::response carry_out(const wire::request& request) {
        const bool search = request.target.starts_with("/api/v1/users?search=");
        if (request.verb == method::get && search) {
            return okta_answer::users(user ? std::vector{*user} : std::vector<boost::json::object>{}).response;
        }
        if (request.verb == method::post && request.target == "/api/v1/users?activate=true") {
            if (user) {
                ++requests_after_create;
                return okta_answer::login_taken().response;
            }
            ++creates_carried_out;
            user = user_json(ada_id, ada, "ACTIVE", epoch_now());
            (*user)["created"] = created_now();
            return answer_with_user();
        }
        if (request.target != ada_target) {
            BOOST_ERROR("the model does not know " << wire::method_name(request.verb) << " " << request.target);
            return okta_answer::error(404, "E0000007", "Not found").response;
        }
        if (!user) {
            deletes_of_nobody += request.verb == method::del ? 1 : 0;
            return okta_answer::error(404, "E0000007", "Not found: Resource not found").response;
        }
        if (request.verb == method::del) {
            if (user->at("status") == "DEPROVISIONED") {
                user.reset();
            } else {
                (*user)["status"] = "DEPROVISIONED";
            }
            return okta_answer::deleted().response;
        }
        return answer_with_user();
    }
    wire::response answer_with_user() const {
        return std::move(canned(200, boost::json::serialize(*user)).dated(epoch_now())).response;
    }
};

// A scripted_okta whose sender is the model instead of a script.
struct model_okta {
    model_org org;
    okta::rate_pacer pacer;
    okta::unconfirmed_changes unconfirmed;
    wire::secret_text token{test_token};
    okta::ssws_authoriser authoriser{token};
    okta::org_route route{okta::parse_org_domain("https://dev-1.okta.com"), wire::endpoint{"dev-1.okta.com", 443, {}}};

    call_result run(const std::function<call_result(okta::users_client&)>& call) {
        wire::call_budget budget;
        budget.deadline = wire::call_budget::clock::now() + std::chrono::seconds(8);
        okta::pipeline_policy policy{2, okta::backoff_policy{std::chrono::milliseconds(1), std::chrono::milliseconds(4)}};
        okta::request_pipeline pipeline(org, pacer, authoriser, route, policy, std::move(budget));
        okta::users_client users(pipeline, unconfirmed);
        return call(users);
    }
};

const boost::json::object create_body = boost::json::parse(R"({
    "profile": {"login": "ada@example.com", "email": "ada@example.com", "firstName": "Ada", "lastName": "Lovelace"},
    "credentials": {"password": {"value": "correct-Horse-7"}}})").as_object();

call_result create_ada(okta::users_client& users) { return users.create_user({create_body, true, true}); }
call_result delete_ada(okta::users_client& users) { return users.delete_user(ada_id, false); }

// How many exchanges a run takes when only the `base` plan fails.
std::size_t exchanges_of(const std::map<std::size_t, fault>& base,
                         const std::function<call_result(okta::users_client&)>& call,
                         const std::optional<boost::json::object>& user) {
    model_okta okta;
    okta.org.plan = base;
    okta.org.user = user;
    BOOST_TEST_REQUIRE(okta.run(call).has_value());
    return okta.org.exchanges;
}

// A failure that leaves Okta changed says so, and one whose outcome is
// unknown is worth running again (a rerun settles it).
void check_failure_is_honest(const call_result& result, bool changed) {
    if (result.has_error()) {
        BOOST_TEST_INFO("the failure: " << result.error().code << " " << result.error().message);
        BOOST_TEST((result.error().outcome_unknown || !changed), "a change was made but the failure hides it");
        BOOST_TEST((!result.error().outcome_unknown || result.error().retryable),
                   "an unknown outcome that is not retryable");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline)

BOOST_AUTO_TEST_CASE(a_reconciled_create_fails_safely_at_every_step) {
    // The create's own answer is lost: the nominal run looks the login up.
    const std::map<std::size_t, fault> base{{0, fault::answer_lost}};
    const std::size_t steps = exchanges_of(base, create_ada, std::nullopt);
    BOOST_TEST(steps == 2u);
    for (std::size_t step = 0; step < steps; ++step) {
        for (fault kind : {fault::answer_lost, fault::unavailable, fault::rate_limited}) {
            BOOST_TEST_CONTEXT("exchange " << step << ": " << fault_name(kind)) {
                model_okta okta;
                okta.org.plan = base;
                okta.org.plan[step] = kind;
                const call_result result = okta.run(create_ada);
                BOOST_TEST(okta.org.creates_carried_out <= 1);
                BOOST_TEST(okta.org.requests_after_create == 0);  // no POST once the user exists
                if (result.has_value()) {
                    BOOST_TEST_REQUIRE(okta.org.user.has_value());  // no false success
                    BOOST_TEST(result->body.at("id") == okta.org.user->at("id"));
                }
                check_failure_is_honest(result, okta.org.creates_carried_out > 0);
                if (kind == fault::rate_limited) {
                    BOOST_TEST(result.has_value());  // Okta did not carry a 429 out: resent
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_delete_fails_safely_at_every_step) {
    const auto active = user_json(ada_id, ada, "ACTIVE", epoch_now() - 3600);
    const std::size_t steps = exchanges_of({}, delete_ada, active);
    BOOST_TEST(steps == 3u);
    for (std::size_t step = 0; step < steps; ++step) {
        for (fault kind : {fault::answer_lost, fault::unavailable, fault::rate_limited}) {
            BOOST_TEST_CONTEXT("exchange " << step << ": " << fault_name(kind)) {
                model_okta okta;
                okta.org.user = active;
                okta.org.plan[step] = kind;
                const call_result result = okta.run(delete_ada);
                BOOST_TEST(okta.org.deletes_of_nobody == 0);  // a lost DELETE is never sent again
                if (result.has_value()) {
                    BOOST_TEST(!okta.org.user.has_value());  // no false success
                }
                check_failure_is_honest(result, !okta.org.user || okta.org.user->at("status") != "ACTIVE");
                if (kind == fault::rate_limited) {
                    BOOST_TEST(result.has_value());
                }
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
