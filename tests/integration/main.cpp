#define BOOST_TEST_MODULE okta_integration_tests
#include <boost/test/unit_test.hpp>
