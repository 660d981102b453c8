// ui/search_bar.h: the search panel under the top bar (Ctrl+K, "/", or the search button).
#pragma once

#include <string>
#include <vector>

#include "profile/search.h"
#include "ui/context.h"

namespace ui {

struct SearchChoice {
    bool chosen = false;
    std::string route;
    int entry = -1;  // the entry to scroll to; -1: the section's top
};

// Draws the panel (a window of its own) below a top bar `bar_h` high; returns the hit
// the visitor chose (click, tap, Enter, or activation from the mirror).
SearchChoice draw_search_panel(Ctx& c, const std::vector<profile::SearchHit>& hits, float width, float bar_h);

}  // namespace ui
