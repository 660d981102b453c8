#include "profile/problem.h"

#include <algorithm>

#include "profile/text.h"

namespace profile {

std::string format_problem(const Problem& p, const std::string& file) {
    std::string out = file;
    if (p.line > 0) out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    out += p.severity == Severity::error ? ": error: " : ": warning: ";
    // A pointer into a deeply nested or long-keyed file can be megabytes: show its start.
    constexpr std::size_t kMaxPointer = 200;
    if (p.pointer.empty())
        out += "/";
    else if (p.pointer.size() <= kMaxPointer)
        out += p.pointer;
    else
        out += std::string(utf8_prefix(p.pointer, kMaxPointer)) + "\u2026";
    out += ": ";
    out += p.message;
    return out;
}

int count(const std::vector<Problem>& problems, Severity s) {
    return static_cast<int>(std::count_if(problems.begin(), problems.end(),
                                          [s](const Problem& p) { return p.severity == s; }));
}

}  // namespace profile
