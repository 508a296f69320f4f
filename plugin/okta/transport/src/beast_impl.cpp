// Beast, compiled once for the whole plugin (BOOST_BEAST_SEPARATE_COMPILATION
// is set on okta_transport).
#include <boost/beast/src.hpp>
