// The complete example profile on the page (every section view), the problem notice,
// and what a visitor does to publications. Headless frames; assertions on the page
// document. The viewport is tall so that every entry is on screen and drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "platform/desktop/files.h"
#include "ui/headless.h"
#include "document_checks.h"

namespace {

std::optional<std::string> read_font(const std::string& file) {
    return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
}

std::string source_file(const std::string& path) {
    auto bytes = platform::read_file(IMFOLIO_SOURCE_DIR "/" + path);
    REQUIRE_MESSAGE(bytes, path);
    return *bytes;
}

std::string example() { return source_file("data/examples/complete-resume.json"); }

constexpr float kTall = 24000;

// The index of the node satisfying `pred`, or -1.
template <class Pred>
int find_node(const ui::Document& d, Pred pred) {
    const auto& nodes = d.nodes();
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (pred(nodes[i])) return static_cast<int>(i);
    return -1;
}

int section(const ui::Document& d, const std::string& anchor) {
    return find_node(d, [&](const ui::Node& n) { return n.role == ui::Role::section && n.anchor == anchor; });
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

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const ui::Node* button(const ui::Document& d, const std::string& text_prefix, int within = -1) {
    for (std::size_t i = 0; i < d.nodes().size(); ++i) {
        const ui::Node& n = d.nodes()[i];
        if (n.role == ui::Role::button && n.text.rfind(text_prefix, 0) == 0 &&
            (within < 0 || inside(d, static_cast<int>(i), within)))
            return &n;
    }
    return nullptr;
}

// Clicks a button the way the mirror (keyboard, screen reader) does, and lets the page react.
void activate(ui::Headless& h, const ui::Node* b) {
    REQUIRE(b);
    h.site.activate(b->id);
    h.frame();
    h.frame();
}

}  // namespace

TEST_CASE("the complete example shows every section under its heading in page order") {
    ui::Headless h(1280, kTall);
    h.site.load_profile(example(), "complete-resume.json");
    h.load_fonts(read_font);
    REQUIRE(h.site.fonts_ready());
    CHECK(h.frame().shows_profile);
    const ui::Document& d = h.site.document();
    std::vector<std::string> headings, anchors;
    for (const ui::Node* n : d.find(ui::Role::heading))
        if (n->level == 2) headings.push_back(n->text);
    for (const ui::Node* n : d.find(ui::Role::section)) anchors.push_back(n->anchor);
    CHECK(headings == std::vector<std::string>{"About", "Research interests", "News", "Experience", "Education",
                                               "Awards", "Publications", "Projects", "Service and volunteering",
                                               "Certificates", "Skills", "Languages", "References", "Openings"});
    CHECK(anchors == std::vector<std::string>{"about", "interests", "news", "experience", "education", "awards",
                                              "publications", "projects", "volunteer", "certificates", "skills",
                                              "languages", "references", "openings"});
    // Greek, Cyrillic, Japanese and accents all have glyphs.
    CHECK(h.site.fonts().missing_glyphs() == 0);
}

TEST_CASE("each new section view shows its entries and dates") {
    ui::Headless h(1280, kTall);
    h.site.load_profile(example(), "complete-resume.json");
    h.load_fonts(read_font);
    h.frame();
    const ui::Document& d = h.site.document();
    auto text = [&](const char* anchor) {
        int s = section(d, anchor);
        REQUIRE_MESSAGE(s >= 0, anchor);
        return d.text_of(s);
    };
    const std::string projects = text("projects");
    for (const char* s : {"MORPHÉ", "Apr 2022 \u2013 present", "Principal investigator \u00B7 Agence Imaginaire de la Recherche",
                          "Jun 2018 \u2013 Mar 2021", "LexiKit", "from Feb 2020", "Exports to CSV, LIFT and JSON",
                          "lexicography"})
        CHECK_MESSAGE(contains(projects, s), s);
    // Ongoing first, then newest first.
    CHECK(projects.find("MORPHÉ") < projects.find("Ryukyu"));
    CHECK(projects.find("Ryukyu") < projects.find("LexiKit"));

    const std::string volunteer = text("volunteer");
    for (const char* s : {"Area Chair, Morphology and Phonology", "Jan 2022 \u2013 present", "Reviewer", "2019 \u2013 2023",
                          "Volunteer mentor", "from 2017", "Lyon Code Club"})
        CHECK_MESSAGE(contains(volunteer, s), s);

    const std::string certificates = text("certificates");
    CHECK(contains(certificates, "Research Data Steward"));
    CHECK(contains(certificates, "May 12, 2023"));
    CHECK(contains(certificates, "Dec 2017"));
    CHECK(certificates.find("Research Data Steward") < certificates.find("Japanese-Language"));

    const std::string skills = text("skills");
    for (const char* s : {"Natural language processing", "Expert", "Tokenisation", "OCaml", "Intermediate"})
        CHECK_MESSAGE(contains(skills, s), s);

    const std::string references = text("references");
    CHECK(contains(references, "\u201CÉlodie combines"));
    CHECK(contains(references, "\u2014 Дмитрий Волков, Exemplar Labs"));

    // Languages: a grid, four tiles side by side on a wide screen.
    int languages = section(d, "languages");
    std::vector<const ui::Node*> tiles = under(d, languages, ui::Role::list_item);
    REQUIRE(tiles.size() == 4);
    CHECK(d.text_of(static_cast<int>(tiles[2] - d.nodes().data())) == "日本語 Professional working");
    for (std::size_t i = 1; i < tiles.size(); ++i) {
        CHECK(tiles[i]->rect.y == tiles[0]->rect.y);
        CHECK(tiles[i]->rect.x >= tiles[i - 1]->rect.x + tiles[i - 1]->rect.w);
    }

    // Links in the new sections go where the file says.
    std::vector<std::string> hrefs;
    for (const char* anchor : {"projects", "volunteer", "certificates"})
        for (const ui::Node* n : under(d, section(d, anchor), ui::Role::link)) hrefs.push_back(n->href);
    CHECK(std::count(hrefs.begin(), hrefs.end(), "https://morphe.example.org/") == 1);
    CHECK(std::count(hrefs.begin(), hrefs.end(), "https://certs.example.org/rds/emsato") == 1);
    CHECK(std::count(hrefs.begin(), hrefs.end(), "https://fcl.example.org/") == 1);
}

TEST_CASE("the owner is emphasised in every author list and nowhere else") {
    ui::Headless h(1280, kTall);
    h.site.load_profile(example(), "complete-resume.json");
    h.load_fonts(read_font);
    h.frame();
    const ui::Document& d = h.site.document();
    int pubs = section(d, "publications");
    std::vector<std::string> emphasised;
    for (std::size_t i = 0; i < d.nodes().size(); ++i) {
        const ui::Node& n = d.nodes()[i];
        if (n.role != ui::Role::text || !n.emphasised) continue;
        CHECK(inside(d, static_cast<int>(i), pubs));
        emphasised.push_back(n.text);
    }
    // The English name, its initial form and the Japanese name (basics.otherNames).
    CHECK(emphasised == std::vector<std::string>{"Élodie Marchand-Sato", "マルシャン佐藤エロディ",
                                                 "Élodie Marchand-Sato", "É. Marchand-Sato"});
    // The author line still reads as one sentence.
    std::string authors;
    for (const ui::Node* p : under(d, pubs, ui::Role::paragraph)) {
        std::string t = d.text_of(static_cast<int>(p - d.nodes().data()));
        if (contains(t, "Chidi Okafor")) authors = t;
    }
    CHECK(authors == "Νίκος Παπαδόπουλος, Élodie Marchand-Sato , Chidi Okafor, and The MORPHÉ Consortium");
}

TEST_CASE("the javascript: profile link is named but is never a link") {
    ui::Headless h(1280, kTall);
    h.site.load_profile(example(), "complete-resume.json");
    h.load_fonts(read_font);
    h.frame();
    const ui::Document& d = h.site.document();
    for (const ui::Node* n : d.find(ui::Role::link)) {
        bool ok = n->href.rfind("https://", 0) == 0 || n->href.rfind("http://", 0) == 0 ||
                  n->href.rfind("mailto:", 0) == 0 || n->href.rfind("#/", 0) == 0;
        CHECK_MESSAGE(ok, n->href);
    }
    int banner = find_node(d, [](const ui::Node& n) { return n.role == ui::Role::banner; });
    bool blog_as_text = false;
    for (const ui::Node* n : under(d, banner, ui::Role::text)) blog_as_text = blog_as_text || n->text == "Blog";
    CHECK(blog_as_text);
    for (const ui::Node* n : under(d, banner, ui::Role::link)) CHECK(n->text != "Blog");
}

TEST_CASE("sections with no entries are not shown") {
    ui::Headless h(1280, kTall);
    h.site.load_profile(R"({"basics": {"name": "Ada Lovelace", "summary": "Analyst."},
        "skills": [], "projects": [], "volunteer": [], "certificates": [], "languages": [], "references": [],
        "publications": [], "work": []})",
                        "f.json");
    h.load_fonts(read_font);
    h.frame();
    std::vector<std::string> anchors;
    for (const ui::Node* n : h.site.document().find(ui::Role::section)) anchors.push_back(n->anchor);
    CHECK(anchors == std::vector<std::string>{"about"});
}

