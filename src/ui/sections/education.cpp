// Education: degree and field, institution, period, advisor, score and courses.
#include "profile/date.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_education(const profile::Profile& p) {
    Ctx& c = ctx();
    entry_list("Degrees", p.education, 26, [&](const profile::Education& e, float) {
        std::string degree = e.study_type;
        if (!e.area.empty()) degree += degree.empty() ? e.area : " in " + e.area;
        if (degree.empty()) degree = e.institution;
        std::string period = profile::format_range(e.start, e.end, !e.end.empty());
        title_with_aside(RichText().text(degree, FontRole::body_bold, c.palette.heading), period);
        if (degree != e.institution && !e.institution.empty()) {
            RichText inst;
            if (e.url.empty())
                inst.text(e.institution, FontRole::body, c.palette.text_muted);
            else
                inst.link(e.institution, e.url);
            paragraph(inst, Role::paragraph, 1.5f);
        }
        std::string details;
        if (!e.advisor.empty()) details = "Advisor: " + e.advisor;
        if (!e.score.empty()) details += (details.empty() ? "" : " \u00B7 ") + std::string("Score: ") + e.score;
        if (!details.empty()) {
            vspace(4);
            paragraph(details, FontRole::body, kBodyText, 1.5f);
        }
        if (!e.courses.empty()) {
            vspace(8);
            chips(e.courses, "Courses");
        }
    });
}

}  // namespace ui
