// Education: degree and field, institution and place, period, summary, advisor, score,
// courses and highlights.
#include "profile/date.h"
#include "profile/words.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_education(const profile::Profile& p) {
    Ctx& c = ctx();
    entry_list("Degrees", p.education, 26, [&](const profile::Education& e, float) {
        std::string degree = e.study_type;
        if (!e.area.empty()) degree += degree.empty() ? e.area : " in " + e.area;
        if (degree.empty()) degree = e.institution;
        std::string period = profile::format_range(e.start, e.end, !e.end.empty(), *c.words);
        title_with_aside(RichText().text(degree, FontRole::body_bold, c.palette.heading), period);
        bool institution_line = degree != e.institution && !e.institution.empty();
        if (institution_line || !e.location.empty()) {
            RichText inst;
            if (institution_line && e.url.empty()) inst.text(e.institution, FontRole::body, c.palette.text_muted);
            if (institution_line && !e.url.empty()) inst.link(e.institution, e.url);
            if (institution_line && !e.location.empty()) inst.text(" \u00B7 ", FontRole::body, c.palette.text_muted);
            if (!e.location.empty()) inst.text(e.location, FontRole::body, c.palette.text_muted);
            paragraph(inst, Role::paragraph, 1.5f);
        }
        if (!e.summary.empty()) {
            vspace(6);
            paragraphs(e.summary);
        }
        std::string details;
        if (!e.advisor.empty()) details = profile::fill((*c.words)[profile::Word::advisor], e.advisor);
        if (!e.score.empty()) details += (details.empty() ? "" : " \u00B7 ") + profile::fill((*c.words)[profile::Word::score], e.score);
        if (!details.empty()) {
            vspace(4);
            paragraph(details, FontRole::body, kBodyText, 1.5f);
        }
        if (!e.courses.empty()) {
            vspace(8);
            chips(e.courses, (*c.words)[profile::Word::courses]);
        }
        if (!e.highlights.empty()) {
            vspace(6);
            bullets(e.highlights, (*c.words)[profile::Word::highlights]);
        }
    });
}

}  // namespace ui
