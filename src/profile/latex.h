// profile/latex.h: the LaTeX inside a BibTeX value -> Unicode text with marks.
//
// Takes one field's value as BibTeX hands it over (outer delimiters gone, @string
// macros and # already joined) and gives what a reader should see: accents in any
// spelling composed to NFC ({\"u}, \"{u}, \'\i, \v{s}, and a letter followed by a
// combining mark, as macOS writes files), special letters (\o, \ss, \aa, \l...), TeX's
// ligatures (-- – , --- —, `` “, '' ”), ties and thin spaces, escaped specials (\&, \%),
// font commands as marks (\emph, \textbf, \textsc, \textsuperscript; {\em ...}), \url and
// \href as link marks (only links is_safe_url accepts), protective braces dropped, and
// simple math ($\alpha$, $x^{2}$, $^{th}$) in Unicode. Math without a Unicode form is
// kept as its source text. An unknown command keeps its argument's text (or, without
// one, its own name) and is reported: nothing the owner wrote vanishes silently.
// It does not split names (bibtex_names.h) or know about fields, macros or files.
// Linear in the value, no recursion, never throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "profile/rich_text.h"

namespace profile {

// Something worth telling the owner, at a byte offset into the value given.
struct LatexNote {
    std::size_t offset = 0;
    std::string message;
};

struct LatexOptions {
    // '' -> ” and ' -> ’ as TeX prints them; off for names, where an ASCII apostrophe
    // ("O'Neil") must still match the owner's name as written in the profile.
    bool smart_quotes = true;
};

RichString latex_to_rich(std::string_view value, std::vector<LatexNote>* notes = nullptr,
                         const LatexOptions& options = LatexOptions{});

// The text alone, for fields shown without formatting (names, venues, abstracts).
std::string latex_to_text(std::string_view value, std::vector<LatexNote>* notes = nullptr,
                          const LatexOptions& options = LatexOptions{});

// The precomposed form of `base` followed by the combining mark `mark` (U+0300-U+036F),
// or 0 when Unicode has none. Covers the Latin letters (Basic Latin, Latin-1, Extended
// A/B and Additional) with the marks LaTeX's accent commands make.
char32_t compose(char32_t base, char32_t mark);

}  // namespace profile
