// profile/bibtex_reader.h: the bytes of a .bib file -> publications + positioned problems.
//
// Reads BibTeX and biblatex as researchers write them for al-folio sites: a Jekyll
// front-matter block, @string macros (used bare, joined with #, month macros jan..dec),
// @comment and @preamble, text between entries, entry types and field names in any
// case, {}- and ""-delimited values with nested braces, bare numbers, biblatex's `date`,
// duplicate keys and fields (warned; the first field is used), URLs, DOIs or Hangul as
// citation keys. Values go through latex.h (accents, marks, math), names through
// bibtex_names.h. al-folio's keys (abbr, selected, pdf, preview, award...) fill the
// matching Publication fields; standard fields imfolio does not show are ignored
// silently; any other field is reported by name, with a did-you-mean for near misses.
//
// A slip costs at most its own field or entry, never the file: a missing comma
// between fields, an entry whose closing '}' is missing before the next "@type{" at the
// start of a line, or a value whose closing delimiter is missing (its field is dropped,
// and reading resumes at the next line that starts a field or an entry) are each one
// positioned error.
//
// Problems are placed "FILE:LINE:COL" with a pointer "/@KEY/FIELD" (the citation key as
// written; "/@#N" for the Nth entry when it has none; "/@string/NAME" for macros; "/"
// for the file as a whole).
//
// Relative links (pdf={paper.pdf}) are resolved as al-folio does, under the .bib file's
// folder: pdf, supp, poster and slides under assets/pdf/, preview under
// assets/img/publication_preview/, other links as written; then `link_base` (the .bib
// file's folder as seen from the profile) is put in front, so every link ends up
// relative to the profile, like the profile's own. Links starting with '/' are kept.
//
// Bounded by limits.h: the file size, entries (max_entries), brace depth
// (max_depth), value length (max_string_bytes, also after macros are joined; all
// macro expansion in a file together is held to max_file_bytes), problems. Linear in
// the file, no recursion, never throws, no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "profile/limits.h"
#include "profile/model.h"
#include "profile/problem.h"

namespace profile {

struct BibtexOptions {
    std::string link_base;  // "" or a folder ending in '/': "pubs/", "../"
};

struct BibtexResult {
    std::vector<Publication> publications;  // in file order
    std::vector<Problem> problems;          // in file order, placed, each with `file` set
    bool ok = false;                        // false: the file was not read at all (over the size limit)
};

BibtexResult read_bibtex(std::string_view bytes, const std::string& file, const BibtexOptions& options = {},
                         const Limits& limits = default_limits());

// Every field name the reader knows, lower case: those it shows and those it ignores.
std::vector<std::string> known_bibtex_fields();

}  // namespace profile