TEST_CASE("the notice names each problem with its place and can be dismissed") {
    ui::Headless h(1280, kTall);
    h.site.load_profile(source_file("tests/fixtures/wrong-types.json"), "wrong-types.json");
    h.load_fonts(read_font);
    h.frame();
    const ui::Document& d = h.site.document();
    int alert = find_node(d, [](const ui::Node& n) { return n.role == ui::Role::alert; });
    REQUIRE(alert >= 0);
    std::string notice = d.text_of(alert);
    CHECK(contains(notice, "This profile has 10 errors and 5 warnings; everything else is shown."));
    CHECK(contains(notice, "wrong-types.json:4:5: error: /basics/label: expected a string, found an array"));
    CHECK(contains(notice, "and 9 more: run `imfolio check`"));
    CHECK(h.site.error_message() ==
          "wrong-types.json:4:5: error: /basics/label: expected a string, found an array; value ignored");
    // Everything valid is on the page anyway.
    CHECK(section(d, "experience") >= 0);
    CHECK(section(d, "publications") >= 0);

    activate(h, button(h.site.document(), "Dismiss"));
    const ui::Document& after = h.site.document();
    CHECK(find_node(after, [](const ui::Node& n) { return n.role == ui::Role::alert; }) < 0);
    CHECK(section(after, "experience") >= 0);
}

