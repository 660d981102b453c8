#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <imgui_internal.h>

#include "profile/markdown.h"
#include "profile/text.h"
#include "ui/layout_cache.h"
#include "ui/pictures.h"
#include "ui/text_flow.h"

namespace ui {

namespace {

Ctx* g_ctx = nullptr;

std::uint32_t resolve(std::uint32_t rgb) { return rgb == kBodyText ? ctx().palette.text : rgb; }

ImU32 col(std::uint32_t rgb, float alpha = 1.0f) { return im_color(resolve(rgb), alpha); }

// Activation from the mirror (keyboard, screen reader) counts as a click.
bool activated(int node) {
    Ctx& c = ctx();
    if (c.page.activate_id != 0 && c.doc.node(node).id == c.page.activate_id) {
        c.page.activate_id = 0;
        return true;
    }
    return false;
}

}  // namespace

Hit interact(int node, ImVec2 min, ImVec2 max, int piece) {
    Ctx& c = ctx();
    Hit hit;
    const Node& n = c.doc.node(node);
    if (n.role == Role::button) hit.clicked = activated(node);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGuiID id = window->GetID(static_cast<int>(n.id * 31u + static_cast<std::uint32_t>(piece)));
    ImRect bb(min, max);
    bool held = false;
    if (ImGui::ItemAdd(bb, id) && ImGui::ButtonBehavior(bb, id, &hit.hovered, &held)) hit.clicked = true;
    if (hit.hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (hit.clicked && n.role == Role::link) follow_link(n.href);
    return hit;
}

namespace {

float target_height(float natural) { return ctx().touch ? std::max(natural, 44.0f) : natural; }

// Line breaking costs a width lookup per word; most frames show the same paragraphs at
// the same width, so their layouts are kept (keyed by text, fonts and width).
const FlowLayout& cached_layout(const std::vector<FlowSpan>& flow, float wrap) {
    LayoutCache* cache = ctx().layout;
    static FlowLayout uncached;
    if (!cache) return uncached = layout_flow(flow, wrap);
    // FNV-1a over 8-byte words: every frame hashes all the text on screen.
    std::uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&h](const void* data, std::size_t n) {
        const unsigned char* b = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t word;
            std::memcpy(&word, b + i, 8);
            h = (h ^ word) * 0x100000001b3ull;
        }
        for (; i < n; ++i) h = (h ^ b[i]) * 0x100000001b3ull;
    };
    mix(&wrap, sizeof wrap);
    for (const FlowSpan& s : flow) {
        mix(&s.font, sizeof s.font);
        mix(&s.size, sizeof s.size);
        std::uint32_t len = static_cast<std::uint32_t>(s.text.size());
        mix(&len, sizeof len);
        mix(s.text.data(), s.text.size());
    }
    auto it = cache->paragraphs.find(h);
    if (it != cache->paragraphs.end()) {
        const auto& bytes = it->second.span_bytes;
        bool same = bytes.size() == flow.size();
        for (std::size_t i = 0; same && i < flow.size(); ++i) same = bytes[i] == flow[i].text.size();
        if (same) return it->second.layout;
    }
    // Bounded: a long list measured at several widths must not keep every layout forever.
    // Large enough that measuring a 10,000-entry list once leaves every paragraph cached
    // (about 12 MB then); scrolling through it later lays out nothing again.
    constexpr std::size_t kMaxParagraphs = 65536;
    if (cache->paragraphs.size() >= kMaxParagraphs) cache->paragraphs.clear();
    LayoutCache::Paragraph& entry = cache->paragraphs[h];
    entry.span_bytes.clear();
    for (const FlowSpan& s : flow) entry.span_bytes.push_back(static_cast<std::uint32_t>(s.text.size()));
    entry.layout = layout_flow(flow, wrap);
    return entry.layout;
}

}  // namespace

Ctx& ctx() { return *g_ctx; }

void follow_link(std::string_view href) {
    Ctx& c = ctx();
    if (c.hooks.links_are_native) return;
    if (href.size() > 2 && href[0] == '#' && href[1] == '/') {
        c.page.target_route = std::string(href.substr(2));
        c.page.target_instant = false;
        c.page.target_push = true;
        c.page.menu_open = false;
        return;
    }
    if (c.hooks.open_url) c.hooks.open_url(std::string(href));
}
void set_ctx(Ctx* c) { g_ctx = c; }

