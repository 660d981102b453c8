// al-folio's "icon" classes: Font Awesome 4, 5 and 6 names resolved to Fork Awesome's
// glyphs from the table generated from the installed package; what check says of the
// others; and the fonts fetching only the icon slices a profile uses.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "profile/icons.h"
#include "profile/load.h"
#include "strings.h"
#include "ui/fonts.h"
#include "ui/icons.h"

using namespace profile;

TEST_CASE("icons: Font Awesome class strings map to Fork Awesome glyphs by name") {
    struct Case {
        const char* css;
        char32_t glyph;
    };
    const Case cases[] = {
        {"fa-solid fa-location-dot", 0xF041},  // FA 6 name, renamed from FA 4's map-marker
        {"fas fa-map-marker-alt", 0xF041},     // FA 5 name, from Fork Awesome's v5-compat.css
        {"fa fa-map-marker", 0xF041},          // FA 4 name
        {"fa-solid fa-hashtag", 0xF292},
        {"fa-solid fa-tag", 0xF02B},
        {"fas fa-tag", 0xF02B},
        {"fa-brands fa-github", 0xF09B},
        {"fab fa-github", 0xF09B},
        {"fa fa-envelope", 0xF0E0},
        {"far fa-envelope", 0xF003},           // FA 5 regular is FA 4's outlined "-o" form
        {"fa-solid fa-envelope", 0xF0E0},
        {"fa-solid fa-house", 0xF015},
        {"fa-solid fa-graduation-cap", 0xF19D},
        {"fa-solid fa-user-graduate", 0xF19D},
        {"fa-solid fa-language", 0xF1AB},
        {"fa-solid fa-gear", 0xF013},           // an FA 4 alias (of cog)
        {"fa-solid fa-magnifying-glass", 0xF002},
        {"  FA-SOLID   FA-TAG  ", 0xF02B},      // case and spacing as written
        {"fa-fw fa-lg fa-solid fa-hashtag", 0xF292},  // modifiers before the name
        {"fa-solid fa-hashtag fa-2x", 0xF292},
    };
    for (const Case& c : cases) CHECK_MESSAGE(icon_glyph(c.css) == c.glyph, c.css);
    for (const char* none : {"", "fa-solid", "fa-solid fa-brain-circuit", "hashtag", "fa-", "🐍", "fa-solid fa-"})
        CHECK_MESSAGE(icon_glyph(none) == 0, none);
}

TEST_CASE("icons: the loader resolves each entry's icon and names the ones the font lacks") {
    LoadResult r = load_profile(R"({"basics": {"name": "A"},
  "skills": [{"name": "S", "icon": "fa-solid fa-hashtag"}, {"name": "T", "icon": "fa-solid fa-brain-circuit"}],
  "languages": [{"language": "L", "icon": ""}, {"language": "M", "icon": "fa-solid fa-language"}],
  "interests": [{"name": "I", "icon": "fas fa-tag"}],
  "certificates": [{"name": "C", "icon": "fa-solid fa-certificate"}],
  "references": [{"name": "R", "icon": "fa-solid fa-location-dot"}]})",
                                "i.json");
    REQUIRE(r.ok);
    const Profile& p = r.profile;
    CHECK(p.skills[0].icon_glyph == 0xF292);
    CHECK(p.skills[1].icon_glyph == 0);
    CHECK(p.skills[1].icon == "fa-solid fa-brain-circuit");
    CHECK(p.languages[0].icon_glyph == 0);
    CHECK(p.languages[1].icon_glyph == 0xF1AB);
    CHECK(p.interests[0].icon_glyph == 0xF02B);
    CHECK(p.certificates[0].icon_glyph == 0xF0A3);
    CHECK(p.references[0].icon_glyph == 0xF041);
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0], r.source) ==
          "i.json:2:74: warning: /skills/1/icon: icon \"fa-solid fa-brain-circuit\" is not in the icon font (Fork "
          "Awesome); no icon is drawn");
    CHECK(icon_glyphs(p) == std::vector<char32_t>{0xF02B, 0xF041, 0xF0A3, 0xF1AB, 0xF292});
}

TEST_CASE("icons: a profile's icons load only the slice they live in; the UI's own icons are always there") {
    const std::size_t limit = default_limits().max_glyphs;
    auto extra_files = [&](const std::string& json) {
        LoadResult r = load_profile(json, "f.json");
        ui::FontLibrary fonts;
        std::vector<std::string> out;
        for (const std::string& f : fonts.files_for(ui::glyph_needs(r.profile, limit)))
            if (f.find("/icons_extra-") != std::string::npos) out.push_back(f.substr(f.find('/') + 1));
        return out;
    };
    // No icons: no icon slice beyond the UI's own.
    CHECK(extra_files(R"({"basics": {"name": "A"}, "skills": [{"name": "S"}]})").empty());
    // A UI icon (the map marker) is in the UI's slice: nothing more to fetch.
    CHECK(extra_files(R"({"skills": [{"name": "S", "icon": "fa-solid fa-location-dot"}]})").empty());
    // The hashtag (U+F292) and the microphone (U+F130): their two slices, and only those.
    CHECK(extra_files(R"({"skills": [{"name": "S", "icon": "fa-solid fa-hashtag"}, {"name": "T", "icon": "fa-solid fa-microphone"},
                                     {"name": "U", "icon": "fa-solid fa-hashtag"}, {"name": "V", "icon": "fa-solid fa-language"}]})") ==
          std::vector<std::string>{"icons_extra-f100.ttf", "icons_extra-f280.ttf"});
    // The glyphs the names resolve to are ones the icon slices hold.
    for (const char* css : {"fa-solid fa-hashtag", "fa-solid fa-language", "fas fa-tag", "fab fa-github", "far fa-envelope",
                            "fa-solid fa-location-dot", "fa-solid fa-flask", "fa-brands fa-orcid"}) {
        char32_t cp = icon_glyph(css);
        CHECK_MESSAGE(cp != 0, css);
        CHECK_MESSAGE((ui::family_covers(ui::Family::icons, cp) || ui::family_covers(ui::Family::icons_extra, cp)), css);
    }
    // The UI's glyphs stay in their own slice, not duplicated in the profile's.
    CHECK(ui::family_covers(ui::Family::icons, ui::icon::tag));
    CHECK_FALSE(ui::family_covers(ui::Family::icons_extra, ui::icon::tag));
}
