// What the views show of the fields al-folio's CV uses and of the shapes real files have:
// headless frames of the real site, assertions on the page document.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "platform/desktop/files.h"
#include "ui/headless.h"
#include "ui/sections/extra.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

std::optional<std::string> read_font(const std::string& file) {
    return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
}

constexpr float kTall = 12000;

int section(const ui::Document& d, const std::string& anchor) {
    const auto& nodes = d.nodes();
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].role == ui::Role::section && nodes[i].anchor == anchor) return static_cast<int>(i);
    return -1;
}

bool inside(const ui::Document& d, int node, int ancestor) {
    for (int p = node; p >= 0; p = d.nodes()[static_cast<std::size_t>(p)].parent)
        if (p == ancestor) return true;
    return false;
}

std::vector<const ui::Node*> under(const ui::Document& d, int ancestor, ui::Role role) {
    std::vector<const ui::Node*> out;
    for (std::size_t i = 0; i < d.nodes().size(); ++i)
        if (d.nodes()[i].role == role && inside(d, static_cast<int>(i), ancestor)) out.push_back(&d.nodes()[i]);
    return out;
}

// The text of each paragraph in a section, in page order.
std::vector<std::string> paragraphs(const ui::Document& d, const std::string& anchor) {
    int s = section(d, anchor);
    REQUIRE_MESSAGE(s >= 0, anchor);
    std::vector<std::string> out;
    for (const ui::Node* p : under(d, s, ui::Role::paragraph)) out.push_back(d.text_of(static_cast<int>(p - d.nodes().data())));
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

struct Page {
    ui::Headless h{1280, kTall};
    explicit Page(const std::string& json) {
        h.site.load_profile(json, "f.json");
        h.load_fonts(read_font);
        h.frame();
    }
    const ui::Document& doc() const { return h.site.document(); }
};

}  // namespace

TEST_CASE("education shows al-folio's location after the institution, its summary and highlights") {
    Page page(R"({"basics": {"name": "A"}, "education": [
        {"institution": "Université X", "url": "https://x.example.org", "studyType": "Ph.D.", "area": "Linguistics",
         "location": "Lyon, France", "summary": "Thesis on tone.", "highlights": ["Best thesis prize"], "endDate": "2019"},
        {"institution": "Y College", "location": "Oxford"}]})");
    std::vector<std::string> p = paragraphs(page.doc(), "education");
    // The institution is a link, the place text after it (text_of joins the two with a space).
    CHECK(has(p, "Université X  \u00B7 Lyon, France"));
    CHECK(has(p, "Thesis on tone."));
    CHECK(has(p, "Oxford"));  // an entry named by its institution: the place alone below it
    int s = section(page.doc(), "education");
    std::vector<std::string> bullets;
    for (const ui::Node* n : under(page.doc(), s, ui::Role::list_item)) bullets.push_back(page.doc().text_of(static_cast<int>(n - page.doc().nodes().data())));
    CHECK(std::any_of(bullets.begin(), bullets.end(), [](const std::string& b) { return b.find("Best thesis prize") != std::string::npos; }));
    bool linked = false;
    for (const ui::Node* n : under(page.doc(), s, ui::Role::link)) linked = linked || (n->text == "Université X" && n->href == "https://x.example.org");
    CHECK(linked);
}

TEST_CASE("an award with a url links its title; a project shows its summary") {
    Page page(R"({"basics": {"name": "A"},
        "awards": [{"title": "Best Paper", "url": "https://conf.example.org/award", "date": "2024"}, {"title": "Plain"}],
        "projects": [{"name": "Tool", "summary": "Turns recordings into lexicons.", "description": "Python."}]})");
    int awards = section(page.doc(), "awards");
    std::vector<const ui::Node*> links = under(page.doc(), awards, ui::Role::link);
    REQUIRE(links.size() == 1);
    CHECK(links[0]->text == "Best Paper");
    CHECK(links[0]->href == "https://conf.example.org/award");
    std::vector<std::string> p = paragraphs(page.doc(), "projects");
    auto summary = std::find(p.begin(), p.end(), "Turns recordings into lexicons.");
    auto description = std::find(p.begin(), p.end(), "Python.");
    REQUIRE(summary != p.end());
    REQUIRE(description != p.end());
    CHECK(summary < description);
}