ImFont* font(FontRole role) { return ctx().fonts.font(role); }
float font_px(FontRole role) { return ctx().fonts.size(role); }

std::string utf8(char32_t cp) {
    std::string s;
    profile::utf8_append(s, cp);
    return s;
}

void set_rect(int node, ImVec2 min, ImVec2 max) {
    Ctx& c = ctx();
    Node& n = c.doc.node(node);
    float dy = n.fixed ? 0.0f : c.scroll_y;
    n.rect = Rect{min.x, min.y + dy, max.x - min.x, max.y - min.y};
}

bool visible(float top, float bottom) {
    Ctx& c = ctx();
    return bottom >= -200.0f && top <= c.viewport_h + 200.0f;
}

void focus_ring(int node, ImVec2 min, ImVec2 max, float rounding) {
    Ctx& c = ctx();
    bool focused = c.page.focus_visible && c.page.focus_id != 0 && c.doc.node(node).id == c.page.focus_id;
    if (!focused) return;
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3),
                                        im_color(c.palette.accent), rounding + 3, 0, 2.0f);
}

Names::Names() : was_(ctx().doc.no_translate_mode) { ctx().doc.no_translate_mode = true; }
Names::~Names() { ctx().doc.no_translate_mode = was_; }

Scope::Scope(Role role, std::string_view label, std::string_view anchor) {
    index_ = ctx().doc.begin(role, label, anchor);
}

Scope::~Scope() { ctx().doc.end(); }

void Scope::close_rect(float top) {
    Ctx& c = ctx();
    set_rect(index_, ImVec2(c.column_x, top), ImVec2(c.column_x + c.column_w, ImGui::GetCursorScreenPos().y));
}

RichText& RichText::text(std::string_view s, FontRole role, std::uint32_t rgb) {
    if (!s.empty()) spans.push_back(Span{s, role, rgb, {}, false});
    return *this;
}

RichText& RichText::link(std::string_view s, std::string_view href, FontRole role) {
    if (s.empty()) return *this;
    spans.push_back(Span{s, role, ctx().palette.accent, href, false});
    return *this;
}

namespace {

FontRole bold_of(FontRole r) {
    switch (r) {
        case FontRole::body: return FontRole::body_bold;
        case FontRole::small: return FontRole::small_bold;
        default: return r;
    }
}
FontRole small_of(FontRole r) { return r == FontRole::body_bold || r == FontRole::small_bold ? FontRole::small_bold : FontRole::small; }

}  // namespace

RichText& RichText::rich(const profile::RichString& s, FontRole role, std::uint32_t rgb) {
    if (s.marks.empty()) return text(s.text, role, rgb);
    // Cut the text at every mark boundary; each piece takes the marks that cover it.
    std::vector<std::uint32_t> cuts{0, static_cast<std::uint32_t>(s.text.size())};
    for (const profile::Mark& m : s.marks) {
        cuts.push_back(std::min<std::uint32_t>(m.begin, static_cast<std::uint32_t>(s.text.size())));
        cuts.push_back(std::min<std::uint32_t>(m.end, static_cast<std::uint32_t>(s.text.size())));
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::string_view all = s.text;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        std::uint32_t b = cuts[i], e = cuts[i + 1];
        Span span{all.substr(b, e - b), role, rgb, {}, false};
        for (const profile::Mark& m : s.marks) {
            if (m.begin > b || m.end < e) continue;
            switch (m.kind) {
                case profile::MarkKind::emphasis: span.oblique = true; break;
                case profile::MarkKind::strong: span.role = bold_of(span.role); break;
                case profile::MarkKind::code: span.rgb = ctx().palette.heading; break;
                case profile::MarkKind::superscript: span.role = small_of(span.role); span.rise = 0.35f; break;
                case profile::MarkKind::subscript: span.role = small_of(span.role); span.rise = -0.2f; break;
                case profile::MarkKind::small_caps: span.role = small_of(span.role); break;
                case profile::MarkKind::link:
                    span.href = m.href;
                    span.rgb = ctx().palette.accent;
                    break;
            }
        }
        spans.push_back(span);
    }
    return *this;
}

RichText& RichText::highlighted(std::string_view s, FontRole role) {
    if (!s.empty()) spans.push_back(Span{s, role, ctx().palette.heading, {}, true});
    return *this;
}

