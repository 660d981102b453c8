// Publications: venue badge (in the venue's colour, linking to it, when the profile's
// venues{} has it), title, authors (the owner highlighted, co-authors with a page linked),
// venue and year, link buttons, an expandable abstract, a BibTeX copy button and a
// "selected" filter.
#include <algorithm>
#include <cmath>
#include <optional>

#include <imgui.h>

#include "profile/bibtex.h"
#include "profile/date.h"
#include "ui/icons.h"
#include "ui/layout_cache.h"
#include "profile/words.h"
#include "ui/sections.h"
#include "ui/virtual_list.h"
#include "ui/widgets.h"

namespace ui {

namespace {

constexpr float kBadgeColumn = 92.0f;

LayoutCache::AuthorLine author_line(const profile::Publication& pub) {
    LayoutCache::AuthorLine line;
    const std::size_t n = pub.authors.size();
    // "and others" in a .bib: the list is cut, so it ends in "et al." instead of "and".
    const bool more = pub.more_authors;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) line.text += i + 1 == n && !more ? (n > 2 ? ", and " : " and ") : ", ";
        const profile::Author& a = pub.authors[i];
        bool first_owner = a.owner && line.owner_begin == std::string::npos;
        if (first_owner) line.owner_begin = line.text.size();
        std::size_t begin = line.text.size();
        line.text += a.shown;
        if (first_owner) line.owner_end = line.text.size();
        if (a.coauthor >= 0) line.links.push_back({begin, line.text.size(), a.coauthor});
    }
    if (more) line.text += n > 0 ? ", et al." : "et al.";
    return line;
}

// The author line as runs: plain text, the owner highlighted, linked co-authors.
RichText author_runs(const LayoutCache::AuthorLine& line, const profile::Profile& p) {
    std::string_view all = line.text;
    RichText out;
    std::size_t at = 0;
    auto plain_until = [&](std::size_t end) {
        if (end > at) out.text(all.substr(at, end - at));
        at = end;
    };
    auto link = line.links.begin();
    while (at < all.size()) {
        bool owner_next = line.owner_begin != std::string::npos && line.owner_begin >= at &&
                          (link == line.links.end() || line.owner_begin < link->begin);
        if (owner_next) {
            plain_until(line.owner_begin);
            out.highlighted(all.substr(at, line.owner_end - at));
            at = line.owner_end;
        } else if (link != line.links.end()) {
            plain_until(link->begin);
            const std::string& url = p.coauthors[static_cast<std::size_t>(link->coauthor)].url;
            if (url.empty())
                out.text(all.substr(at, link->end - at));
            else
                out.link(all.substr(at, link->end - at), url);
            at = link->end;
            ++link;
        } else {
            plain_until(all.size());
        }
    }
    return out;
}

