// Long lists draw only what is on screen (ui/virtual_list.h): the page must still have
// its true height, every entry its true place and id, and short lists stay whole.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>
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

TEST_CASE("a long list holds every entry's text for find in page, sent once, with the entries laid out") {
    const int count = 150;
    Page page(profile_with(count), true);
    auto held = [&]() -> const ui::HeldList& {
        const auto& lists = page.h.site.document().held;
        REQUIRE(lists.size() == 1);
        return lists[0];
    };
    const ui::HeldList& first = held();
    REQUIRE(static_cast<bool>(first.entries));
    REQUIRE(first.entries->size() == static_cast<std::size_t>(count));
    // Every entry's text, the ones not laid out too, at increasing tops.
    const auto& e = *first.entries;
    std::set<int> papers;
    for (std::size_t i = 0; i < e.size(); ++i) {
        REQUIRE(static_cast<bool>(e[i].text));
        std::size_t at = e[i].text->find("Paper ");
        if (at != std::string::npos) papers.insert(std::atoi(e[i].text->c_str() + at + 6));
        if (i) CHECK(e[i].top > e[i - 1].top);
        CHECK(e[i].h > 20);
    }
    CHECK(papers.size() == static_cast<std::size_t>(count));
    CHECK(*papers.rbegin() == count - 1);
    // Laid out: only the entries near the screen; the list node is the held list's id.
    CHECK(first.shown_end > first.shown_begin);
    CHECK(first.shown_end - first.shown_begin < 40);
    const ui::Node* list = page.h.site.document().find_by_id(first.id);
    REQUIRE(list);
    CHECK(list->role == ui::Role::list);
    CHECK(list->text == "Publications");

    // The page's messages: the entries once; a frame with no change sends nothing; a
    // scroll sends where the list is laid out, not the entries again.
    ui::Document before = page.h.site.document();
    std::uint64_t version = first.version;
    page.h.frame();
    CHECK(held().version == version);
    CHECK(ui::document_diff(before, page.h.site.document()).find("\"held\"") == std::string::npos);
    CHECK(ui::document_diff(ui::Document(), page.h.site.document()).find("\"e\":[[") != std::string::npos);
    const float far = page.h.site.content_height() * 0.6f;
    before = page.h.site.document();
    page.scroll_to(far);
    const ui::HeldList& moved = held();
    CHECK(moved.version == version);
    CHECK(moved.shown_begin > 40);
    std::string diff = ui::document_diff(before, page.h.site.document());
    CHECK(diff.find("\"held\":[{\"id\":" + std::to_string(first.id)) != std::string::npos);
    CHECK(diff.find("\"e\":[[") == std::string::npos);
    // The laid-out entries are where the held ones say.
    auto shown = entries(page.h.site.document());
    REQUIRE(!shown.empty());
    float top = moved.y + (*moved.entries)[moved.shown_begin].top;
    bool at = false;
    for (const auto& [id, rect] : shown) at = at || std::fabs(rect.y - top) < 0.5f;
    CHECK(at);
}

TEST_CASE("a short list holds nothing: all of it is laid out") {
    Page page(profile_with(40), true);
    CHECK(page.h.site.document().held.empty());
}
