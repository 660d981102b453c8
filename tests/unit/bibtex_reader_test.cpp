// Reading .bib files (profile/bibtex_reader.h): syntax, fields, links, recovery, limits.
#include <doctest/doctest.h>

#include "strings.h"

#include <chrono>
#include <string>
#include <vector>

#include "platform/desktop/files.h"
#include "profile/bibtex.h"
#include "profile/bibtex_reader.h"

using namespace profile;

namespace {

std::string fixture(const char* name) {
    auto bytes = platform::read_file(std::string(IMFOLIO_SOURCE_DIR "/tests/fixtures/bibtex/") + name);
    REQUIRE_MESSAGE(bytes, name);
    return *bytes;
}

// Each problem as `check` prints it, without the file name.
std::vector<std::string> problems(const BibtexResult& r) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems) {
        std::string line = format_problem(p, "");
        out.push_back(line.substr(line.find(':') + 1));
    }
    return out;
}

const Publication& by_id(const BibtexResult& r, const std::string& id) {
    for (const Publication& p : r.publications)
        if (p.id == id) return p;
    FAIL("no entry " << id);
    return r.publications.front();
}

std::vector<std::string> ids(const BibtexResult& r) {
    std::vector<std::string> out;
    for (const Publication& p : r.publications) out.push_back(p.id);
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("bibtex: an al-folio papers.bib reads completely and cleanly") {
    BibtexResult r = read_bibtex(fixture("alfolio.bib"), "papers.bib");
    REQUIRE(r.ok);
    CHECK(problems(r).empty());
    CHECK(ids(r) == Lines{"halvorsen2024lantern", "okonkwo2023tones", "wrobel2022survey", "halvorsen2021thesis",
                          "meer2020particles", "lindqvist2019report", "papadimitriou2018book", "fernandez2025draft"});
    const Publication& p = r.publications[0];
    CHECK(p.type == "paper-conference");
    CHECK(p.title.text == "Lantern: Sparse Attention for Long Video Streams");
    REQUIRE(p.authors.size() == 4);
    CHECK(display_name(p.authors[1]) == "Rafaël Okonkwo");
    CHECK(p.authors[3].family == "Fernández-Quirós");
    CHECK(p.authors[3].given == "José María");
    CHECK(p.venue == "Proceedings of the International Conference on Invented Vision 2024");
    CHECK(p.venue_short == "ICIV");
    CHECK(p.pages == "1201–1212");
    CHECK(p.date == Date{2024, 6, 0});
    CHECK(p.selected);
    CHECK(p.bibtex_show);
    CHECK(p.pdf == "assets/pdf/lantern.pdf");
    CHECK(p.code == "https://code.example.org/lantern");
    CHECK(p.preview == "assets/img/publication_preview/lantern.png");
    CHECK(p.award == "Best Student Paper");
    CHECK(p.doi == "10.5555/iciv.2024.0042");
    // The copy is the entry as written, without al-folio's keys.
    CHECK(p.bibtex ==
          "@inproceedings{halvorsen2024lantern,\n"
          "  title = {Lantern: Sparse {Attention} for Long {Video} Streams},\n"
          "  author = {Halvorsen-Tanaka, Ingrid and Okonkwo, Rafa{\\\"e}l and Lindqvist, S{\\o}ren and "
          "Fern{\\'a}ndez-Quir{\\'o}s, Jos{\\'e} Mar{\\'\\i}a},\n"
          "  booktitle = ICIV # \" 2024\",\n"
          "  pages = {1201--1212},\n"
          "  year = {2024},\n"
          "  month = jun,\n"
          "  doi = {10.5555/iciv.2024.0042},\n"
          "}");
    CHECK(to_bibtex(p) == p.bibtex + "\n");

    const Publication& j = by_id(r, "okonkwo2023tones");
    CHECK(j.type == "article-journal");
    CHECK(j.title.text == "Tone Sandhi Without Tears: Learning Weiß’s Rules from Sparse Data");
    CHECK(j.venue == "Journal of Imaginary Linguistics");
    CHECK(j.volume == "12");
    CHECK(j.issue == "3");
    CHECK(j.date == Date{2023, 3, 0});
    CHECK(j.abstract == "We study tone sandhi in three invented languages.");
    CHECK(j.arxiv == "2303.01234");
    CHECK(arxiv_url(j) == "https://arxiv.org/abs/2303.01234");
    CHECK(j.html == "https://jil.example.org/12/3/45");

    const Publication& m = by_id(r, "wrobel2022survey");
    CHECK(m.type == "article");  // @misc with an arXiv eprint: a preprint
    CHECK(m.arxiv == "2201.04321");
    CHECK(m.title.text == "A Survey of Čechóv Complexes in Practice");
    CHECK(display_name(m.authors[1]) == "Čeněk Šťastný");
    CHECK(display_name(m.authors[2]) == "Ñuño Ibáñez");

    const Publication& t = by_id(r, "halvorsen2021thesis");
    CHECK(t.type == "thesis");
    CHECK(t.venue == "Université de Montclair-sur-Loire");
    CHECK(t.slides == "assets/pdf/thesis-defense.pdf");

    const Publication& c = by_id(r, "meer2020particles");
    CHECK(c.type == "chapter");
    CHECK(c.venue == "Handbook of Made-Up Semantics");
    CHECK(c.publisher == "Fictional Academic Press");
    REQUIRE(c.authors.size() == 4);
    CHECK(c.authors[0].family == "van der Meer");
    CHECK(c.authors[2].family == "de la Cruz, Jr");
    CHECK(c.authors[2].given == "Tomás");
    CHECK(c.authors[3].literal == "The Invented Vision Consortium");
    REQUIRE(c.editors.size() == 2);
    CHECK(display_name(c.editors[1]) == "Rafaël Okonkwo");

    const Publication& rep = by_id(r, "lindqvist2019report");
    CHECK(rep.type == "report");
    CHECK(rep.title.text == "On the Ångström-Scale Behaviour of Pretend Materials");
    CHECK(rep.venue == "Institute of Invented Physics");
    CHECK(rep.issue == "TR-2019-07");
    CHECK(rep.date == Date{2019, 12, 0});
    CHECK(rep.more_authors);
    CHECK(rep.authors.size() == 2);

    CHECK(by_id(r, "papadimitriou2018book").type == "book");
    CHECK(by_id(r, "papadimitriou2018book").website == "https://nowhere.example.org/");
    CHECK(by_id(r, "fernandez2025draft").type == "manuscript");
    CHECK(by_id(r, "fernandez2025draft").summary == "Under review");
}

TEST_CASE("bibtex: entry types map to CSL types; an invented one is read as @misc with a warning") {
    struct Case {
        const char* type;
        const char* csl;
    };
    for (Case c : {Case{"article", "article-journal"}, Case{"inproceedings", "paper-conference"},
                   Case{"conference", "paper-conference"}, Case{"online", "webpage"}, Case{"phdthesis", "thesis"},
                   Case{"mastersthesis", "thesis"}, Case{"book", "book"}, Case{"incollection", "chapter"},
                   Case{"inbook", "chapter"}, Case{"techreport", "report"}, Case{"unpublished", "manuscript"},
                   Case{"misc", "document"}, Case{"proceedings", "book"}, Case{"booklet", "pamphlet"}}) {
        BibtexResult r = read_bibtex(std::string("@") + c.type + "{k, title = {T}}", "t.bib");
        REQUIRE(r.publications.size() == 1);
        CHECK_MESSAGE(r.publications[0].type == c.csl, c.type);
        CHECK_MESSAGE(r.problems.empty(), c.type);
    }
    // @misc: a web page when it has only a link; a preprint with an arXiv id.
    CHECK(read_bibtex("@misc{k, title={T}, url={https://x.example/}}", "t.bib").publications[0].type == "webpage");
    CHECK(read_bibtex("@misc{k, title={T}, arxiv={2101.00001}}", "t.bib").publications[0].type == "article");
    BibtexResult r = read_bibtex("@articlebold{k, title = {T}}\n@inproceding{j, title = {U}}", "t.bib");
    CHECK(r.publications.size() == 2);
    CHECK(r.publications[0].type == "document");
    CHECK(problems(r) == Lines{"1:1: warning: /@k: unknown entry type \"@articlebold\"; read as @misc",
                               "2:1: warning: /@j: unknown entry type \"@inproceding\"; read as @misc; did you mean "
                               "\"@inproceedings\"?"});
}

TEST_CASE("bibtex: @string macros, # concatenation and months") {
    BibtexResult r = read_bibtex(R"(@string{A = "Alpha"}
@String{b = {Beta {Braced}},}
@STRING{ c = "Gamma" , d = {Delta}}
@string{a = "Alpha again"}
@article{k1, title = a # " and " # B # " " # c # {, } # D, year = 2020, month = jun}
@article{k2, title = {T2}, year = {2021}, month = {11}}
@article{k3, title = {T3}, year = "2022", month = {23--29 Jul}}
@article{k4, title = {T4}, year = 2023, month = {Sept.}}
@article{k5, title = {T5}, year = 2024, month = {Spring}}
@article{k6, title = {T6}, year = 2024, month = 13}
@article{k7, title = undefinedmacro, year = 2019, month = dec, day = 24}
)",
                                 "m.bib");
    REQUIRE(r.publications.size() == 7);
    CHECK(r.publications[0].title.text == "Alpha again and Beta Braced Gamma, Delta");
    CHECK(r.publications[0].date == Date{2020, 6, 0});
    CHECK(r.publications[1].date == Date{2021, 11, 0});
    CHECK(r.publications[2].date == Date{2022, 7, 0});
    CHECK(r.publications[3].date == Date{2023, 9, 0});
    CHECK(r.publications[4].date == Date{2024, 0, 0});
    CHECK(r.publications[5].date == Date{2024, 0, 0});
    CHECK(r.publications[6].title.text == "undefinedmacro");
    CHECK(r.publications[6].date == Date{2019, 12, 24});
    CHECK(problems(r) ==
          Lines{"4:9: warning: /@string/a: @string \"a\" is defined again; the later value is used",
                "9:49: warning: /@k5/month: month \"Spring\" is not a month; not shown",
                "10:49: warning: /@k6/month: month \"13\" is not a month; not shown",
                "11:22: warning: /@k7/title: undefined macro \"undefinedmacro\" (no @string defines it); shown as written"});
}

TEST_CASE("bibtex: values in braces, quotes and bare numbers; biblatex dates") {
    BibtexResult r = read_bibtex(R"(@article{k1, title = {Nested {Braces {Deep}} "quotes" inside}, year = 2021}
@article{k2, title = "Quoted {with "inner" quotes} and {braces}", year = "2020"}
@article{k3, title = {T}, date = {2019-05-02}}
@article{k4, title = {T}, date = {2018-03}, year = {2017}}
@article{k5, title = {T}, date = {2016-06-12/2016-06-14}}
@article{k6, title = {T}, date = {June 2015}, year = 2015}
@article{k7, title = {T}, year = {in press}}
@article{k8, title = {T}, year = 2023a}
)",
                                 "v.bib");
    REQUIRE(r.publications.size() == 8);
    CHECK(r.publications[0].title.text == "Nested Braces Deep \"quotes\" inside");
    CHECK(r.publications[0].date.year == 2021);
    CHECK(r.publications[1].title.text == "Quoted with \"inner\" quotes and braces");
    CHECK(r.publications[1].date.year == 2020);
    CHECK(r.publications[2].date == Date{2019, 5, 2});
    CHECK(r.publications[3].date == Date{2018, 3, 0});  // date wins over year
    CHECK(r.publications[4].date == Date{2016, 6, 12});
    CHECK(r.publications[5].date == Date{2015, 0, 0});  // a bad date: the year still dates it
    CHECK(r.publications[6].date.empty());
    CHECK(r.publications[7].date.year == 2023);
    CHECK(problems(r) == Lines{"6:34: error: /@k6/date: \"June 2015\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
                               "7:34: warning: /@k7/year: year \"in press\" is not a year; not shown",
                               "8:34: warning: /@k8/year: bare value \"2023a\" should be in braces; read as text",
                               "8:34: warning: /@k8/year: year \"2023a\": only 2023 is shown"});
}

