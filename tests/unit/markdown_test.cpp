// Inline Markdown in text fields (profile/markdown.h): the marks it gives, the HTML it
// reads, and the HTML and links it refuses.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <unistd.h>

#include "app/cli.h"
#include "platform/desktop/files.h"
#include "profile/load.h"
#include "profile/markdown.h"

using profile::Mark;
using profile::MarkKind;
using profile::read_markdown;
using profile::RichString;

namespace {

// The text under each mark of a kind, in order.
std::vector<std::string> marked(const RichString& s, MarkKind kind) {
    std::vector<std::string> out;
    for (const Mark& m : s.marks)
        if (m.kind == kind) out.push_back(s.text.substr(m.begin, m.end - m.begin));
    return out;
}

}  // namespace

TEST_CASE("Markdown: links, emphasis, strong, code and line breaks become marks, the notation goes") {
    RichString s = read_markdown("Advised by [Prof. X](https://x.example/~x) on *fast* **and** `safe` code.  \nNext line");
    CHECK(s.text == "Advised by Prof. X on fast and safe code.\nNext line");
    REQUIRE(marked(s, MarkKind::link) == std::vector<std::string>{"Prof. X"});
    CHECK(s.marks[0].href == "https://x.example/~x");
    CHECK(marked(s, MarkKind::emphasis) == std::vector<std::string>{"fast"});
    CHECK(marked(s, MarkKind::strong) == std::vector<std::string>{"and"});
    CHECK(marked(s, MarkKind::code) == std::vector<std::string>{"safe"});
    // Paragraphs are "\n\n" apart; a soft break is a space.
    CHECK(read_markdown("one\ntwo\n\nthree").text == "one two\n\nthree");
    CHECK(read_markdown("a\\\nb").text == "a\nb");
    // Plain text comes back as it is; entities decode.
    CHECK(read_markdown("Plain words, nothing more.").text == "Plain words, nothing more.");
    CHECK(read_markdown("Tom &amp; Jerry &#x263A; &bogus;").text == "Tom & Jerry \u263A &bogus;");
    // A bare https address is a link too.
    RichString bare = read_markdown("see https://example.org/a for more");
    CHECK(marked(bare, MarkKind::link) == std::vector<std::string>{"https://example.org/a"});
}

TEST_CASE("Markdown: the inline HTML al-folio pages use is read as the same marks") {
    RichString s = read_markdown(
        "<p>I work with <a href=\"https://lab.example/\" target=\"_blank\">the lab</a>.<br/>"
        "<b>Bold</b>, <strong>strong</strong>, <i>it</i> and <em>em</em>.</p><p>Second</p>");
    CHECK(s.text == "I work with the lab.\nBold, strong, it and em.\n\nSecond");
    REQUIRE(marked(s, MarkKind::link) == std::vector<std::string>{"the lab"});
    for (const Mark& m : s.marks)
        if (m.kind == MarkKind::link) CHECK(m.href == "https://lab.example/");
    CHECK(marked(s, MarkKind::strong) == std::vector<std::string>{"Bold", "strong"});
    CHECK(marked(s, MarkKind::emphasis) == std::vector<std::string>{"it", "em"});
    CHECK(read_markdown("a<br>b<br />c").text == "a\nb\nc");
}

TEST_CASE("Markdown: any other HTML is shown as text, never interpreted") {
    RichString s = read_markdown("Hi <script>alert(1)</script> <img src=x onerror=alert(2)> <b onclick=\"x()\">b</b>");
    CHECK(s.text == "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> <b onclick=\"x()\">b</b>");
    CHECK(s.marks.empty());
    // An HTML block is not passed through either.
    CHECK(read_markdown("<div>\nblock\n</div>").text == "<div> block </div>");
    // A stray closing tag stays text; an unclosed one ends with its paragraph.
    CHECK(read_markdown("x </b> y").text == "x </b> y");
    RichString open = read_markdown("<i>open\n\nnext");
    CHECK(marked(open, MarkKind::emphasis) == std::vector<std::string>{"open"});
}

