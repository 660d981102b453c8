// References: each recommendation as a quotation on a quiet panel, attributed below (after
// the reference's al-folio icon).
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_references(const profile::Profile& p) {
    Ctx& c = ctx();
    entry_list("References", p.references, 18, [&](const profile::Reference& r, float) {
        {
            Panel panel(c.palette.surface_alt, c.palette.border, 18);
            const std::string quoted = "\u201C" + r.reference + "\u201D";
            const std::string attribution = "\u2014 " + r.name;
            const std::string icon = r.icon_glyph ? utf8(r.icon_glyph) + "  " : std::string();
            if (!r.reference.empty()) paragraph(RichText().text(quoted), Role::paragraph, 1.6f);
            if (!r.name.empty()) {
                if (!r.reference.empty()) vspace(8);
                paragraph(RichText().text(icon, FontRole::small_bold, c.palette.text_muted).text(attribution, FontRole::small_bold, c.palette.text_muted),
                          Role::paragraph, 1.5f);
            }
        }
    });
}

}  // namespace ui
