#include "profile/problem.h"

#include <algorithm>

namespace profile {

std::string format_problem(const Problem& p, const std::string& file) {
    std::string out = file;
    if (p.line > 0) out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    out += p.severity == Severity::error ? ": error: " : ": warning: ";
    out += p.pointer.empty() ? std::string("/") : p.pointer;
    out += ": ";
    out += p.message;
    return out;
}

int count(const std::vector<Problem>& problems, Severity s) {
    return static_cast<int>(std::count_if(problems.begin(), problems.end(),
                                          [s](const Problem& p) { return p.severity == s; }));
}

void add_problem(std::vector<Problem>& list, Problem p, std::size_t limit, Overflow& overflow) {
    if (list.size() < limit) {
        list.push_back(std::move(p));
        return;
    }
    ++overflow.count;
    overflow.any_error = overflow.any_error || p.severity == Severity::error;
}

}  // namespace profile
