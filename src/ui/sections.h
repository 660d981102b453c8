// ui/sections.h: the page's sections, in order, as the views draw them. The facts about
// each section (route, title, JSON key) are profile/section_table.h; one file per view (sections/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "profile/model.h"
#include "profile/section_table.h"

namespace ui {

// A section of the page, as the views draw it: a row of the section table
// (profile/section_table.h) with its icon and view, or a section the profile adds
// (Profile::extra_sections: "teaching", "honors_and_awards"), drawn generically.
struct SectionView {
    profile::SectionId id;   // meaningless for an extra section
    // C strings: the table's literals, or an extra section's own strings (valid while
    // the profile shown lives, i.e. for the frame).
    const char* route;  // "#/news" -> "news"; also the mirror's section anchor
    const char* title;  // shown as the section heading
    const char* nav;    // the shorter label in the navigation bar
    char32_t icon;
    void (*render)(const profile::Profile&);  // draws the body; the heading is drawn for it
    const profile::ExtraSection* extra = nullptr;  // set for an extra section (render is then unused)

    void draw(const profile::Profile& p) const;
};

// The table's sections, in page order.
const std::vector<SectionView>& section_views();
// The sections this profile has content for, in page order: the table's, then its own
// extra sections in file order. Empty ones are not shown.
std::vector<SectionView> visible_sections(const profile::Profile& p);
bool is_route(const profile::Profile& p, const std::string& route);

// The icon of a social profile's network ("GitHub", "ORCID"...), the link icon for others:
// the header's pills, and the static page's copy of them (app/static_html.cpp).
char32_t network_icon(const std::string& network);

// Section bodies (sections/<id>.cpp), one per row of the section table.
#define IMFOLIO_RENDER_DECL(id, ...) void render_##id(const profile::Profile& p);
IMFOLIO_SECTIONS(IMFOLIO_RENDER_DECL)
#undef IMFOLIO_RENDER_DECL

// Work and volunteering share one look (sections/experience.cpp).
void render_positions(const std::vector<profile::Position>& positions, std::string_view list_label);

// The header above the sections (name, title, affiliation, links).
void render_header(const profile::Profile& p);

}  // namespace ui
