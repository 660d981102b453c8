// ui/text_flow.h: line breaking for paragraphs that mix fonts, colours and links.
//
// imgui wraps one font at a time; a paragraph here can hold a bold lead-in, an emoji,
// a link and CJK text. Breaks fall at spaces and between CJK characters; a word
// longer than the line is split between characters.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

struct ImFont;

namespace ui {

struct FlowSpan {
    std::string_view text;
    ImFont* font = nullptr;
    float size = 0;  // CSS pixels
};

struct FlowPiece {
    int span;              // index into the spans
    std::uint32_t begin;   // byte range within that span's text
    std::uint32_t end;
    float x;               // offset from the paragraph's left edge, in whole pixels (text_flow.cpp says why)
    float width;
    int line;
};

struct FlowLayout {
    std::vector<FlowPiece> pieces;
    int lines = 0;
    float width = 0;  // of the widest line
};

FlowLayout layout_flow(const std::vector<FlowSpan>& spans, float wrap_width);

// Width of a run of text in CSS pixels.
float text_width(ImFont* font, float size, std::string_view text);

}  // namespace ui
