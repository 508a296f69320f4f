#include "credentials.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace wfn_bench {

std::string make_credentials_json(const std::string& org_url, const std::string& token,
                                  const std::filesystem::path& ca_file) {
    std::ifstream file(ca_file, std::ios::binary);
    if (!file) {
        throw std::runtime_error("cannot read the CA file " + ca_file.string() + ".");
    }
    std::ostringstream pem;
    pem << file.rdbuf();
    const boost::json::object credentials{
        {"Domain", org_url},
        {"ApiToken", token},
        {"CaCertificate", pem.str()},
    };
    return boost::json::serialize(credentials);
}

}  // namespace wfn_bench
