// ui/page_state.h: what the visitor has done to the page (route, scroll, toggles).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>

#include "ui/scroll.h"

namespace ui {

enum class ThemeChoice : std::uint8_t { system, light, dark };

struct PageState {
    std::string route = "about";        // the section at the top of the view (scroll-spy)
    std::string target_route;           // a section navigate() asked for, until it is reached
    bool target_instant = false;        // jump (first load, back button) rather than animate
    bool target_push = false;           // add a history entry once there (a click in the canvas)
    Scroller scroll;
    ThemeChoice theme = ThemeChoice::system;
    bool system_dark = false;           // prefers-color-scheme, from the platform
    bool menu_open = false;             // the narrow-screen section menu
    bool selected_only = false;         // publications filter
    bool notice_dismissed = false;
    bool static_export = false;         // `imfolio export`: abstracts open, no profile notice
    // Search (Ctrl+K): while the query is not empty the page shows only matching entries.
    bool search_open = false;
    bool search_focus = false;          // put the caret in the search field on the next frame
    std::string search_query;
    int search_selected = 0;            // the highlighted result (arrow keys)
    int target_entry = -1;              // with target_route: the entry to scroll to
    std::string flash_route;            // the entry a search result jumped to, highlighted briefly
    int flash_entry = -1;
    double flash_time = -1;
    std::set<std::uint32_t> expanded;   // entries whose abstract (or details) is open
    std::unordered_map<std::string, float> section_top;  // page y of each section, from the last frame
    std::uint32_t activate_id = 0;      // a button the mirror activated (keyboard / screen reader)
    std::uint32_t focus_id = 0;         // the node focused in the mirror (Ctrl+C copies it)
    bool focus_visible = false;         // ... and whether to draw its ring (keyboard focus)
    // Text the browser's translation wrote over the mirror's, by document node id: the
    // canvas draws it instead of the profile's (and asks for the fonts it needs).
    std::unordered_map<std::uint32_t, std::string> translated;
    std::uint32_t copied_id = 0;        // the copy button that just copied (shows a tick)
    double copied_time = -1;
    bool dark() const { return theme == ThemeChoice::dark || (theme == ThemeChoice::system && system_dark); }
};

}  // namespace ui