TEST_CASE("bibtex: front matter, comments, preamble and text between entries") {
    BibtexResult r = read_bibtex("---\nlayout: none\n---\n% a comment line\n@comment{skipped {with braces} @article{no,}}\n"
                                 "@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\nJournal papers\n@article{a, title={A}}\n"
                                 "  % indented comment\n\n@article{b, title={B}}\nme@example.org wrote this\n",
                                 "f.bib");
    CHECK(ids(r) == Lines{"a", "b"});
    CHECK(problems(r) == Lines{"7:1: warning: /: text outside any entry is not read: \"Journal papers\"",
                               "12:1: warning: /: text outside any entry is not read: \"me@example.org wrote this\""});
    // Front matter without its closing line: said so, and the rest is still read.
    r = read_bibtex("---\n@article{a, title={A}}\n", "f.bib");
    CHECK(ids(r) == Lines{"a"});
    CHECK(problems(r) ==
          Lines{"1:1: warning: /: the file starts with '---' but no line '---' closes the front matter; read as BibTeX"});
    // A '}' that closed an entry too early leaves fields outside it: an error, with the place.
    r = read_bibtex("@article{a, title={A}},\n  year = {2020},\n}\n", "f.bib");
    CHECK(r.publications[0].date.empty());
    CHECK(problems(r) == Lines{"2:3: error: /: a field outside any entry is not read (did a '}' close the entry above "
                               "too early?): \"year = {2020},\""});
}

