#define BOOST_TEST_MODULE okta_integration_tests
#include "secret_audit.hpp"

#include <boost/test/unit_test.hpp>

#include <iostream>

namespace {

// Says how much the secret audit in bench::run() covered, so a run that
// logged nothing (and so proved nothing) shows.
struct audit_summary {
    ~audit_summary() {
        std::cout << "secret audit: " << okta_it::audited().runs << " node runs, " << okta_it::audited().log_lines
                  << " log lines at the most verbose level, " << okta_it::audited().leaks << " secrets found\n";
    }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(audit_summary);
