// The Okta plugin's credentials JSON for the sandbox, built once per run so
// no scenario pays for it inside its timed loop.
#pragma once

#include <filesystem>
#include <string>

namespace wfn_bench {

// {"Domain": org_url, "ApiToken": token, "CaCertificate": <PEM text of ca_file>}.
// Throws std::runtime_error when ca_file cannot be read.
std::string make_credentials_json(const std::string& org_url, const std::string& token,
                                  const std::filesystem::path& ca_file);

}  // namespace wfn_bench
