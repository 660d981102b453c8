// Openings: calls for students, interns or staff, each on a tinted panel.
#include "profile/date.h"
#include "ui/icons.h"
#include "profile/words.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_openings(const profile::Profile& p) {
    Ctx& c = ctx();
    std::string mailto = p.basics.email.empty() ? std::string() : "mailto:" + p.basics.email;
    entry_list("Openings", p.openings, 18, [&](const profile::Opening& o, float) {
        Panel panel(c.palette.accent_soft, c.palette.accent, 20);
        std::string meta;
        for (const std::string* s : {&o.location, &o.duration})
            if (!s->empty()) meta += (meta.empty() ? "" : " \u00B7 ") + *s;
        std::string posted = o.date.empty() ? std::string() : profile::fill((*c.words)[profile::Word::posted], profile::format_date(o.date, *c.words));
        title_with_aside(RichText().text(o.title.empty() ? std::string_view("Opening") : std::string_view(o.title),
                                         FontRole::body_bold, c.palette.heading),
                         posted);
        if (!meta.empty()) paragraph(meta, FontRole::body, c.palette.text_muted, 1.5f);
        if (!o.summary.empty()) {
            vspace(8);
            paragraphs(o.summary);
        }
        if (!o.url.empty() || !mailto.empty()) {
            vspace(12);
            FlowRow row;
            if (!o.url.empty()) pill_link(row, (*c.words)[profile::Word::details], icon::external_link, o.url, PillStyle::accent);
            if (!mailto.empty()) pill_link(row, (*c.words)[profile::Word::email], icon::envelope, mailto, PillStyle::outline);
            row.finish();
        }
    });
}

}  // namespace ui
