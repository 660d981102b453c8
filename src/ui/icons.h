// ui/icons.h: the icon glyphs the views use (Fork Awesome code points).
//
// scripts/build-fonts reads this file: the "icons" font slice holds exactly these
// glyphs, so a new icon is one line here. Keep one constant per line, 0xF... form.
#pragma once

namespace ui::icon {

constexpr char32_t envelope = 0xF0E0;
constexpr char32_t github = 0xF09B;
constexpr char32_t graduation_cap = 0xF19D;  // Google Scholar (the convention on academic sites)
constexpr char32_t orcid = 0xF337;
constexpr char32_t linkedin = 0xF0E1;
constexpr char32_t twitter = 0xF099;
constexpr char32_t mastodon = 0xF2E1;
constexpr char32_t researchgate = 0xF338;
constexpr char32_t database = 0xF1C0;  // DBLP
constexpr char32_t home = 0xF015;
constexpr char32_t globe = 0xF0AC;
constexpr char32_t link = 0xF0C1;
constexpr char32_t external_link = 0xF08E;
constexpr char32_t file_pdf = 0xF1C1;
constexpr char32_t code = 0xF121;
constexpr char32_t slides = 0xF1C4;
constexpr char32_t quote = 0xF10D;
constexpr char32_t copy = 0xF0C5;
constexpr char32_t check = 0xF00C;
constexpr char32_t search = 0xF002;
constexpr char32_t moon = 0xF186;
constexpr char32_t sun = 0xF185;
constexpr char32_t bars = 0xF0C9;
constexpr char32_t close = 0xF00D;
constexpr char32_t chevron_down = 0xF078;
constexpr char32_t chevron_up = 0xF077;
constexpr char32_t map_marker = 0xF041;
constexpr char32_t university = 0xF19C;
constexpr char32_t briefcase = 0xF0B1;
constexpr char32_t trophy = 0xF091;
constexpr char32_t book = 0xF02D;
constexpr char32_t bullhorn = 0xF0A1;
constexpr char32_t user = 0xF007;
constexpr char32_t lightbulb = 0xF0EB;
constexpr char32_t star = 0xF005;
constexpr char32_t warning = 0xF071;
constexpr char32_t info = 0xF05A;
constexpr char32_t flask = 0xF0C3;
constexpr char32_t language = 0xF1AB;
constexpr char32_t certificate = 0xF0A3;
constexpr char32_t heart = 0xF004;
constexpr char32_t users = 0xF0C0;
constexpr char32_t phone = 0xF095;
constexpr char32_t tag = 0xF02B;
constexpr char32_t filter = 0xF0B0;
constexpr char32_t refresh = 0xF021;
constexpr char32_t bookmark = 0xF02E;  // sections a profile adds (teaching, ...)

// Drawn by code, not taken from a font (Fork Awesome predates them): see fonts.cpp.
constexpr char32_t x_logo = 0xE001;

}  // namespace ui::icon
