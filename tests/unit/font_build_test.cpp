// The font atlas built in steps (FontLibrary::begin_build / build_step, what the web page
// runs a few milliseconds at a time) is the atlas imgui's own one-call builder makes.
#include <doctest/doctest.h>

#include <cstring>
#include <optional>
#include <string>

#include <imgui.h>

#include "platform/desktop/files.h"
#include "profile/limits.h"
#include "profile/load.h"
#include "ui/fonts.h"
#include "ui/icons.h"

namespace {

// The library with every slice the seed profile needs, and those needs.
struct Seed {
    ui::FontLibrary library;
    ui::GlyphNeeds needs;
    Seed() {
        auto bytes = platform::read_file(IMFOLIO_SOURCE_DIR "/data/profile.json");
        REQUIRE(bytes);
        profile::LoadResult loaded = profile::load_profile(*bytes, "profile.json");
        REQUIRE(loaded.ok);
        needs = ui::glyph_needs(loaded.profile, profile::default_limits().max_glyphs);
        for (const std::string& file : library.missing_files(needs)) {
            auto font = platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
            REQUIRE_MESSAGE(font, file);
            library.add_file(file, std::move(*font));
        }
        REQUIRE(library.missing_files(needs).empty());
    }
};

int steps_to_build(ui::FontLibrary& library, ImFontAtlas& atlas, const ui::GlyphNeeds& needs, float dpr) {
    REQUIRE(library.begin_build(atlas, needs, dpr));
    CHECK_FALSE(library.ready());
    int steps = 1;
    while (!library.build_step(atlas, 0.05)) ++steps;
    CHECK(library.ready());
    return steps;
}

}  // namespace

TEST_CASE("the atlas built in short steps has imgui's builder's pixels and glyphs") {
    for (float dpr : {1.0f, 1.75f}) {
        CAPTURE(dpr);
        Seed seed;
        ImFontAtlas stepped;
        int steps = steps_to_build(seed.library, stepped, seed.needs, dpr);
        CHECK(steps > 20);  // it did stop and resume, many times

        // The same fonts and custom glyphs, given to imgui's builder in one call.
        ImFontAtlas reference;
        reference.Flags = stepped.Flags;
        reference.TexDesiredWidth = stepped.TexDesiredWidth;
        reference.TexGlyphPadding = stepped.TexGlyphPadding;
        for (const ImFontConfig& cfg : stepped.ConfigData) {
            ImFontConfig copy = cfg;
            copy.DstFont = nullptr;
            copy.FontDataOwnedByAtlas = false;  // the atlas copies the bytes for itself
            reference.AddFont(&copy);
        }
        for (const ImFontAtlasCustomRect& r : stepped.CustomRects) {
            if (!r.Font) continue;  // imgui's own (white pixel, lines): Build adds them again
            int font = stepped.Fonts.index_from_ptr(stepped.Fonts.find(r.Font));
            reference.AddCustomRectFontGlyph(reference.Fonts[font], static_cast<ImWchar>(r.GlyphID), r.Width, r.Height,
                                             r.GlyphAdvanceX, r.GlyphOffset);
        }
        REQUIRE(reference.Build());

        REQUIRE(stepped.TexWidth == reference.TexWidth);
        REQUIRE(stepped.TexHeight == reference.TexHeight);
        CHECK(std::memcmp(stepped.TexPixelsAlpha8, reference.TexPixelsAlpha8,
                          static_cast<std::size_t>(stepped.TexWidth) * stepped.TexHeight) == 0);
        REQUIRE(stepped.Fonts.Size == reference.Fonts.Size);
        int compared = 0;
        for (int f = 0; f < reference.Fonts.Size; ++f) {
            const ImFont* a = stepped.Fonts[f];
            const ImFont* b = reference.Fonts[f];
            CHECK(a->FontSize == b->FontSize);
            CHECK(a->Ascent == b->Ascent);
            CHECK(a->Descent == b->Descent);
            for (const ImFontGlyph& g : b->Glyphs) {
                const ImFontGlyph* mine = a->FindGlyphNoFallback(static_cast<ImWchar>(g.Codepoint));
                REQUIRE(mine);
                // Emoji and the drawn X logo are moved onto the baseline afterwards, on purpose.
                if (mine->Colored || g.Codepoint == ui::icon::x_logo) continue;
                CHECK(mine->AdvanceX == g.AdvanceX);
                CHECK(mine->X0 == g.X0);
                CHECK(mine->Y0 == g.Y0);
                CHECK(mine->X1 == g.X1);
                CHECK(mine->Y1 == g.Y1);
                CHECK(mine->U0 == g.U0);
                CHECK(mine->V1 == g.V1);
                ++compared;
            }
        }
        CHECK(compared > 900);
    }
}

TEST_CASE("steps of any length make the same atlas as one build") {
    Seed whole, sliced;
    ImFontAtlas a, b;
    REQUIRE(whole.library.build(a, whole.needs, 2.0f));
    steps_to_build(sliced.library, b, sliced.needs, 2.0f);
    unsigned char *pa = nullptr, *pb = nullptr;
    int wa = 0, ha = 0, wb = 0, hb = 0;
    a.GetTexDataAsRGBA32(&pa, &wa, &ha);
    b.GetTexDataAsRGBA32(&pb, &wb, &hb);
    REQUIRE(wa == wb);
    REQUIRE(ha == hb);
    CHECK(std::memcmp(pa, pb, static_cast<std::size_t>(wa) * ha * 4) == 0);
    // Nothing changed since: no rebuild.
    CHECK_FALSE(whole.library.build(a, whole.needs, 2.0f));
    CHECK_FALSE(sliced.library.begin_build(b, sliced.needs, 2.0f));
}

TEST_CASE("only the zero-width characters a profile uses get glyphs, so lookup tables stay short") {
    Seed seed;
    ImFontAtlas atlas;
    REQUIRE(seed.library.build(atlas, seed.needs, 1.0f));
    const ImFont* body = seed.library.font(ui::FontRole::body);
    // The seed's emoji carry U+FE0F: drawn as nothing. No tag character is in it.
    CHECK(body->FindGlyphNoFallback(0xFE0F) != nullptr);
    CHECK(body->FindGlyphNoFallback(0xFE0F)->AdvanceX == 0);
    CHECK(body->FindGlyphNoFallback(0xE0061) == nullptr);
    CHECK(body->IndexLookup.Size < 0x20000);
}
