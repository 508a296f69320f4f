#include "text_wrap.hpp"

#include <algorithm>

namespace wfn::cli {

std::string wrapped(std::string_view paragraph, std::string_view indent, std::size_t width) {
    std::string text;
    std::size_t line_length = 0;  // 0: no word on the current line yet
    std::size_t position = 0;
    while (true) {
        const std::size_t start = paragraph.find_first_not_of(' ', position);
        if (start == std::string_view::npos) {
            break;
        }
        const std::size_t end = std::min(paragraph.find(' ', start), paragraph.size());
        const std::string_view word = paragraph.substr(start, end - start);
        if (line_length != 0 && line_length + 1 + word.size() > width) {
            text += '\n';
            line_length = 0;
        }
        if (line_length == 0) {
            text += indent;
            line_length = indent.size();
        } else {
            text += ' ';
            ++line_length;
        }
        text += word;
        line_length += word.size();
        position = end;
    }
    if (line_length != 0) {
        text += '\n';
    }
    return text;
}

}  // namespace wfn::cli
