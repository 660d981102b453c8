// The coauthors[], venues{} and meta.language extensions: what the loader keeps, the
// problems it reports (with their places), and which authors and badges they apply to.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "profile/load.h"
#include "profile/match.h"
#include "ui/theme.h"

using namespace profile;

namespace {

std::vector<std::string> problems_of(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems) out.push_back(format_problem(p, r.source));
    return out;
}

}  // namespace

TEST_CASE("coauthors: family, given as a list or one string, url; a bad entry costs only itself") {
    LoadResult r = load_profile(R"J({
  "basics": {"name": "Ada Quill"},
  "coauthors": [
    {"family": "Adams", "given": ["Edwin", "E. P."], "url": "https://adams.example.org/"},
    {"family": "Okafor", "given": "Chidi", "url": "https://okafor.example.org/"},
    {"given": ["Nobody"], "url": "https://nobody.example.org/"},
    {"family": "Brandt", "given": ["Ines"], "url": "javascript:alert(1)"},
    {"family": "Tanaka", "given": 7, "url": "https://tanaka.example.org/"},
    "Lovelace"
  ]
})J",
                                "p.json");
    REQUIRE(r.ok);
    const auto& c = r.profile.coauthors;
    REQUIRE(c.size() == 4);
    CHECK(c[0].family == "Adams");
    CHECK(c[0].given == std::vector<std::string>{"Edwin", "E. P."});
    CHECK(c[0].url == "https://adams.example.org/");
    CHECK(c[1].given == std::vector<std::string>{"Chidi"});
    CHECK(c[2].family == "Brandt");
    CHECK(c[2].url.empty());
    CHECK(c[3].family == "Tanaka");
    CHECK(c[3].given.empty());
    CHECK(problems_of(r) ==
          std::vector<std::string>{
              "p.json:6:5: error: /coauthors/2: co-author has no \"family\" name; entry ignored",
              "p.json:7:5: warning: /coauthors/3: co-author has no \"url\"; their name is not linked",
              "p.json:7:45: warning: /coauthors/3/url: link \"javascript:alert(1)\" is not http, https or mailto; it "
              "is shown as text, not as a link",
              "p.json:8:5: warning: /coauthors/4: co-author has no \"given\" names; no author can match it",
              "p.json:8:26: error: /coauthors/4/given: expected an array of strings, found a number; value ignored",
              "p.json:9:5: error: /coauthors/5: expected an object, found a string; value ignored",
          });
}

TEST_CASE("venues: a url and a #RGB or #RRGGBB colour per badge text; anything else is a positioned problem") {
    LoadResult r = load_profile(R"J({
  "basics": {"name": "Ada Quill"},
  "venues": {
    "ATC": {"url": "https://atc.example.org/", "color": "#00369f"},
    "FCL": {"color": "#c3a"},
    "NLP": {"color": "blue", "url": "https://nlp.example.org/"},
    "ML": {"colour": "#000000"},
    "X": "https://x.example.org/"
  }
})J",
                                "v.json");
    REQUIRE(r.ok);
    const auto& v = r.profile.venues;
    REQUIRE(v.size() == 4);
    CHECK(v[0].abbr == "ATC");
    CHECK(v[0].url == "https://atc.example.org/");
    CHECK(v[0].has_color);
    CHECK(v[0].color == 0x00369F);
    CHECK(v[1].abbr == "FCL");
    CHECK(v[1].color == 0xCC33AA);
    CHECK(v[1].url.empty());
    CHECK(v[2].abbr == "NLP");
    CHECK_FALSE(v[2].has_color);
    CHECK(v[2].url == "https://nlp.example.org/");
    CHECK(problems_of(r) ==
          std::vector<std::string>{
              "v.json:6:13: error: /venues/NLP/color: \"blue\" is not a colour: use #RGB or #RRGGBB",
              "v.json:7:12: warning: /venues/ML/colour: unknown field \"colour\"; did you mean \"color\"?",
              "v.json:8:5: error: /venues/X: expected an object, found a string; value ignored",
          });

    LoadResult wrong = load_profile(R"J({"basics": {"name": "A"}, "venues": [{"url": "https://a.example.org/"}]})J", "w.json");
    CHECK(problems_of(wrong) == std::vector<std::string>{"w.json:1:27: error: /venues: expected an object of venue "
                                                         "abbreviations, found an array; value ignored"});
}

