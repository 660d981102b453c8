// Languages: a grid of language and fluency, as many columns as fit, since each entry
// is only a word or two and a list would leave most of the line empty.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_languages(const profile::Profile& p) {
    Ctx& c = ctx();
    constexpr float kMinTile = 150.0f;
    constexpr float kGap = 24.0f;
    const std::size_t count = p.languages.size();
    std::size_t per_row = static_cast<std::size_t>(std::max(1.0f, std::floor((c.column_w + kGap) / (kMinTile + kGap))));
    per_row = std::min(per_row, std::max<std::size_t>(count, 1));
    float tile_w = std::floor((c.column_w - kGap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row));

    Scope list(Role::list, "Languages");
    float row_top = ImGui::GetCursorScreenPos().y;
    for (std::size_t start = 0; start < count; start += per_row) {
        float row_bottom = row_top;
        for (std::size_t i = start; i < count && i < start + per_row; ++i) {
            const profile::Language& l = p.languages[i];
            float x = c.column_x + static_cast<float>(i - start) * (tile_w + kGap);
            Scope item(Role::list_item);
            ImGui::SetCursorScreenPos(ImVec2(x, row_top));
            const std::string icon = l.icon_glyph ? utf8(l.icon_glyph) + "  " : std::string();
            if (!l.language.empty())
                paragraph(RichText().text(icon, FontRole::body_bold, c.palette.text_muted).text(l.language, FontRole::body_bold, c.palette.heading),
                          Role::paragraph, 1.45f, tile_w);
            // paragraph() leaves the cursor at the column's left edge; the tile's is further right.
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
            if (!l.fluency.empty())
                paragraph(RichText().text(l.fluency, FontRole::small, c.palette.text_muted), Role::paragraph, 1.5f,
                          tile_w);
            float bottom = ImGui::GetCursorScreenPos().y;
            set_rect(item.index(), ImVec2(x, row_top), ImVec2(x + tile_w, bottom));
            row_bottom = std::max(row_bottom, bottom);
        }
        row_top = row_bottom + (start + per_row < count ? 16.0f : 0.0f);
    }
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, row_top));
    ImGui::Dummy(ImVec2(c.column_w, 0));
}

}  // namespace ui