namespace {

bool bold(FontRole r) {
    return r == FontRole::body_bold || r == FontRole::small_bold || r == FontRole::section_title || r == FontRole::name;
}

// The text a browser's translation put in place of node `id`'s, or nullptr.
const std::string* translated(std::uint32_t id) {
    const auto& t = ctx().page.translated;
    if (t.empty()) return nullptr;
    auto it = t.find(id);
    return it == t.end() ? nullptr : &it->second;
}

// Records where the layout drew `spans` (screen space at `origin`, lines `line_h` high)
// as runs of the document nodes `node_of_span` names. What the layout skipped between
// two pieces (the space at a line break, repeated spaces) becomes the earlier run's tail,
// so that the runs, joined, spell the text.
void record_runs(const std::vector<Span>& spans, const std::vector<FlowSpan>& flow, const std::vector<int>& node_of_span,
                 const FlowLayout& layout, ImVec2 origin, float line_h) {
    Ctx& c = ctx();
    Run* last = nullptr;
    int at_span = 0;
    std::uint32_t at_byte = 0;
    auto skip_to = [&](int span, std::uint32_t byte) {
        for (; at_span < span; ++at_span, at_byte = 0)
            if (last) append_without_icons(last->tail, spans[static_cast<std::size_t>(at_span)].text.substr(at_byte));
        if (last && byte > at_byte)
            append_without_icons(last->tail, spans[static_cast<std::size_t>(span)].text.substr(at_byte, byte - at_byte));
        at_byte = std::max(at_byte, byte);
    };
    for (const FlowPiece& p : layout.pieces) {
        skip_to(p.span, p.begin);
        const Span& s = spans[static_cast<std::size_t>(p.span)];
        Node& n = c.doc.node(node_of_span[static_cast<std::size_t>(p.span)]);
        Run run;
        append_without_icons(run.text, s.text.substr(p.begin, p.end - p.begin));
        float dy = n.fixed ? 0.0f : c.scroll_y;
        run.rect = Rect{origin.x + p.x, origin.y + p.line * line_h + dy, p.width, line_h};
        run.size = flow[static_cast<std::size_t>(p.span)].size;
        run.bold = bold(s.role);
        n.runs.push_back(std::move(run));
        last = &n.runs.back();
        at_byte = p.end;
    }
    if (!spans.empty()) skip_to(static_cast<int>(spans.size()) - 1, static_cast<std::uint32_t>(spans.back().text.size()));
}

}  // namespace

