// The static export: profile text is only ever text, in every place the page puts it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/static_html.h"
#include "platform/desktop/files.h"
#include "profile/load.h"
#include "ui/headless.h"

namespace {

const std::string kXss = "<img src=x onerror=alert(1)><script>alert(2)</script>";

// A profile with markup, a closing script tag and template placeholders in every
// field the export writes somewhere, and links with schemes that must never survive.
std::string hostile_profile() {
    nlohmann::json p = {
        {"basics",
         {{"name", kXss + " {{static}}"},
          {"label", "</script><script>alert(3)</script>. {{json_ld}}"},
          {"summary", "\" onmouseover=\"alert(4)\" x=\" {{head}} & <!-- -->"},
          {"researchInterests", "</title><script>alert(5)</script>"},
          {"url", "javascript:alert(6)"},
          {"otherNames", {{{"name", "</script>"}}}},
          {"profiles", {{{"network", "X"}, {"url", "javascript:alert(7)"}}, {{"network", "Y"}, {"url", "data:text/html,x"}}}}}},
        {"awards", {{{"title", "<b>{{title}}</b>"}, {"awarder", "'single' \"double\""}}}},
        {"interests", {{{"name", "</script>"}}}},
    };
    return p.dump();
}

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
    return n;
}

std::string between(const std::string& s, const std::string& open, const std::string& close) {
    std::size_t a = s.find(open);
    if (a == std::string::npos) return {};
    a += open.size();
    std::size_t b = s.find(close, a);
    return b == std::string::npos ? std::string() : s.substr(a, b - a);
}

}  // namespace

TEST_CASE("fill_template replaces each placeholder once and never rescans what it inserted") {
    CHECK(app::fill_template("<t>{{a}}</t><m c=\"{{b}}\">{{c}}", {{"a", "{{b}}"}, {"b", "x"}, {"c", "{{"}}) ==
          "<t>{{b}}</t><m c=\"x\">{{");
    CHECK(app::fill_template("{{unknown}} {{a}} {{", {{"a", "1"}}) == "{{unknown}} 1 {{");
    CHECK(app::fill_template("", {{"a", "1"}}).empty());
}

