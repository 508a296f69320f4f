#define BOOST_TEST_MODULE okta_sandbox_unit_tests
#include <boost/test/unit_test.hpp>