float paragraph(const RichText& t, Role role, float line_height, float width) {
    Ctx& c = ctx();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float wrap = width > 0 ? width : c.column_x + c.column_w - origin.x;

    // Document children: consecutive plain spans become one text node; each link one node.
    // A child whose text a translation replaced is drawn with that text, in the style of
    // its first span.
    int node = c.doc.begin(role);
    std::vector<Span> spans;
    spans.reserve(t.spans.size());
    std::vector<int> node_of_span;
    node_of_span.reserve(t.spans.size());
    int open_text = -1;
    bool open_translated = false;
    for (const Span& s : t.spans) {
        bool joins = s.href.empty() && open_text >= 0 && c.doc.node(open_text).emphasised == s.highlight;
        if (joins) {
            if (open_translated) continue;
            c.doc.append_text(open_text, s.text);
            spans.push_back(s);
            node_of_span.push_back(open_text);
            continue;
        }
        Role child_role = s.href.empty() ? Role::text : Role::link;
        const std::string* replaced = translated(c.doc.next_id(child_role));
        int child = c.doc.add(child_role, replaced ? std::string_view(*replaced) : s.text, s.href);
        c.doc.node(child).emphasised = s.highlight;
        open_text = s.href.empty() ? child : -1;
        open_translated = replaced != nullptr;
        spans.push_back(s);
        if (replaced) spans.back().text = *replaced;
        node_of_span.push_back(child);
    }
    c.doc.end();

    std::vector<FlowSpan> flow;
    flow.reserve(spans.size());
    float line_h = 0;
    for (const Span& s : spans) {
        flow.push_back(FlowSpan{s.text, font(s.role), font_px(s.role)});
        line_h = std::max(line_h, std::round(font_px(s.role) * line_height));
    }
    const FlowLayout& layout = cached_layout(flow, wrap);
    float height = layout.lines * line_h;
    ImVec2 max(origin.x + wrap, origin.y + height);
    set_rect(node, origin, max);
    record_runs(spans, flow, node_of_span, layout, origin, line_h);
    bool on_screen = visible(origin.y, max.y);
    ImDrawList* dl = window->DrawList;

    // A link's rect: the union of its pieces.
    std::vector<int> link_nodes;
    for (std::size_t si = 0; si < spans.size(); ++si) {
        if (spans[si].href.empty()) continue;
        int link_node = node_of_span[si];
        link_nodes.push_back(link_node);
        ImVec2 lmin(FLT_MAX, FLT_MAX), lmax(-FLT_MAX, -FLT_MAX);
        for (const FlowPiece& p : layout.pieces) {
            if (p.span != static_cast<int>(si)) continue;
            float y = origin.y + p.line * line_h;
            lmin = ImMin(lmin, ImVec2(origin.x + p.x, y));
            lmax = ImMax(lmax, ImVec2(origin.x + p.x + p.width, y + line_h));
        }
        if (lmin.x <= lmax.x) set_rect(link_node, lmin, lmax);
    }

    if (on_screen) {
        // Links: each piece is an imgui item (hover, click, keyboard nav); all pieces of a
        // link underline together.
        std::vector<bool> hovered_span(spans.size(), false);
        for (std::size_t pi = 0; pi < layout.pieces.size(); ++pi) {
            const FlowPiece& p = layout.pieces[pi];
            if (spans[static_cast<std::size_t>(p.span)].href.empty()) continue;
            int link = node_of_span[static_cast<std::size_t>(p.span)];
            float y = origin.y + p.line * line_h;
            Hit hit = interact(link, ImVec2(origin.x + p.x, y), ImVec2(origin.x + p.x + p.width, y + line_h),
                               static_cast<int>(pi));
            if (hit.hovered) hovered_span[static_cast<std::size_t>(p.span)] = true;
        }
        for (const FlowPiece& p : layout.pieces) {
            const Span& s = spans[static_cast<std::size_t>(p.span)];
            float size = font_px(s.role);
            ImFont* f = font(s.role);
            // Centre the font's line box in the paragraph's line.
            float y = origin.y + p.line * line_h + std::round((line_h - size) * 0.5f);
            if (s.rise != 0) y -= std::round(s.rise * font_px(FontRole::body));
            ImVec2 pos(origin.x + p.x, y);
            std::string_view text = s.text.substr(p.begin, p.end - p.begin);
            int first_vertex = dl->VtxBuffer.Size;
            dl->AddText(f, size, pos, col(s.rgb), text.data(), text.data() + text.size());
            if (s.oblique) {
                // Slant the glyphs about their baseline, as browsers do for a font with no italic.
                float baseline = y + f->Ascent * size / f->FontSize;
                for (int v = first_vertex; v < dl->VtxBuffer.Size; ++v)
                    dl->VtxBuffer[v].pos.x += (baseline - dl->VtxBuffer[v].pos.y) * 0.2f;
            }
            bool underline = s.highlight || (!s.href.empty() && hovered_span[static_cast<std::size_t>(p.span)]);
            if (underline) {
                float uy = std::round(y + size * 1.02f) + 0.5f;
                float x0 = pos.x, x1 = pos.x + p.width;
                if (!text.empty() && text.front() == ' ') x0 += text_width(f, size, " ");
                dl->AddLine(ImVec2(x0, uy), ImVec2(x1, uy), col(s.rgb, s.highlight ? 0.6f : 1.0f), 1.0f);
            }
        }
    }
    for (int link_node : link_nodes) {
        const Node& n = c.doc.node(link_node);
        focus_ring(link_node, ImVec2(n.rect.x, n.rect.y - c.scroll_y),
                   ImVec2(n.rect.x + n.rect.w, n.rect.y + n.rect.h - c.scroll_y), 3);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(wrap, height));
    return height;
}

float paragraph(std::string_view text, FontRole font_role, std::uint32_t rgb, float line_height) {
    return paragraph(RichText().text(text, font_role, rgb), Role::paragraph, line_height);
}

