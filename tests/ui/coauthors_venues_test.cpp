// The coauthors[] and venues{} extensions on the page: a matched co-author is a link in
// the author list (the owner stays highlighted), and a venue badge takes its colour, black
// or white text, and its link. Headless frames; assertions on the page document and on
// the colours in the draw lists.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "platform/desktop/files.h"
#include "ui/headless.h"
#include "ui/theme.h"

namespace {

std::optional<std::string> read_font(const std::string& file) {
    return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
}

const char* kProfile = R"J({
  "basics": {"name": "Ada Quill"},
  "coauthors": [
    {"family": "Adams", "given": ["Edwin", "E. P."], "url": "https://adams.example.org/"},
    {"family": "Núñez", "given": ["José"], "url": "https://nunez.example.org/"}
  ],
  "venues": {
    "GOLD": {"url": "https://gold.example.org/", "color": "#FFD700"},
    "NAVY": {"color": "#00369f"}
  },
  "publications": [
    {"title": "Paper one", "issued": "2024",
     "author": [{"family": "Adams", "given": "E. P."}, {"family": "Quill", "given": "Ada"}, {"family": "Nunez", "given": "Jose"},
                {"family": "Adams", "given": "Eve"}],
     "custom": {"abbr": "GOLD"}},
    {"title": "Paper two", "issued": "2023", "author": [{"family": "Quill", "given": "Ada"}], "custom": {"abbr": "NAVY"}},
    {"title": "Paper three", "issued": "2022", "author": [{"family": "Quill", "given": "Ada"}], "custom": {"abbr": "PLAIN"}}
  ]
})J";

// How many vertices in the frame's draw lists have this colour (0xRRGGBB, opaque).
std::size_t vertices_coloured(const ImDrawData* data, std::uint32_t rgb) {
    std::uint32_t col = ui::im_color(rgb);
    std::size_t n = 0;
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer) n += v.col == col;
    return n;
}

const ui::Node* node_with(const ui::Document& d, ui::Role role, const std::string& text) {
    for (const ui::Node& n : d.nodes())
        if (n.role == role && n.text == text) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("a co-author with a page is a link in the author list; the owner stays highlighted") {
    ui::Headless h(1280, 4000);
    h.site.load_profile(kProfile, "p.json");
    h.load_fonts(read_font);
    h.frame();
    const ui::Document& d = h.site.document();

    const ui::Node* adams = node_with(d, ui::Role::link, "E. P. Adams");
    REQUIRE(adams);
    CHECK(adams->href == "https://adams.example.org/");
    const ui::Node* nunez = node_with(d, ui::Role::link, "Jose Nunez");
    REQUIRE(nunez);
    CHECK(nunez->href == "https://nunez.example.org/");
    // Eve Adams is not one of the entry's given names: plain text, inside the paragraph.
    CHECK_FALSE(node_with(d, ui::Role::link, "Eve Adams"));
    const ui::Node* paragraph = &d.nodes()[static_cast<std::size_t>(adams->parent)];
    CHECK(d.text_of(adams->parent) == "E. P. Adams , Ada Quill , Jose Nunez , and Eve Adams");  // runs joined by text_of
    CHECK(paragraph->role == ui::Role::paragraph);
    // The owner is still an emphasised run, not a link.
    const ui::Node* owner = node_with(d, ui::Role::text, "Ada Quill");
    REQUIRE(owner);
    CHECK(owner->emphasised);
    CHECK(owner->parent == adams->parent);
}

TEST_CASE("a venue badge takes the venue's colour with readable text, and links to the venue") {
    ui::Headless h(1280, 4000);
    h.site.load_profile(kProfile, "p.json");
    h.load_fonts(read_font);
    h.frame();
    const ui::Document& d = h.site.document();

    const ui::Node* gold = node_with(d, ui::Role::link, "GOLD");
    REQUIRE(gold);
    CHECK(gold->href == "https://gold.example.org/");
    // A colour without a url: a badge in that colour, not a link. No entry: as before.
    CHECK(node_with(d, ui::Role::text, "NAVY"));
    CHECK_FALSE(node_with(d, ui::Role::link, "NAVY"));
    CHECK(node_with(d, ui::Role::text, "PLAIN"));

    const ImDrawData* data = h.draw_data();
    REQUIRE(data);
    CHECK(vertices_coloured(data, 0xFFD700) >= 4);   // the gold badge's fill
    CHECK(vertices_coloured(data, 0x00369F) >= 4);   // the navy one's
    CHECK(vertices_coloured(data, 0x000000) >= 4);   // black letters on gold: nothing else on the page is black
    CHECK(ui::readable_text_on(0xFFD700) == 0x000000);
    CHECK(ui::readable_text_on(0x00369F) == 0xFFFFFF);
}

TEST_CASE("without venues and coauthors the badges and authors look as they always did") {
    std::string plain = kProfile;
    plain.replace(plain.find("\"coauthors\""), plain.find("\"publications\"") - plain.find("\"coauthors\""), "");
    ui::Headless h(1280, 4000);
    h.site.load_profile(plain, "p.json");
    h.load_fonts(read_font);
    h.frame();
    const ui::Document& d = h.site.document();
    CHECK_FALSE(node_with(d, ui::Role::link, "E. P. Adams"));
    CHECK(node_with(d, ui::Role::text, "GOLD"));
    const ImDrawData* data = h.draw_data();
    REQUIRE(data);
    CHECK(vertices_coloured(data, 0xFFD700) == 0);
    CHECK(vertices_coloured(data, 0x000000) == 0);
    CHECK(vertices_coloured(data, ui::light_palette().accent) >= 12);  // three accent badges
}
