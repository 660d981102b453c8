// profile/bibtex.h: a publication's BibTeX entry, for the "BibTeX" copy button. Reading
// .bib files is bibtex_reader.h.
#pragma once

#include <string>

#include "profile/model.h"

namespace profile {

// The entry as the owner wrote it when the publication came from a .bib file
// (Publication::bibtex). Otherwise @inproceedings / @article / @misc ... with the fields
// the publication has; the key is the CSL id when given, else family name of the first
// author + year + first title word.
std::string to_bibtex(const Publication& p);

}  // namespace profile