TEST_CASE("every bad input gives a positioned message in the page, never a blank one") {
    struct Case {
        std::string name;
        std::string bytes;
        std::string place;  // what the page must show of the message's position
        bool shows_profile;
    };
    std::string deep = "{\"basics\": {\"name\": \"Ada\"},\n\"projects\": [{\"name\": \"P\", \"description\": " +
                       std::string(200000, '[') + std::string(200000, ']') + "}]}";
    std::string huge_string = "{\"basics\": {\"name\": \"Ada\", \"summary\": \"" + std::string(20u << 20, 's') + "\"}}";
    std::string too_big = "{\"basics\": {\"name\": \"Ada\"}}" + std::string(16u << 20, ' ');
    const std::vector<Case> cases = {
        {"empty.json", source_file("tests/fixtures/empty.json"), "Line 1, column 1: file is empty", false},
        {"syntax-error.json", source_file("tests/fixtures/syntax-error.json"), "Line 4, column 5: not valid JSON", false},
        {"truncated.json", source_file("tests/fixtures/truncated.json"), "Line 8, column 43: not valid JSON", false},
        {"wrong-types.json", source_file("tests/fixtures/wrong-types.json"), "wrong-types.json:4:5: error: /basics/label",
         true},
        {"invalid-utf8.json", source_file("tests/fixtures/invalid-utf8.json"),
         "invalid-utf8.json:5:20: warning: /work/1/name: 3 invalid UTF-8", true},
        {"bom.json", source_file("tests/fixtures/bom.json"), "bom.json:1:1: warning: /: file starts with a UTF-8 byte-order mark",
         true},
        {"duplicate-keys.json", source_file("tests/fixtures/duplicate-keys.json"),
         "duplicate-keys.json:5:5: warning: /basics/name: duplicate key", true},
        {"deep.json", deep, "deep.json:2:104: error: /projects/0/description/0/0/0", true},
        {"huge-string.json", huge_string,
         "Line 1, column 1: file is larger than the limit", false},
        {"too-big.json", too_big, "Line 1, column 1: file is larger than the limit", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        ui::Headless h(1280, 800);
        h.site.load_profile(c.bytes, c.name);
        h.load_fonts(read_font);
        ui::FrameResult r = h.frame();
        CHECK(r.shows_profile == c.shows_profile);
        const ui::Document& d = h.site.document();
        int alert = find_node(d, [](const ui::Node& n) { return n.role == ui::Role::alert; });
        REQUIRE(alert >= 0);
        CHECK_MESSAGE(contains(d.text_of(alert), c.place), d.text_of(alert));
        if (!c.shows_profile) {
            // The error page: a heading, the file, the positioned message.
            CHECK(contains(d.text_of(alert), "This profile could not be shown"));
            CHECK(contains(h.site.error_message(), c.name + ":1:1") == (c.place.find("Line 1,") == 0));
        } else {
            CHECK(find_node(d, [](const ui::Node& n) { return n.role == ui::Role::heading && n.level == 1; }) >= 0);
        }
        CHECK(d.nodes().size() > 5);
    }
}

TEST_CASE("publications: the abstract toggle, the selected-only filter and the BibTeX button") {
    std::string copied;
    ui::Hooks hooks;
    hooks.copy_text = [&](const std::string& text) { copied = text; };
    ui::Headless h(1280, kTall, 1.0f, hooks);
    h.site.load_profile(example(), "complete-resume.json");
    h.load_fonts(read_font);
    h.frame();
    auto pubs = [&] { return section(h.site.document(), "publications"); };
    auto entries = [&] {
        int list = find_node(h.site.document(), [](const ui::Node& n) { return n.role == ui::Role::list && n.text == "Publications"; });
        REQUIRE(list >= 0);
        std::size_t n = 0;
        for (const ui::Node& node : h.site.document().nodes())
            if (node.role == ui::Role::list_item && node.parent == list) ++n;
        return n;
    };
    const std::string abstract_start = "Many languages are written in more than one script.";
    CHECK_FALSE(contains(h.site.document().text_of(pubs()), abstract_start));
    // Closed, the abstract is still held, collapsed, for find in page to find.
    int held = find_node(h.site.document(), [&](const ui::Node& n) { return n.collapsed && contains(n.text, abstract_start); });
    REQUIRE(held >= 0);
    h.site.reveal(h.site.document().nodes()[static_cast<std::size_t>(held)].id);
    h.frame();
    h.frame();
    CHECK(contains(h.site.document().text_of(pubs()), abstract_start));
    CHECK(button(h.site.document(), "Abstract", pubs())->pressed == 1);
    activate(h, button(h.site.document(), "Abstract", pubs()));
    CHECK_FALSE(contains(h.site.document().text_of(pubs()), abstract_start));

    const ui::Node* toggle = button(h.site.document(), "Abstract", pubs());
    REQUIRE(toggle);
    CHECK(toggle->pressed == 0);
    activate(h, toggle);
    CHECK(contains(h.site.document().text_of(pubs()), abstract_start));
    CHECK(button(h.site.document(), "Abstract", pubs())->pressed == 1);
    activate(h, button(h.site.document(), "Abstract", pubs()));
    CHECK_FALSE(contains(h.site.document().text_of(pubs()), abstract_start));

    CHECK(entries() == 5);
    const ui::Node* filter = button(h.site.document(), "Selected only (2 of 5)", pubs());
    REQUIRE(filter);
    CHECK(filter->pressed == 0);
    activate(h, filter);
    CHECK(entries() == 2);
    CHECK(button(h.site.document(), "Selected only", pubs())->pressed == 1);
    CHECK_FALSE(contains(h.site.document().text_of(pubs()), "A Field Linguist"));
    activate(h, button(h.site.document(), "Selected only", pubs()));
    CHECK(entries() == 5);

    activate(h, button(h.site.document(), "BibTeX", pubs()));
    CHECK(copied.rfind("@inproceedings{marchandsato2025borders,\n  title = {Morphology Without Borders", 0) == 0);
    CHECK(contains(copied, "  doi = {10.5555/fcl.2025.0142}"));
    CHECK(button(h.site.document(), "Copied", pubs()));
}

TEST_CASE("the complete example fits a phone screen, in one column") {
    ui::Headless h(390, kTall);
    h.site.load_profile(example(), "complete-resume.json");
    h.load_fonts(read_font);
    h.frame();
    for (const ui::Node& n : h.site.document().nodes()) {
        if (n.rect.w == 0 || n.fixed) continue;
        CHECK_MESSAGE(n.rect.x >= 0, ui::role_name(n.role), " ", n.text);
        CHECK_MESSAGE(n.rect.x + n.rect.w <= 390.5f, ui::role_name(n.role), " ", n.text);
    }
    check_one_column(h.site.document(), 20, 350);
}