TEST_CASE("bibtex: types and fields in any case, tabs, odd keys, duplicates") {
    BibtexResult r = read_bibtex(fixture("quirks.bib"), "quirks.bib");
    CHECK(ids(r) == Lines{"https://doi.org/10.5555/quirk.2024.1", "한국어2023", "invented2022", "samekey", "samekey",
                          "decomposed2019", "spaces2018"});
    const Publication& upper = r.publications[0];
    CHECK(upper.type == "paper-conference");
    CHECK(upper.title.text == "Upper-Case Types and Tabbed Fields");
    CHECK(upper.venue == "Proceedings of the Invented Workshop");
    CHECK(upper.date == Date{2024, 7, 0});
    CHECK(display_name(r.publications[1].authors[0]) == "김민준");
    CHECK(r.publications[1].date == Date{2023, 5, 2});
    CHECK(r.publications[3].title.text == "The Same Key, First");
    CHECK(r.publications[4].title.text == "The Same Key, Second");
    CHECK(r.publications[5].title.text == "Decomposed Accents from Zürich and São Paulo");
    CHECK(display_name(r.publications[5].authors[1]) == "Inés Nuñez");
    CHECK(r.publications[6].title.text == "No-Break\u00A0Spaces and Thin\u2009Spaces Kept");
    CHECK(problems(r) == Lines{"7:1: warning: /: text outside any entry is not read: \"Conference papers (newest first)\"",
                               "27:1: warning: /@invented2022: unknown entry type \"@articlebold\"; read as @misc",
                               "39:10: warning: /@samekey: citation key \"samekey\" is used by an earlier entry too; "
                               "both are shown"});
    // A field given twice: the first is used, as BibTeX does. No key: numbered in its pointer.
    r = read_bibtex("@article{k, title = {First}, TITLE = {Second}}\n@article{title = {No key}}\n@misc{,title={Empty}}",
                    "d.bib");
    CHECK(r.publications[0].title.text == "First");
    CHECK(r.publications[1].title.text == "No key");
    CHECK(r.publications[1].id.empty());
    CHECK(r.publications[2].title.text == "Empty");
    CHECK(problems(r) == Lines{"1:30: warning: /@k/title: field \"title\" is given twice; the first is used",
                               "2:10: warning: /@#2: entry has no citation key",
                               "3:7: warning: /@#3: entry has no citation key"});
    // Columns count characters: the Hangul key's line places its problem by code points.
    r = read_bibtex("@article{한국어, title = {T}, scope = {x}}", "h.bib");
    CHECK(problems(r) == Lines{"1:28: warning: /@한국어/scope: unknown field \"scope\": not shown"});
}