TEST_CASE("html_escape leaves no character that can end text or an attribute") {
    CHECK(app::html_escape("<a href=\"x\" title='y'>&</a>") ==
          "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST_CASE("JSON-LD cannot close its script element and still says exactly what the profile says") {
    profile::LoadResult r = profile::load_profile(hostile_profile(), "x.json");
    REQUIRE(r.ok);
    std::string ld = app::person_json_ld(r.profile, "");
    CHECK(ld.find('<') == std::string::npos);
    CHECK(ld.find('>') == std::string::npos);
    nlohmann::json back = nlohmann::json::parse(ld, nullptr, false);
    REQUIRE_FALSE(back.is_discarded());
    CHECK(back["name"] == kXss + " {{static}}");
    CHECK(back["alternateName"] == "</script>");
    // The refused javascript: links are nowhere.
    CHECK(ld.find("javascript") == std::string::npos);
}

TEST_CASE("imfolio export of a hostile profile: title, meta, JSON-LD and static HTML are all text") {
    char dir_template[] = "/tmp/imfolio-export-XXXXXX";
    REQUIRE(mkdtemp(dir_template));
    std::string dir = dir_template;
    std::string file = dir + "/hostile.json";
    REQUIRE(platform::write_file(file, hostile_profile()));
    setenv("IMFOLIO_FONTS", IMFOLIO_FONTS_DIR, 1);  // the test binary is not beside build/fonts
    REQUIRE(app::export_site(file, dir + "/site", app::ExportOptions{}) == 0);
    auto html = platform::read_file(dir + "/site/index.html");
    REQUIRE(html);

    // Two script elements, the page's own: the JSON-LD block and boot.js. Nothing else
    // the profile holds became an element.
    CHECK(count(*html, "<script") == 2);
    CHECK(count(*html, "</script>") == 2);
    CHECK(html->find("<img") == std::string::npos);
    CHECK(html->find("<b>") == std::string::npos);
    CHECK(html->find("onmouseover=\"") == std::string::npos);
    CHECK(html->find("javascript:") == std::string::npos);
    CHECK(html->find("data:text/html") == std::string::npos);

    std::string escaped_name = app::html_escape(kXss + " {{static}}");
    CHECK(between(*html, "<title>", "</title>").rfind(escaped_name, 0) == 0);
    CHECK(html->find("<meta name=\"author\" content=\"" + escaped_name + "\">") != std::string::npos);
    CHECK(html->find("<h1 translate=\"no\">" + escaped_name + "</h1>") != std::string::npos);  // a name: not translated
    // The placeholders in the profile stayed text: each template part is there once.
    CHECK(html->find("{{static}}") != std::string::npos);
    CHECK(count(*html, "<main>") == 1);
    CHECK(count(*html, "application/ld+json") == 1);
    // The static page's fonts are preloaded with the page, and so is the profile, once, in
    // the mode page.js fetches it in (so it takes this response rather than asking again).
    CHECK(count(*html, "rel=\"preload\" href=\"data/profile.json\"") == 1);
    CHECK(html->find("<link rel=\"preload\" href=\"data/profile.json\" as=\"fetch\" crossorigin>") != std::string::npos);
    CHECK(html->find("as=\"font\" type=\"font/otf\" crossorigin>") != std::string::npos);
    std::string ld = between(*html, "<script type=\"application/ld+json\">\n", "\n</script>");
    nlohmann::json back = nlohmann::json::parse(ld, nullptr, false);
    REQUIRE_FALSE(back.is_discarded());
    CHECK(back["name"] == kXss + " {{static}}");

    std::string cleanup = "rm -rf '" + dir + "'";
    CHECK(std::system(cleanup.c_str()) == 0);
}

TEST_CASE("imfolio export writes meta.language as the page's lang, English when the profile has none") {
    char dir_template[] = "/tmp/imfolio-export-XXXXXX";
    REQUIRE(mkdtemp(dir_template));
    std::string dir = dir_template;
    setenv("IMFOLIO_FONTS", IMFOLIO_FONTS_DIR, 1);
    for (const auto& [language, expected] : std::vector<std::pair<std::string, std::string>>{{"pt-BR", "pt-BR"}, {"", "en"}}) {
        std::string file = dir + "/p.json";
        std::string meta = language.empty() ? "" : ", \"meta\": {\"language\": \"" + language + "\"}";
        REQUIRE(platform::write_file(file, "{\"basics\": {\"name\": \"Ada Quill\"}" + meta + "}"));
        REQUIRE(app::export_site(file, dir + "/site", app::ExportOptions{}) == 0);
        auto html = platform::read_file(dir + "/site/index.html");
        REQUIRE(html);
        CHECK(html->find("<html lang=\"" + expected + "\">") != std::string::npos);
    }
    std::string cleanup = "rm -rf '" + dir + "'";
    CHECK(std::system(cleanup.c_str()) == 0);
}

TEST_CASE("the static page has the canvas's top bar and header, written from the profile") {
    std::string json = R"J({"basics": {"name": "Ada Lovelace", "label": "Analyst",
        "otherNames": [{"name": "Ada", "lang": "en-GB"}], "email": "ada@example.org", "url": "https://ada.example",
        "location": {"city": "London"},
        "profiles": [{"network": "GitHub", "url": "https://github.com/ada"}, {"network": "Evil", "url": "javascript:x"}],
        "summary": "Notes."}, "work": [{"name": "Engines Ltd", "position": "Analyst", "startDate": "1842"}]})J";
    ui::Headless h(1280, 800);
    h.site.page().static_export = true;
    h.site.load_profile(json, "ada.json");
    h.load_fonts([](const std::string& file) { return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file); });
    h.frame();
    std::string html = app::static_page_html(h.site.document(), h.site.profile().profile);
    // The bar: the name linking to the first section, then every section, the first current.
    CHECK(html.find("<a class=\"static-home\" translate=\"no\" href=\"#about\">Ada Lovelace</a>") != std::string::npos);
    CHECK(html.find("<li><a href=\"#about\" aria-current=\"location\">About</a></li>") != std::string::npos);
    CHECK(html.find("<li><a href=\"#experience\">Experience</a></li>") != std::string::npos);
    // Its buttons need the app: pictures, hidden from screen readers.
    CHECK(html.find("<span class=\"static-tools\" aria-hidden=\"true\">") != std::string::npos);
    // The header, in the document's place: monogram, name, other names, label, place, links.
    CHECK(count(html, "<header") == 1);
    CHECK(html.find("<span class=\"static-monogram\" aria-hidden=\"true\">AL</span>") != std::string::npos);
    CHECK(html.find("<h1 translate=\"no\">Ada Lovelace</h1><p class=\"static-others\" translate=\"no\" lang=\"en-GB\">Ada</p>") != std::string::npos);
    CHECK(html.find("<p class=\"static-label\">Analyst</p>") != std::string::npos);
    CHECK(html.find("Engines Ltd <span class=\"i\" aria-hidden=\"true\">") != std::string::npos);
    CHECK(html.find("</span> London</p>") != std::string::npos);
    CHECK(html.find("href=\"mailto:ada@example.org\"") != std::string::npos);
    CHECK(html.find("href=\"https://github.com/ada\" rel=\"noopener\"") != std::string::npos);
    // The refused link is named as text, as the canvas does, and goes nowhere.
    CHECK(html.find("javascript") == std::string::npos);
    CHECK(html.find("Evil</span>") != std::string::npos);
    // The sections follow, from the document.
    CHECK(html.find("<section id=\"about\">") != std::string::npos);
    CHECK(html.find("<h2>Experience</h2>") != std::string::npos);
}