void render_publication(const profile::Profile& p, const profile::Publication& pub, std::uint32_t index,
                        bool badge_column) {
    Ctx& c = ctx();
    Scope item(Role::list_item);
    std::uint32_t entry_id = c.doc.node(item.index()).id;
    float top = ImGui::GetCursorScreenPos().y;
    std::optional<Column> beside_badge;
    const profile::Venue* entry = pub.venue_entry >= 0 ? &p.venues[static_cast<std::size_t>(pub.venue_entry)] : nullptr;
    std::optional<std::uint32_t> fill;
    if (entry && entry->has_color) fill = entry->color;
    std::string_view venue_url = entry ? std::string_view(entry->url) : std::string_view();
    if (badge_column && !c.compact) {
        if (!pub.venue_short.empty()) badge(pub.venue_short, ImVec2(c.column_x, top + 2), kBadgeColumn - 16, fill, venue_url);
        beside_badge.emplace(kBadgeColumn);
        ImGui::SetCursorScreenPos(ImVec2(c.column_x, top));
    } else if (!pub.venue_short.empty()) {
        float w = std::min(c.column_w, 24.0f + pub.venue_short.size() * 8.5f);
        badge(pub.venue_short, ImVec2(c.column_x, top), w, fill, venue_url);
        vspace(std::round(font_px(FontRole::small_bold) * 2.0f) + 8);
    }

    std::optional<Thumbnail> preview;
    if (!pub.preview.empty()) preview.emplace(pub.preview, "Preview: " + pub.title.text, "a publication's preview", top);
    paragraph(RichText().rich(pub.title, FontRole::body_bold, c.palette.heading), Role::paragraph, 1.45f);

    if (!pub.authors.empty()) {
        LayoutCache::AuthorLine uncached;
        LayoutCache::AuthorLine& line = c.layout ? c.layout->author_line(c.facts.generation, index) : uncached;
        if (line.text.empty()) line = author_line(pub);
        Names names;
        paragraph(author_runs(line, p), Role::paragraph, 1.5f);
    }

    std::string year = pub.date.year ? std::to_string(pub.date.year) : std::string();
    std::string venue = pub.venue;
    if (!year.empty() && venue.find(year) == std::string::npos) venue += venue.empty() ? year : ", " + year;
    // al-folio's award_name is the badge's label when `award` describes the award at length.
    const std::string& award_label = pub.award_name.empty() ? pub.award : pub.award_name;
    std::string award = award_label.empty() ? std::string() : utf8(icon::star) + " " + award_label;
    if (!venue.empty() || !award.empty()) {
        RichText line;
        line.text(venue, FontRole::body, c.palette.text_muted);
        if (!award.empty()) line.text(venue.empty() ? "" : "   ").text(award, FontRole::body_bold, c.palette.accent);
        paragraph(line, Role::paragraph, 1.5f);
    }
    if (!pub.summary.empty()) paragraph(pub.summary, FontRole::small, c.palette.text_muted, 1.5f);

    // Buttons: the abstract toggle, the links the entry has, and BibTeX.
    bool expanded = c.page.static_export || c.page.expanded.count(entry_id) > 0;
    std::string doi_url = pub.doi.empty() ? std::string() : "https://doi.org/" + pub.doi;
    bool copied = c.page.copied_id == entry_id;
    vspace(8);
    FlowRow row(8);
    if (!pub.abstract.empty() &&
        pill_button(row, (*c.words)[profile::Word::abstract], expanded ? icon::chevron_up : icon::chevron_down, expanded ? 1 : 0)) {
        if (expanded)
            c.page.expanded.erase(entry_id);
        else
            c.page.expanded.insert(entry_id);
        expanded = !expanded;
    }
    // The link buttons al-folio draws, in its order, each only when the entry has it.
    std::string arxiv = profile::arxiv_url(pub);
    const struct {
        const char* label;
        char32_t icon;
        const std::string& href;
    } links[] = {{"arXiv", icon::file_pdf, arxiv},      {"HTML", icon::external_link, pub.html},
                 {"PDF", icon::file_pdf, pub.pdf},      {"Supp", icon::file_pdf, pub.supp},
                 {"Blog", icon::external_link, pub.blog}, {"Code", icon::code, pub.code},
                 {"Poster", icon::file_pdf, pub.poster}, {"Slides", icon::slides, pub.slides},
                 {"Video", icon::external_link, pub.video}, {"Website", icon::external_link, pub.website},
                 {"DOI", icon::link, doi_url},
                 {pub.website.empty() ? "Website" : "Link", icon::external_link, pub.url}};
    for (const auto& l : links)
        if (!l.href.empty()) pill_link(row, l.label, l.icon, l.href);
    if (pill_button(row, copied ? (*c.words)[profile::Word::copied] : std::string_view("BibTeX"), copied ? icon::check : icon::quote)) {
        if (c.hooks.copy_text) c.hooks.copy_text(profile::to_bibtex(pub));
        c.page.copied_id = entry_id;
        c.page.copied_time = ImGui::GetTime();
    }
    row.finish();
    if (expanded) {
        vspace(10);
        Panel panel(c.palette.surface_alt, c.palette.border, 16);
        paragraph(pub.abstract, FontRole::small, kBodyText, 1.6f);
    } else if (!pub.abstract.empty()) {
        // Closed, it is still the page's text: find in page finds it, and opens it.
        int hidden = c.doc.add(Role::text, pub.abstract);
        c.doc.node(hidden).collapsed = true;
    }
    preview.reset();
    beside_badge.reset();
    item.close_rect(top);
}

}  // namespace

void render_publications(const profile::Profile& p) {
    Ctx& c = ctx();
    std::size_t selected = c.facts.selected_publications;
    // The filter only appears when it would change something.
    if (selected > 0 && selected < p.publications.size()) {
        FlowRow row;
        std::string label = std::string((*c.words)[profile::Word::selected_only]) + " (" + std::to_string(selected) + " of " + std::to_string(p.publications.size()) + ")";
        if (pill_button(row, label, icon::filter, c.page.selected_only ? 1 : 0, PillStyle::soft))
            c.page.selected_only = !c.page.selected_only;
        row.finish();
        vspace(18);
    }
    bool badge_column = c.facts.venue_badges;
    bool only_selected = c.page.selected_only;
    Scope list(Role::list, "Publications");
    auto list_entries = [&](std::vector<std::uint32_t>& keys) {
        for (std::size_t i = 0; i < p.publications.size(); ++i)
            if (!only_selected || p.publications[i].selected) keys.push_back(static_cast<std::uint32_t>(i));
    };
    std::uint64_t signature = (static_cast<std::uint64_t>(c.facts.generation) << 1) | (only_selected ? 1u : 0u);
    virtual_list("publications", signature, list_entries, 28,
                 [&](std::uint32_t key) { render_publication(p, p.publications[key], key, badge_column); });
}

}  // namespace ui