void heading(int level, std::string_view text, FontRole role, std::uint32_t rgb, float size_limit) {
    Ctx& c = ctx();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float size = size_limit > 0 ? std::min(size_limit, font_px(role)) : font_px(role);
    float wrap = c.column_x + c.column_w - pos.x;
    if (const std::string* replaced = translated(c.doc.next_id(Role::heading))) text = *replaced;
    std::vector<FlowSpan> flow{FlowSpan{text, font(role), size}};
    const FlowLayout& layout = cached_layout(flow, wrap);
    float line_h = std::round(size * 1.25f);
    int node = c.doc.add(Role::heading, text);
    c.doc.node(node).level = static_cast<std::uint8_t>(level);
    ImVec2 max(pos.x + layout.width, pos.y + layout.lines * line_h);
    set_rect(node, pos, max);
    record_runs({Span{text, role, rgb, {}, false}}, flow, {node}, layout, pos, line_h);
    if (visible(pos.y, max.y)) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (const FlowPiece& p : layout.pieces) {
            std::string_view piece = text.substr(p.begin, p.end - p.begin);
            dl->AddText(font(role), size, ImVec2(pos.x + p.x, pos.y + p.line * line_h + (line_h - size) * 0.5f),
                        col(rgb), piece.data(), piece.data() + piece.size());
        }
    }
    ImGui::Dummy(ImVec2(layout.width, layout.lines * line_h));
}

void title_with_aside(const RichText& title, std::string_view aside) {
    Ctx& c = ctx();
    if (aside.empty()) {
        paragraph(title, Role::paragraph, 1.45f);
        return;
    }
    float aside_w = text_width(font(FontRole::small), font_px(FontRole::small), aside);
    if (c.compact || aside_w > c.column_w * 0.4f) {
        paragraph(title, Role::paragraph, 1.45f);
        paragraph(RichText().text(aside, FontRole::small, c.palette.text_muted), Role::paragraph, 1.5f);
        return;
    }
    ImVec2 start = ImGui::GetCursorScreenPos();
    float gap = 24;
    float title_w = c.column_x + c.column_w - start.x - aside_w - gap;
    float title_h = paragraph(title, Role::paragraph, 1.45f, title_w);
    ImVec2 end = ImGui::GetCursorScreenPos();
    // The aside sits on the title's first line, right-aligned, on the same baseline.
    float line_h = std::round(font_px(title.spans.empty() ? FontRole::body : title.spans[0].role) * 1.45f);
    ImVec2 apos(c.column_x + c.column_w - aside_w,
                start.y + std::round((line_h - font_px(FontRole::small)) * 0.5f) + 1.0f);
    ImGui::SetCursorScreenPos(apos);
    paragraph(RichText().text(aside, FontRole::small, c.palette.text_muted), Role::paragraph, 1.0f, aside_w + 1);
    ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(end.y, start.y + title_h)));
}

FlowRow::FlowRow(float gap) : gap_(gap) {
    origin_ = cursor_ = ImGui::GetCursorScreenPos();
    right_ = ctx().column_x + ctx().column_w;
}

ImVec2 FlowRow::place(ImVec2 size) {
    if (any_ && cursor_.x + size.x > right_) {
        cursor_.x = origin_.x;
        cursor_.y += line_h_ + gap_;
        line_h_ = 0;
    }
    ImVec2 pos = cursor_;
    cursor_.x += size.x + gap_;
    line_h_ = std::max(line_h_, size.y);
    any_ = true;
    return pos;
}

void FlowRow::finish() {
    ImGui::SetCursorScreenPos(origin_);
    float h = any_ ? cursor_.y + line_h_ - origin_.y : 0;
    ImGui::Dummy(ImVec2(right_ - origin_.x, h));
}

