#include "profile/problem.h"

#include <algorithm>

#include "profile/text.h"

namespace profile {

std::string format_problem(const Problem& p, const std::string& file) {
    std::string out = p.file.empty() ? file : p.file;
    if (p.line > 0) out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    out += p.severity == Severity::error ? ": error: " : ": warning: ";
    // A pointer into a deeply nested or long-keyed file can be megabytes: show its start.
    out += p.pointer.empty() ? std::string("/") : shorten_text(p.pointer, 200);
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
