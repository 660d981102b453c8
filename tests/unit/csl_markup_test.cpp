// CSL-JSON's rich-text markup in titles: tags become marks, everything else stays text.
#include <doctest/doctest.h>

#include "strings.h"

#include "profile/csl_markup.h"
#include "profile/load.h"

using namespace profile;

namespace {

Mark mark(std::uint32_t b, std::uint32_t e, MarkKind k) {
    Mark m;
    m.begin = b;
    m.end = e;
    m.kind = k;
    return m;
}

}  // namespace

TEST_CASE("csl markup: a Zotero title with <i> gives the text and an emphasis mark") {
    RichString r = read_csl_markup("Ch\u2019ing Inner Asia <i>c</i>. 1800");
    CHECK(r.text == "Ch\u2019ing Inner Asia c. 1800");
    // "Ch’ing Inner Asia " is 20 bytes (’ is three).
    CHECK(r.marks == std::vector<Mark>{mark(20, 21, MarkKind::emphasis)});
}

TEST_CASE("csl markup: every CSL tag, nested, and nocase without a mark") {
    RichString r = read_csl_markup(
        "<b>Bold <i>both</i></b> x<sup>2</sup> H<sub>2</sub>O <sc>Sc</sc> "
        "<span style=\"font-variant:small-caps;\">caps</span> <span class=\"nocase\">iPhone</span>");
    CHECK(r.text == "Bold both x2 H2O Sc caps iPhone");
    CHECK(r.marks == std::vector<Mark>{mark(0, 9, MarkKind::strong), mark(5, 9, MarkKind::emphasis),
                                       mark(11, 12, MarkKind::superscript), mark(14, 15, MarkKind::subscript),
                                       mark(17, 19, MarkKind::small_caps), mark(20, 24, MarkKind::small_caps)});
}

TEST_CASE("csl markup: anything that is not a matched CSL tag stays literal text") {
    CHECK(read_csl_markup("x < y and <3").text == "x < y and <3");
    CHECK(read_csl_markup("x < y and <3").marks.empty());
    // Unclosed, stray and unknown tags are shown as written.
    for (const char* s : {"<i>open", "close</i>", "<em>e</em>", "<a href=\"x\">l</a>", "<span class=\"other\">s</span>",
                          "<I>upper</I>", "</i><i>"}) {
        RichString r = read_csl_markup(s);
        CHECK_MESSAGE(r.text == s, s);
        CHECK_MESSAGE(r.marks.empty(), s);
    }
    // A matched pair inside is still read when an outer tag is not.
    RichString r = read_csl_markup("<b>x <i>y</i>");
    CHECK(r.text == "<b>x y");
    CHECK(r.marks == std::vector<Mark>{mark(5, 6, MarkKind::emphasis)});
    // Crossed tags: </i> closes the <i>; the <b> it leaves open inside, and the </b> after, are text.
    r = read_csl_markup("<i>a<b>c</i>d</b>");
    CHECK(r.text == "a<b>cd</b>");
    CHECK(r.marks == std::vector<Mark>{mark(0, 5, MarkKind::emphasis)});
}

TEST_CASE("csl markup: the loader reads CSL titles with it and JSON Resume names as plain text") {
    LoadResult r = load_profile(R"({"meta": {"order": "as-written"}, "publications": [
        {"title": "The <i>Drosophila</i> genome"},
        {"name": "A <i>plain</i> name"},
        {"title": "<span class=\"nocase\">mRNA</span> at 10<sup>-3</sup>"}]})",
                                "p.json");
    REQUIRE(r.profile.publications.size() == 3);
    const Publication& a = r.profile.publications[0];
    CHECK(a.title.text == "The Drosophila genome");
    CHECK(a.title.marks == std::vector<Mark>{mark(4, 14, MarkKind::emphasis)});
    CHECK(r.profile.publications[1].title.text == "A <i>plain</i> name");
    CHECK(r.profile.publications[1].title.marks.empty());
    CHECK(r.profile.publications[2].title.text == "mRNA at 10-3");
    CHECK(r.profile.publications[2].title.marks == std::vector<Mark>{mark(10, 12, MarkKind::superscript)});
}

TEST_CASE("csl custom: al-folio's other keys are read from CSL's custom object") {
    LoadResult r = load_profile(R"J({"basics": {"name": "A"}, "publications": [{"title": "T", "custom": {
        "html": "https://example.org/t", "website": "https://example.org/w", "poster": "posters/t.pdf",
        "video": "https://video.example.org/v", "blog": "https://blog.example.org/b", "supp": "supp/t.zip",
        "preview": "img/t.png", "arxiv": "arXiv:2101.00001v2", "award_name": "Best Paper", "bibtex_show": "true"}},
        {"title": "U", "custom": {"arxiv": "not an id", "video": "javascript:alert(1)"}}]})J",
                                "p.json");
    REQUIRE(r.profile.publications.size() == 2);
    const Publication& t = r.profile.publications[0];
    CHECK(t.html == "https://example.org/t");
    CHECK(t.website == "https://example.org/w");
    CHECK(t.poster == "posters/t.pdf");
    CHECK(t.video == "https://video.example.org/v");
    CHECK(t.blog == "https://blog.example.org/b");
    CHECK(t.supp == "supp/t.zip");
    CHECK(t.preview == "img/t.png");
    CHECK(t.arxiv == "2101.00001v2");
    CHECK(arxiv_url(t) == "https://arxiv.org/abs/2101.00001v2");
    CHECK(t.award_name == "Best Paper");
    CHECK(t.bibtex_show);
    const Publication& u = r.profile.publications[1];
    CHECK(u.arxiv.empty());
    CHECK(u.video.empty());
    std::vector<std::string> messages;
    for (const Problem& p : r.problems) messages.push_back(p.pointer + ": " + p.message);
    // In file order: the entry (where the arXiv warning is placed) before its custom.video.
    CHECK(messages == std::vector<std::string>{
                          "/publications/1: custom.arxiv \"not an id\" is not an arXiv identifier; not shown",
                          "/publications/1/custom/video: link \"javascript:alert(1)\" is not http, https or mailto; "
                          "it is shown as text, not as a link"});
}