TEST_CASE("Markdown: only http, https and mailto links are links; the rest keep their text") {
    std::vector<std::string> refused;
    RichString s = read_markdown(
        "[a](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">b</a> [c](data:text/html,x) "
        "<a href=\"java&#x09;script:alert(3)\">d</a> [e](mailto:e@example.org) [f](vbscript:x)",
        &refused);
    CHECK(s.text == "a b c d e f");
    REQUIRE(marked(s, MarkKind::link) == std::vector<std::string>{"e"});
    CHECK(refused.size() == 5);
    profile::LoadResult r = profile::load_profile(R"J({"basics": {"name": "A", "summary": "[x](javascript:alert(1))"}})J", "p.json");
    CHECK(r.profile.basics.summary.text == "x");
    CHECK(r.profile.basics.summary.marks.empty());
    bool told = false;
    for (const auto& p : r.problems) told = told || (p.pointer == "/basics/summary" && p.message.find("javascript") != std::string::npos);
    CHECK(told);
}

TEST_CASE("Markdown: split_paragraphs cuts marks to each paragraph") {
    RichString s = read_markdown("first *one*\n\n[second](https://x.example) two\n\n\n\nthird");
    auto parts = profile::split_paragraphs(s);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].text == "first one");
    CHECK(marked(parts[0], MarkKind::emphasis) == std::vector<std::string>{"one"});
    CHECK(parts[1].text == "second two");
    CHECK(marked(parts[1], MarkKind::link) == std::vector<std::string>{"second"});
    CHECK(parts[2].text == "third");
    CHECK(parts[2].marks.empty());
}

TEST_CASE("Markdown in every text field it is read in: the summary, highlights, news, openings, descriptions") {
    profile::LoadResult r = profile::load_profile(R"J({
      "basics": {"name": "A", "summary": "with **bold**"},
      "work": [{"name": "W", "summary": "*s*", "description": "*d*", "highlights": ["*h*"]}],
      "news": [{"date": "2024", "text": "[n](https://n.example)"}],
      "openings": [{"title": "O", "summary": "`o`"}],
      "projects": [{"name": "P", "description": "*pd*", "highlights": ["**ph**"]}]})J", "p.json");
    CHECK(marked(r.profile.basics.summary, MarkKind::strong) == std::vector<std::string>{"bold"});
    CHECK(marked(r.profile.work[0].summary, MarkKind::emphasis) == std::vector<std::string>{"s"});
    CHECK(marked(r.profile.work[0].description, MarkKind::emphasis) == std::vector<std::string>{"d"});
    CHECK(marked(r.profile.work[0].highlights[0], MarkKind::emphasis) == std::vector<std::string>{"h"});
    CHECK(marked(r.profile.news[0].text, MarkKind::link) == std::vector<std::string>{"n"});
    CHECK(marked(r.profile.openings[0].summary, MarkKind::code) == std::vector<std::string>{"o"});
    CHECK(marked(r.profile.projects[0].description, MarkKind::emphasis) == std::vector<std::string>{"pd"});
    CHECK(marked(r.profile.projects[0].highlights[0], MarkKind::strong) == std::vector<std::string>{"ph"});
}

TEST_CASE("imfolio export: a Markdown link in the summary is a real <a> inside its paragraph") {
    char dir_template[] = "/tmp/imfolio-md-XXXXXX";
    REQUIRE(mkdtemp(dir_template));
    std::string dir = dir_template;
    REQUIRE(platform::write_file(dir + "/p.json", R"J({"basics": {"name": "A B",
        "summary": "Advised by [Prof. X](https://x.example/) and <a href=\"https://y.example/\">Y</a>.\n\n[bad](javascript:alert(1)) <script>s</script>"}})J"));
    setenv("IMFOLIO_FONTS", IMFOLIO_FONTS_DIR, 1);
    REQUIRE(app::export_site(dir + "/p.json", dir + "/site", app::ExportOptions{}) == 0);
    auto html = platform::read_file(dir + "/site/index.html");
    REQUIRE(html);
    CHECK(html->find("<p>Advised by <a href=\"https://x.example/\" rel=\"noopener\">Prof. X</a> and "
                     "<a href=\"https://y.example/\" rel=\"noopener\">Y</a>.</p>") != std::string::npos);
    CHECK(html->find("<p>bad &lt;script&gt;s&lt;/script&gt;</p>") != std::string::npos);
    CHECK(html->find("javascript:") == std::string::npos);
}
