#include <doctest/doctest.h>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <regex>
#include <string>

#include "ui/theme.h"

TEST_CASE("contrast ratio: the WCAG reference values") {
    CHECK(ui::contrast_ratio(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
    CHECK(ui::contrast_ratio(0xFFFFFF, 0xFFFFFF) == doctest::Approx(1.0));
    CHECK(ui::contrast_ratio(0x777777, 0xFFFFFF) == doctest::Approx(4.48).epsilon(0.01));
}

TEST_CASE("both themes meet WCAG AA for every text/background pair the views draw") {
    for (const ui::Palette* p : {&ui::light_palette(), &ui::dark_palette()}) {
        ui::ContrastPair pairs[32];
        int n = ui::contrast_pairs(*p, pairs, 32);
        CHECK(n >= 12);
        for (int i = 0; i < n; ++i) {
            double r = ui::contrast_ratio(pairs[i].fg, pairs[i].bg);
            INFO(p->name, ": ", pairs[i].what, " = ", r);
            CHECK(r >= pairs[i].minimum);
        }
    }
}

TEST_CASE("the stylesheet's colours are the canvas's: every var() in web/site.css is a palette colour") {
    std::string css = ui::palette_css();
    CHECK(css.find("--background: #fbfbf9;") != std::string::npos);
    CHECK(css.find("--accent: " + ui::css_hex(ui::dark_palette().accent) + ";") > css.find("prefers-color-scheme: dark"));
    std::ifstream in(IMFOLIO_SOURCE_DIR "/web/site.css");
    std::string site((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE_FALSE(site.empty());
    std::regex use(R"(var\((--[a-z-]+)\))");
    int uses = 0;
    for (auto it = std::sregex_iterator(site.begin(), site.end(), use); it != std::sregex_iterator(); ++it, ++uses)
        CHECK_MESSAGE(css.find((*it)[1].str() + ":") != std::string::npos, (*it)[1].str());
    CHECK(uses > 10);
    // No colour of its own: a hex colour in site.css would be a second source.
    CHECK_FALSE(std::regex_search(site, std::regex("#[0-9a-fA-F]{3,6}\\b")));
}
