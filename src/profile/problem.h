// profile/problem.h: what went wrong reading a profile, and where.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace profile {

enum class Severity { warning, error };

// One problem found in a profile file. `pointer` is an RFC 6901 JSON pointer to the
// value concerned ("" for the whole document); line and column (1-based, columns
// in Unicode code points) are filled in by locate_problems() from the source text.
// In a .bib file (bibtex_reader.h) the pointer is "/@KEY/FIELD" instead, and the reader
// places the problem itself.
struct Problem {
    Severity severity = Severity::error;
    std::string pointer;
    std::string message;
    std::size_t offset = npos;  // byte offset, when the parser knows it directly
    bool pointer_from_offset = false;  // locate_problems names the string that holds `offset`
    int line = 0;
    int column = 0;
    // The file the problem is in when it is not the one being checked: a bibliography
    // merged into a profile ("papers.bib"). Empty for the profile's own problems.
    std::string file;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

// "FILE:LINE:COL: error: /json/pointer: message", the compiler-style line of `imfolio check`.
// FILE is `file`, or the problem's own file when it has one.
std::string format_problem(const Problem& p, const std::string& file);

int count(const std::vector<Problem>& problems, Severity s);

// Problems beyond the list's limit: counted, not kept, so a file with a million
// mistakes costs bounded memory yet still fails when one of the dropped is an error.
struct Overflow {
    std::size_t count = 0;
    bool any_error = false;
};

// Appends `p` while `list` holds fewer than `limit` problems, else counts it in `overflow`.
void add_problem(std::vector<Problem>& list, Problem p, std::size_t limit, Overflow& overflow);

}  // namespace profile
