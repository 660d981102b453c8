// ui/theme.h: the light and dark palettes, and the contrast rules they keep.
#pragma once

#include <cstdint>

struct ImGuiStyle;

namespace ui {

// Colours as 0xRRGGBB. Every text/background pair the views use is listed in
// contrast_pairs() and checked against WCAG AA by a unit test.
struct Palette {
    const char* name;
    std::uint32_t background;   // the page
    std::uint32_t surface;      // the top bar, cards, menus
    std::uint32_t surface_alt;  // chips, hover fills, code
    std::uint32_t border;       // rules and outlines (decorative, no contrast need)
    std::uint32_t text;         // body text
    std::uint32_t text_muted;   // dates, venues, secondary lines
    std::uint32_t heading;      // the name and section titles
    std::uint32_t accent;       // links, the active section, focus rings
    std::uint32_t accent_text;  // text on an accent fill (venue badges)
    std::uint32_t accent_soft;  // tinted panels (openings)
    std::uint32_t warning;      // notices about the profile
    std::uint32_t warning_soft;
    std::uint32_t error;
};

const Palette& light_palette();
const Palette& dark_palette();

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

// Sets imgui's own widget colours (scrollbar, input text, popups) from a palette.
void apply_style(const Palette& p, ImGuiStyle& style);

}  // namespace ui
