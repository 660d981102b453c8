// Certificates: name (after its al-folio icon; a link to the credential when given), date
// and issuer; laid out like Awards, the other short dated list.
#include "profile/date.h"
#include "profile/words.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_certificates(const profile::Profile& p) {
    Ctx& c = ctx();
    entry_list("Certificates", p.certificates, 20, [&](const profile::Certificate& x, float) {
        const std::string icon = x.icon_glyph ? utf8(x.icon_glyph) + "  " : std::string();
        RichText title;
        title.text(icon, FontRole::body_bold, c.palette.text_muted);
        if (x.url.empty())
            title.text(x.name, FontRole::body_bold, c.palette.heading);
        else
            title.link(x.name, x.url, FontRole::body_bold);
        title_with_aside(title, profile::format_date(x.date, *c.words));
        if (!x.issuer.empty()) paragraph(x.issuer, FontRole::body, c.palette.text_muted, 1.5f);
    });
}

}  // namespace ui
