// A mistake on the command line or in a file it names: exit code 2.
#pragma once

#include <stdexcept>

namespace wfn::cli {

class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace wfn::cli
