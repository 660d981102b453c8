// A profile's "bibliography": recorded by the loader, merged from .bib bytes, deduplicated,
// ordered; and the native reading of a profile with its bibliographies.
#include <doctest/doctest.h>

#include "strings.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "app/cli.h"
#include "platform/desktop/files.h"
#include "profile/bibliography.h"
#include "profile/bibtex.h"

using namespace profile;

namespace {

using Lines = std::vector<std::string>;

std::vector<std::string> problems(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems) out.push_back(format_problem(p, "profile.json"));
    return out;
}

std::vector<std::string> titles(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Publication& p : r.profile.publications) out.push_back(p.title.text);
    return out;
}

}  // namespace

TEST_CASE("bibliography: the loader records the names, with their places") {
    LoadResult r = load_profile("{\"basics\": {\"name\": \"A\"},\n \"bibliography\": \"papers.bib\"}", "p.json");
    REQUIRE(r.bibliography.size() == 1);
    CHECK(r.bibliography[0].path == "papers.bib");
    CHECK(r.bibliography[0].pointer == "/bibliography");
    CHECK(r.bibliography[0].line == 2);
    CHECK(r.bibliography[0].column == 2);
    CHECK(r.problems.empty());

    r = load_profile(R"({"basics": {"name": "A"}, "bibliography": ["a.bib", "pubs/b.bib", "../c.bib",
        "/etc/d.bib", "https://example.org/e.bib", "", 7, "C:\\f.bib", "g:h.bib", "x/y:z.bib"]})",
                     "p.json");
    std::vector<std::string> paths;
    for (const BibliographyRef& b : r.bibliography) paths.push_back(b.path + " " + b.pointer);
    CHECK(paths == Lines{"a.bib /bibliography/0", "pubs/b.bib /bibliography/1", "../c.bib /bibliography/2",
                         "x/y:z.bib /bibliography/9"});
    CHECK(problems(r) ==
          Lines{"profile.json:2:9: error: /bibliography/3: \"/etc/d.bib\" is not a path relative to the profile file (no "
                "scheme, no leading '/'); not read",
                "profile.json:2:23: error: /bibliography/4: \"https://example.org/e.bib\" is not a path relative to the "
                "profile file (no scheme, no leading '/'); not read",
                "profile.json:2:52: warning: /bibliography/5: empty file name; ignored",
                "profile.json:2:56: error: /bibliography/6: expected a file name, found a number; value ignored",
                "profile.json:2:59: error: /bibliography/7: \"C:\\f.bib\" is not a path relative to the profile file (no "
                "scheme, no leading '/'); not read",
                "profile.json:2:72: error: /bibliography/8: \"g:h.bib\" is not a path relative to the profile file (no "
                "scheme, no leading '/'); not read"});

    r = load_profile(R"({"basics": {"name": "A"}, "bibliography": {"file": "a.bib"}})", "p.json");
    CHECK(r.bibliography.empty());
    CHECK(problems(r) == Lines{"profile.json:1:27: error: /bibliography: expected a file name or an array of them, "
                               "found an object; value ignored"});

    std::string many = R"({"basics": {"name": "A"}, "bibliography": [)";
    for (int k = 0; k < 9; ++k) many += std::string(k ? ", " : "") + "\"b" + std::to_string(k) + ".bib\"";
    r = load_profile(many + "]}", "p.json");
    CHECK(r.bibliography.size() == 8);
    CHECK(problems(r) ==
          Lines{"profile.json:1:124: error: /bibliography/8: more than 8 bibliography files; this one is not read"});
}

