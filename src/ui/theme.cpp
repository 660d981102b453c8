#include "ui/theme.h"

#include <cmath>
#include <cstdio>

#include <imgui.h>

namespace ui {

namespace {

double channel(std::uint32_t rgb, int shift) {
    double c = ((rgb >> shift) & 0xFF) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(std::uint32_t rgb) {
    return 0.2126 * channel(rgb, 16) + 0.7152 * channel(rgb, 8) + 0.0722 * channel(rgb, 0);
}

ImVec4 v4(std::uint32_t rgb, float a = 1.0f) {
    return ImVec4(((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, a);
}

}  // namespace

const Palette& light_palette() {
    static const Palette p{
        "light",
        0xFBFBF9,  // background: warm paper white
        0xFFFFFF,  // surface
        0xF0F1F3,  // surface_alt
        0xE2E4E8,  // border
        0x1E2227,  // text
        0x59626D,  // text_muted
        0x11161C,  // heading
        0x1D5BB5,  // accent: a deep academic blue
        0xFFFFFF,  // accent_text
        0xEBF2FC,  // accent_soft
        0x8A5300,  // warning
        0xFFF5E0,  // warning_soft
        0xB42318,  // error
    };
    return p;
}

const Palette& dark_palette() {
    static const Palette p{
        "dark",
        0x0F1318,  // background
        0x161B22,  // surface
        0x1F2630,  // surface_alt
        0x2C3440,  // border
        0xE2E7ED,  // text
        0x9DA7B3,  // text_muted
        0xF4F6F8,  // heading
        0x80B3FF,  // accent
        0x0F1318,  // accent_text
        0x162235,  // accent_soft
        0xF2B45A,  // warning
        0x2A2113,  // warning_soft
        0xFF8A80,  // error
    };
    return p;
}

std::uint32_t blend(std::uint32_t fg, std::uint32_t bg, float alpha) {
    std::uint32_t out = 0;
    for (int shift : {16, 8, 0}) {
        float f = static_cast<float>((fg >> shift) & 0xFF), b = static_cast<float>((bg >> shift) & 0xFF);
        out |= static_cast<std::uint32_t>(std::lround(f * alpha + b * (1.0f - alpha))) << shift;
    }
    return out;
}

double contrast_ratio(std::uint32_t a, std::uint32_t b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

std::uint32_t readable_text_on(std::uint32_t background) {
    return contrast_ratio(0x000000, background) >= contrast_ratio(0xFFFFFF, background) ? 0x000000 : 0xFFFFFF;
}

int contrast_pairs(const Palette& p, ContrastPair* out, int max) {
    const ContrastPair pairs[] = {
        {"body text on page", p.text, p.background, 4.5},
        {"body text on surface", p.text, p.surface, 4.5},
        {"body text on chips", p.text, p.surface_alt, 4.5},
        {"muted text on page", p.text_muted, p.background, 4.5},
        {"muted text on surface", p.text_muted, p.surface, 4.5},
        {"muted text on chips", p.text_muted, p.surface_alt, 4.5},
        {"links on page", p.accent, p.background, 4.5},
        {"links on surface", p.accent, p.surface, 4.5},
        {"links on tinted panel", p.accent, p.accent_soft, 4.5},
        {"text on tinted panel", p.text, p.accent_soft, 4.5},
        {"badge text on accent", p.accent_text, p.accent, 4.5},
        {"headings on page (large)", p.heading, p.background, 3.0},
        {"warning text on notice", p.warning, p.warning_soft, 4.5},
        {"body text on notice", p.text, p.warning_soft, 4.5},
        {"error text on page", p.error, p.background, 4.5},
        {"focus ring on page (UI)", p.accent, p.background, 3.0},
        {"body text, selected", p.text, blend(p.accent, p.background, kSelectionAlpha), 4.5},
        {"muted text, selected", p.text_muted, blend(p.accent, p.background, kSelectionAlpha), 4.5},
        {"links, selected", p.accent, blend(p.accent, p.background, kSelectionAlpha), 4.5},
    };
    int n = 0;
    for (const ContrastPair& c : pairs)
        if (n < max) out[n++] = c;
    return n;
}

std::string css_hex(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", rgb & 0xFFFFFF);
    return buf;
}

std::string palette_css() {
    auto block = [](const Palette& p, const char* indent) {
        std::string out;
#define IMFOLIO_PALETTE_CSS(member, css, what) \
    out += std::string(indent) + "--" css ": " + css_hex(p.member) + ";\n";
        IMFOLIO_PALETTE_COLOURS(IMFOLIO_PALETTE_CSS)
#undef IMFOLIO_PALETTE_CSS
        char selection[64];
        std::snprintf(selection, sizeof selection, "--selection: rgb(%u %u %u / %.2f);\n", (p.accent >> 16) & 0xFF,
                      (p.accent >> 8) & 0xFF, p.accent & 0xFF, static_cast<double>(kSelectionAlpha));
        out += std::string(indent) + selection;
        return out;
    };
    // The system's scheme, unless the visitor chose one in the canvas: web/boot.js copies
    // that choice to <html data-theme> before the static page is painted. Paper is light
    // whatever the screen's theme: print takes the light palette, over a chosen one too.
    return "/* Generated from src/ui/theme.cpp (palette_css): the colours of the canvas. */\n:root {\n" +
           block(light_palette(), "  ") + "}\n@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=light]) {\n" +
           block(dark_palette(), "    ") + "  }\n}\n:root[data-theme=dark] {\n" + block(dark_palette(), "  ") +
           "  color-scheme: dark;\n}\n:root[data-theme=light] {\n  color-scheme: light;\n}\n@media print {\n" +
           "  :root:root {\n" + block(light_palette(), "    ") + "    color-scheme: light;\n  }\n}\n";
}

std::uint32_t im_color(std::uint32_t rgb, float alpha) {
    std::uint32_t a = static_cast<std::uint32_t>(std::lround(alpha * 255.0f)) & 0xFF;
    return (a << 24) | ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
}

void apply_style(const Palette& p, ImGuiStyle& s) {
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0;
    s.WindowRounding = 0;
    s.FrameRounding = 8;
    s.FramePadding = ImVec2(12, 8);
    s.PopupRounding = 10;
    s.PopupBorderSize = 1;
    s.ScrollbarSize = 10;
    s.ScrollbarRounding = 8;
    s.ItemSpacing = ImVec2(0, 0);  // every gap on the page is explicit (vspace, FlowRow)
    s.ItemInnerSpacing = ImVec2(6, 0);
    s.TouchExtraPadding = ImVec2(0, 0);
    // Arcs with a quarter-pixel coarser tolerance: invisible at these radii, and it
    // halves the vertices of every rounded outline (a long publication list has hundreds).
    s.CircleTessellationMaxError = 0.55f;
    s.AntiAliasedLines = true;
    s.AntiAliasedFill = true;

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = v4(p.text);
    c[ImGuiCol_TextDisabled] = v4(p.text_muted);
    c[ImGuiCol_WindowBg] = v4(p.background);
    c[ImGuiCol_ChildBg] = v4(p.background, 0);
    c[ImGuiCol_PopupBg] = v4(p.surface);
    c[ImGuiCol_Border] = v4(p.border);
    c[ImGuiCol_FrameBg] = v4(p.surface_alt);
    c[ImGuiCol_FrameBgHovered] = v4(p.surface_alt);
    c[ImGuiCol_FrameBgActive] = v4(p.surface_alt);
    c[ImGuiCol_ScrollbarBg] = v4(p.background, 0);
    c[ImGuiCol_ScrollbarGrab] = v4(p.text_muted, 0.35f);
    c[ImGuiCol_ScrollbarGrabHovered] = v4(p.text_muted, 0.55f);
    c[ImGuiCol_ScrollbarGrabActive] = v4(p.text_muted, 0.7f);
    c[ImGuiCol_Button] = v4(p.surface_alt);
    c[ImGuiCol_ButtonHovered] = v4(p.accent, 0.12f);
    c[ImGuiCol_ButtonActive] = v4(p.accent, 0.2f);
    c[ImGuiCol_Header] = v4(p.accent, 0.10f);
    c[ImGuiCol_HeaderHovered] = v4(p.accent, 0.14f);
    c[ImGuiCol_HeaderActive] = v4(p.accent, 0.2f);
    c[ImGuiCol_Separator] = v4(p.border);
    c[ImGuiCol_TextSelectedBg] = v4(p.accent, 0.25f);
    c[ImGuiCol_NavHighlight] = v4(p.accent);
    c[ImGuiCol_CheckMark] = v4(p.accent);
    c[ImGuiCol_ModalWindowDimBg] = v4(0x000000, 0.35f);
}

}  // namespace ui
