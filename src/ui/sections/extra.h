// ui/sections/extra.h: the view of a section JSON Resume lacks ("teaching",
// "honors_and_awards"), which the page lists after the known ones, one per key.
#pragma once

#include "profile/model.h"

namespace ui {

bool has_extra_section(const profile::ExtraSection& s);

// The body of one extra section (the heading is drawn for it, as for the others).
void render_extra_section(const profile::ExtraSection& s);

}  // namespace ui
