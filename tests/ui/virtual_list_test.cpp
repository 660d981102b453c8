// Long lists draw only what is on screen (ui/virtual_list.h): the page must still have
// its true height, every entry its true place and id, and short lists stay whole.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>

#include "platform/desktop/files.h"
#include "ui/headless.h"

namespace {

std::optional<std::string> read_font(const std::string& file) {
    return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
}

// The seed profile with `count` publications of varied length (so heights differ).
std::string profile_with(int count) {
    std::string seed = *platform::read_file(IMFOLIO_SOURCE_DIR "/data/profile.json");
    std::string pubs = "\"publications\": [";
    for (int i = 0; i < count; ++i) {
        if (i) pubs += ",";
        std::string title = "Paper " + std::to_string(i) + ": ";
        for (int w = 0; w < 3 + (i * 7) % 19; ++w) title += "scheduling ";
        pubs += "{\"type\":\"paper-conference\",\"title\":\"" + title + "\",\"container-title\":\"Venue " +
                std::to_string(i % 13) + "\",\"issued\":{\"date-parts\":[[" + std::to_string(2025 - i % 20) +
                "]]},\"author\":[{\"given\":\"Ada\",\"family\":\"Lovelace\"},{\"given\":\"Qizhen\",\"family\":\"Weng\"}]";
        if (i % 3 == 0) pubs += ",\"abstract\":\"We study things carefully and report what we found.\"";
        pubs += ",\"custom\":{\"abbr\":\"V" + std::to_string(i % 13) + "\"}}";
    }
    pubs += "],";
    std::size_t at = seed.find("\"publications\"");
    std::size_t end = seed.find("],", at);
    REQUIRE(at != std::string::npos);
    REQUIRE(end != std::string::npos);
    return seed.substr(0, at) + pubs + seed.substr(end + 2);
}

struct Page {
    ui::Headless h{1280, 800};
    explicit Page(const std::string& json, bool virtualize) {
        h.site.set_virtualize(virtualize);
        h.site.load_profile(json, "many.json");
        h.load_fonts(read_font);
        REQUIRE(h.site.profile().ok);
        h.settle();
    }
    void scroll_to(float y) {
        h.site.page().scroll.jump_to(y);
        h.frame();
    }
};

// The publication entries in a document: list items under the "Publications" list.
std::map<std::uint32_t, ui::Rect> entries(const ui::Document& d) {
    std::map<std::uint32_t, ui::Rect> out;
    int list = -1;
    for (std::size_t i = 0; i < d.nodes().size(); ++i) {
        const ui::Node& n = d.nodes()[i];
        if (n.role == ui::Role::list && n.text == "Publications") list = static_cast<int>(i);
        if (list >= 0 && n.role == ui::Role::list_item && n.parent == list) out[n.id] = n.rect;
    }
    return out;
}

}  // namespace

TEST_CASE("a short publication list is drawn whole: every entry is in the document") {
    Page page(profile_with(40), true);
    CHECK(entries(page.h.site.document()).size() == 40);
}

TEST_CASE("a long list records only the entries near the viewport, at their exact places") {
    const int count = 400;
    std::string json = profile_with(count);
    Page virt(json, true);
    Page full(json, false);
    CHECK(entries(full.h.site.document()).size() == count);
    // Same page height: skipped entries take exactly their measured room.
    CHECK(std::fabs(virt.h.site.content_height() - full.h.site.content_height()) < 0.5f);

    float max_scroll = full.h.site.content_height() - 800;
    for (float share : {0.3f, 0.55f, 0.8f, 0.97f}) {
        CAPTURE(share);
        virt.scroll_to(max_scroll * share);
        full.scroll_to(max_scroll * share);
        auto shown = entries(virt.h.site.document());
        auto all = entries(full.h.site.document());
        REQUIRE(!shown.empty());
        CHECK(shown.size() < 40);
        float scroll = virt.h.site.page().scroll.y();
        bool meets_view = false;
        for (const auto& [id, rect] : shown) {
            // The same entry (same id) at the same place as in the page drawn whole.
            auto it = all.find(id);
            REQUIRE(it != all.end());
            CHECK(std::fabs(it->second.y - rect.y) < 0.5f);
            CHECK(std::fabs(it->second.h - rect.h) < 0.5f);
            meets_view = meets_view || (rect.y < scroll + 800 && rect.y + rect.h > scroll);
        }
        CHECK(meets_view);
        // Nothing after the list moved: the Openings section starts where it does in the whole page.
        auto section_top = [](const ui::Document& d) {
            for (const ui::Node& n : d.nodes())
                if (n.role == ui::Role::section && n.anchor == "openings") return n.rect.y;
            return -1.0f;
        };
        CHECK(std::fabs(section_top(virt.h.site.document()) - section_top(full.h.site.document())) < 0.5f);
    }
}

TEST_CASE("opening an abstract in a long list moves what follows, as in the page drawn whole") {
    const int count = 300;
    std::string json = profile_with(count);
    Page virt(json, true);
    Page full(json, false);
    float y = full.h.site.content_height() * 0.5f;
    virt.scroll_to(y);
    full.scroll_to(y);
    // The first "Abstract" button on screen, pressed through the mirror in both pages.
    auto first_abstract = [](const ui::Document& d, float top) -> std::uint32_t {
        for (const ui::Node& n : d.nodes())
            if (n.role == ui::Role::button && n.text == "Abstract" && n.rect.y > top) return n.id;
        return 0;
    };
    std::uint32_t id = first_abstract(virt.h.site.document(), y + 100);
    REQUIRE(id != 0);
    REQUIRE(full.h.site.document().find_by_id(id) != nullptr);
    float before = virt.h.site.content_height();
    virt.h.site.activate(id);
    full.h.site.activate(id);
    virt.h.settle();
    full.h.settle();
    CHECK(virt.h.site.content_height() > before + 10);
    CHECK(std::fabs(virt.h.site.content_height() - full.h.site.content_height()) < 0.5f);
}
