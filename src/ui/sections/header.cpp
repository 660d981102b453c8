// The page header: photo (or monogram), name (and the name in other scripts), title line,
// current affiliation, location and the owner's links.
#include <cmath>
#include <optional>

#include <imgui.h>

#include "profile/text.h"
#include "profile/words.h"
#include "ui/icons.h"
#include "ui/sections.h"
#include "ui/text_flow.h"
#include "ui/widgets.h"

namespace ui {

namespace {

void monogram(const std::string& letters, ImVec2 pos, float d) {
    const Palette& pal = ctx().palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 centre(pos.x + d * 0.5f, pos.y + d * 0.5f);
    dl->AddCircleFilled(centre, d * 0.5f, im_color(pal.accent_soft), 64);
    dl->AddCircle(centre, d * 0.5f - 0.5f, im_color(pal.accent, 0.25f), 64, 1.0f);
    FontRole role = FontRole::section_title;
    float size = std::round(d * 0.36f);
    float w = text_width(font(role), size, letters);
    dl->AddText(font(role), size, ImVec2(std::round(centre.x - w * 0.5f), std::round(centre.y - size * 0.52f)),
                im_color(pal.accent), letters.c_str());
}

}  // namespace

char32_t network_icon(const std::string& network) {
    std::string n = profile::fold_case(network);
    struct Known {
        const char* name;
        char32_t icon;
    };
    static const Known known[] = {
        {"github", icon::github},           {"google scholar", icon::graduation_cap},
        {"scholar", icon::graduation_cap},  {"orcid", icon::orcid},
        {"linkedin", icon::linkedin},       {"twitter", icon::x_logo},
        {"x", icon::x_logo},                {"mastodon", icon::mastodon},
        {"researchgate", icon::researchgate}, {"dblp", icon::database},
        {"homepage", icon::home},           {"website", icon::home},
    };
    for (const Known& k : known)
        if (n == k.name) return k.icon;
    return icon::link;
}

void render_header(const profile::Profile& p) {
    Ctx& c = ctx();
    const profile::Basics& b = p.basics;
    Scope banner(Role::banner);
    float top = ImGui::GetCursorScreenPos().y;
    // Wide screens: the monogram beside everything. Phones: beside the name only. A page
    // zoomed far in (a column under 300 px): above the name, which shrinks to fit a word
    // on a line rather than break inside it.
    float d = c.compact ? 60.0f : 104.0f;
    bool narrow = c.column_w < 300.0f;
    std::optional<Column> beside_monogram;
    bool photo = !b.image.empty() && !picture_failed(b.image);
    if (!b.name.empty() || photo) {
        // The photo, round like al-folio's image_circular; the monogram while it loads, and
        // for a profile without one (or whose photo could not be shown).
        ImVec2 at(c.column_x, top);
        std::string alt = b.name.empty() ? std::string("Photo") : "Photo of " + b.name;
        if (!picture(b.image, alt, "the profile photo", at, ImVec2(d, d), true) && !b.name.empty())
            monogram(profile::initials(b.name), at, d);
        if (narrow) {
            ImGui::SetCursorScreenPos(ImVec2(c.column_x, top + d + 12));
        } else {
            beside_monogram.emplace(d + (c.compact ? 16.0f : 28.0f));
            ImGui::SetCursorScreenPos(ImVec2(c.column_x, top + (c.compact ? 0.0f : 4.0f)));
        }
    }

    // Name, with the other-script names beside it when they fit on the line.
    std::optional<Names> names(std::in_place);
    ImVec2 name_pos = ImGui::GetCursorScreenPos();
    heading(1, b.name, FontRole::name, c.palette.heading, narrow ? std::floor(c.column_w / 5.0f) : 0.0f);
    if (!b.other_names.empty()) {
        std::string others;
        for (const profile::OtherName& o : b.other_names) others += (others.empty() ? "" : "  ") + o.name;
        float name_w = text_width(font(FontRole::name), font_px(FontRole::name), b.name);
        float other_w = text_width(font(FontRole::subtitle), font_px(FontRole::subtitle), others);
        ImVec2 after = ImGui::GetCursorScreenPos();
        float line_h = std::round(font_px(FontRole::name) * 1.25f);
        bool fits = name_w + 16 + other_w <= c.column_w && after.y - name_pos.y <= line_h + 1;
        if (fits) {
            // Same baseline as the name: both fonts sit centred in their line boxes.
            float fy = name_pos.y + (line_h - font_px(FontRole::name)) * 0.5f + font(FontRole::name)->Ascent * font_px(FontRole::name) / font(FontRole::name)->FontSize -
                       font(FontRole::subtitle)->Ascent * font_px(FontRole::subtitle) / font(FontRole::subtitle)->FontSize;
            float line_sub = std::round(font_px(FontRole::subtitle) * 1.2f);
            ImGui::SetCursorScreenPos(ImVec2(name_pos.x + name_w + 16, std::round(fy - (line_sub - font_px(FontRole::subtitle)) * 0.5f)));
            paragraph(RichText().text(others, FontRole::subtitle, c.palette.text_muted), Role::paragraph, 1.2f, other_w + 2);
            ImGui::SetCursorScreenPos(after);
        } else {
            paragraph(others, FontRole::subtitle, c.palette.text_muted, 1.3f);
        }
    }
    names.reset();
    if (c.compact && beside_monogram) {
        beside_monogram.reset();
        ImGui::SetCursorScreenPos(ImVec2(c.column_x, std::max(ImGui::GetCursorScreenPos().y, top + d + 8)));
    }
    vspace(6);
    if (!b.label.empty()) paragraph(b.label, FontRole::subtitle, kBodyText, 1.45f);

    std::string affiliation = profile::current_affiliation(p);
    std::string place;
    for (const std::string* s : {&b.location.city, &b.location.region, &b.location.country_code})
        if (!s->empty()) place += (place.empty() ? "" : ", ") + *s;
    if (!affiliation.empty() || !place.empty()) {
        vspace(4);
        std::string aff_icon = utf8(icon::university) + "  ";
        std::string place_icon = utf8(icon::map_marker) + "  ";
        RichText meta;
        if (!affiliation.empty()) meta.text(aff_icon, FontRole::body, c.palette.text_muted).text(affiliation, FontRole::body, c.palette.text_muted);
        if (!affiliation.empty() && !place.empty()) meta.text("     ", FontRole::body);
        if (!place.empty()) meta.text(place_icon, FontRole::body, c.palette.text_muted).text(place, FontRole::body, c.palette.text_muted);
        paragraph(meta, Role::paragraph, 1.5f);
    }

    // Links: email, homepage and profiles elsewhere. Only ones the profile has.
    bool any_link = !b.email.empty() || !b.email_text.empty() || !b.url.empty() || !b.profiles.empty();
    if (any_link) {
        vspace(14);
        Scope list(Role::list, "Links");
        FlowRow row(8);
        std::string mailto = "mailto:" + b.email;
        if (!b.email.empty()) {
            Scope item(Role::list_item);
            pill_link(row, b.email, icon::envelope, mailto);
            // Copying beats a mail client that is not set up; the tick confirms it.
            std::uint32_t id = c.doc.node(item.index()).id;
            bool copied = c.page.copied_id == id;
            if (pill_button(row, copied ? (*c.words)[profile::Word::copied] : (*c.words)[profile::Word::copy_email], copied ? icon::check : icon::copy, -1, PillStyle::soft)) {
                if (c.hooks.copy_text) c.hooks.copy_text(b.email);
                c.page.copied_id = id;
                c.page.copied_time = ImGui::GetTime();
            }
        }
        if (!b.email_text.empty()) {
            // Written so robots cannot read it ("name at example dot org"): shown as written, never a mailto.
            Scope item(Role::list_item);
            pill_link(row, b.email_text, icon::envelope, "");
        }
        if (!b.url.empty()) {
            Scope item(Role::list_item);
            pill_link(row, (*c.words)[profile::Word::homepage], icon::home, b.url);
        }
        for (const profile::SocialProfile& s : b.profiles) {
            std::string_view label = s.network.empty() ? std::string_view(s.username) : std::string_view(s.network);
            Scope item(Role::list_item);
            // A profile whose link was refused (unsafe scheme) is still named, as plain text.
            pill_link(row, label, network_icon(s.network), s.url);
        }
        row.finish();
    }
    beside_monogram.reset();
    float bottom = std::max(ImGui::GetCursorScreenPos().y, top + d);
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, bottom));
    banner.close_rect(top);
}

}  // namespace ui
