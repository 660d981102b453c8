// profile/bibtex.h: a BibTeX entry built from a publication, for the "BibTeX" copy button.
#pragma once

#include <string>

#include "profile/model.h"

namespace profile {

// @inproceedings / @article / @misc ... with the fields the publication has. The key is
// the CSL id when given, else family name of the first author + year + first title word.
std::string to_bibtex(const Publication& p);

}  // namespace profile