TEST_CASE("bibtex: unknown fields are named, with a did-you-mean; standard ones are ignored silently") {
    BibtexResult r = read_bibtex(fixture("realworld.bib"), "realworld.bib", BibtexOptions{"pubs/"});
    REQUIRE(r.publications.size() == 3);
    CHECK(problems(r) ==
          Lines{"23:3: warning: /@zhao2024equal/scope: unknown field \"scope\": not shown",
                "24:3: warning: /@zhao2024equal/pubtype: unknown field \"pubtype\": not shown",
                "25:3: warning: /@zhao2024equal/abbr2: unknown field \"abbr2\": not shown; did you mean \"abbr\"?",
                "26:3: warning: /@zhao2024equal/additional_info: unknown field \"additional_info\": not shown",
                "27:3: warning: /@zhao2024equal/google_sholar_id: unknown field \"google_sholar_id\": not shown; did "
                "you mean \"google_scholar_id\"?",
                "33:116: warning: /@hartmann2023links/title: link \"javascript:alert(1)\" is not http, https or mailto; "
                "it is shown as text, not as a link",
                "39:3: warning: /@hartmann2023links/code: link \"javascript:alert(2)\" is not http, https or mailto; it "
                "is shown as text, not as a link",
                "43:3: warning: /@hartmann2023links/bibtex_show: expected true or false, found \"maybe\"; read as false",
                "47:35: warning: /@osei2022web/title: unknown command \"\\foo\": its argument is shown as plain text",
                "51:10: warning: /@osei2022web/year: year \"2022a\": only 2022 is shown"});
    const Publication& z = r.publications[0];
    CHECK(z.title.text == "Equal Contribution Markers: The 19th Variant of α-Blending on ℝ³");
    REQUIRE(z.title.marks.size() == 1);
    CHECK(z.title.marks[0].kind == MarkKind::superscript);
    CHECK(z.title.text.substr(z.title.marks[0].begin, z.title.marks[0].end - z.title.marks[0].begin) == "th");
    REQUIRE(z.authors.size() == 4);
    CHECK(display_name(z.authors[0]) == "Wen Zhao*");
    CHECK(display_name(z.authors[1]) == "Mei Li†");
    CHECK(display_name(z.authors[2]) == "Kojo Osei*");
    CHECK(z.more_authors);
    CHECK(z.venue == "International Workshop on Invented Vision Systems");  // @string with a trailing comma
    CHECK(z.award == "Oral");
    CHECK(z.award_name == "Best Paper Honorable Mention");
    CHECK(z.arxiv == "2406.01234");
    CHECK(z.video == "https://video.example.org/equal");
    CHECK(z.blog == "https://blog.example.org/equal");
    CHECK(z.supp == "https://files.example.org/equal-supp.zip");
    CHECK(z.bibtex ==
          "@inproceedings{zhao2024equal,\n"
          "  title = {Equal Contribution Markers: The 19$^{th}$ Variant of $\\alpha$-Blending on $\\mathbb{R}^{3}$},\n"
          "  author = {Zhao*, Wen and Li\\textsuperscript{\\dag}, Mei and Osei$^*$, Kojo and Hartmann, Greta and others},\n"
          "  booktitle = IWVS,\n"
          "  year = {2024},\n"
          "  month = {23--29 Jul},\n"
          "  scope = {international},\n"
          "  pubtype = {conference},\n"
          "  abbr2 = {IWVS'24},\n"
          "  additional_info = {Spotlight},\n"
          "  google_sholar_id = {AbCdEf12345},\n"
          "  keywords = {blending, markers},\n"
          "}");
    const Publication& h = r.publications[1];
    CHECK(h.title.text == "Links in Titles: https://data.example.org/set and the Code and a Trap");
    REQUIRE(h.title.marks.size() == 2);
    CHECK(h.title.marks[0].href == "https://data.example.org/set");
    CHECK(h.title.marks[1].href == "https://code.example.org/x");
    CHECK(h.code.empty());
    CHECK(h.doi == "10.5555/JMM.2023.7");
    CHECK(h.selected);
    CHECK_FALSE(h.bibtex_show);
    CHECK(h.volume == "7");
    const Publication& o = r.publications[2];
    CHECK(o.title.text == "A Page on the Web with an Unknown Command and $\\frac{a}{b}$ Math");
    CHECK(o.date.year == 2022);
}

