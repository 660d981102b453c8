// ui/context.h: what a view needs while it draws one frame.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "profile/model.h"
#include "profile/words.h"
#include "ui/document.h"
#include "ui/fonts.h"
#include "ui/page_state.h"
#include "ui/theme.h"

namespace ui {

struct LayoutCache;
class Pictures;

// What the platform lets the UI do outside the canvas. Unset members are no-ops.
struct Hooks {
    // Opens an external link (desktop: xdg-open).
    std::function<void(const std::string& url)> open_url;
    // The web sets this: real <a href> elements over the canvas take every click on a
    // link (and the browser opens it or changes the #/route), so the canvas must not act too.
    bool links_are_native = false;
    // Puts text on the clipboard (web: navigator.clipboard; desktop: GLFW).
    std::function<void(const std::string& text)> copy_text;
    // The web sets this: its text fields are real DOM inputs over the canvas (input
    // methods, on-screen keyboards, paste, undo), so the canvas draws their frames only
    // and records them as textbox nodes; the query arrives through Site::set_search_query.
    bool native_text_fields = false;
    // The web sets this: the browser selects and copies the page's text (the mirror's
    // text layer), so Ctrl+C is the browser's, not a copy of the focused node.
    bool native_selection = false;
};

// Facts about the profile being shown that views need every frame but that cost a pass
// over a whole section; the Site computes them once each time the shown profile changes.
struct ProfileFacts {
    std::uint32_t generation = 0;          // changes whenever the shown profile does (load, search)
    std::size_t selected_publications = 0; // custom.selected
    bool venue_badges = false;             // any publication has custom.abbr
};

struct Ctx {
    const profile::Profile& profile;
    const Palette& palette;
    const FontLibrary& fonts;
    PageState& page;
    Document& doc;
    const Hooks& hooks;
    float column_x = 0;     // the content column, in screen pixels
    float column_w = 0;
    float viewport_h = 0;
    float top_bar_h = 0;
    float scroll_y = 0;     // converts screen y to page y for recorded rects
    bool compact = false;   // phone-width layout
    bool touch = false;     // coarse pointer: 44 px targets
    LayoutCache* layout = nullptr;  // line breaks and list heights kept between frames (none: recompute)
    Pictures* pictures = nullptr;   // the profile's pictures (none: none are drawn or asked for)
    ProfileFacts facts;
    const profile::Words* words = &profile::english_words();  // the page's own words, in the profile's language
};

// The context of the frame being drawn; widgets read it. Valid only inside Site::frame().
Ctx& ctx();
void set_ctx(Ctx* c);

}  // namespace ui
