// Asio and its SSL support, compiled once for the whole plugin
// (BOOST_ASIO_SEPARATE_COMPILATION is set on okta_transport).
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
