// Headless frames of the real views: assertions on the page document they record.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include <imgui.h>

#include "platform/desktop/files.h"
#include "ui/headless.h"
#include "document_checks.h"
#include "ui/icons.h"
#include "ui/sections.h"

namespace {

std::optional<std::string> read_font(const std::string& file) {
    return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
}

std::string seed() { return *platform::read_file(IMFOLIO_SOURCE_DIR "/data/profile.json"); }

bool has_heading(const ui::Document& d, int level, const std::string& text) {
    for (const ui::Node* n : d.find(ui::Role::heading))
        if (n->level == level && n->text == text) return true;
    return false;
}

}  // namespace

TEST_CASE("the seed profile's page has the name and every section heading") {
    ui::Headless h(1280, 800);
    h.site.load_profile(seed(), "profile.json");
    h.load_fonts(read_font);
    REQUIRE(h.site.fonts_ready());
    ui::FrameResult r = h.frame();
    CHECK(r.shows_profile);
    const ui::Document& d = h.site.document();
    CHECK(has_heading(d, 1, "Qizhen Weng"));
    for (const char* title : {"About", "Research interests", "News", "Experience", "Education", "Awards",
                              "Publications", "Openings"})
        CHECK_MESSAGE(has_heading(d, 2, title), title);
    // Every section has its route as anchor, in page order.
    std::vector<std::string> anchors;
    for (const ui::Node* n : d.find(ui::Role::section)) anchors.push_back(n->anchor);
    CHECK(anchors == std::vector<std::string>{"about", "interests", "news", "experience", "education", "awards",
                                              "publications", "openings"});
    CHECK(h.site.fonts().missing_glyphs() == 0);
}

TEST_CASE("no link in the page points anywhere but http(s), mailto or a section") {
    ui::Headless h(1280, 800);
    h.site.load_profile(R"J({"basics": {"name": "A B", "profiles": [
        {"network": "GitHub", "url": "https://github.com/ab"},
        {"network": "Evil", "url": "javascript:alert(1)"}]}})J",
                        "f.json");
    h.load_fonts(read_font);
    h.frame();
    int links = 0;
    for (const ui::Node* n : h.site.document().find(ui::Role::link)) {
        ++links;
        bool ok = n->href.rfind("https://", 0) == 0 || n->href.rfind("http://", 0) == 0 ||
                  n->href.rfind("mailto:", 0) == 0 || n->href.rfind("#/", 0) == 0;
        CHECK_MESSAGE(ok, n->href);
    }
    CHECK(links >= 2);
}

TEST_CASE("navigating to a section scrolls there and names the route") {
    ui::Headless h(1280, 800);
    h.site.load_profile(seed(), "profile.json");
    h.load_fonts(read_font);
    h.frame();
    h.site.navigate("publications", ui::NavigationCause::user);
    ui::FrameResult r = h.frame();
    CHECK(h.site.page().route == "publications");
    CHECK(r.push_route == "publications");
    h.settle();
    // The section's top lands under the top bar, unless the page ends first.
    float top = h.site.page().section_top.at("publications");
    float expected = std::min(top - 60 - 20, h.site.content_height() - 800);
    CHECK(expected > 0);
    CHECK(h.site.page().scroll.y() == doctest::Approx(expected).epsilon(0.01));
}

TEST_CASE("the layout is one column on a phone and never wider than the screen") {
    ui::Headless h(390, 844);
    h.site.load_profile(seed(), "profile.json");
    h.load_fonts(read_font);
    h.frame();
    const ui::Document& d = h.site.document();
    for (const ui::Node& n : d.nodes()) {
        if (n.rect.w == 0) continue;
        CHECK_MESSAGE(n.rect.x >= 0, ui::role_name(n.role), " ", n.text);
        CHECK_MESSAGE(n.rect.x + n.rect.w <= 390.5f, ui::role_name(n.role), " ", n.text);
    }
    check_one_column(d, 20, 350);
    // The same check fails where a wide screen puts dates beside titles.
    ui::Headless wide(1280, 800);
    wide.site.load_profile(seed(), "profile.json");
    wide.load_fonts(read_font);
    wide.frame();
    CHECK(side_by_side(wide.site.document()) > 0);
}