TEST_CASE("bibtex: relative links resolve under the .bib file's folder, as al-folio serves them") {
    BibtexResult r = read_bibtex(fixture("realworld.bib"), "realworld.bib", BibtexOptions{"pubs/"});
    const Publication& z = r.publications[0];
    CHECK(z.pdf == "pubs/assets/pdf/equal%20contribution.pdf");  // a space in a file name is a path, encoded
    CHECK(z.slides == "pubs/assets/pdf/talk.pdf");
    CHECK(z.poster == "/assets/posters/equal.pdf");  // from the site's root: kept
    CHECK(z.preview == "pubs/assets/img/publication_preview/equal_preview.png");
    CHECK(r.publications[1].html == "pubs/papers/links.html");  // other links: as written, under the folder
    // Without a base (a .bib checked on its own), relative to the .bib itself.
    r = read_bibtex("@article{k, pdf = {a.pdf}, supp = {s/b.zip}, url = {https://x.example/}, code = {../c}}", "k.bib");
    CHECK(r.publications[0].pdf == "assets/pdf/a.pdf");
    CHECK(r.publications[0].supp == "assets/pdf/s/b.zip");
    CHECK(r.publications[0].url == "https://x.example/");
    CHECK(r.publications[0].code == "../c");
}

TEST_CASE("bibtex: a slip costs at most its own field or entry, with its place") {
    BibtexResult r = read_bibtex(fixture("slips.bib"), "slips.bib");
    REQUIRE(r.ok);
    CHECK(ids(r) == Lines{"comma2024", "unclosed2023", "after2022", "openvalue2021", "openquote2020", "noequals2019",
                          "last2018"});
    CHECK(problems(r) ==
          Lines{"4:36: error: /@comma2024/url: expected ',' after this field; read as if it were there",
                "12:16: error: /@unclosed2023: entry has no closing '}' before the next entry; read up to there",
                "21:11: error: /@openvalue2021/title: field \"title\" has no closing '}'; dropped",
                "27:11: error: /@openquote2020/title: field \"title\" has no closing '\"'; dropped",
                "33:9: error: /@noequals2019/title: expected '=' after the field name \"title\"; the field is dropped"});
    // Missing comma: both fields kept.
    const Publication& comma = r.publications[0];
    CHECK(comma.url == "https://example.org/comma");
    CHECK(comma.pdf == "assets/pdf/comma.pdf");
    CHECK(comma.date.year == 2024);
    // Unclosed entry: it and the next are both whole.
    CHECK(r.publications[1].title.text == "An Entry Without Its Closing Brace");
    CHECK(r.publications[1].date.year == 2023);
    CHECK(r.publications[2].title.text == "The Entry After It");
    CHECK(display_name(r.publications[2].authors[0]) == "Wei Chen");
    // An open value: only that field is lost; reading resumes at the next field.
    for (std::size_t k : {3u, 4u, 5u}) {
        const Publication& p = r.publications[k];
        CHECK(p.title.empty());
        REQUIRE(p.authors.size() == 1);
        CHECK(p.date.year == 2021 - static_cast<int>(k - 3));
    }
    CHECK(r.publications[6].title.text == "Still Read");
    // The copies are valid BibTeX: the missing comma and '}' put in, the broken field out.
    CHECK(comma.bibtex ==
          "@article{comma2024,\n  title = {A Missing Comma},\n  author = {Asante, Kwame},\n"
          "  url = {https://example.org/comma},\n  year = {2024},\n}");
    CHECK(r.publications[1].bibtex ==
          "@article{unclosed2023,\n  title = {An Entry Without Its Closing Brace},\n  author = {Berg, Hanna},\n"
          "  year = {2023}\n}");
    CHECK(r.publications[3].bibtex == "@article{openvalue2021,\n  author = {Diaz, Lucia},\n  year = {2021},\n}");
    CHECK(r.publications[5].bibtex == "@article{noequals2019,\n  author = {Fischer, Lena},\n  year = {2019},\n}");
}

