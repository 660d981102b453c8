#include <doctest/doctest.h>

#include <cmath>

#include <string>

#include <imgui.h>

#include "ui/text_flow.h"

namespace {

// A real font at a known size: imgui's built-in one (the native build keeps it).
struct FontFixture {
    FontFixture() {
        ctx = ImGui::CreateContext();
        font = ImGui::GetIO().Fonts->AddFontDefault();
        unsigned char* px;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ~FontFixture() { ImGui::DestroyContext(ctx); }
    ImGuiContext* ctx;
    ImFont* font;
};

std::string joined(const std::vector<ui::FlowSpan>& spans, const ui::FlowLayout& l, int line) {
    std::string out;
    for (const ui::FlowPiece& p : l.pieces)
        if (p.line == line) out += std::string(spans[static_cast<std::size_t>(p.span)].text.substr(p.begin, p.end - p.begin));
    return out;
}

}  // namespace

TEST_CASE("text flow: a space between spans belongs to the span that had it") {
    FontFixture f;
    std::vector<ui::FlowSpan> spans{{"icon  ", f.font, 13}, {"Institute", f.font, 13}};
    ui::FlowLayout l = ui::layout_flow(spans, 1000);
    CHECK(l.lines == 1);
    CHECK(joined(spans, l, 0) == "icon Institute");
    // The word starts after the icon and one space, not on top of the icon.
    const ui::FlowPiece& word = l.pieces.back();
    CHECK(word.span == 1);
    CHECK(word.x > ui::text_width(f.font, 13, "icon"));
}

TEST_CASE("text flow: wraps at spaces, never past the width; long words split") {
    FontFixture f;
    std::vector<ui::FlowSpan> spans{{"alpha beta gamma delta epsilon", f.font, 13}};
    float w = ui::text_width(f.font, 13, "alpha beta gamma") + 1;
    ui::FlowLayout l = ui::layout_flow(spans, w);
    CHECK(l.lines == 2);
    CHECK(joined(spans, l, 0) == "alpha beta gamma");
    CHECK(joined(spans, l, 1) == "delta epsilon");
    // Runs start on whole pixels (as imgui and browsers draw them): half a pixel either way.
    for (const ui::FlowPiece& p : l.pieces) {
        CHECK(p.x + p.width <= w + 0.5f);
        CHECK(p.x == std::round(p.x));
    }

    std::vector<ui::FlowSpan> long_word{{"abcdefghijklmnopqrstuvwxyz", f.font, 13}};
    ui::FlowLayout l2 = ui::layout_flow(long_word, ui::text_width(f.font, 13, "abcdefghij") + 0.5f);
    CHECK(l2.lines == 3);
    CHECK(joined(long_word, l2, 0) == "abcdefghij");
}

TEST_CASE("text flow: CJK text breaks between characters") {
    FontFixture f;
    // The default font has no CJK glyphs; widths come from its fallback glyph, which is enough here.
    std::vector<ui::FlowSpan> spans{{"\xe7\xbf\x81\xe7\xa5\x88\xe6\xa1\xa2\xe7\xbf\x81\xe7\xa5\x88\xe6\xa1\xa2", f.font, 13}};
    float one = ui::text_width(f.font, 13, "\xe7\xbf\x81");
    ui::FlowLayout l = ui::layout_flow(spans, one * 4 + 0.5f);
    CHECK(l.lines == 2);
}