TEST_CASE("an e-mail written to hide it is in the header as written, and is not a link") {
    Page page(R"({"basics": {"name": "Ada B", "email": "ada [at] example [dot] org"}, "openings": [{"title": "PhD"}]})");
    int banner = -1;
    for (std::size_t i = 0; i < page.doc().nodes().size(); ++i)
        if (page.doc().nodes()[i].role == ui::Role::banner) banner = static_cast<int>(i);
    REQUIRE(banner >= 0);
    bool shown = false;
    for (const ui::Node* n : under(page.doc(), banner, ui::Role::text)) shown = shown || n->text == "ada [at] example [dot] org";
    CHECK(shown);
    for (const ui::Node* n : page.doc().find(ui::Role::link)) CHECK(n->href.rfind("mailto:", 0) != 0);
}

TEST_CASE("al-folio icons are drawn before the entry's name, from the slice that holds them") {
    Page page(R"({"basics": {"name": "A"},
        "skills": [{"name": "Parsing", "icon": "fa-solid fa-hashtag"}, {"name": "Plain", "icon": "fa-solid fa-brain-circuit"}],
        "languages": [{"language": "Breton", "icon": "fa-solid fa-microphone"}],
        "interests": [{"name": "Tone", "icon": "fas fa-tag"}],
        "certificates": [{"name": "Steward", "url": "https://c.example.org", "icon": "fa-solid fa-certificate"}],
        "references": [{"name": "Prof. B", "reference": "Good.", "icon": "fa-solid fa-user"}]})");
    const ui::Document& d = page.doc();
    auto first_paragraph_with = [&](const char* anchor, const std::string& needle) {
        for (const std::string& p : paragraphs(d, anchor))
            if (p.find(needle) != std::string::npos) return p;
        return std::string();
    };
    // The page document leaves the icon font's private-use glyphs out of its text (they
    // mean nothing to a screen reader); the draw lists show where they were drawn.
    auto paragraph_node = [&](const char* anchor, const std::string& text) -> const ui::Node* {
        for (const ui::Node* n : under(d, section(d, anchor), ui::Role::paragraph))
            if (d.text_of(static_cast<int>(n - d.nodes().data())) == text) return n;
        return nullptr;
    };
    // Whether glyph `cp` of the bold face is drawn in the first `lead` pixels of node n's rect.
    auto drawn_before = [&](char32_t cp, const ui::Node* n, float lead) {
        REQUIRE(n);
        const ImFontGlyph* g = page.h.site.fonts().font(ui::FontRole::body_bold)->FindGlyphNoFallback(static_cast<ImWchar>(cp));
        REQUIRE(g);
        const ImDrawData* dd = page.h.draw_data();
        for (int l = 0; l < dd->CmdListsCount; ++l)
            for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer)
                if (v.uv.x == g->U0 && v.uv.y == g->V0 && v.pos.x >= n->rect.x - 1 && v.pos.x <= n->rect.x + lead &&
                    v.pos.y >= n->rect.y - 1 && v.pos.y <= n->rect.y + n->rect.h)
                    return true;
        return false;
    };
    CHECK(drawn_before(0xF292, paragraph_node("skills", "Parsing"), 12));
    CHECK_FALSE(drawn_before(0xF292, paragraph_node("skills", "Plain"), 12));  // not in the font: nothing drawn
    CHECK(drawn_before(0xF130, paragraph_node("languages", "Breton"), 12));
    CHECK(paragraph_node("references", "\u2014 Prof. B"));
    int certificates = section(d, "certificates");
    std::vector<const ui::Node*> links = under(d, certificates, ui::Role::link);
    REQUIRE(links.size() == 1);
    CHECK(links[0]->text == "Steward");  // the name stays the link, the icon before it
    int interests = section(d, "interests");
    REQUIRE(interests >= 0);
    bool chip = false;
    for (const ui::Node* n : under(d, interests, ui::Role::list_item))
        chip = chip || d.text_of(static_cast<int>(n - d.nodes().data())) == "Tone";
    CHECK(chip);
    // The glyphs are what the fonts were built for, and the bold face (titles) has them.
    const ui::GlyphNeeds& needs = page.h.site.fonts().built_needs();
    for (char32_t cp : {0xF292, 0xF130, 0xF02B, 0xF0A3, 0xF007}) {
        CHECK_MESSAGE(std::binary_search(needs.text.begin(), needs.text.end(), cp), static_cast<unsigned>(cp));
        CHECK(page.h.site.fonts().font(ui::FontRole::body_bold)->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
    }
    // Every glyph is in the atlas: the icons' slices were fetched.
    CHECK(page.h.site.fonts().missing_glyphs() == 0);
    std::vector<std::string> files = page.h.site.fonts().files_for(page.h.site.fonts().built_needs());
    CHECK(std::count_if(files.begin(), files.end(), [](const std::string& f) { return f.find("/icons_extra-") != std::string::npos; }) == 2);
}

