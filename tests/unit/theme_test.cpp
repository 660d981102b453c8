#include <doctest/doctest.h>
#include <initializer_list>

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
