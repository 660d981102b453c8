// ui/fonts.h: which font slices a profile needs, and building the ImGui atlas from them.
//
// scripts/build-fonts cuts Debian's fonts into Unicode-range slices (font_manifest.inc).
// After a profile is parsed, glyph_needs() lists the characters it shows; missing_files()
// says which slices hold them; the platform fetches those (web) or reads them (native)
// and hands the bytes to add_file(); build() rasterises exactly the needed glyphs at the
// device pixel ratio, so text is crisp while layout stays in CSS pixels (the web page
// does the same in steps: begin_build(), build_step()).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "profile/model.h"
#include "profile/problem.h"

struct ImFont;
struct ImFontAtlas;

namespace ui {

// icons: the glyphs the UI itself draws (one slice, every page needs it); icons_extra:
// the rest of the icon font, in slices, for the icons a profile's entries name.
enum class Family : std::uint8_t { sans, sans_bold, emoji, cjk, icons, icons_extra };

struct FontSlice {
    Family family;
    char32_t first, last;  // the code point range this slice file covers
    std::string file;      // "<folder named by the set's hash>/<family>-<first>.<ext>" under fonts/
    std::uint32_t bytes;
};

const std::vector<FontSlice>& font_slices();
bool family_covers(Family f, char32_t cp);

// The text styles the views use; each is one ImGui font at one size.
enum class FontRole : std::uint8_t { body, body_bold, small, small_bold, subtitle, section_title, name, count };

// The size of each role in CSS pixels, the same on every screen.
float role_size(FontRole role);

struct GlyphNeeds {
    std::vector<char32_t> text;  // every role that shows profile text (sorted, unique)
    std::vector<char32_t> name;  // the big name in the header
    // Characters the profile uses that were left out to stay within the glyph limit
    // (text and name counted apart); they draw as imgui's fallback box.
    std::size_t dropped = 0;
    char32_t first_dropped = 0;  // the lowest of them
    bool operator==(const GlyphNeeds& o) const { return text == o.text && name == o.name; }
};

// Characters the page shows for this profile: its text, the UI's own strings and icons.
// At most `max_glyphs` per group: the UI's own glyphs always, then the profile's
// characters from the lowest code point up (Latin and the common CJK before the rare
// ones and emoji). Bounds the atlas a hostile profile can make us rasterise.
GlyphNeeds glyph_needs(const profile::Profile& p, std::size_t max_glyphs);

// Adds characters shown beyond the profile's own (text a translation wrote), within the
// same limit.
void add_glyph_needs(GlyphNeeds& needs, std::vector<char32_t> extra, std::size_t max_glyphs);

// The problem a visitor sees when glyph_needs() dropped characters, placed at the
// first one in `bytes` (the profile file); nullopt when nothing was dropped.
std::optional<profile::Problem> glyph_limit_problem(const GlyphNeeds& needs, std::string_view bytes,
                                                    std::size_t max_glyphs);

class FontLibrary {
public:
    // Slice files these needs use that are neither loaded nor known to have failed.
    std::vector<std::string> missing_files(const GlyphNeeds& needs) const;
    // Every slice file these needs use (loaded or not), e.g. for preload hints.
    std::vector<std::string> files_for(const GlyphNeeds& needs) const;
    void add_file(const std::string& name, std::string bytes);
    void mark_failed(const std::string& name);
    bool has_file(const std::string& name) const { return files_.count(name) > 0; }

    FontLibrary();
    ~FontLibrary();
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    // Rebuilds `atlas` for these needs at this pixel ratio. Returns false (and leaves
    // the atlas alone) when neither changed since the last build.
    bool build(ImFontAtlas& atlas, const GlyphNeeds& needs, float dpr);
    // The same in steps, for a thread that must stay free: begin_build() starts a rebuild
    // when one is due (true; the atlas is then being remade and must not be drawn), and
    // each build_step() call does about `budget_ms` of it (all of it when <= 0), true
    // once the atlas is complete (RGBA pixels included). ready() is false in between.
    bool begin_build(ImFontAtlas& atlas, const GlyphNeeds& needs, float dpr);
    bool build_step(ImFontAtlas& atlas, double budget_ms);
    bool building() const { return job_ != nullptr; }

    ImFont* font(FontRole role) const { return fonts_[static_cast<int>(role)]; }
    float size(FontRole role) const { return sizes_[static_cast<int>(role)]; }
    // Characters of the last build's needs that no loaded font could draw, plus those
    // the glyph limit left out.
    int missing_glyphs() const { return missing_glyphs_; }
    const GlyphNeeds& built_needs() const { return built_needs_; }
    std::uint32_t generation() const { return generation_; }
    bool ready() const { return fonts_[0] != nullptr && !job_; }

private:
    struct Job;                 // a build in progress (fonts.cpp)
    std::unique_ptr<Job> job_;
    std::map<std::string, std::string> files_;  // the slices' bytes (the atlas copies fonts; a build reads the PNGs here)
    std::map<std::string, bool> failed_;
    mutable GlyphNeeds files_for_needs_;  // the last files_for() question and its answer
    mutable std::vector<std::string> files_for_;
    mutable bool files_for_valid_ = false;
    std::vector<std::vector<char32_t>> ranges_;  // glyph ranges the atlas reads during Build()
    ImFont* fonts_[static_cast<int>(FontRole::count)] = {};
    float sizes_[static_cast<int>(FontRole::count)] = {};
    GlyphNeeds built_needs_;
    float built_dpr_ = 0;
    std::size_t built_files_ = 0;
    int missing_glyphs_ = 0;
    std::uint32_t generation_ = 0;
};

// Glyphs the UI draws for itself beyond ASCII (punctuation, icons).
const std::vector<char32_t>& ui_glyphs();

}  // namespace ui
