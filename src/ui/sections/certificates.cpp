// Certificates: name (a link to the credential when given), date and issuer; laid out
// like Awards, the other short dated list.
#include <imgui.h>

#include "profile/date.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

bool has_certificates(const profile::Profile& p) { return !p.certificates.empty(); }

void render_certificates(const profile::Profile& p) {
    Ctx& c = ctx();
    Scope list(Role::list, "Certificates");
    bool first = true;
    for (const profile::Certificate& x : p.certificates) {
        if (!first) vspace(20);
        first = false;
        Scope item(Role::list_item);
        float top = ImGui::GetCursorScreenPos().y;
        RichText title;
        if (x.url.empty())
            title.text(x.name, FontRole::body_bold, c.palette.heading);
        else
            title.link(x.name, x.url, FontRole::body_bold);
        title_with_aside(title, profile::format_date(x.date));
        if (!x.issuer.empty()) paragraph(x.issuer, FontRole::body, c.palette.text_muted, 1.5f);
        item.close_rect(top);
    }
}

}  // namespace ui