TEST_CASE("bibtex: more slips: the end of the file, a missing key comma, junk inside an entry") {
    BibtexResult r = read_bibtex("@article{a,\n  title = {Cut off", "e.bib");
    REQUIRE(r.publications.size() == 1);
    CHECK(problems(r) == Lines{"2:11: error: /@a/title: field \"title\" has no closing '}'; dropped"});
    r = read_bibtex("@article{a,\n  title = {Whole},\n  year = 2020\n", "e.bib");
    CHECK(r.publications[0].date.year == 2020);
    CHECK(problems(r) == Lines{"3:14: error: /@a: entry has no closing '}' before the end of the file; read up to there"});
    r = read_bibtex("@article{a\n  title = {T},\n  ??? junk,\n  year = 2020,\n  note = \n}", "e.bib");
    CHECK(r.publications[0].title.text == "T");
    CHECK(r.publications[0].date.year == 2020);
    CHECK(problems(r) == Lines{"1:11: error: /@a: expected ',' after the citation key; read as if it were there",
                               "3:3: error: /@a: expected a field name, found \"??? junk,\"; skipped up to the next field",
                               "6:1: error: /@a/note: field \"note\" has no value (expected {...}, \"...\", a number or a "
                               "macro); dropped"});
    CHECK(r.publications[0].bibtex == "@article{a,\n  title = {T},\n  year = 2020,\n}");
    // A stretch of junk is one cut from the copy, however many pieces it has.
    r = read_bibtex("@misc{k, ? , ?? , ?, title = {T}}", "j.bib");
    CHECK(r.publications[0].bibtex == "@misc{k, title = {T}}");
    CHECK(r.problems.size() == 3);
    // Junk right after the key or a value takes its comma with it: the copy keeps one.
    r = read_bibtex("@misc{k{x} $, title = {T}, year = 2020 ?? , note = {N} pages = 3}", "j.bib");
    CHECK(r.publications[0].title.text == "T");
    CHECK(r.publications[0].summary == "N");
    CHECK(r.publications[0].pages == "3");
    CHECK(r.publications[0].bibtex == "@misc{k,title = {T}, year = 2020, note = {N}, pages = 3}");
    CHECK(problems(r) ==
          Lines{"1:8: error: /@k: expected a field name, found \"{x} $, title = {T}, year = 2020 ?? , note = {N} pages = "
                "3}\"; skipped up to the next field",
                "1:40: error: /@k: expected a field name, found \"?? , note = {N} pages = 3}\"; skipped up to the next field",
                "1:55: error: /@k/note: expected ',' after this field; read as if it were there"});
    BibtexResult again = read_bibtex(r.publications[0].bibtex, "again.bib");
    CHECK(again.problems.empty());
    // Junk from the key to the next line (scripts/fuzz found it: a key with a TeX command):
    // the comma the key lacked is put in before the cut, and the copy reads back as its entry.
    r = read_bibtex("@inproceedings{\\texttt{equal,\n  abbr = {X},\n  title = {T},\n}", "k.bib");
    REQUIRE(r.publications.size() == 1);
    CHECK(r.publications[0].id == "\\texttt");
    CHECK(r.publications[0].bibtex == "@inproceedings{\\texttt,  title = {T},\n}");
    again = read_bibtex(r.publications[0].bibtex, "again.bib");
    REQUIRE(again.publications.size() == 1);
    CHECK(again.publications[0].id == r.publications[0].id);
    // Entries in parentheses, and a quoted value with a stray '}'.
    r = read_bibtex("@article(p, title = {Paren}, year = 2019)\n@article{q, title = \"Stray}, year = 2018}", "e.bib");
    CHECK(ids(r) == Lines{"p", "q"});
    CHECK(r.publications[0].title.text == "Paren");
    CHECK(r.publications[1].date.year == 2018);
    CHECK(problems(r) ==
          Lines{"2:21: error: /@q/title: field \"title\" has a '}' that closes nothing before its closing '\"'; dropped"});
}

