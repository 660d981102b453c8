// ui/sections.h: the page's sections, in order. One file per section view (sections/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "profile/model.h"

namespace ui {

struct SectionView {
    const char* route;   // "#/news" -> "news"; also the mirror's section anchor
    const char* title;   // shown as the section heading
    const char* nav;     // the shorter label in the navigation bar
    char32_t icon;
    bool (*has_content)(const profile::Profile&);
    void (*render)(const profile::Profile&);  // draws the body; the heading is drawn for it
};

// All sections the page knows, in page order.
const std::vector<SectionView>& section_views();
// The sections this profile has content for (empty ones are not shown).
std::vector<const SectionView*> visible_sections(const profile::Profile& p);
bool is_route(const profile::Profile& p, const std::string& route);

// Section bodies (sections/*.cpp).
bool has_about(const profile::Profile& p);
void render_about(const profile::Profile& p);
bool has_interests(const profile::Profile& p);
void render_interests(const profile::Profile& p);
bool has_news(const profile::Profile& p);
void render_news(const profile::Profile& p);
bool has_experience(const profile::Profile& p);
void render_experience(const profile::Profile& p);
bool has_education(const profile::Profile& p);
void render_education(const profile::Profile& p);
bool has_awards(const profile::Profile& p);
void render_awards(const profile::Profile& p);
bool has_publications(const profile::Profile& p);
void render_publications(const profile::Profile& p);
bool has_openings(const profile::Profile& p);
void render_openings(const profile::Profile& p);
bool has_projects(const profile::Profile& p);
void render_projects(const profile::Profile& p);
bool has_volunteer(const profile::Profile& p);
void render_volunteer(const profile::Profile& p);
bool has_certificates(const profile::Profile& p);
void render_certificates(const profile::Profile& p);
bool has_skills(const profile::Profile& p);
void render_skills(const profile::Profile& p);
bool has_languages(const profile::Profile& p);
void render_languages(const profile::Profile& p);
bool has_references(const profile::Profile& p);
void render_references(const profile::Profile& p);

// Work and volunteering share one look (sections/experience.cpp).
void render_positions(const std::vector<profile::Position>& positions, std::string_view list_label);

// The header above the sections (name, title, affiliation, links).
void render_header(const profile::Profile& p);

}  // namespace ui
