// Experience: positions, current ones first; role, organisation, period, summary, highlights.
// Volunteering (volunteer.cpp) has the same shape and is drawn by the same function.
#include "profile/date.h"
#include "profile/words.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_positions(const std::vector<profile::Position>& positions, std::string_view list_label) {
    Ctx& c = ctx();
    entry_list(list_label, positions, 26, [&](const profile::Position& w, float) {
        std::string period = profile::format_range(w.start, w.end, w.ended, *c.words);
        const std::string& title = w.position.empty() ? w.organization : w.position;
        title_with_aside(RichText().text(title, FontRole::body_bold, c.palette.heading), period);
        if (!w.position.empty() && !w.organization.empty()) {
            RichText org;
            if (w.url.empty())
                org.text(w.organization, FontRole::body, c.palette.text_muted);
            else
                org.link(w.organization, w.url);
            if (!w.location.empty()) org.text(" \u00B7 " , FontRole::body, c.palette.text_muted).text(w.location, FontRole::body, c.palette.text_muted);
            paragraph(org, Role::paragraph, 1.5f);
        }
        if (!w.summary.empty()) {
            vspace(6);
            paragraphs(w.summary);
        }
        if (!w.description.empty()) {
            vspace(4);
            paragraphs(w.description, FontRole::small, c.palette.text_muted);
        }
        if (!w.highlights.empty()) {
            vspace(6);
            bullets(w.highlights, (*c.words)[profile::Word::highlights]);
        }
    });
}

void render_experience(const profile::Profile& p) { render_positions(p.work, "Positions"); }

}  // namespace ui