TEST_CASE("bibtex: limits: size, entries, depth, value length, macro expansion, problems") {
    Limits small;
    small.max_file_bytes = 64;
    BibtexResult r = read_bibtex(std::string(65, ' '), "big.bib", {}, small);
    CHECK_FALSE(r.ok);
    CHECK(problems(r) == Lines{"1:1: error: /: file is larger than the limit of 64 bytes (0 MiB); it was not read"});

    Limits entries;
    entries.max_entries = 2;
    r = read_bibtex("@misc{a, title={A}}\n@misc{b, title={B}}\n@misc{c, title={C}}\n@misc{d, title={D}}", "e.bib", {},
                    entries);
    CHECK(ids(r) == Lines{"a", "b"});
    CHECK(problems(r) == Lines{"3:1: error: /: more than 2 entries; the rest of the file is not read"});

    Limits depth;
    depth.max_depth = 3;
    r = read_bibtex("@misc{a, title = {{{ok}}}, note = {{{{deep}}}}, year = 2020}", "d.bib", {}, depth);
    CHECK(r.publications[0].title.text == "ok");
    CHECK(r.publications[0].summary.empty());
    CHECK(r.publications[0].date.year == 2020);
    CHECK(problems(r) == Lines{"1:35: error: /@a/note: field \"note\" nests braces deeper than 3 levels; dropped"});

    Limits length;
    length.max_string_bytes = 8;
    r = read_bibtex("@string{m = {12345}}\n@misc{a, title = {12345678}, note = {123456789}, abstract = m # m, year = 2020}",
                    "l.bib", {}, length);
    CHECK(r.publications[0].title.text == "12345678");
    CHECK(r.publications[0].summary.empty());
    CHECK(r.publications[0].abstract.empty());
    CHECK(r.publications[0].date.year == 2020);
    CHECK(problems(r) == Lines{"2:37: error: /@a/note: field \"note\" is longer than the limit of 8 bytes; dropped",
                               "2:65: error: /@a/abstract: field \"abstract\" is longer than the limit of 8 bytes; dropped"});

    // Macros that double at each step would reach 2^40 bytes: held to the file size in total.
    std::string bomb = "@string{m0 = {xxxxxxxxxxxxxxxx}}\n";
    for (int k = 1; k <= 40; ++k)
        bomb += "@string{m" + std::to_string(k) + " = m" + std::to_string(k - 1) + " # m" + std::to_string(k - 1) + "}\n";
    for (int k = 0; k < 200; ++k) bomb += "@misc{e" + std::to_string(k) + ", note = m14}\n";
    r = read_bibtex(bomb, "bomb.bib");
    CHECK(r.ok);
    CHECK(r.publications.size() == 200);
    std::size_t total = 0;
    for (const Publication& p : r.publications) total += p.summary.size();
    CHECK(total <= default_limits().max_file_bytes);
    CHECK(total > 0);

    Limits fields;
    fields.max_fields = 3;
    r = read_bibtex("@misc{a, title = {T}, year = 2020, note = {N},\n  pdf = {x.pdf}, code = {c}}\n@misc{b, title = {U}}",
                    "f.bib", {}, fields);
    CHECK(ids(r) == Lines{"a", "b"});
    CHECK(r.publications[0].summary == "N");
    CHECK(r.publications[0].pdf.empty());
    CHECK(r.publications[0].bibtex == "@misc{a, title = {T}, year = 2020, note = {N},\n}");
    CHECK(problems(r) == Lines{"2:3: error: /@a: more than 3 fields; the rest of this entry is not read"});

    Limits macros;
    macros.max_entries = 2;
    r = read_bibtex("@string{a = {A}}\n@string{b = {B}, c = {C}}\n@string{a = {A2}}\n@misc{k, title = a # b # c}", "m.bib", {},
                    macros);
    CHECK(r.publications[0].title.text == "A2Bc");
    CHECK(problems(r) == Lines{"2:18: error: /@string/c: more than 2 @string macros; this one is not defined",
                               "3:9: warning: /@string/a: @string \"a\" is defined again; the later value is used",
                               "4:26: warning: /@k/title: undefined macro \"c\" (no @string defines it); shown as written"});

    Limits few;
    few.max_problems = 3;
    std::string many;
    for (int k = 0; k < 10; ++k) many += "@misc{k" + std::to_string(k) + ", unknown" + std::to_string(k) + " = {x}}\n";
    many += "@misc{broken, title = }\n";
    r = read_bibtex(many, "p.bib", {}, few);
    CHECK(r.publications.size() == 11);
    REQUIRE(r.problems.size() == 4);
    CHECK(format_problem(r.problems[3], "") == "p.bib: error: /: 18 more problems not listed, errors among them");
}

