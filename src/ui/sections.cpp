#include "ui/sections.h"

#include "ui/icons.h"

namespace ui {

const std::vector<SectionView>& section_views() {
    static const std::vector<SectionView> views = {
        {"about", "About", "About", icon::user, has_about, render_about},
        {"interests", "Research interests", "Research", icon::lightbulb, has_interests, render_interests},
        {"news", "News", "News", icon::bullhorn, has_news, render_news},
        {"experience", "Experience", "Experience", icon::briefcase, has_experience, render_experience},
        {"education", "Education", "Education", icon::university, has_education, render_education},
        {"awards", "Awards", "Awards", icon::trophy, has_awards, render_awards},
        {"publications", "Publications", "Publications", icon::book, has_publications, render_publications},
        {"projects", "Projects", "Projects", icon::flask, has_projects, render_projects},
        {"volunteer", "Service and volunteering", "Service", icon::heart, has_volunteer, render_volunteer},
        {"certificates", "Certificates", "Certificates", icon::certificate, has_certificates, render_certificates},
        {"skills", "Skills", "Skills", icon::tag, has_skills, render_skills},
        {"languages", "Languages", "Languages", icon::language, has_languages, render_languages},
        {"references", "References", "References", icon::quote, has_references, render_references},
        {"openings", "Openings", "Openings", icon::users, has_openings, render_openings},
    };
    return views;
}

std::vector<const SectionView*> visible_sections(const profile::Profile& p) {
    std::vector<const SectionView*> out;
    for (const SectionView& v : section_views())
        if (v.has_content(p)) out.push_back(&v);
    return out;
}

bool is_route(const profile::Profile& p, const std::string& route) {
    for (const SectionView* v : visible_sections(p))
        if (route == v->route) return true;
    return false;
}

}  // namespace ui
