#include "ui/fonts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>

#include <chrono>
#include <map>
#include <memory>

#include <imgui.h>
#include <imgui_internal.h>

#include "profile/icons.h"
#include "profile/text.h"
#include "ui/icons.h"
#include "ui/sections.h"

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wunused-function"
#elif defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wshadow"
#endif
// stb_rect_pack and stb_truetype, whose one copy stb_impl.cpp compiles: the atlas job
// calls them directly.
#include <imstb_rectpack.h>
#include <imstb_truetype.h>
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_ASSERT(x)
#include <stb_image.h>
#if defined(__clang__)
#pragma clang diagnostic pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace ui {

namespace {

constexpr int kRoleCount = static_cast<int>(FontRole::count);

// Code points that take no space: variation selectors (the U+FE0F after ♻ asks for
// the emoji form, which is the only one we draw), joiners, the soft hyphen, tags,
// skin-tone modifiers (imgui draws one glyph per code point, so the base emoji is shown
// alone). They get no glyph from any font, and every font draws them as nothing.
constexpr struct {
    char32_t first, last;
} kZeroWidth[] = {{0x00AD, 0x00AD}, {0x200B, 0x200D}, {0x2060, 0x2060}, {0xFE00, 0xFE0F},
                  {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F}};

bool zero_width(char32_t cp) {
    for (const auto& r : kZeroWidth)
        if (cp >= r.first && cp <= r.last) return true;
    return false;
}

bool bold_role(FontRole r) {
    return r == FontRole::body_bold || r == FontRole::small_bold || r == FontRole::section_title || r == FontRole::name;
}

// Slices of one family, sorted by first code point, for lookups.
const std::vector<const FontSlice*>& family_slices(Family f) {
    static std::vector<const FontSlice*> by_family[6];
    static bool built = false;
    if (!built) {
        for (const FontSlice& s : font_slices()) by_family[static_cast<int>(s.family)].push_back(&s);
        for (auto& v : by_family)
            std::sort(v.begin(), v.end(), [](const FontSlice* a, const FontSlice* b) { return a->first < b->first; });
        built = true;
    }
    return by_family[static_cast<int>(f)];
}

const FontSlice* slice_for(Family f, char32_t cp) {
    const auto& v = family_slices(f);
    auto it = std::upper_bound(v.begin(), v.end(), cp, [](char32_t c, const FontSlice* s) { return c < s->first; });
    if (it == v.begin()) return nullptr;
    --it;
    return cp <= (*it)->last ? *it : nullptr;
}

// The family that draws `cp` for a role whose Latin face is `primary`:
// Inter first, then colour emoji, then CJK, then icons (the UI's slice before the rest).
bool resolve(char32_t cp, Family primary, Family& out) {
    for (Family f : {primary, Family::emoji, Family::cjk, Family::icons, Family::icons_extra})
        if (family_covers(f, cp)) {
            out = f;
            return true;
        }
    return false;
}

struct EmojiGlyph {
    int rect_id;
    ImFont* font;
    char32_t cp;
    std::string file;
};

// Area-averages an RGBA image into a rectangle of the atlas, in premultiplied space
// so transparent edges do not darken.
void blit_scaled(const unsigned char* src, int sw, int sh, unsigned char* atlas, int atlas_w, int dx, int dy, int dw,
                 int dh) {
    for (int y = 0; y < dh; ++y) {
        float sy0 = static_cast<float>(y) * sh / dh, sy1 = static_cast<float>(y + 1) * sh / dh;
        for (int x = 0; x < dw; ++x) {
            float sx0 = static_cast<float>(x) * sw / dw, sx1 = static_cast<float>(x + 1) * sw / dw;
            float acc[4] = {0, 0, 0, 0}, total = 0;
            for (int yy = static_cast<int>(sy0); yy < std::min(sh, static_cast<int>(std::ceil(sy1))); ++yy) {
                float wy = std::min(sy1, yy + 1.0f) - std::max(sy0, static_cast<float>(yy));
                for (int xx = static_cast<int>(sx0); xx < std::min(sw, static_cast<int>(std::ceil(sx1))); ++xx) {
                    float wx = std::min(sx1, xx + 1.0f) - std::max(sx0, static_cast<float>(xx));
                    float w = wx * wy;
                    const unsigned char* p = src + (static_cast<std::size_t>(yy) * sw + xx) * 4;
                    float a = p[3] / 255.0f;
                    acc[0] += p[0] * a * w;
                    acc[1] += p[1] * a * w;
                    acc[2] += p[2] * a * w;
                    acc[3] += a * w;
                    total += w;
                }
            }
            unsigned char* d = atlas + (static_cast<std::size_t>(dy + y) * atlas_w + dx + x) * 4;
            float alpha = total > 0 ? acc[3] / total : 0;
            for (int c = 0; c < 3; ++c)
                d[c] = static_cast<unsigned char>(acc[3] > 0 ? std::min(255.0f, acc[c] / acc[3] + 0.5f) : 0);
            d[3] = static_cast<unsigned char>(std::min(255.0f, alpha * 255.0f + 0.5f));
        }
    }
}

// Icons no font package has, rasterised here into the atlas as alpha coverage.
bool procedural(char32_t cp) { return cp == icon::x_logo; }

// Distance from p to the segment a-b.
float segment_distance(float px, float py, float ax, float ay, float bx, float by) {
    float dx = bx - ax, dy = by - ay;
    float t = std::clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0.0f, 1.0f);
    float ex = px - (ax + t * dx), ey = py - (ay + t * dy);
    return std::sqrt(ex * ex + ey * ey);
}

