#include "pretty_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace wfn::cli {
namespace {

void write(std::string& out, const boost::json::value& value, std::size_t depth) {
    const std::string indent(2 * (depth + 1), ' ');
    const std::string closing_indent(2 * depth, ' ');
    if (value.is_object() && !value.get_object().empty()) {
        out += "{\n";
        bool first = true;
        for (const auto& member : value.get_object()) {
            out += first ? "" : ",\n";
            first = false;
            out += indent;
            out += boost::json::serialize(boost::json::string(member.key()));
            out += ": ";
            write(out, member.value(), depth + 1);
        }
        out += "\n" + closing_indent + "}";
    } else if (value.is_array() && !value.get_array().empty()) {
        out += "[\n";
        bool first = true;
        for (const auto& element : value.get_array()) {
            out += first ? "" : ",\n";
            first = false;
            out += indent;
            write(out, element, depth + 1);
        }
        out += "\n" + closing_indent + "]";
    } else {
        out += boost::json::serialize(value);
    }
}

}  // namespace

std::string pretty_json(const boost::json::value& value) {
    std::string out;
    write(out, value, 0);
    out += '\n';
    return out;
}

}  // namespace wfn::cli
