#include "json_checks/schema_validator.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace wfn::json_checks {
namespace {

bool numbers_equal(const boost::json::value& a, const boost::json::value& b) noexcept {
    // Exact comparison whenever both are integers, so large ids never lose
    // precision through double.
    if (a.is_int64() && b.is_int64()) {
        return a.get_int64() == b.get_int64();
    }
    if (a.is_uint64() && b.is_uint64()) {
        return a.get_uint64() == b.get_uint64();
    }
    if (a.is_int64() && b.is_uint64()) {
        return a.get_int64() >= 0 && static_cast<std::uint64_t>(a.get_int64()) == b.get_uint64();
    }
    if (a.is_uint64() && b.is_int64()) {
        return numbers_equal(b, a);
    }
    return a.to_number<double>() == b.to_number<double>();
}

}  // namespace

bool json_equal(const boost::json::value& a, const boost::json::value& b) noexcept {
    if (a.is_number() && b.is_number()) {
        return numbers_equal(a, b);
    }
    if (a.kind() != b.kind()) {
        return false;
    }
    switch (a.kind()) {
    case boost::json::kind::array: {
        const auto& left = a.get_array();
        const auto& right = b.get_array();
        if (left.size() != right.size()) {
            return false;
        }
        for (std::size_t i = 0; i < left.size(); ++i) {
            if (!json_equal(left[i], right[i])) {
                return false;
            }
        }
        return true;
    }
    case boost::json::kind::object: {
        const auto& left = a.get_object();
        const auto& right = b.get_object();
        if (left.size() != right.size()) {
            return false;
        }
        for (const auto& member : left) {
            const auto* other = right.if_contains(member.key());
            if (other == nullptr || !json_equal(member.value(), *other)) {
                return false;
            }
        }
        return true;
    }
    default:
        return a == b;
    }
}

}  // namespace wfn::json_checks