TEST_CASE("bibtex: bytes that are not clean text") {
    BibtexResult r = read_bibtex("\xEF\xBB\xBF@misc{a, title = {Caf\xE9}}", "u.bib");
    REQUIRE(r.publications.size() == 1);
    CHECK(r.publications[0].title.text == "Caf\uFFFD");
    CHECK(problems(r) == Lines{"1:22: warning: /: 1 invalid UTF-8 byte sequence replaced by U+FFFD (first shown here)"});
    r = read_bibtex("", "empty.bib");
    CHECK(r.ok);
    CHECK(problems(r) == Lines{"1:1: warning: /: no entries: nothing to show"});
    r = read_bibtex(std::string("@misc{a, title = {N\0L}}", 23), "nul.bib");
    CHECK(r.publications[0].title.text == std::string("N\0L", 3));
}

TEST_CASE("bibtex: every problem names the file it is in") {
    BibtexResult r = read_bibtex("@misc{a, title = {T}, scope = {x}}", "pubs/papers.bib");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].file == "pubs/papers.bib");
    CHECK(format_problem(r.problems[0], "profile.json") ==
          "pubs/papers.bib:1:23: warning: /@a/scope: unknown field \"scope\": not shown");
}

TEST_CASE("bibtex: where imfolio reads as BibTeX does and pandoc 2.17 does not") {
    // tests/oracle/pandoc_oracle.py compares the other fixtures with pandoc; these three
    // entries are where pandoc differs from BibTeX itself: "AND" splits names for BibTeX
    // (pandoc keeps one name); {\'E}mile and {\relax Th}orvaldur start with upper-case
    // special characters, so they are given names (pandoc makes them particles), while
    // {van} has no case and stays in the given names (pandoc makes it a particle); and
    // BibTeX uses the first of two "title" fields (pandoc the second).
    BibtexResult r = read_bibtex(fixture("beyond-pandoc.bib"), "beyond-pandoc.bib");
    REQUIRE(r.publications.size() == 3);
    std::vector<std::string> names;
    for (const Publication& p : r.publications)
        for (const Author& a : p.authors) names.push_back(a.family + ", " + a.given);
    CHECK(names == Lines{"Mensah, Kofi", "Nowak, Ewa", "d'Artagnan, Émile", "Eiríksson, Thorvaldur", "Aalst, Ludwig van",
                         "Mensah, Kofi"});
    CHECK(r.publications[2].title.text == "The First Title");
    CHECK(problems(r) == Lines{"16:3: warning: /@twice2022/title: field \"title\" is given twice; the first is used"});
}

TEST_CASE("bibtex: hostile shapes of a large file cost linear time") {
    // Each shape is 8 MiB of one thing a reader might rescan: linear, each reads in well
    // under a second (seconds under ASan); quadratic, hours.
#if defined(__SANITIZE_ADDRESS__)
    constexpr double kBudget = 120.0;
#else
    constexpr double kBudget = 10.0;
#endif
    const std::size_t n = 8u << 20;
    std::vector<std::string> shapes;
    shapes.push_back(std::string(n, '@'));                                         // '@' that start nothing
    shapes.push_back("@misc{k, title = " + std::string(n, '{'));                    // braces never closed
    shapes.push_back("@misc{k, title = \"" + std::string(n, '}'));                  // a quote, then stray braces
    std::string junk = "@misc{k,";
    while (junk.size() < n) junk += " ?,";                                          // junk fields on one line
    shapes.push_back(junk + "}");
    std::string lines = "@misc{k, title = {";
    while (lines.size() < n) lines += "\n  x";                                      // lines a value may resume at
    shapes.push_back(lines);
    std::string math = "@misc{k, title = {";
    while (math.size() < n) math += "\\( $ \\'";                                    // math that never closes
    shapes.push_back(math + "}}");
    std::string text = "a";
    while (text.size() < n) text += " me@example.org x";                            // text around stray '@'
    shapes.push_back(text);
    std::string names = "@misc{k, author = {";
    while (names.size() < n) names += "A and ";                                     // a huge name list
    shapes.push_back(names + "B}}");
    for (std::size_t k = 0; k < shapes.size(); ++k) {
        auto start = std::chrono::steady_clock::now();
        BibtexResult r = read_bibtex(shapes[k], "hostile.bib");
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(r.ok);
        CHECK_MESSAGE(seconds < kBudget, "shape ", k, " took ", seconds, " s");
    }
}
