// profile/icons.h: an "icon" as al-folio writes it -> a glyph of imfolio's icon font.
//
// al-folio's CV draws skills, languages, interests, certificates and references with a
// Font Awesome class ("fa-solid fa-location-dot", "fas fa-tag", "fa-brands fa-github").
// imfolio's icon font is Fork Awesome, which has Font Awesome 4's names: the table of
// its names and code points is generated at build time from the installed package
// (scripts/icon-names), and the common renames of Font Awesome 5 and 6 are mapped to it.
#pragma once

#include <string_view>
#include <vector>

#include "profile/model.h"

namespace profile {

// The Fork Awesome code point of a Font Awesome class string; 0 when the font has no
// such icon (or the string names none).
char32_t icon_glyph(std::string_view css_class);

// The icon glyphs a profile's entries draw, sorted and unique (for the fonts to load).
std::vector<char32_t> icon_glyphs(const Profile& p);

}  // namespace profile
