// Projects: name (a link when it has a URL), period, who it was for and in which
// roles, summary, description, highlights and keywords; its picture beside it.
#include "profile/date.h"
#include "profile/words.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_projects(const profile::Profile& p) {
    Ctx& c = ctx();
    entry_list("Projects", p.projects, 26, [&](const profile::Project& x, float top) {
        const std::string& name = x.name.empty() ? x.entity : x.name;
        Thumbnail image(x.image, name.empty() ? std::string("Project picture") : "Picture: " + name, "a project's picture", top);
        RichText title;
        if (x.url.empty())
            title.text(name, FontRole::body_bold, c.palette.heading);
        else
            title.link(name, x.url, FontRole::body_bold);
        title_with_aside(title, profile::format_range(x.start, x.end, x.ended, *c.words));

        std::string joined;
        for (const std::string& r : x.roles) joined += (joined.empty() ? "" : ", ") + r;
        const std::string& roles = joined;
        std::string meta;
        for (const std::string* s : {&roles, &x.entity, &x.type})
            if (!s->empty() && *s != name) meta += (meta.empty() ? "" : " \u00B7 ") + *s;
        if (!meta.empty()) paragraph(meta, FontRole::body, c.palette.text_muted, 1.5f);
        if (!x.summary.empty()) {
            vspace(6);
            paragraphs(x.summary);
        }
        if (!x.description.empty()) {
            vspace(6);
            paragraphs(x.description);
        }
        if (!x.highlights.empty()) {
            vspace(6);
            bullets(x.highlights, (*c.words)[profile::Word::highlights]);
        }
        if (!x.keywords.empty()) {
            vspace(10);
            chips(x.keywords, (*c.words)[profile::Word::keywords]);
        }
    });
}

}  // namespace ui
