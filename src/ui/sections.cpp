#include "ui/sections.h"

#include "profile/words.h"
#include "ui/icons.h"
#include "ui/sections/extra.h"

namespace ui {


const std::vector<SectionView>& section_views() {
    static const std::vector<SectionView> views = [] {
        std::vector<SectionView> v;
        auto add = [&v](profile::SectionId id, char32_t icon, void (*render)(const profile::Profile&)) {
            const profile::SectionInfo& info = profile::section_info(id);
            v.push_back(SectionView{id, info.route.data(), info.title.data(), info.nav.data(), icon, render});
        };
#define IMFOLIO_SECTION_VIEW(sid, member, key, title, nav, icon_name) \
    add(profile::SectionId::sid, icon::icon_name, render_##sid);
        IMFOLIO_SECTIONS(IMFOLIO_SECTION_VIEW)
#undef IMFOLIO_SECTION_VIEW
        return v;
    }();
    return views;
}

void SectionView::draw(const profile::Profile& p) const {
    if (extra)
        render_extra_section(*extra);
    else
        render(p);
}

std::vector<SectionView> visible_sections(const profile::Profile& p) {
    std::vector<SectionView> out;
    const profile::Words& words = profile::words_for(p.meta.language);
    for (const SectionView& v : section_views()) {
        if (profile::section_size(p, v.id) == 0) continue;
        SectionView in_language = v;
        // Words' texts are string literals (words.cpp), so their data() ends in a NUL.
        in_language.title = words[profile::title_word(v.id)].data();
        in_language.nav = words[profile::nav_word(v.id)].data();
        out.push_back(in_language);
    }
    for (const profile::ExtraSection& x : p.extra_sections)
        if (has_extra_section(x))
            out.push_back(SectionView{profile::SectionId::about, x.slug.c_str(), x.title.c_str(), x.title.c_str(),
                                      icon::bookmark, nullptr, &x});
    return out;
}

bool is_route(const profile::Profile& p, const std::string& route) {
    for (const SectionView& v : visible_sections(p))
        if (route == v.route) return true;
    return false;
}

}  // namespace ui
