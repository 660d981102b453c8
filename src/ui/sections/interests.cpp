// Research interests: the research statement, then the interests as chips (or, when
// they carry keywords, one line each), each after its al-folio icon.
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_interests(const profile::Profile& p) {
    Ctx& c = ctx();
    if (!p.basics.research_interests.empty()) {
        paragraph(p.basics.research_interests);
        if (!p.interests.empty()) vspace(18);
    }
    bool detailed = false;
    for (const profile::Interest& i : p.interests) detailed = detailed || !i.keywords.empty();
    if (!detailed) {
        std::vector<std::string> names;
        for (const profile::Interest& i : p.interests)
            if (!i.name.empty()) names.push_back(i.icon_glyph ? utf8(i.icon_glyph) + " " + i.name : i.name);
        chips(names, "Research interests");
        return;
    }
    Scope list(Role::list, "Research interests");
    for (const profile::Interest& i : p.interests) {
        Scope item(Role::list_item);
        std::string keywords;
        for (const std::string& k : i.keywords) keywords += (keywords.empty() ? "" : " \u00B7 ") + k;
        const std::string icon = i.icon_glyph ? utf8(i.icon_glyph) + "  " : std::string();
        RichText line;
        line.text(icon, FontRole::body_bold, c.palette.text_muted).text(i.name, FontRole::body_bold);
        if (!keywords.empty()) line.text(i.name.empty() ? "" : "  ").text(keywords, FontRole::body, c.palette.text_muted);
        paragraph(line, Role::paragraph, 1.5f);
        vspace(6);
    }
}

}  // namespace ui
