// ui/theme.h: the light and dark palettes, and the contrast rules they keep.
#pragma once

#include <cstdint>
#include <string>

struct ImGuiStyle;

namespace ui {

// The colours of a palette are the rows of palette.def, the X-macro
// IMFOLIO_PALETTE_COLOURS(X) with X(member, css_name, what it colours). The page's
// stylesheet and the static page's colours are generated from them (palette_css()), so
// the canvas, the page around it and the static export can never disagree.
#include "ui/palette.def"

// Colours as 0xRRGGBB. Every text/background pair the views use is listed in
// contrast_pairs() and checked against WCAG AA by a unit test.
struct Palette {
    const char* name;
#define IMFOLIO_PALETTE_MEMBER(member, css, what) std::uint32_t member;
    IMFOLIO_PALETTE_COLOURS(IMFOLIO_PALETTE_MEMBER)
#undef IMFOLIO_PALETTE_MEMBER
};

const Palette& light_palette();
const Palette& dark_palette();

// Selected text is painted over with the accent at this opacity (the web's ::selection,
// --selection in the stylesheet): text under it keeps AA contrast (contrast_pairs()).
constexpr float kSelectionAlpha = 0.18f;

// `fg` at `alpha` over `bg`, as the screen shows it.
std::uint32_t blend(std::uint32_t fg, std::uint32_t bg, float alpha);

// WCAG 2.x contrast ratio of two sRGB colours (1 to 21).
double contrast_ratio(std::uint32_t a, std::uint32_t b);

// Black or white, whichever contrasts more with `background`: text on a colour the
// profile chose (venue badges). One of the two always reaches 4.5:1 (WCAG AA).
std::uint32_t readable_text_on(std::uint32_t background);

struct ContrastPair {
    const char* what;
    std::uint32_t fg, bg;
    double minimum;  // 4.5 for body text, 3.0 for large text and UI components
};
// Every pair the views draw, for the contrast test.
int contrast_pairs(const Palette& p, ContrastPair* out, int max);

// 0xRRGGBB + alpha -> ImGui's packed ABGR.
std::uint32_t im_color(std::uint32_t rgb, float alpha = 1.0f);

// Both palettes as CSS custom properties (--background, --text-muted, ...): the light
// one on :root and in print, the dark one for prefers-color-scheme: dark, and either one
// when <html> carries data-theme="light|dark" (the visitor's choice, set by web/boot.js).
// scripts/package puts this before web/site.css, which uses only these names.
std::string palette_css();

// "#rrggbb"
std::string css_hex(std::uint32_t rgb);

// Sets imgui's own widget colours (scrollbar, input text, popups) from a palette.
void apply_style(const Palette& p, ImGuiStyle& style);

}  // namespace ui
