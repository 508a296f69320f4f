// JSON request bodies that may carry a password: built and serialised only
// in wiping storage, so the password leaves no copy in freed memory.
#pragma once

#include "wire/secret_text.hpp"

#include <boost/json/storage_ptr.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace okta_plugin::okta {

// Storage for JSON values that hold a secret: every block is overwritten
// before it is freed. Thread-safe; lives for the whole process.
boost::json::storage_ptr wiping_json_storage() noexcept;

// `body` as JSON text, in wiping storage (serialised in place, never copied).
wire::wiping_string to_body_text(const boost::json::value& body);
wire::wiping_string to_body_text(const boost::json::object& body);

}  // namespace okta_plugin::okta
