// profile/match.h: which co-author entry an author is, and which venue entry a badge is.
//
// al-folio links a co-author's name when the family name is a key of coauthors.yml and
// the given names are one of that entry's variants ("Edwin", "E. P."). imfolio does the
// same, but compares names folded (case, Latin accents, spaces and periods), so "José"
// in one file and "Jose" in another, or "E.P." and "E. P.", still match. It does not
// guess beyond that: no initials derived from full names, no fuzzy distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "profile/model.h"

namespace profile {

// Lower case, Latin letters without their accents (precomposed or combining), no
// whitespace, periods or braces: "É. P." -> "ep", "Müller" -> "muller".
std::string fold_name(std::string_view name);

// Finds co-author entries for authors; the folded keys are prepared once per profile.
class CoauthorMatcher {
public:
    explicit CoauthorMatcher(const std::vector<Coauthor>& coauthors);
    // The index of the entry `a` matches, or -1. Literal names never match: they are
    // not split into family and given names.
    int operator()(const Author& a) const;

private:
    struct Key {
        std::string family;
        std::vector<std::string> given;
    };
    std::vector<Key> keys_;
};

// The index of the venue whose abbreviation is exactly `abbr` (as al-folio looks it up), or -1.
int find_venue(const std::vector<Venue>& venues, std::string_view abbr);

}  // namespace profile
