// profile/rich_text.h: text with inline marks (emphasis, strong, links, ...).
//
// Owners write formatting in three notations: CSL-JSON's HTML-like tags in titles
// (<i>, <b>, <sup>, <sub>, <sc>, <span class="nocase">), BibTeX's LaTeX commands
// (\emph, \textbf, \textsuperscript, \url, \href), and inline Markdown in text fields.
// Each reader turns its notation into the same plain text plus marks, so the views,
// search, the mirror and the static export never see a tag, a brace or an asterisk.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace profile {

enum class MarkKind : std::uint8_t {
    emphasis,     // <i>, <em>, \emph, \textit, *x*
    strong,       // <b>, <strong>, \textbf, **x**
    code,         // `x`
    superscript,  // <sup>, \textsuperscript, $^{x}$ with no Unicode form
    subscript,    // <sub>, \textsubscript
    small_caps,   // <sc>, \textsc
    link,         // <a href>, \href, \url, [x](url); `href` passed is_safe_url()
};

// Marks a byte range [begin, end) of RichString::text. Marks may nest (a link inside
// emphasis); they never split a UTF-8 sequence.
struct Mark {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    MarkKind kind = MarkKind::emphasis;
    std::string href;  // links only
    bool operator==(const Mark& o) const {
        return begin == o.begin && end == o.end && kind == o.kind && href == o.href;
    }
};

struct RichString {
    std::string text;         // what a reader sees, with the notation removed
    std::vector<Mark> marks;  // sorted by begin, then by end descending (outer marks first)
    bool empty() const { return text.empty(); }
};

}  // namespace profile