namespace {

struct PillLayout {
    ImVec2 size;
    float text_x;
    std::string icon_text;
};

PillLayout measure_pill(std::string_view label, char32_t icon) {
    PillLayout l;
    float fs = font_px(FontRole::small);
    float pad = 12;
    float icon_w = 0;
    if (icon) {
        l.icon_text = utf8(icon);
        icon_w = text_width(font(FontRole::small), fs, l.icon_text) + (label.empty() ? 0 : 6);
    }
    float text_w = text_width(font(FontRole::small), fs, label);
    l.size = ImVec2(std::round(pad * 2 + icon_w + text_w), target_height(std::round(fs * 2.0f)));
    l.text_x = pad + icon_w;
    return l;
}

void draw_pill(const PillLayout& l, std::string_view label, ImVec2 pos, PillStyle style, bool hovered, bool active) {
    Ctx& c = ctx();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + l.size.x, pos.y + l.size.y);
    float r = std::min(l.size.y * 0.5f, 999.0f);
    const Palette& p = c.palette;
    std::uint32_t fg = p.accent;
    if (style == PillStyle::accent || active) {
        dl->AddRectFilled(pos, max, im_color(p.accent, hovered ? 0.9f : 1.0f), r);
        fg = p.accent_text;
    } else if (style == PillStyle::soft) {
        dl->AddRectFilled(pos, max, im_color(hovered ? p.accent_soft : p.surface_alt), r);
        fg = hovered ? p.accent : p.text;
    } else {
        if (hovered) dl->AddRectFilled(pos, max, im_color(p.accent_soft), r);
        dl->AddRect(pos, max, im_color(hovered ? p.accent : p.border), r, 0, 1.0f);
    }
    float fs = font_px(FontRole::small);
    float ty = pos.y + std::round((l.size.y - fs) * 0.5f);
    if (!l.icon_text.empty())
        dl->AddText(font(FontRole::small), fs, ImVec2(pos.x + 12, ty), im_color(fg), l.icon_text.c_str());
    dl->AddText(font(FontRole::small), fs, ImVec2(pos.x + l.text_x, ty), im_color(fg), label.data(),
                label.data() + label.size());
}

}  // namespace

void pill_link(FlowRow& row, std::string_view label, char32_t icon, std::string_view href, PillStyle style) {
    Ctx& c = ctx();
    PillLayout l = measure_pill(label, icon);
    ImVec2 pos = row.place(l.size);
    ImVec2 max(pos.x + l.size.x, pos.y + l.size.y);
    int node = c.doc.add(href.empty() ? Role::text : Role::link, label, href);
    set_rect(node, pos, max);
    if (!visible(pos.y, max.y)) return;
    if (href.empty()) {
        draw_pill(l, label, pos, PillStyle::soft, false, false);
        return;
    }
    draw_pill(l, label, pos, style, interact(node, pos, max).hovered, false);
    focus_ring(node, pos, max, l.size.y * 0.5f);
}

bool pill_button(FlowRow& row, std::string_view label, char32_t icon, int pressed, PillStyle style) {
    Ctx& c = ctx();
    PillLayout l = measure_pill(label, icon);
    ImVec2 pos = row.place(l.size);
    ImVec2 max(pos.x + l.size.x, pos.y + l.size.y);
    int node = c.doc.add(Role::button, label);
    c.doc.node(node).pressed = static_cast<std::int8_t>(pressed);
    set_rect(node, pos, max);
    if (!visible(pos.y, max.y)) return activated(node);
    Hit hit = interact(node, pos, max);
    draw_pill(l, label, pos, style, hit.hovered, pressed == 1);
    focus_ring(node, pos, max, l.size.y * 0.5f);
    return hit.clicked;
}

bool icon_button(char32_t icon, std::string_view label, ImVec2 pos, float size, int pressed) {
    Ctx& c = ctx();
    ImVec2 max(pos.x + size, pos.y + size);
    int node = c.doc.add(Role::button, label);
    c.doc.node(node).pressed = static_cast<std::int8_t>(pressed);
    set_rect(node, pos, max);
    Hit hit = interact(node, pos, max);
    bool hovered = hit.hovered;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered || pressed == 1) dl->AddRectFilled(pos, max, im_color(c.palette.surface_alt), 8);
    std::string glyph = utf8(icon);
    float fs = font_px(FontRole::body);
    float w = text_width(font(FontRole::body), fs, glyph);
    dl->AddText(font(FontRole::body), fs, ImVec2(std::round(pos.x + (size - w) * 0.5f), std::round(pos.y + (size - fs) * 0.5f)),
                im_color(hovered ? c.palette.accent : c.palette.text), glyph.c_str());
    focus_ring(node, pos, max, 8);
    return hit.clicked;
}

