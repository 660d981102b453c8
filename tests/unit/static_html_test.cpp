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
    CHECK(count(*html, "rel=\"preload\" href=\"data/profile.json\"") == 1);
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