TEST_CASE("bibliography: entries join the publications; one in both is shown once, JSON first") {
    LoadResult r = load_profile(R"({"basics": {"name": "Ingrid Halvorsen-Tanaka"}, "bibliography": "pubs/papers.bib",
      "publications": [
        {"id": "json-lantern", "title": "Lantern: <i>sparse</i> attention", "DOI": "10.5555/LANTERN",
         "custom": {"abbr": "ICIV'24"}},
        {"title": "The Grammar of Nowhere", "issued": {"date-parts": [[2018]]}, "URL": "https://json.example.org/g"},
        {"title": "Particles of Meaning", "issued": {"date-parts": [[2019]]}}]})",
                                "p.json");
    REQUIRE(r.bibliography.size() == 1);
    add_bibliography(r, 0, R"(@inproceedings{lantern, title = {Lantern: Sparse Attention, Long}, doi = {10.5555/lantern},
  author = {Halvorsen-Tanaka, Ingrid and Okonkwo, Rafa{\"e}l}, booktitle = {ICIV}, year = 2024, month = jun,
  abbr = {ICIV}, pdf = {lantern.pdf}, selected = {true}}
@book{grammar, title = {The grammar of nowhere!}, author = {Papadimitriou, Zo{\"e}}, year = 2018,
  url = {https://bib.example.org/g}, publisher = {Fictional Academic Press}}
@incollection{particles, title = {Particles of Meaning}, author = {van der Meer, Ludovica}, year = 2020}
@article{fresh, title = {A New One}, author = {Ingrid Halvorsen-Tanaka}, year = 2025, scope = {x}}
)",
                     "data/pubs/papers.bib");
    CHECK(titles(r) == Lines{"A New One", "Lantern: sparse attention", "Particles of Meaning", "Particles of Meaning",
                             "The Grammar of Nowhere"});
    const Publication& lantern = r.profile.publications[1];
    // Same DOI (any case): the JSON entry's fields win...
    CHECK(lantern.id == "json-lantern");
    CHECK(lantern.venue_short == "ICIV'24");
    REQUIRE(lantern.title.marks.size() == 1);
    // ...and the .bib fills the gaps, its links relative to the profile.
    CHECK(lantern.venue == "ICIV");
    CHECK(lantern.date == Date{2024, 6, 0});
    CHECK(lantern.pdf == "pubs/assets/pdf/lantern.pdf");
    CHECK(lantern.selected);
    REQUIRE(lantern.authors.size() == 2);
    CHECK(lantern.authors[0].owner);  // decided again for what the .bib brought
    CHECK(lantern.authors[0].shown == "Ingrid Halvorsen-Tanaka");
    CHECK(lantern.bibtex.rfind("@inproceedings{lantern,", 0) == 0);
    CHECK(to_bibtex(lantern) == lantern.bibtex + "\n");
    // Same normalised title and year: one entry; the JSON URL stays.
    const Publication& grammar = r.profile.publications[4];
    CHECK(grammar.url == "https://json.example.org/g");
    CHECK(grammar.publisher == "Fictional Academic Press");
    // Same title, another year: two entries.
    CHECK(r.profile.publications[2].date.year == 2020);
    CHECK(r.profile.publications[3].date.year == 2019);
    CHECK(r.profile.publications[0].authors[0].owner);
    // The .bib's problems keep its own name and places.
    CHECK(problems(r) == Lines{"data/pubs/papers.bib:7:87: warning: /@fresh/scope: unknown field \"scope\": not shown"});
}

TEST_CASE("bibliography: meta.order as-written keeps the profile's entries, then each file's") {
    LoadResult r = load_profile(R"({"basics": {"name": "A"}, "bibliography": ["a.bib", "b.bib"],
      "meta": {"order": "as-written"},
      "publications": [{"title": "Old", "issued": "2001"}, {"title": "New", "issued": "2024"}]})",
                                "p.json");
    REQUIRE(r.keep_order);
    add_bibliography(r, 0, "@misc{x, title={From A, 2010}, year=2010}\n@misc{y, title={From A, 2030}, year=2030}", "a.bib");
    add_bibliography(r, 1, "@misc{z, title={From B}, year=2020}\n@misc{w, title={From A, 2010}, year=2010}", "b.bib");
    CHECK(titles(r) == Lines{"Old", "New", "From A, 2010", "From A, 2030", "From B"});
    r = load_profile(R"({"basics": {"name": "A"}, "bibliography": ["a.bib"],
      "publications": [{"title": "Old", "issued": "2001"}, {"title": "Undated"}]})",
                     "p.json");
    add_bibliography(r, 0, "@misc{x, title={Mid}, year=2010}\n@misc{y, title={No year}}", "a.bib");
    CHECK(titles(r) == Lines{"Mid", "Old", "Undated", "No year"});
}

TEST_CASE("bibliography: an unreadable file is an error at its name; entries past the limit are counted") {
    LoadResult r = load_profile("{\n  \"basics\": {\"name\": []},\n  \"bibliography\": [\"a.bib\",\n    \"gone.bib\"],\n"
                                "  \"zzz\": 1\n}",
                                "p.json");
    bibliography_unreadable(r, 1, "No such file or directory");
    CHECK(problems(r) ==
          Lines{"profile.json:2:3: warning: /basics/name: no name: the page header will be empty",
                "profile.json:2:14: error: /basics/name: expected a string, found an array; value ignored",
                "profile.json:4:5: error: /bibliography/1: cannot read \"gone.bib\": No such file or directory",
                "profile.json:5:3: warning: /zzz: unknown field \"zzz\""});

    Limits limits;
    limits.max_entries = 2;
    r = load_profile(R"({"basics": {"name": "A"}, "bibliography": "a.bib", "publications": [{"title": "J"}]})", "p.json",
                     limits);
    add_bibliography(r, 0, "@misc{x, title={X}}\n@misc{y, title={Y}}\n@misc{z, title={Z}}", "a.bib", limits);
    CHECK(titles(r) == Lines{"J", "X"});
    // The file's own limit stops it at two entries; the profile's at two publications in all.
    CHECK(problems(r) ==
          Lines{"a.bib:3:1: error: /: more than 2 entries; the rest of the file is not read",
                "profile.json:1:27: error: /bibliography: more than 2 publications; 1 entry from \"a.bib\" is dropped"});
}

