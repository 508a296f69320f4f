#pragma once
// Which OAuth scope each Okta API endpoint needs. The table lives in
// endpoint_scopes.cpp; a new endpoint is one line there.
#include <boost/beast/http/verb.hpp>
#include <boost/url/url_view.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace okta_sandbox {

// The scope the request needs, or nullopt when no entry matches (the request
// then goes on to be answered, typically 404).
std::optional<std::string_view> required_scope(boost::beast::http::verb method, const boost::urls::url_view& url);

// True when `granted` holds `required`; a "<x>.manage" scope also grants "<x>.read".
bool scope_granted(std::string_view required, const std::set<std::string>& granted);

}  // namespace okta_sandbox
