// Awards: title (a link when it has a URL), awarder and year, and what it was for.
#include "profile/date.h"
#include "profile/words.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_awards(const profile::Profile& p) {
    Ctx& c = ctx();
    entry_list("Awards", p.awards, 20, [&](const profile::Award& a, float) {
        RichText title;
        if (a.url.empty())
            title.text(a.title, FontRole::body_bold, c.palette.heading);
        else
            title.link(a.title, a.url, FontRole::body_bold);
        title_with_aside(title, profile::format_date(a.date, *c.words));
        if (!a.awarder.empty()) paragraph(a.awarder, FontRole::body, c.palette.text_muted, 1.5f);
        if (!a.summary.empty()) {
            vspace(2);
            paragraphs(a.summary, FontRole::body, kBodyText, 1.5f);
        }
    });
}

}  // namespace ui