TEST_CASE("font-face rules: the profile's slices, Inter's two weights, CJK and icons scaled as imgui scales them") {
    profile::LoadResult r = profile::load_profile(R"J({"basics": {"name": "Qizhen Weng",
        "otherNames": [{"name": "\u7fc1\u7948\u6862"}], "summary": "Caf\u00e9 \u2014 notes"}})J", "q.json");
    REQUIRE(r.ok);
    auto read = [](const std::string& file) { return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file); };
    std::string css = app::font_face_css(r.profile, read);
    CHECK(css.find("sans-0000.otf\"); font-weight: 400; font-display: block; unicode-range: U+0-7F;") != std::string::npos);
    CHECK(css.find("sans_bold-0000.otf\"); font-weight: 700;") != std::string::npos);
    CHECK(css.find("sans-00e0.otf") != std::string::npos);  // the e-acute
    CHECK(css.find("sans-2000.otf") != std::string::npos);  // the em dash
    CHECK(css.find("ascent-override: 100%; descent-override: 21%;") != std::string::npos);
    // Noto Sans CJK: imgui's scale (1000 / 1448 em per pixel) over Inter's (2816 / 3408).
    std::size_t cjk = css.find("cjk-7fc0.otf");
    REQUIRE(cjk != std::string::npos);
    CHECK(css.find("size-adjust: 83.5", cjk) != std::string::npos);
    // The icons are always needed (the UI's own), at 0.92 of the text's size.
    std::size_t icons = css.find("icons-e000.ttf");
    REQUIRE(icons != std::string::npos);
    CHECK(css.find("size-adjust: 101.5", icons) != std::string::npos);
    // Inter is declared last: where ranges overlap, the browser takes the last rule, as the
    // canvas prefers Inter.
    CHECK(css.rfind("sans") > css.rfind("cjk-"));
    CHECK(css.rfind("sans") > css.rfind("icons-"));
    // Emoji are pictures: no @font-face.
    CHECK(css.find("emoji-") == std::string::npos);
    for (const std::string& f : app::font_face_files(r.profile)) CHECK(css.find(f) != std::string::npos);
}
