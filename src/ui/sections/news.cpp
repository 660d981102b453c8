// News: dated items, newest first; the date in a column beside the text on wide
// screens, above it on phones.
#include <optional>

#include <imgui.h>

#include "profile/date.h"
#include "profile/words.h"
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_news(const profile::Profile& p) {
    Ctx& c = ctx();
    constexpr float kDateColumn = 128.0f;
    entry_list("News", p.news, 18, [&](const profile::NewsItem& n, float top) {
        std::string date = profile::format_date(n.date, *c.words);
        std::optional<Column> text_column;
        if (!date.empty()) {
            if (c.compact) {
                paragraph(RichText().text(date, FontRole::small_bold, c.palette.accent), Role::paragraph, 1.6f);
            } else {
                ImGui::SetCursorScreenPos(ImVec2(c.column_x, top + 2));
                paragraph(RichText().text(date, FontRole::small, c.palette.text_muted), Role::paragraph, 1.6f,
                          kDateColumn - 12);
                text_column.emplace(kDateColumn);
                ImGui::SetCursorScreenPos(ImVec2(c.column_x, top));
            }
        }
        RichText text;
        if (!n.title.empty()) {
            if (!n.url.empty())
                text.link(n.title, n.url, FontRole::body_bold);
            else
                text.text(n.title, FontRole::body_bold, c.palette.heading);
            if (!n.text.empty()) text.text(" \u2014 ", FontRole::body, c.palette.text_muted);
        }
        // The item's own link is the whole text when there is no title to carry it; links
        // in the text are its own.
        if (!n.text.empty()) {
            if (n.title.empty() && !n.url.empty() && n.text.marks.empty())
                text.link(n.text.text, n.url);
            else
                text.rich(n.text);
        }
        paragraph(text);
        text_column.reset();
    });
}

}  // namespace ui