// The X logo: a broad stroke from top left to bottom right, drawn as an outline, crossed
// by a thin stroke from top right to bottom left.
void draw_x_logo(unsigned char* atlas, int atlas_w, int x0, int y0, int size) {
    float s = static_cast<float>(size);
    float line = std::max(1.0f, s * 0.075f);
    float broad = s * 0.13f;  // half the broad stroke's width
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            float px = x + 0.5f, py = y + 0.5f;
            // The broad stroke's two edges (parallel lines), closed at the ends.
            float nx = 0.7071f, ny = -0.7071f;  // normal to the "\" direction
            float d1 = std::fabs(segment_distance(px - nx * broad, py - ny * broad, 0.06f * s, 0.06f * s, 0.94f * s, 0.94f * s));
            float d2 = std::fabs(segment_distance(px + nx * broad, py + ny * broad, 0.06f * s, 0.06f * s, 0.94f * s, 0.94f * s));
            float outline = std::min(d1, d2);
            // The thin stroke, interrupted where it would cross the broad one.
            float thin = segment_distance(px, py, 0.92f * s, 0.08f * s, 0.08f * s, 0.92f * s);
            float across = std::fabs((px - py) * 0.7071f);
            if (across < broad + line) thin = 1e9f;
            float d = std::min(outline, thin) - line * 0.5f;
            float coverage = std::clamp(0.5f - d, 0.0f, 1.0f);
            unsigned char* o = atlas + (static_cast<std::size_t>(y0 + y) * atlas_w + x0 + x) * 4;
            o[0] = o[1] = o[2] = 255;
            o[3] = static_cast<unsigned char>(coverage * 255.0f + 0.5f);
        }
}

void add_sorted(std::vector<char32_t>& v, const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = profile::utf8_next(text, i);
        if (cp >= 0x20) v.push_back(cp);
    }
}