void chips(const std::vector<std::string>& items, std::string_view list_label) {
    if (items.empty()) return;
    Ctx& c = ctx();
    Scope list(Role::list, list_label);
    FlowRow row(8);
    float fs = font_px(FontRole::small);
    float line_h = std::round(fs * 1.4f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const std::string& item : items) {
        // A chip wider than the column (a page zoomed far in) wraps its text inside.
        float pad = 12;
        float text_w = text_width(font(FontRole::small), fs, item);
        float inner = std::min(text_w, std::max(24.0f, c.column_w - 2 * pad));
        const FlowLayout& layout = cached_layout({FlowSpan{item, font(FontRole::small), fs}}, inner);
        bool one_line = layout.lines <= 1;
        ImVec2 size(std::round(inner + 2 * pad), one_line ? std::round(fs * 2.0f) : layout.lines * line_h + 2 * 6.0f);
        ImVec2 pos = row.place(size);
        ImVec2 max(pos.x + size.x, pos.y + size.y);
        int li = c.doc.begin(Role::list_item);
        int t = c.doc.add(Role::text, item);
        c.doc.end();
        set_rect(li, pos, max);
        set_rect(t, pos, max);
        if (!visible(pos.y, max.y)) continue;
        dl->AddRectFilled(pos, max, im_color(c.palette.surface_alt), one_line ? size.y * 0.5f : 12.0f);
        float top = one_line ? std::round((size.y - fs) * 0.5f) : 6.0f + std::round((line_h - fs) * 0.5f);
        for (const FlowPiece& p : layout.pieces) {
            std::string_view piece = std::string_view(item).substr(p.begin, p.end - p.begin);
            dl->AddText(font(FontRole::small), fs, ImVec2(pos.x + pad + p.x, pos.y + top + p.line * line_h),
                        im_color(c.palette.text), piece.data(), piece.data() + piece.size());
        }
    }
    row.finish();
}

void badge(std::string_view text, ImVec2 pos, float w, std::optional<std::uint32_t> fill, std::string_view href) {
    Ctx& c = ctx();
    float fs = font_px(FontRole::small_bold);
    ImVec2 size(w, std::round(fs * 2.0f));
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    int node = c.doc.add(href.empty() ? Role::text : Role::link, text, href);
    set_rect(node, pos, max);
    if (!visible(pos.y, max.y)) return;
    bool hovered = !href.empty() && interact(node, pos, max).hovered;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, im_color(fill ? *fill : c.palette.accent, hovered ? 0.85f : 1.0f), 6);
    if (!href.empty()) focus_ring(node, pos, max, 6);
    float tw = text_width(font(FontRole::small_bold), fs, text);
    ImVec4 clip(pos.x + 4, pos.y, max.x - 4, max.y);
    dl->AddText(font(FontRole::small_bold), fs, ImVec2(std::round(pos.x + std::max(4.0f, (w - tw) * 0.5f)), std::round(pos.y + (size.y - fs) * 0.5f)),
                im_color(fill ? readable_text_on(*fill) : c.palette.accent_text), text.data(), text.data() + text.size(), 0.0f, &clip);
}

void vspace(float px) { ImGui::Dummy(ImVec2(1, px)); }

namespace {

template <class Item, class Draw>
void bullet_list(const std::vector<Item>& items, std::string_view list_label, Draw&& draw) {
    if (items.empty()) return;
    Ctx& c = ctx();
    Scope list(Role::list, list_label);
    float indent = 20;
    for (const Item& item : items) {
        Scope li(Role::list_item);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float fs = font_px(FontRole::body);
        float line_h = std::round(fs * 1.6f);
        if (visible(pos.y, pos.y + line_h))
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + 6, pos.y + line_h * 0.5f), 2.5f,
                                                        im_color(c.palette.text_muted));
        ImGui::SetCursorScreenPos(ImVec2(pos.x + indent, pos.y));
        draw(item);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, ImGui::GetCursorScreenPos().y + 2));
        li.close_rect(pos.y);
    }
}

}  // namespace

void bullets(const std::vector<std::string>& items, std::string_view list_label) {
    bullet_list(items, list_label, [](const std::string& item) { paragraph(item); });
}

void bullets(const std::vector<profile::RichString>& items, std::string_view list_label) {
    bullet_list(items, list_label, [](const profile::RichString& item) { paragraph(RichText().rich(item)); });
}

float paragraphs(const profile::RichString& s, FontRole role, std::uint32_t rgb, float line_height, float gap) {
    float top = ImGui::GetCursorScreenPos().y;
    if (s.text.find("\n\n") == std::string::npos) {
        if (!s.empty()) paragraph(RichText().rich(s, role, rgb), Role::paragraph, line_height);
    } else {
        bool first = true;
        for (const profile::RichString& piece : profile::split_paragraphs(s)) {
            if (!first) vspace(gap);
            paragraph(RichText().rich(piece, role, rgb), Role::paragraph, line_height);
            first = false;
        }
    }
    return ImGui::GetCursorScreenPos().y - top;
}