TEST_CASE("meta.language: a BCP 47 tag, checked by its shape") {
    for (const char* tag : {"en", "pt-BR", "zh-Hans", "zh-Hans-CN", "sr-Latn-RS", "de-CH-1996", "yue"}) {
        LoadResult r = load_profile(std::string(R"({"basics": {"name": "A"}, "meta": {"language": ")") + tag + "\"}}", "m.json");
        CHECK_MESSAGE(problems_of(r).empty(), tag);
        CHECK(r.profile.meta.language == tag);
    }
    for (const char* tag : {"e", "english language", "en_US", "en-", "-en", "latn", "en-toolongsubtag", "1en"}) {
        LoadResult r = load_profile(std::string(R"({"basics": {"name": "A"}, "meta": {"language": ")") + tag + "\"}}", "m.json");
        CHECK_MESSAGE(r.profile.meta.language.empty(), tag);
        REQUIRE(r.problems.size() == 1);
        CHECK(format_problem(r.problems[0], "m.json") ==
              std::string("m.json:1:36: error: /meta/language: \"") + tag +
                  "\" is not a BCP 47 language tag such as \"en\" or \"pt-BR\"");
    }
}

TEST_CASE("an author is linked when family and one given-name variant match, ignoring case and accents") {
    LoadResult r = load_profile(R"J({
  "basics": {"name": "Ada Quill"},
  "coauthors": [
    {"family": "Adams", "given": ["Edwin", "E. P."], "url": "https://adams.example.org/"},
    {"family": "Núñez", "given": ["José"], "url": "https://nunez.example.org/"},
    {"family": "Quill", "given": ["Ada"], "url": "https://quill.example.org/"}
  ],
  "venues": {"ATC": {"color": "#00369f"}},
  "publications": [{
    "title": "T",
    "author": [
      {"family": "Adams", "given": "E.P."},
      {"family": "adams", "given": "EDWIN"},
      {"family": "Adams", "given": "Eve"},
      {"family": "Nunez", "given": "Jose"},
      {"family": "Núñez", "given": "José"},
      {"family": "Quill", "given": "Ada"},
      {"literal": "Adams"}
    ],
    "custom": {"abbr": "ATC"}
  }, {"title": "U", "custom": {"abbr": "atc"}}]
})J",
                                "a.json");
    REQUIRE(r.ok);
    CHECK(problems_of(r).empty());
    const auto& pubs = r.profile.publications;
    REQUIRE(pubs.size() == 2);
    const auto& a = pubs[0].authors;
    REQUIRE(a.size() == 7);
    CHECK(a[0].coauthor == 0);
    CHECK(a[1].coauthor == 0);
    CHECK(a[2].coauthor == -1);  // a given name that is not one of the variants
    CHECK(a[3].coauthor == 1);   // written without accents, entry with them
    CHECK(a[4].coauthor == 1);
    CHECK(a[5].owner);
    CHECK(a[5].coauthor == -1);  // the owner stays highlighted, not linked
    CHECK(a[6].coauthor == -1);  // a literal name has no family/given to match
    CHECK(pubs[0].venue_entry == 0);
    CHECK(pubs[1].venue_entry == -1);  // badge text is matched exactly, as al-folio does
}

TEST_CASE("fold_name: case, accents (precomposed and combining), spaces and periods") {
    CHECK(fold_name("É. P.") == "ep");
    CHECK(fold_name("E.P.") == "ep");
    CHECK(fold_name("Müller") == "muller");
    CHECK(fold_name("Mu\u0308ller") == "muller");
    CHECK(fold_name("Łukasz Żółć") == "lukaszzolc");
    CHECK(fold_name("Ægir Þór") == "aegirthor");
    CHECK(fold_name("Strauß") == "strauss");
    CHECK(fold_name("Jing-Hao") == "jing-hao");
    CHECK(fold_name("田辺") == "田辺");
}

TEST_CASE("text on a venue's colour is black or white, whichever meets WCAG AA") {
    for (std::uint32_t bg : {0x00369Fu, 0xFFD700u, 0x777777u, 0x808080u, 0x000000u, 0xFFFFFFu, 0xE5E5E5u, 0x1D5BB5u}) {
        std::uint32_t fg = ui::readable_text_on(bg);
        CHECK((fg == 0x000000u || fg == 0xFFFFFFu));
        CHECK_MESSAGE(ui::contrast_ratio(fg, bg) >= 4.5, bg);
    }
    CHECK(ui::readable_text_on(0x00369F) == 0xFFFFFF);
    CHECK(ui::readable_text_on(0xFFD700) == 0x000000);
}
