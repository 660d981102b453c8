#include "ui/search_bar.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/icons.h"
#include "ui/text_flow.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// The route and title of a hit's section: the table's, or the extra section's own.
std::string_view hit_route(const profile::Profile& p, const profile::SearchHit& h) {
    if (h.extra < p.extra_sections.size()) return p.extra_sections[h.extra].slug;
    return profile::section_info(h.section).route;
}
std::string_view hit_section_title(const profile::Profile& p, const profile::SearchHit& h) {
    if (h.extra < p.extra_sections.size()) return p.extra_sections[h.extra].title;
    return profile::words_for(p.meta.language)[profile::title_word(h.section)];
}

SearchChoice choose(const profile::Profile& p, const profile::SearchHit& h) {
    return SearchChoice{true, std::string(hit_route(p, h)),
                        h.index == profile::SearchHit::kWholeSection ? -1 : static_cast<int>(h.index)};
}

}  // namespace

SearchChoice draw_search_panel(Ctx& c, const std::vector<profile::SearchHit>& hits, float width, float bar_h) {
    SearchChoice choice;
    PageState& page = c.page;
    const Palette& pal = c.palette;
    float panel_w = std::min(640.0f, width - (c.compact ? 24.0f : 48.0f));
    float row_h = c.touch ? 52.0f : 46.0f;
    std::size_t shown = std::min<std::size_t>(hits.size(), c.compact ? 5 : 7);
    float input_h = c.touch ? 48.0f : 44.0f;
    float list_h = page.search_query.empty() ? 0.0f : (hits.empty() ? 40.0f : row_h * static_cast<float>(shown)) + 36.0f;
    ImVec2 pos(std::round((width - panel_w) * 0.5f), bar_h + 10);
    ImVec2 size(panel_w, 16 + input_h + list_h + 8);

    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, im_color(pal.surface));
    ImGui::PushStyleColor(ImGuiCol_Border, im_color(pal.border));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 14.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("##search", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(pos.x + 4, pos.y + size.y), ImVec2(pos.x + size.x - 4, pos.y + size.y + 6),
                      im_color(0x000000, 0.04f), 8);

    float saved_x = c.column_x, saved_w = c.column_w;
    c.column_x = pos.x + 16;
    c.column_w = panel_w - 32;
    std::string placeholder((*c.words)[profile::Word::search_placeholder]);
    Scope region(Role::search, placeholder);
    set_rect(region.index(), pos, ImVec2(pos.x + size.x, pos.y + size.y));

    // The field: imgui's InputText styled as a search box with a magnifier, or, where the
    // platform has text fields of its own (the web's <input>, for input methods and
    // on-screen keyboards), its frame, with the platform's field over it.
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, pos.y + 16));
    float fs = font_px(FontRole::body);
    ImVec2 field_min = ImGui::GetCursorScreenPos();
    ImVec2 field_max(field_min.x + c.column_w, field_min.y + input_h);
    if (c.hooks.native_text_fields) {
        dl->AddRectFilled(field_min, field_max, im_color(pal.surface_alt), 10.0f);
        int field = c.doc.add(Role::textbox, page.search_query);
        c.doc.node(field).anchor = placeholder;
        // The platform's field starts after the magnifier, as imgui's frame padding does.
        set_rect(field, ImVec2(field_min.x + 40, field_min.y), field_max);
        ImGui::Dummy(ImVec2(c.column_w, input_h));
    } else {
        ImGui::PushFont(font(FontRole::body));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(40, std::round((input_h - fs) * 0.5f)));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 10.0f);
        ImGui::PushStyleColor(ImGuiCol_FrameBg, im_color(pal.surface_alt));
        ImGui::PushStyleColor(ImGuiCol_Text, im_color(pal.text));
        ImGui::PushStyleColor(ImGuiCol_TextDisabled, im_color(pal.text_muted));
        ImGui::SetNextItemWidth(c.column_w);
        if (page.search_focus) {
            ImGui::SetKeyboardFocusHere();
            page.search_focus = false;
        }
        char buffer[256];
        std::size_t n = std::min(page.search_query.size(), sizeof buffer - 1);
        page.search_query.copy(buffer, n);
        buffer[n] = 0;
        if (ImGui::InputTextWithHint("##query", placeholder.c_str(), buffer, sizeof buffer)) {
            page.search_query = buffer;
            page.search_selected = 0;
        }
        ImGui::PopStyleColor(3);
        ImGui::PopStyleVar(2);
        ImGui::PopFont();
        int field = c.doc.add(Role::text, page.search_query.empty() ? std::string("Search: empty")
                                                                   : "Search: " + page.search_query);
        set_rect(field, field_min, field_max);
    }
    std::string magnifier = utf8(icon::search);
    dl->AddText(font(FontRole::body), fs, ImVec2(field_min.x + 14, field_min.y + std::round((input_h - fs) * 0.5f)),
                im_color(pal.text_muted), magnifier.c_str());

    // Keys: arrows move the selection, Enter opens it, Escape closes the panel.
    int count = static_cast<int>(shown);
    if (count > 0) {
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) page.search_selected = (page.search_selected + 1) % count;
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) page.search_selected = (page.search_selected + count - 1) % count;
        page.search_selected = std::clamp(page.search_selected, 0, count - 1);
        if (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter)) {
            choice = choose(c.profile, hits[static_cast<std::size_t>(page.search_selected)]);
        }
    }

    if (!page.search_query.empty()) {
        float y = field_min.y + input_h + 12;
        std::string summary = hits.empty() ? "No entry matches \u201C" + page.search_query + "\u201D"
                                           : std::to_string(hits.size()) + (hits.size() == 1 ? " entry" : " entries") +
                                                 " match; the page below shows only them";
        ImGui::SetCursorScreenPos(ImVec2(c.column_x, y));
        paragraph(RichText().text(summary, FontRole::small, pal.text_muted), Role::paragraph, 1.4f);
        y += 24;
        Scope list(Role::list, "Results");
        for (std::size_t i = 0; i < shown; ++i) {
            const profile::SearchHit& h = hits[i];
            ImVec2 a(c.column_x - 8, y), b(c.column_x + c.column_w + 8, y + row_h);
            Scope item(Role::list_item);
            std::string_view section = hit_section_title(c.profile, h);
            int node = c.doc.add(Role::button, std::string(section) + ": " + h.title);
            set_rect(node, a, b);
            Hit hit = interact(node, a, b);
            if (hit.hovered) page.search_selected = static_cast<int>(i);
            if (hit.clicked) choice = choose(c.profile, h);
            bool selected = page.search_selected == static_cast<int>(i);
            if (selected) dl->AddRectFilled(a, b, im_color(pal.accent_soft), 8);
            float sfs = font_px(FontRole::small);
            dl->AddText(font(FontRole::small), sfs, ImVec2(a.x + 12, a.y + 5), im_color(pal.text_muted),
                        section.data(), section.data() + section.size());
            ImVec4 clip(a.x, a.y, b.x - 12, b.y);
            dl->AddText(font(FontRole::body), fs, ImVec2(a.x + 12, a.y + 5 + sfs + 3),
                        im_color(selected ? pal.accent : pal.text), h.title.c_str(), nullptr, 0.0f, &clip);
            focus_ring(node, a, b, 8);
            y += row_h;
        }
    }
    c.column_x = saved_x;
    c.column_w = saved_w;
    ImGui::End();
    return choice;
}

}  // namespace ui