bool picture_failed(const std::string& url) {
    const Pictures* store = ctx().pictures;
    const Picture* p = store ? store->find(url) : nullptr;
    return p && p->state == PictureState::failed;
}

bool picture(const std::string& url, std::string_view alt, std::string_view what, ImVec2 pos, ImVec2 size, bool round) {
    Ctx& c = ctx();
    if (url.empty() || !c.pictures || picture_failed(url)) return false;
    int node = c.doc.add(Role::image, alt, url);
    set_rect(node, pos, ImVec2(pos.x + size.x, pos.y + size.y));
    // Near the screen: within a screen's height of it, so it is there when scrolled to.
    bool near = pos.y + size.y >= -c.viewport_h && pos.y <= 2 * c.viewport_h;
    if (!near) return false;
    const Picture& p = c.pictures->want(url, what);
    if (p.state != PictureState::ready || p.width <= 0 || p.height <= 0) return false;
    // Cover the box: crop the longer side, centred.
    float pic = static_cast<float>(p.width) / static_cast<float>(p.height), box = size.x / size.y;
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (pic > box) {
        float keep = box / pic;
        uv0.x = (1 - keep) * 0.5f;
        uv1.x = 1 - uv0.x;
    } else {
        float keep = pic / box;
        uv0.y = (1 - keep) * 0.5f;
        uv1.y = 1 - uv0.y;
    }
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float rounding = round ? std::min(size.x, size.y) * 0.5f : 6.0f;
    dl->AddImageRounded(p.texture, pos, max, uv0, uv1, IM_COL32_WHITE, rounding);
    if (round) dl->AddCircle(ImVec2(pos.x + size.x * 0.5f, pos.y + size.y * 0.5f), size.x * 0.5f - 0.5f,
                             im_color(c.palette.accent, 0.25f), 64, 1.0f);
    return true;
}

Thumbnail::Thumbnail(const std::string& url, std::string_view alt, std::string_view what, float top) {
    Ctx& c = ctx();
    if (url.empty() || !c.pictures || picture_failed(url)) return;
    float w = c.compact ? 76.0f : 112.0f, h = std::round(w * 0.75f);
    ImVec2 cursor = ImGui::GetCursorScreenPos();
    picture(url, alt, what, ImVec2(c.column_x + c.column_w - w, top), ImVec2(w, h));
    ImGui::SetCursorScreenPos(cursor);
    bottom_ = top + h;
    beside_.emplace(0.0f, w + 16.0f);
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, cursor.y));
}

Thumbnail::~Thumbnail() {
    if (!beside_) return;
    beside_.reset();
    Ctx& c = ctx();
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, std::max(ImGui::GetCursorScreenPos().y, bottom_)));
}

void sync_indent() {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    w->DC.Indent.x = ctx().column_x - w->Pos.x;
}

Column::Column(float left, float right) : x_(ctx().column_x), w_(ctx().column_w) {
    Ctx& c = ctx();
    c.column_x += left;
    c.column_w -= left + right;
    sync_indent();
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, ImGui::GetCursorScreenPos().y));
}

Column::~Column() {
    Ctx& c = ctx();
    c.column_x = x_;
    c.column_w = w_;
    sync_indent();
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, ImGui::GetCursorScreenPos().y));
}

Panel::Panel(std::uint32_t fill, std::uint32_t edge, float pad) : fill_(fill), edge_(edge), pad_(pad) {
    start_ = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    inset_.emplace(pad + 4, pad);
    ImGui::SetCursorScreenPos(ImVec2(ctx().column_x, start_.y + pad));
}

Panel::~Panel() {
    Ctx& c = ctx();
    float end_y = ImGui::GetCursorScreenPos().y + pad_ - 6;
    inset_.reset();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    ImVec2 max(c.column_x + c.column_w, end_y);
    dl->AddRectFilled(start_, max, im_color(fill_), 12);
    dl->AddRectFilled(start_, ImVec2(start_.x + 4, end_y), im_color(edge_), 12, ImDrawFlags_RoundCornersLeft);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, end_y));
    ImGui::Dummy(ImVec2(c.column_w, 0));
}

}  // namespace ui
