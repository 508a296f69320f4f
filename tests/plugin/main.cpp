#define BOOST_TEST_MODULE okta_plugin_tests
#include <boost/test/unit_test.hpp>