TEST_CASE("bibliography: a .bib alone is a profile of publications") {
    CHECK(is_bibtex_path("papers.bib"));
    CHECK(is_bibtex_path("x/PAPERS.BIB"));
    CHECK_FALSE(is_bibtex_path("papers.bibx"));
    CHECK_FALSE(is_bibtex_path(".bib"));
    LoadResult r = load_bibliography("@misc{a, title={Older}, year=2001}\n@misc{b, title={Newer}, year=2020, x={y}}",
                                     "p.bib");
    CHECK(r.ok);
    CHECK(r.source == "p.bib");
    CHECK(titles(r) == Lines{"Newer", "Older"});
    CHECK(problems(r) == Lines{"p.bib:2:36: warning: /@b/x: unknown field \"x\": not shown"});
    Limits limits;
    limits.max_file_bytes = 4;
    CHECK_FALSE(load_bibliography("@misc{}", "p.bib", limits).ok);
}

TEST_CASE("bibliography: natively, files are read beside the profile and merged") {
    platform::ProfileFile f = platform::load_profile_file(IMFOLIO_SOURCE_DIR "/tests/fixtures/bibtex/profile.json");
    REQUIRE(f.readable);
    REQUIRE(f.loaded.ok);
    CHECK_FALSE(f.bibliography_only);
    REQUIRE(f.bibliographies.size() == 2);
    CHECK(f.bibliographies[0].has_value());
    CHECK_FALSE(f.bibliographies[1].has_value());
    // alfolio.bib's 8 entries and the 3 JSON ones, two of which it already has.
    CHECK(f.loaded.profile.publications.size() == 9);
    std::vector<std::string> lines;
    for (const Problem& p : f.loaded.problems) lines.push_back(format_problem(p, "profile.json"));
    CHECK(lines == Lines{"profile.json:3:35: error: /bibliography/1: cannot read \"missing.bib\": No such file or directory"});
    const Publication& lantern = f.loaded.profile.publications[1];
    CHECK(lantern.id == "json-lantern");
    CHECK(lantern.pdf == "assets/pdf/lantern.pdf");

    f = platform::load_profile_file(IMFOLIO_SOURCE_DIR "/tests/fixtures/bibtex/UPPER.BIB");
    CHECK(f.bibliography_only);
    CHECK(titles(f.loaded) == Lines{"An Upper-Case Extension"});
    f = platform::load_profile_file(IMFOLIO_SOURCE_DIR "/tests/fixtures/bibtex/none.bib");
    CHECK_FALSE(f.readable);
    CHECK(f.error == "No such file or directory");
}

TEST_CASE("bibliography: export shows the merged entries and copies the files the page fetches, never outside DIR") {
    char dir_template[] = "/tmp/imfolio-bib-XXXXXX";
    REQUIRE(mkdtemp(dir_template));
    std::string dir = dir_template;
    REQUIRE(std::system(("mkdir -p '" + dir + "/a/b/pubs'").c_str()) == 0);
    REQUIRE(platform::write_file(dir + "/a/b/profile.json",
                                 R"({"basics": {"name": "A"}, "bibliography": ["pubs/papers.bib", "../../outside.bib"]})"));
    REQUIRE(platform::write_file(dir + "/a/b/pubs/papers.bib", "@misc{in, title = {Inside Paper}, year = 2020}\n"));
    const std::string outside = "@misc{out, title = {Outside Paper}, year = 2021}\n";
    REQUIRE(platform::write_file(dir + "/outside.bib", outside));
    setenv("IMFOLIO_FONTS", IMFOLIO_FONTS_DIR, 1);
    REQUIRE(app::export_site(dir + "/a/b/profile.json", dir + "/site", app::ExportOptions{}) == 0);
    auto html = platform::read_file(dir + "/site/index.html");
    REQUIRE(html);
    CHECK(html->find("Inside Paper") != std::string::npos);
    CHECK(html->find("Outside Paper") != std::string::npos);
    auto copied = platform::read_file(dir + "/site/data/pubs/papers.bib");
    REQUIRE(copied);
    CHECK(*copied == "@misc{in, title = {Inside Paper}, year = 2020}\n");
    // data/../../outside.bib would leave the site's folder: not written.
    CHECK_FALSE(platform::read_file(dir + "/site/outside.bib"));
    CHECK(platform::read_file(dir + "/outside.bib") == outside);
    CHECK(std::system(("rm -rf '" + dir + "'").c_str()) == 0);
}