void unique_sort(std::vector<char32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

const std::vector<char32_t>& ui_glyphs() {
    static const std::vector<char32_t> glyphs = [] {
        std::vector<char32_t> g;
        for (char32_t c = 0x20; c < 0x7F; ++c) g.push_back(c);
        // Dashes, quotes, bullets, ellipsis, arrows the views and dates use.
        for (char32_t c : {0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x00B7, 0x2192, 0x00D7})
            g.push_back(c);
        for (char32_t c : {icon::envelope, icon::github, icon::graduation_cap, icon::orcid, icon::linkedin,
                           icon::twitter, icon::mastodon, icon::researchgate, icon::database, icon::home, icon::globe,
                           icon::link, icon::external_link, icon::file_pdf, icon::code, icon::slides, icon::quote,
                           icon::copy, icon::check, icon::search, icon::moon, icon::sun, icon::bars, icon::close,
                           icon::chevron_down, icon::chevron_up, icon::map_marker, icon::university, icon::star,
                           icon::warning, icon::info, icon::phone, icon::filter, icon::refresh, icon::x_logo})
            g.push_back(c);
        for (const SectionView& v : section_views()) g.push_back(v.icon);  // the menu draws them
        unique_sort(g);
        return g;
    }();
    return glyphs;
}

float role_size(FontRole role) {
    switch (role) {
        case FontRole::body: return 17.0f;
        case FontRole::body_bold: return 17.0f;
        case FontRole::small: return 14.5f;
        case FontRole::small_bold: return 13.0f;
        case FontRole::subtitle: return 19.0f;
        case FontRole::section_title: return 25.0f;
        case FontRole::name: return 40.0f;
        case FontRole::count: break;
    }
    return 17.0f;
}

namespace {

std::string hex(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
    return buf;
}

// `always` plus as many of `wanted` (sorted, unique) as fit in `max`, lowest first.
std::vector<char32_t> within_limit(const std::vector<char32_t>& always, const std::vector<char32_t>& wanted,
                                   std::size_t max, GlyphNeeds& needs) {
    std::vector<char32_t> extra;
    std::set_difference(wanted.begin(), wanted.end(), always.begin(), always.end(), std::back_inserter(extra));
    std::size_t room = max > always.size() ? max - always.size() : 0;
    if (extra.size() > room) {
        needs.first_dropped = needs.dropped == 0 ? extra[room] : std::min(needs.first_dropped, extra[room]);
        needs.dropped += extra.size() - room;
        extra.resize(room);
    }
    std::vector<char32_t> out;
    std::merge(always.begin(), always.end(), extra.begin(), extra.end(), std::back_inserter(out));
    return out;
}

}  // namespace

GlyphNeeds glyph_needs(const profile::Profile& p, std::size_t max_glyphs) {
    GlyphNeeds needs;
    // Distinct characters only: a large profile has millions of characters but rarely
    // more than a few thousand different ones. ASCII runs skip the decoder.
    std::vector<bool> seen_bmp(0x10000, false);
    std::vector<char32_t> text;
    profile::for_each_text(p, [&](const std::string& s) {
        for (std::size_t i = 0; i < s.size();) {
            unsigned char b = static_cast<unsigned char>(s[i]);
            char32_t cp = b < 0x80 ? (++i, static_cast<char32_t>(b)) : profile::utf8_next(s, i);
            if (cp < 0x20) continue;
            if (cp < 0x10000) {
                if (seen_bmp[cp]) continue;
                seen_bmp[cp] = true;
            }
            text.push_back(cp);  // above the BMP: rare, deduplicated by the sort below
        }
    });
    // The icons the profile's entries draw (al-folio's "icon"): their slices load only when used.
    for (char32_t g : profile::icon_glyphs(p)) text.push_back(g);
    unique_sort(text);
    needs.text = within_limit(ui_glyphs(), text, max_glyphs, needs);

    std::vector<char32_t> name;
    add_sorted(name, p.basics.name);
    for (const profile::OtherName& o : p.basics.other_names) add_sorted(name, o.name);
    unique_sort(name);
    needs.name = within_limit({' '}, name, max_glyphs, needs);
    return needs;
}

void add_glyph_needs(GlyphNeeds& needs, std::vector<char32_t> extra, std::size_t max_glyphs) {
    extra.erase(std::remove_if(extra.begin(), extra.end(), [](char32_t cp) { return cp < 0x20; }), extra.end());
    unique_sort(extra);
    std::vector<char32_t> all;
    std::set_union(needs.text.begin(), needs.text.end(), extra.begin(), extra.end(), std::back_inserter(all));
    if (all.size() == needs.text.size()) return;
    needs.text = within_limit(ui_glyphs(), all, max_glyphs, needs);
}

std::optional<profile::Problem> glyph_limit_problem(const GlyphNeeds& needs, std::string_view bytes,
                                                    std::size_t max_glyphs) {
    if (needs.dropped == 0) return std::nullopt;
    profile::Problem p{profile::Severity::error, "",
                       "the profile uses more distinct characters than the limit of " + std::to_string(max_glyphs) +
                           " the fonts are built for; " + std::to_string(needs.dropped) +
                           " of them are drawn as boxes (the rarest first: U+" + hex(needs.first_dropped) + " and above)"};
    // Place it at the first character left out, as written in the file (one written as
    // a \u escape is not found: the problem then stays unplaced).
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    auto kept = [&](char32_t cp) {
        return std::binary_search(needs.text.begin(), needs.text.end(), cp) ||
               std::binary_search(needs.name.begin(), needs.name.end(), cp);
    };
    for (std::size_t i = 0; i < bytes.size();) {
        std::size_t at = i;
        char32_t cp = profile::utf8_next(bytes, i);
        if (cp >= needs.first_dropped && !kept(cp)) {
            profile::LineCounter(bytes).advance_to(at, p.line, p.column);
            break;
        }
    }
    return p;
}

std::vector<std::string> FontLibrary::files_for(const GlyphNeeds& needs) const {
    // Platforms ask every frame whether slices are missing; the answer only changes with
    // the needs, so the slice lookup of every character is done once per needs.
    if (files_for_valid_ && needs == files_for_needs_) return files_for_;
    std::vector<std::string> out;
    auto want = [&](const std::vector<char32_t>& cps, Family primary) {
        for (char32_t cp : cps) {
            Family f;
            if (zero_width(cp) || !resolve(cp, primary, f)) continue;
            if (const FontSlice* s = slice_for(f, cp)) out.push_back(s->file);
        }
    };
    want(needs.text, Family::sans);
    want(needs.text, Family::sans_bold);
    want(needs.name, Family::sans_bold);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    files_for_needs_ = needs;
    files_for_ = out;
    files_for_valid_ = true;
    return out;
}

std::vector<std::string> FontLibrary::missing_files(const GlyphNeeds& needs) const {
    std::vector<std::string> out;
    for (std::string& f : files_for(needs))
        if (!files_.count(f) && !failed_.count(f)) out.push_back(std::move(f));
    return out;
}

void FontLibrary::add_file(const std::string& name, std::string bytes) {
    // A truncated or foreign file must never reach stb_truetype: check the size the
    // manifest recorded and the font's magic number.
    for (const FontSlice& s : font_slices()) {
        if (name != s.file) continue;
        bool is_png = bytes.size() >= 8 && std::memcmp(bytes.data(), "\x89PNG", 4) == 0;
        bool is_font = bytes.size() >= 4 && (std::memcmp(bytes.data(), "OTTO", 4) == 0 ||
                                             std::memcmp(bytes.data(), "\x00\x01\x00\x00", 4) == 0);
        if (bytes.size() != s.bytes || !(s.family == Family::emoji ? is_png : is_font)) {
            mark_failed(name);
            return;
        }
        // A font stb_truetype cannot open costs only its characters, here, not a build later.
        if (is_font) {
            const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
            stbtt_fontinfo info;
            int offset = stbtt_GetFontOffsetForIndex(data, 0);
            if (offset < 0 || !stbtt_InitFont(&info, data, offset)) {
                mark_failed(name);
                return;
            }
        }
        // A slice's bytes never change once held: a build in progress reads its emoji PNGs from here.
        files_.emplace(name, std::move(bytes));
        return;
    }
    mark_failed(name);
}

void FontLibrary::mark_failed(const std::string& name) { failed_[name] = true; }

// --- building the atlas, in steps ---------------------------------------------------------
//
// imgui's own builder (ImFontAtlas::Build) measures, packs and rasterises every glyph of
// every font in one call: tens of milliseconds in wasm, several times that at a phone's
// pixel ratio, and all of it in one task, during which the page cannot answer a tap.
// The same work is done here as a job that can stop after any glyph and resume: each
// step does about as much as its time budget allows. It makes the atlas imgui's builder
// would (the same stb_truetype calls on the same glyphs in the same order, so the same
// packing and the same pixels), then what imgui leaves to us: RGBA, colour emoji, drawn
// icons.
struct FontLibrary::Job {
    // One ImFontConfig (a slice file's glyphs for one role), as stb_truetype sees it.
    struct Source {
        stbtt_fontinfo info{};
        std::vector<int> codepoints;  // present in the font, ascending
        std::vector<stbrp_rect> rects;
        std::vector<stbtt_packedchar> packed;
    };
    enum class Phase { measure, pack, raster, glyphs, lookup, finish, colour, pictures };
    Phase phase = Phase::measure;
    std::vector<Source> sources;
    std::size_t source = 0;  // the source the phase is at
    std::size_t glyph = 0;   // ... and the glyph within it
    stbtt_pack_context pack{};
    int row = 0;              // rows converted to RGBA so far
    std::size_t picture = 0;  // emoji files drawn so far
    std::vector<EmojiGlyph> emoji;
    std::vector<std::pair<int, int>> drawn;  // (custom rect, size) of procedural icons
    std::vector<char32_t> invisible;         // zero-width characters the text holds

    ~Job() {
        if (pack.pack_info) stbtt_PackEnd(&pack);
    }
};

FontLibrary::FontLibrary() = default;
FontLibrary::~FontLibrary() = default;

bool FontLibrary::build(ImFontAtlas& atlas, const GlyphNeeds& needs, float dpr) {
    if (!begin_build(atlas, needs, dpr)) return false;
    while (!build_step(atlas, 0)) {
    }
    return true;
}

bool FontLibrary::begin_build(ImFontAtlas& atlas, const GlyphNeeds& needs, float dpr) {
    if (fonts_[0] && needs == built_needs_ && dpr == built_dpr_ && files_.size() == built_files_) return false;

    job_ = std::make_unique<Job>();
    Job& job = *job_;
    atlas.Clear();
    ranges_.clear();
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
    atlas.TexDesiredWidth = dpr > 1.5f ? 4096 : 2048;
    atlas.TexGlyphPadding = 1;

    std::vector<char32_t> missing;
    for (int r = 0; r < kRoleCount; ++r) {
        FontRole role = static_cast<FontRole>(r);
        sizes_[r] = role_size(role);
        float px = std::round(sizes_[r] * dpr);
        Family primary = bold_role(role) ? Family::sans_bold : Family::sans;
        const std::vector<char32_t>& cps = role == FontRole::name ? needs.name : needs.text;

        // Group the role's characters by the slice file that holds them, primary face first
        // (the first source of an imgui font gives it its line metrics).
        std::vector<std::pair<const FontSlice*, std::vector<char32_t>>> groups;
        std::vector<char32_t> role_emoji;
        std::vector<char32_t> role_drawn;
        for (char32_t cp : cps) {
            Family f;
            if (zero_width(cp)) continue;
            if (procedural(cp)) {
                role_drawn.push_back(cp);
                continue;
            }
            const FontSlice* s = resolve(cp, primary, f) ? slice_for(f, cp) : nullptr;
            if (!s || !files_.count(s->file)) {
                missing.push_back(cp);
                continue;
            }
            if (f == Family::emoji) {
                role_emoji.push_back(cp);
                continue;
            }
            auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& e) { return e.first == s; });
            if (g == groups.end())
                groups.emplace_back(s, std::vector<char32_t>{cp});
            else
                g->second.push_back(cp);
        }
        std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
            return (a.first->family == primary) > (b.first->family == primary);
        });

        ImFont* font = nullptr;
        for (auto& [slice, list] : groups) {
            std::vector<char32_t>& range = ranges_.emplace_back();
            for (char32_t cp : list) {
                if (!range.empty() && range.back() == cp - 1)
                    range.back() = cp;
                else {
                    range.push_back(cp);
                    range.push_back(cp);
                }
            }
            range.push_back(0);
            ImFontConfig cfg;
            cfg.FontDataOwnedByAtlas = false;
            cfg.MergeMode = font != nullptr;
            cfg.OversampleH = 2;
            cfg.OversampleV = 1;
            cfg.PixelSnapH = false;
            if (slice->family == Family::icons || slice->family == Family::icons_extra) {
                // Icons: a little smaller than the text, on a fixed advance so rows of them align.
                cfg.GlyphMinAdvanceX = std::round(px * 1.15f);
                cfg.GlyphOffset.y = std::round(px * 0.04f);
            }
            if (slice->family == Family::cjk) cfg.GlyphOffset.y = std::round(px * 0.02f);
            std::string& data = files_[slice->file];
            bool icon_font = slice->family == Family::icons || slice->family == Family::icons_extra;
            float size = icon_font ? std::round(px * 0.92f) : px;
            font = atlas.AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), size, &cfg,
                                              reinterpret_cast<const ImWchar*>(range.data()));
        }
        fonts_[r] = font;
        if (!font) continue;
        for (char32_t cp : role_drawn) {
            int size = static_cast<int>(std::round(px * 0.72f));
            int id = atlas.AddCustomRectFontGlyph(font, static_cast<ImWchar>(cp), size, size, std::round(px * 1.15f),
                                                  ImVec2(std::round((px * 1.15f - size) * 0.5f), 0));
            job.drawn.emplace_back(id, size);
        }
        for (char32_t cp : role_emoji) {
            int h = static_cast<int>(std::round(px * 0.95f));
            int w = static_cast<int>(std::round(h * 68.0f / 64.0f));
            int id = atlas.AddCustomRectFontGlyph(font, static_cast<ImWchar>(cp), w, h, w + std::round(px * 0.12f),
                                                  ImVec2(std::round(px * 0.04f), 0));
            job.emoji.push_back(EmojiGlyph{id, font, cp, slice_for(Family::emoji, cp)->file});
        }
    }
    // One decode per picture, however many roles draw it.
    std::stable_sort(job.emoji.begin(), job.emoji.end(),
                     [](const EmojiGlyph& a, const EmojiGlyph& b) { return a.file < b.file; });

    built_needs_ = needs;
    built_dpr_ = dpr;
    built_files_ = files_.size();
    unique_sort(missing);
    missing_glyphs_ = static_cast<int>(missing.size() + needs.dropped);
    if (std::none_of(std::begin(fonts_), std::end(fonts_), [](ImFont* f) { return f != nullptr; })) {
        job_.reset();  // nothing could be loaded: nothing to build, and nothing is ready
        ++generation_;
        return true;
    }

    // Zero-width characters get an empty glyph, but only those the text holds: a font's
    // lookup table is as long as its highest code point, and the tags (U+E0020 up) would
    // make each of them ~900,000 entries.
    for (const std::vector<char32_t>* cps : {&needs.text, &needs.name})
        for (char32_t cp : *cps)
            if (zero_width(cp)) job.invisible.push_back(cp);

    // What imgui's builder does first: its own rects (white pixel, line textures), then
    // each source's glyphs, those an earlier source of the same font already has left out.
    ImFontAtlasBuildInit(&atlas);
    atlas.TexID = ImTextureID{};
    atlas.TexWidth = atlas.TexDesiredWidth;
    atlas.TexHeight = 0;
    atlas.TexUvScale = ImVec2(0, 0);
    atlas.TexUvWhitePixel = ImVec2(0, 0);
    atlas.ClearTexData();
    std::map<const ImFont*, std::vector<int>> taken;  // per font, sorted
    job.sources.resize(static_cast<std::size_t>(atlas.ConfigData.Size));
    for (int i = 0; i < atlas.ConfigData.Size; ++i) {
        const ImFontConfig& cfg = atlas.ConfigData[i];
        Job::Source& src = job.sources[static_cast<std::size_t>(i)];
        const auto* data = static_cast<const unsigned char*>(cfg.FontData);
        // add_file() opened every font once already; this cannot fail.
        if (!stbtt_InitFont(&src.info, data, stbtt_GetFontOffsetForIndex(data, cfg.FontNo))) {
            IM_ASSERT(false);
            src.info = stbtt_fontinfo{};
            continue;
        }
        std::vector<int>& have = taken[cfg.DstFont];
        for (const ImWchar* r = cfg.GlyphRanges; r[0] && r[1]; r += 2)
            for (int cp = static_cast<int>(r[0]); cp <= static_cast<int>(r[1]); ++cp)
                if (!std::binary_search(have.begin(), have.end(), cp) && stbtt_FindGlyphIndex(&src.info, cp))
                    src.codepoints.push_back(cp);
        std::sort(src.codepoints.begin(), src.codepoints.end());
        std::vector<int> merged;
        std::merge(have.begin(), have.end(), src.codepoints.begin(), src.codepoints.end(), std::back_inserter(merged));
        have.swap(merged);
        src.rects.assign(src.codepoints.size(), stbrp_rect{});
        src.packed.assign(src.codepoints.size(), stbtt_packedchar{});
    }
    return true;
}