namespace {

// One headless frame that draws only `draw` into a fresh page document, with the fonts
// the site built for its profile: the way to test a view the section table does not
// list (yet).
template <class Draw>
ui::Document draw_alone(ui::Headless& h, Draw draw) {
    ImGui::SetCurrentContext(h.context());
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ui::PageState page;
    ui::Document doc;
    ui::Hooks hooks;
    ui::Ctx c{h.site.profile().profile, ui::light_palette(), h.site.fonts(), page, doc, hooks};
    c.column_x = 40;
    c.column_w = 800;
    c.viewport_h = kTall;
    ui::set_ctx(&c);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1280, kTall));
    ImGui::Begin("##alone", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, 40));
    ui::sync_indent();
    {
        ui::Scope section(ui::Role::section, "Extra", "extra");
        draw();
    }
    ImGui::End();
    ui::set_ctx(nullptr);
    ImGui::Render();
    return doc;
}

}  // namespace

TEST_CASE("render_extra_section: title, period, organisation and place, summary, highlights, then every other member") {
    ui::Headless h(1280, kTall);
    h.site.load_profile(R"({"basics": {"name": "A"}, "research experience": [
        {"position": "Research assistant", "institution": "Kōyō Lab", "location": "Sendai", "startDate": "2019-04",
         "endDate": "2021-03", "summary": "Field work.", "highlights": ["Corpus of 40 h"], "advisor": "Prof. 田辺"},
        {"title": "Visiting student", "url": "https://lab.example.org", "date": "Summer 2018"},
        "Reading group"]})",
                        "f.json");
    h.load_fonts(read_font);
    h.frame();
    const profile::Profile& p = h.site.profile().profile;
    REQUIRE(p.extra_sections.size() == 1);
    CHECK(ui::has_extra_section(p.extra_sections[0]));
    ui::Document d = draw_alone(h, [&] { ui::render_extra_section(p.extra_sections[0]); });
    std::vector<std::string> texts;
    for (const ui::Node* n : d.find(ui::Role::paragraph)) texts.push_back(d.text_of(static_cast<int>(n - d.nodes().data())));
    for (const char* s : {"Research assistant", "Apr 2019 \u2013 Mar 2021", "Kōyō Lab \u00B7 Sendai", "Field work.",
                          "Corpus of 40 h", "advisor: Prof. 田辺", "Visiting student", "Summer 2018", "Reading group"})
        CHECK_MESSAGE(has(texts, s), s);
    std::vector<const ui::Node*> lists = d.find(ui::Role::list);
    REQUIRE(!lists.empty());
    CHECK(lists[0]->text == "Research experience");
    CHECK(d.find(ui::Role::list_item).size() == 4);  // three entries and one highlight
    std::vector<const ui::Node*> links = d.find(ui::Role::link);
    REQUIRE(links.size() == 1);
    CHECK(links[0]->text == "Visiting student");
    CHECK(links[0]->href == "https://lab.example.org");
    // The fonts cover the section: its text was part of the profile's glyph needs.
    CHECK(h.site.fonts().missing_glyphs() == 0);
    CHECK_FALSE(ui::has_extra_section(profile::ExtraSection{"k", "K", "k", {}}));
}
