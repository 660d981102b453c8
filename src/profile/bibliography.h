// profile/bibliography.h: BibTeX files as a profile's publications.
//
// A profile names .bib files in its "bibliography" member (load.h records them in
// LoadResult::bibliography). The platform reads each file (natively from disk, on the
// web by fetching it relative to the profile's URL, with the same size limit) and
// hands the bytes here; nothing here touches files. A .bib can also be shown on its
// own (load_bibliography), as `imfolio check papers.bib` does.
//
// Merging: every entry joins the publications, except one the profile has already,
// by the same DOI (any case) or the same normalised title (letters and digits, lower
// case) and year: it is shown once, with the JSON entry's fields first and the .bib
// filling the gaps (its link buttons, its own BibTeX for Copy BibTeX...). Then the
// publications are ordered as the loader orders them (newest first, unless meta.order
// is "as-written": then the profile's, then each file's in order) and authors are
// decided again (Author::shown, Author::owner). The .bib's problems keep their own
// file name and places.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "profile/limits.h"
#include "profile/load.h"

namespace profile {

// The folder a bibliography's relative links start from, as seen from the profile:
// "pubs/papers.bib" -> "pubs/", "papers.bib" -> "".
std::string bibliography_folder(std::string_view path);

// Merges result.bibliography[index], read as `bytes`; `file` names it in problems.
void add_bibliography(LoadResult& result, std::size_t index, std::string_view bytes, std::string file,
                      const Limits& limits = default_limits());

// result.bibliography[index] could not be read (`reason`, e.g. "No such file or
// directory"): an error placed at its name in the profile. Everything else still shows.
void bibliography_unreadable(LoadResult& result, std::size_t index, const std::string& reason);

// A .bib file alone: its entries as the publications of an otherwise empty profile.
// `ok` is false only when the file is over the size limit.
LoadResult load_bibliography(std::string_view bytes, std::string source, const Limits& limits = default_limits());

// Whether a file name ends in ".bib", in any case.
bool is_bibtex_path(std::string_view path);

}  // namespace profile