bool FontLibrary::build_step(ImFontAtlas& atlas, double budget_ms) {
    if (!job_) return true;
    Job& job = *job_;
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
    auto out_of_time = [&] { return budget_ms > 0 && clock::now() >= deadline; };
    auto next_phase = [&](Job::Phase p) {
        job.phase = p;
        job.source = 0;
        job.glyph = 0;
    };
    using Phase = Job::Phase;

    // Each glyph's rectangle, from its outline's bounds (CFF outlines are interpreted for it).
    while (job.phase == Phase::measure) {
        if (job.source == job.sources.size()) {
            next_phase(Phase::pack);
            break;
        }
        Job::Source& src = job.sources[job.source];
        const ImFontConfig& cfg = atlas.ConfigData[static_cast<int>(job.source)];
        float scale = stbtt_ScaleForPixelHeight(&src.info, cfg.SizePixels * cfg.RasterizerDensity);
        for (; job.glyph < src.codepoints.size(); ++job.glyph) {
            if (out_of_time()) return false;
            int x0, y0, x1, y1;
            int g = stbtt_FindGlyphIndex(&src.info, src.codepoints[job.glyph]);
            stbtt_GetGlyphBitmapBoxSubpixel(&src.info, g, scale * cfg.OversampleH, scale * cfg.OversampleV, 0, 0, &x0,
                                            &y0, &x1, &y1);
            stbrp_rect& r = src.rects[job.glyph];
            r.w = static_cast<stbrp_coord>(x1 - x0 + atlas.TexGlyphPadding + cfg.OversampleH - 1);
            r.h = static_cast<stbrp_coord>(y1 - y0 + atlas.TexGlyphPadding + cfg.OversampleV - 1);
        }
        ++job.source;
        job.glyph = 0;
    }

    // Places in an unbounded texture: imgui's rects first (top left), then each source's.
    while (job.phase == Phase::pack) {
        if (job.source == 0 && !job.pack.pack_info) {
            stbtt_PackBegin(&job.pack, nullptr, atlas.TexWidth, 1024 * 32, 0, atlas.TexGlyphPadding, nullptr);
            ImFontAtlasBuildPackCustomRects(&atlas, job.pack.pack_info);
        }
        if (job.source == job.sources.size()) {
            atlas.TexHeight = atlas.TexHeight + 1;  // ImFontAtlasFlags_NoPowerOfTwoHeight: one spare row, as imgui keeps
            atlas.TexUvScale = ImVec2(1.0f / atlas.TexWidth, 1.0f / atlas.TexHeight);
            std::size_t area = static_cast<std::size_t>(atlas.TexWidth) * atlas.TexHeight;
            atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(area));
            std::memset(atlas.TexPixelsAlpha8, 0, area);
            job.pack.pixels = atlas.TexPixelsAlpha8;
            job.pack.height = atlas.TexHeight;
            next_phase(Phase::raster);
            break;
        }
        if (out_of_time()) return false;
        Job::Source& src = job.sources[job.source++];
        if (src.rects.empty()) continue;
        stbrp_pack_rects(static_cast<stbrp_context*>(job.pack.pack_info), src.rects.data(),
                         static_cast<int>(src.rects.size()));
        for (const stbrp_rect& r : src.rects)
            if (r.was_packed) atlas.TexHeight = std::max(atlas.TexHeight, r.y + r.h);
    }

    // The glyphs' pixels, a few at a time.
    while (job.phase == Phase::raster) {
        if (job.source == job.sources.size()) {
            stbtt_PackEnd(&job.pack);
            job.pack.pack_info = nullptr;
            next_phase(Phase::glyphs);
            break;
        }
        Job::Source& src = job.sources[job.source];
        const ImFontConfig& cfg = atlas.ConfigData[static_cast<int>(job.source)];
        constexpr std::size_t kBatch = 4;
        while (job.glyph < src.codepoints.size()) {
            if (out_of_time()) return false;
            std::size_t n = std::min(kBatch, src.codepoints.size() - job.glyph);
            stbtt_pack_range range{};
            range.font_size = cfg.SizePixels * cfg.RasterizerDensity;
            range.array_of_unicode_codepoints = src.codepoints.data() + job.glyph;
            range.num_chars = static_cast<int>(n);
            range.chardata_for_range = src.packed.data() + job.glyph;
            range.h_oversample = static_cast<unsigned char>(cfg.OversampleH);
            range.v_oversample = static_cast<unsigned char>(cfg.OversampleV);
            stbtt_PackFontRangesRenderIntoRects(&job.pack, &src.info, &range, 1, src.rects.data() + job.glyph);
            job.glyph += n;
        }
        ++job.source;
        job.glyph = 0;
    }

    // The fonts' glyph tables (positions relative to the first source's baseline).
    if (job.phase == Phase::glyphs) {
        for (std::size_t i = 0; i < job.sources.size(); ++i) {
            Job::Source& src = job.sources[i];
            ImFontConfig& cfg = atlas.ConfigData[static_cast<int>(i)];
            ImFont* dst = cfg.DstFont;
            int ascent_units = 0, descent_units = 0, gap_units = 0;
            float font_scale = 0;
            if (src.info.data) {
                font_scale = stbtt_ScaleForPixelHeight(&src.info, cfg.SizePixels);
                stbtt_GetFontVMetrics(&src.info, &ascent_units, &descent_units, &gap_units);
            }
            // imgui rounds the metrics away from zero, then truncates.
            float ascent = std::trunc(ascent_units * font_scale + (ascent_units > 0 ? 1.0f : -1.0f));
            float descent = std::trunc(descent_units * font_scale + (descent_units > 0 ? 1.0f : -1.0f));
            ImFontAtlasBuildSetupFont(&atlas, dst, &cfg, ascent, descent);
            float off_x = cfg.GlyphOffset.x;
            float off_y = cfg.GlyphOffset.y + IM_ROUND(dst->Ascent);
            float inv_density = 1.0f / cfg.RasterizerDensity;
            for (std::size_t g = 0; g < src.codepoints.size(); ++g) {
                stbtt_aligned_quad q;
                float x = 0, y = 0;
                stbtt_GetPackedQuad(src.packed.data(), atlas.TexWidth, atlas.TexHeight, static_cast<int>(g), &x, &y, &q, 0);
                dst->AddGlyph(&cfg, static_cast<ImWchar>(src.codepoints[g]), q.x0 * inv_density + off_x,
                              q.y0 * inv_density + off_y, q.x1 * inv_density + off_x, q.y1 * inv_density + off_y, q.s0,
                              q.t0, q.s1, q.t1, src.packed[g].xadvance * inv_density);
            }
        }
        for (ImFont* font : atlas.Fonts)
            for (char32_t cp : job.invisible) font->AddGlyph(nullptr, static_cast<ImWchar>(cp), 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // The custom glyphs (emoji, drawn icons) are registered here rather than by
        // ImFontAtlasBuildFinish, so that each font's lookup table can be built in a step
        // of its own: with emoji among its glyphs a table has ~130,000 entries.
        for (ImFontAtlasCustomRect& r : atlas.CustomRects) {
            if (!r.Font || r.GlyphID == 0) continue;
            ImVec2 uv0, uv1;
            atlas.CalcCustomRectUV(&r, &uv0, &uv1);
            r.Font->AddGlyph(nullptr, static_cast<ImWchar>(r.GlyphID), r.GlyphOffset.x, r.GlyphOffset.y,
                             r.GlyphOffset.x + r.Width, r.GlyphOffset.y + r.Height, uv0.x, uv0.y, uv1.x, uv1.y,
                             r.GlyphAdvanceX);
        }
        job.sources.clear();
        next_phase(Phase::lookup);
    }

    while (job.phase == Phase::lookup) {
        if (out_of_time()) return false;
        if (job.source == static_cast<std::size_t>(atlas.Fonts.Size)) {
            next_phase(Phase::finish);
            break;
        }
        atlas.Fonts[static_cast<int>(job.source++)]->BuildLookupTable();
    }

    // imgui's own part: its rects' pixels (white pixel, line textures); it would register
    // the custom glyphs again, so they are hidden from it meanwhile.
    if (job.phase == Phase::finish) {
        if (out_of_time()) return false;
        std::vector<ImFont*> owners;
        for (ImFontAtlasCustomRect& r : atlas.CustomRects) {
            owners.push_back(r.Font);
            r.Font = nullptr;
        }
        ImFontAtlasBuildFinish(&atlas);
        for (int i = 0; i < atlas.CustomRects.Size; ++i) atlas.CustomRects[i].Font = owners[static_cast<std::size_t>(i)];
        next_phase(Phase::colour);
    }

    // RGBA (colour emoji share the texture), as GetTexDataAsRGBA32 would convert it.
    if (job.phase == Phase::colour) {
        std::size_t w = static_cast<std::size_t>(atlas.TexWidth);
        if (!atlas.TexPixelsRGBA32) atlas.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(w * atlas.TexHeight * 4));
        while (job.row < atlas.TexHeight) {
            if (out_of_time()) return false;
            int end = std::min(atlas.TexHeight, job.row + 32);
            const unsigned char* src = atlas.TexPixelsAlpha8 + w * job.row;
            unsigned int* dst = atlas.TexPixelsRGBA32 + w * job.row;
            for (std::size_t n = w * (end - job.row); n > 0; --n) *dst++ = IM_COL32(255, 255, 255, *src++);
            job.row = end;
        }
        next_phase(Phase::pictures);
    }

    // Colour emoji (one PNG decode per picture) and the icons drawn here.
    unsigned char* pixels = reinterpret_cast<unsigned char*>(atlas.TexPixelsRGBA32);
    int tex_w = atlas.TexWidth;
    while (job.picture < job.emoji.size()) {
        if (out_of_time()) return false;
        const std::string& png = files_[job.emoji[job.picture].file];
        int sw = 0, sh = 0, channels = 0;
        unsigned char* src = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png.data()),
                                                   static_cast<int>(png.size()), &sw, &sh, &channels, 4);
        std::size_t end = job.picture;
        while (end < job.emoji.size() && job.emoji[end].file == job.emoji[job.picture].file) ++end;
        for (; job.picture < end; ++job.picture) {
            const EmojiGlyph& e = job.emoji[job.picture];
            if (!src) continue;
            const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(e.rect_id);
            blit_scaled(src, sw, sh, pixels, tex_w, rect->X, rect->Y, rect->Width, rect->Height);
            // Colour glyphs ignore the text colour; place the emoji on the baseline like a capital.
            auto* glyph = const_cast<ImFontGlyph*>(e.font->FindGlyphNoFallback(static_cast<ImWchar>(e.cp)));
            if (glyph) {
                glyph->Colored = 1;
                float h = glyph->Y1 - glyph->Y0;
                glyph->Y0 = std::round(e.font->Ascent - h * 0.86f);
                glyph->Y1 = glyph->Y0 + h;
            }
        }
        if (src) stbi_image_free(src);
    }
    for (const auto& [rect_id, size] : job.drawn) {
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(rect_id);
        draw_x_logo(pixels, tex_w, rect->X, rect->Y, size);
        // Sit on the baseline like the icon glyphs around it.
        auto* glyph = const_cast<ImFontGlyph*>(rect->Font->FindGlyphNoFallback(static_cast<ImWchar>(rect->GlyphID)));
        if (glyph) {
            float h = glyph->Y1 - glyph->Y0;
            glyph->Y0 = std::round(rect->Font->Ascent - h);
            glyph->Y1 = glyph->Y0 + h;
        }
    }
    // A role none of whose characters arrived (its slices failed to load) borrows another
    // role's font: the views measure and draw with every role once the library is ready,
    // and the characters are as missing there as anywhere (and counted).
    ImFont* any = *std::find_if(std::begin(fonts_), std::end(fonts_), [](ImFont* f) { return f != nullptr; });
    for (ImFont*& f : fonts_)
        if (!f) f = any;
    job_.reset();
    ++generation_;
    return true;
}

}  // namespace ui
