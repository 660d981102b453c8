// profile/bibtex_names.h: a BibTeX name list ("author", "editor") -> Author records.
//
// Names are split on "and" at brace depth 0 (any case, any whitespace). Each name is read
// in BibTeX's three forms: "First von Last", "von Last, First" and "von Last, Jr, First";
// the von part is found by the case of each word's first letter, as BibTeX does
// (accented letters such as {\"u} and UTF-8 letters count by their case). The von part
// and Jr go into `family`, as the CSL-JSON reader puts particles and suffixes ("van
// Gogh", "King, Jr."). A name that is one braced group ({The X Consortium}) is a
// literal; "and others" sets `others`. Equal-contribution markers after a word (Zhao*,
// Li\textsuperscript{\dag}, Li$^\dagger$, Li†) are taken off the name into
// Author::marker, so the name itself still matches the owner's. LaTeX in names is read
// by latex.h. It knows nothing of fields or files.
#pragma once

#include <string_view>
#include <vector>

#include "profile/latex.h"
#include "profile/model.h"

namespace profile {

struct NameList {
    std::vector<Author> names;
    bool others = false;  // the list ended with "and others": shown as "et al."
};

// Notes (unknown commands, too many commas) are placed at the start of the name concerned.
NameList read_names(std::string_view value, std::vector<LatexNote>* notes = nullptr);

}  // namespace profile
