// Awards: title, awarder and year, and what it was for.
#include <imgui.h>

#include "profile/date.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

bool has_awards(const profile::Profile& p) { return !p.awards.empty(); }

void render_awards(const profile::Profile& p) {
    Ctx& c = ctx();
    Scope list(Role::list, "Awards");
    bool first = true;
    for (const profile::Award& a : p.awards) {
        if (!first) vspace(20);
        first = false;
        Scope item(Role::list_item);
        float top = ImGui::GetCursorScreenPos().y;
        title_with_aside(RichText().text(a.title, FontRole::body_bold, c.palette.heading), profile::format_date(a.date));
        if (!a.awarder.empty()) paragraph(a.awarder, FontRole::body, c.palette.text_muted, 1.5f);
        if (!a.summary.empty()) {
            vspace(2);
            paragraph(a.summary, FontRole::body, kBodyText, 1.5f);
        }
        item.close_rect(top);
    }
}

}  // namespace ui
