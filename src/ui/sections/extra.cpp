// Extra sections (Profile::extra_sections): entries of a section JSON Resume lacks, drawn
// like Experience: title (a link when it has one), period, organisation and place,
// summary, highlights, then every other member the owner wrote as "name: value", so
// nothing of theirs is left off the page.
#include "ui/sections/extra.h"

#include "profile/date.h"
#include "profile/words.h"
#include "ui/widgets.h"

namespace ui {

bool has_extra_section(const profile::ExtraSection& s) { return !s.entries.empty(); }

void render_extra_section(const profile::ExtraSection& s) {
    Ctx& c = ctx();
    entry_list(s.title, s.entries, 26, [&](const profile::ExtraEntry& e, float) {
        std::string period = profile::format_range(e.start, e.end, e.ended, *c.words);
        const std::string& title = e.title.empty() ? e.organization : e.title;
        if (!title.empty() || !period.empty()) {
            RichText head;
            if (e.url.empty())
                head.text(title, FontRole::body_bold, c.palette.heading);
            else
                head.link(title.empty() ? e.url : title, e.url, FontRole::body_bold);
            title_with_aside(head, period);
        }
        std::string meta;
        for (const std::string* part : {&e.organization, &e.location})
            if (!part->empty() && *part != title) meta += (meta.empty() ? "" : " \u00B7 ") + *part;
        if (!meta.empty()) paragraph(meta, FontRole::body, c.palette.text_muted, 1.5f);
        if (!e.summary.empty()) {
            vspace(6);
            paragraph(e.summary);
        }
        if (!e.highlights.empty()) {
            vspace(6);
            bullets(e.highlights, (*c.words)[profile::Word::highlights]);
        }
        if (!e.details.empty()) vspace(4);
        for (const auto& [name, value] : e.details) {
            const std::string label = name + ": ";
            paragraph(RichText().text(label, FontRole::small_bold, c.palette.text_muted).text(value, FontRole::small, c.palette.text_muted),
                      Role::paragraph, 1.5f);
        }
    });
}

}  // namespace ui
