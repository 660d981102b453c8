// The page in a profile's other language, headless: the language picked for the visitor,
// the page's own words, the switcher, search over the language shown and its glyphs.
#include <doctest/doctest.h>

#include <string>

#include <imgui.h>

#include "platform/desktop/files.h"
#include "ui/headless.h"

namespace {

std::optional<std::string> read_font(const std::string& file) {
    return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
}

bool has_text(const ui::Document& d, const std::string& text) {
    for (const ui::Node& n : d.nodes())
        if (n.text.find(text) != std::string::npos) return true;
    return false;
}

std::string example() { return *platform::read_file(IMFOLIO_SOURCE_DIR "/data/examples/two-languages.json"); }

}  // namespace

TEST_CASE("the visitor's languages pick the translation; its words, dates and glyphs follow") {
    ui::Headless h(1280, 800);
    h.site.set_language_preference({"zh-CN", "en"});
    h.site.load_profile(example(), "two-languages.json");
    h.load_fonts(read_font);
    h.settle();
    CHECK(h.site.language() == "zh-Hans");
    CHECK(h.site.languages() == std::vector<std::string>{"en", "zh-Hans"});
    const ui::Document& d = h.site.document();
    CHECK(has_text(d, "经历"));               // a section title in Chinese
    CHECK(has_text(d, "西湖地球科学研究院"));  // the translated entry
    CHECK(has_text(d, "至今"));               // "present"
    CHECK_FALSE(has_text(d, "Experience"));
    CHECK(h.site.fonts().missing_glyphs() == 0);
}

TEST_CASE("the switcher shows the next language; search covers the language shown") {
    ui::Headless h(1280, 800);
    h.site.load_profile(example(), "two-languages.json");
    h.load_fonts(read_font);
    h.settle();
    CHECK(h.site.language() == "en");
    const ui::Node* button = nullptr;
    for (const ui::Node& n : h.site.document().nodes())
        if (n.role == ui::Role::button && n.text.rfind("Language:", 0) == 0) button = &n;
    REQUIRE(button);
    h.site.activate(button->id);
    h.frame();
    h.load_fonts(read_font);
    h.settle();
    CHECK(h.site.language() == "zh-Hans");
    CHECK(has_text(h.site.document(), "经历"));

    h.site.page().search_open = true;
    h.site.set_search_query("副教授");
    h.settle();
    auto sections = h.site.document().find(ui::Role::section);
    REQUIRE(sections.size() >= 1);
    CHECK(sections[0]->anchor == "experience");
    h.site.set_search_query("Associate Professor");  // the English words are not on the page shown
    h.settle();
    CHECK(h.site.document().find(ui::Role::section).empty());
}
