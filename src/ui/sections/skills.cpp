// Skills: each area (after its al-folio icon) with its level on the right and its keywords as chips.
#include "profile/words.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_skills(const profile::Profile& p) {
    Ctx& c = ctx();
    entry_list("Skills", p.skills, 20, [&](const profile::Skill& s, float) {
        const std::string icon = s.icon_glyph ? utf8(s.icon_glyph) + "  " : std::string();
        if (!s.name.empty())
            title_with_aside(RichText().text(icon, FontRole::body_bold, c.palette.text_muted).text(s.name, FontRole::body_bold, c.palette.heading),
                             s.level);
        if (!s.keywords.empty()) {
            vspace(6);
            chips(s.keywords, s.name.empty() ? (*c.words)[profile::Word::keywords] : std::string_view(s.name));
        }
    });
}

}  // namespace ui
