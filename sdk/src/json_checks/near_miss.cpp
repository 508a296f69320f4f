#include "json_checks/near_miss.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace wfn::json_checks {
namespace {

char folded(char c) noexcept { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Levenshtein distance with one row of storage; names are short.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitution = diagonal + (folded(a[i - 1]) == folded(b[j - 1]) ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Names longer than this are not typed by hand; comparing them is wasted work.
constexpr std::size_t longest_compared = 200;

}  // namespace

std::optional<std::string> closest_name(std::string_view given, const std::vector<std::string_view>& candidates) {
    return closest_name(given, candidates, std::max<std::size_t>(1, given.size() / 3));
}

std::optional<std::string> closest_name(std::string_view given, const std::vector<std::string_view>& candidates,
                                        std::size_t most_edits) {
    if (given.empty() || given.size() > longest_compared) {
        return std::nullopt;
    }
    const std::size_t allowed = std::min(most_edits, std::max<std::size_t>(1, given.size() / 3));
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (const std::string_view candidate : candidates) {
        if (candidate == given || candidate.size() > longest_compared) {
            continue;
        }
        const std::size_t distance = edit_distance(given, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best;
}

std::string did_you_mean(std::string_view given, const std::vector<std::string_view>& candidates) {
    const auto best = closest_name(given, candidates);
    return best ? "; did you mean `" + *best + "`?" : std::string();
}

}  // namespace wfn::json_checks