TEST_CASE("a page whose Latin font slices never arrived still draws, from the fonts that did") {
    // The web fetches each slice; any may fail. Building the atlas without a space glyph
    // once read freed memory inside imgui (caught by ASan: tests/fuzz/regressions).
    ui::Headless h(1280, 800);
    h.site.load_profile(seed(), "profile.json");
    h.load_fonts([](const std::string& file) -> std::optional<std::string> {
        std::string name = file.substr(file.rfind('/') + 1);  // "<set hash>/sans-0000.otf"
        if (name.rfind("sans-", 0) == 0 || name.rfind("sans_bold-", 0) == 0) return std::nullopt;
        return read_font(file);
    });
    CHECK(h.site.font_files_needed().empty());
    ui::FrameResult r = h.frame();
    CHECK(r.shows_profile);
    CHECK(has_heading(h.site.document(), 1, "Qizhen Weng"));
    // Every Latin character is missing, and counted.
    CHECK(h.site.fonts().missing_glyphs() > 60);

    // A name all in Latin letters: the name's role has no glyph at all, and borrows a
    // font (the header measured it through a null pointer: tests/fuzz/regressions).
    ui::Headless latin(1280, 800);
    latin.site.load_profile(R"({"basics": {"name": "Ana", "otherNames": ["Ana F."], "label": "L"}})", "f.json");
    latin.load_fonts([](const std::string& file) -> std::optional<std::string> {
        std::string name = file.substr(file.rfind('/') + 1);  // "<set hash>/sans-0000.otf"
        if (name.rfind("sans-", 0) == 0 || name.rfind("sans_bold-", 0) == 0) return std::nullopt;
        return read_font(file);
    });
    REQUIRE(latin.site.fonts_ready());
    for (int role = 0; role < static_cast<int>(ui::FontRole::count); ++role)
        CHECK(latin.site.fonts().font(static_cast<ui::FontRole>(role)) != nullptr);
    CHECK(latin.frame().shows_profile);
    CHECK(has_heading(latin.site.document(), 1, "Ana"));
}

TEST_CASE("a profile from another site is introduced by a note naming that site, before anything else") {
    ui::Headless h(1280, 800);
    h.site.set_foreign_host("people.example.org");
    h.site.load_profile(seed(), "https://people.example.org/p.json");
    h.load_fonts(read_font);
    h.frame();
    const ui::Document& d = h.site.document();
    std::vector<const ui::Node*> alerts = d.find(ui::Role::alert);
    REQUIRE(alerts.size() == 1);
    int index = static_cast<int>(alerts[0] - d.nodes().data());
    CHECK(d.text_of(index).find("Profile from another site: people.example.org") != std::string::npos);
    // It comes before the header (the name), so nothing of the profile is read first.
    const ui::Node* name = nullptr;
    for (const ui::Node* n : d.find(ui::Role::heading))
        if (n->level == 1) name = n;
    REQUIRE(name);
    CHECK(alerts[0] < name);
    CHECK(alerts[0]->rect.y < name->rect.y);

    ui::Headless own(1280, 800);
    own.site.load_profile(seed(), "profile.json");
    own.load_fonts(read_font);
    own.frame();
    CHECK(own.site.document().find(ui::Role::alert).empty());
}

TEST_CASE("every link kind has its icon in the atlas, the X logo included") {
    ui::Headless h(1280, 800);
    h.site.load_profile(R"J({"basics": {"name": "A B", "email": "a@example.org", "url": "https://example.org",
        "profiles": [{"network": "GitHub", "url": "https://github.com/x"},
                     {"network": "Google Scholar", "url": "https://scholar.google.com/x"},
                     {"network": "ORCID", "url": "https://orcid.org/x"},
                     {"network": "LinkedIn", "url": "https://linkedin.com/in/x"},
                     {"network": "X", "url": "https://x.com/x"},
                     {"network": "DBLP", "url": "https://dblp.org/x"}]},
        "publications": [{"title": "T", "custom": {"pdf": "https://example.org/t.pdf", "code": "https://example.org/c"}}]})J",
                        "f.json");
    h.load_fonts(read_font);
    h.frame();
    CHECK(h.site.fonts().missing_glyphs() == 0);
    ImFont* small = h.site.fonts().font(ui::FontRole::small);
    REQUIRE(small);
    for (char32_t icon : {ui::icon::envelope, ui::icon::github, ui::icon::graduation_cap, ui::icon::orcid,
                          ui::icon::linkedin, ui::icon::x_logo, ui::icon::database, ui::icon::home, ui::icon::file_pdf,
                          ui::icon::code}) {
        const ImFontGlyph* g = small->FindGlyphNoFallback(static_cast<ImWchar>(icon));
        CHECK_MESSAGE(g, "no glyph for code point ", static_cast<unsigned>(icon));
        if (g) CHECK(g->Visible);
    }
}

TEST_CASE("icon glyphs never reach the page document (screen readers, static HTML)") {
    ui::Headless h(1280, 800);
    h.site.load_profile(*platform::read_file(IMFOLIO_SOURCE_DIR "/data/profile.json"), "profile.json");
    h.load_fonts(read_font);
    h.frame();
    bool affiliation = false;
    for (const ui::Node& n : h.site.document().nodes()) {
        for (std::size_t i = 0; i + 2 < n.text.size(); ++i) {
            auto b = static_cast<unsigned char>(n.text[i]);
            auto b1 = static_cast<unsigned char>(n.text[i + 1]);
            CHECK_FALSE_MESSAGE((b == 0xEE || (b == 0xEF && b1 <= 0xA3)), "icon glyph in: ", n.text);
        }
        if (n.text == "Institute of Artificial Intelligence (TeleAI), China Telecom") affiliation = true;
    }
    CHECK(affiliation);  // the icon and its spacing are gone, the text is intact
}
