// What al-folio's CV templates read is known, and the other names and shapes people give
// known things are read as them: each with the warning that names the canonical form,
// and nothing the owner wrote is lost.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "profile/load.h"
#include "strings.h"

using namespace profile;

namespace {

std::vector<std::string> messages(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems) out.push_back(format_problem(p, r.source));
    return out;
}

}  // namespace

TEST_CASE("al-folio's CV fields are read without a warning") {
    LoadResult r = load_profile(R"({
  "basics": {"name": "A", "image": "", "profiles": [{}]},
  "work": [{"name": "W", "position": "P", "order": 2}],
  "education": [{"institution": "U", "location": "Lyon", "summary": "Thesis on X.", "highlights": ["Prize"]}],
  "projects": [{"name": "Pr", "summary": "A tool."}],
  "awards": [{"title": "Aw", "url": "https://example.org/aw"}],
  "skills": [{"name": "S", "icon": "fa-solid fa-hashtag"}],
  "languages": [{"language": "L", "icon": ""}],
  "interests": [{"name": "I", "icon": "fa-solid fa-tag"}],
  "certificates": [{"name": "C", "icon": "fa-solid fa-certificate"}],
  "references": [{"name": "R", "reference": "Good.", "icon": "fa-solid fa-user"}]
})",
                                "a.json");
    REQUIRE(r.ok);
    CHECK(messages(r).empty());
    const Profile& p = r.profile;
    CHECK(p.basics.image.empty());
    CHECK(p.basics.profiles.empty());  // {} is template leftovers: silently absent
    CHECK(p.education[0].location == "Lyon");
    CHECK(p.education[0].summary.text == "Thesis on X.");
    REQUIRE(p.education[0].highlights.size() == 1);
    CHECK(p.education[0].highlights[0].text == "Prize");
    CHECK(p.projects[0].summary.text == "A tool.");
    CHECK(p.awards[0].url == "https://example.org/aw");
    CHECK(p.skills[0].icon == "fa-solid fa-hashtag");
    CHECK(p.interests[0].icon == "fa-solid fa-tag");
    CHECK(p.certificates[0].icon == "fa-solid fa-certificate");
    CHECK(p.references[0].icon == "fa-solid fa-user");
    CHECK(p.languages[0].icon.empty());
}

TEST_CASE("other names for known fields are read as them, each a warning naming the JSON Resume key") {
    LoadResult r = load_profile(R"({
  "basics": {"name": "A"},
  "education": [
    {"institution": "U", "degree": "Ph.D.", "field": "Linguistics", "year": 2019},
    {"institution": "V", "title": "M.Sc.", "specialty": "Phonetics", "year": "2014"},
    {"institution": "W", "studyType": "B.A.", "degree": "BA"}
  ],
  "work": [{"company": "Acme", "position": "Engineer"}],
  "volunteer": [{"organization": "ACL", "date": "2019 - 2021"}]
})",
                                "b.json");
    REQUIRE(r.ok);
    CHECK(messages(r) == std::vector<std::string>{
                             "b.json:4:26: warning: /education/0/degree: \"degree\" is read as \"studyType\", JSON Resume's name for it",
                             "b.json:4:45: warning: /education/0/field: \"field\" is read as \"area\", JSON Resume's name for it",
                             "b.json:4:69: warning: /education/0/year: \"year\" is read as \"endDate\", JSON Resume's name for it",
                             "b.json:4:69: warning: /education/0/year: dates are strings: write \"2019\"",
                             "b.json:5:26: warning: /education/1/title: \"title\" is read as \"studyType\", JSON Resume's name for it",
                             "b.json:5:44: warning: /education/1/specialty: \"specialty\" is read as \"area\", JSON Resume's name for it",
                             "b.json:5:70: warning: /education/1/year: \"year\" is read as \"endDate\", JSON Resume's name for it",
                             "b.json:6:47: warning: /education/2/degree: \"degree\" is another name for \"studyType\", which is "
                             "given too; \"degree\" is not shown",
                             "b.json:8:13: warning: /work/0/company: \"company\" is read as \"name\", JSON Resume's name for it",
                             "b.json:9:41: warning: /volunteer/0/date: \"date\" is read as \"startDate\", JSON Resume's name for it",
                             "b.json:9:41: warning: /volunteer/0/date: \"2019 - 2021\" is a range: write \"2019\" here and "
                             "\"2021\" as the end date"});
    const Profile& p = r.profile;
    REQUIRE(p.education.size() == 3);
    // Newest first: 2019, 2014, undated.
    CHECK(p.education[0].study_type == "Ph.D.");
    CHECK(p.education[0].area == "Linguistics");
    CHECK(p.education[0].end.year == 2019);
    CHECK(p.education[1].study_type == "M.Sc.");
    CHECK(p.education[1].area == "Phonetics");
    CHECK(p.education[1].end.year == 2014);
    CHECK(p.education[2].study_type == "B.A.");
    CHECK(p.work[0].organization == "Acme");
    CHECK(p.volunteer[0].start.year == 2019);
    CHECK(p.volunteer[0].end.year == 2021);
    CHECK(p.volunteer[0].ended);
}

TEST_CASE("a link without a scheme is https; files next to the profile stay relative") {
    LoadResult r = load_profile(R"({"basics": {"name": "A", "url": "example.org",
        "profiles": [{"network": "GitHub", "url": "github.com/ada"}, {"network": "Site", "url": "www.example.org/x"},
                     {"network": "CV", "url": "cv.pdf"}, {"network": "Papers", "url": "files/papers.html"},
                     {"username": "ada"}]}})",
                                "c.json");
    REQUIRE(r.ok);
    const Basics& b = r.profile.basics;
    CHECK(b.url == "https://example.org");
    REQUIRE(b.profiles.size() == 5);
    CHECK(b.profiles[0].url == "https://github.com/ada");
    CHECK(b.profiles[1].url == "https://www.example.org/x");
    CHECK(b.profiles[2].url == "cv.pdf");
    CHECK(b.profiles[3].url == "files/papers.html");
    CHECK(b.profiles[4].username == "ada");  // a username alone is kept
    CHECK(messages(r) == std::vector<std::string>{
                             "c.json:1:26: warning: /basics/url: link \"example.org\" has no scheme; read as \"https://example.org\"",
                             "c.json:2:44: warning: /basics/profiles/0/url: link \"github.com/ada\" has no scheme; read as "
                             "\"https://github.com/ada\"",
                             "c.json:2:90: warning: /basics/profiles/1/url: link \"www.example.org/x\" has no scheme; read as "
                             "\"https://www.example.org/x\""});
}

TEST_CASE("a summary given as paragraphs and highlights given as one string are read, with a warning") {
    LoadResult r = load_profile(R"({"basics": {"name": "A", "summary": ["First.", "Second."]},
  "work": [{"name": "W", "highlights": "Led the lab", "summary": ["One", 2]}],
  "projects": [{"name": "P", "keywords": "C++"}]})",
                                "d.json");
    REQUIRE(r.ok);
    CHECK(r.profile.basics.summary.text == "First.\n\nSecond.");
    REQUIRE(r.profile.work[0].highlights.size() == 1);
    CHECK(r.profile.work[0].highlights[0].text == "Led the lab");
    CHECK(r.profile.work[0].summary.text == "One\n\n2");
    CHECK(r.profile.projects[0].keywords == std::vector<std::string>{"C++"});
    const std::string paragraphs =
        "expected a string, found an array; read as paragraphs: write one string with a blank line (\\n\\n) between paragraphs";
    CHECK(messages(r) == std::vector<std::string>{
                             "d.json:1:26: warning: /basics/summary: " + paragraphs,
                             "d.json:2:26: warning: /work/0/highlights: expected an array of strings, found a string; read as "
                             "one item: write [\"Led the lab\"]",
                             "d.json:2:55: warning: /work/0/summary: " + paragraphs,
                             "d.json:3:30: warning: /projects/0/keywords: expected an array of strings, found a string; read "
                             "as one item: write [\"C++\"]"});
    // A label is one line, not paragraphs: an array there is still an error.
    LoadResult label = load_profile(R"({"basics": {"name": "A", "label": ["x", "y"]}})", "e.json");
    REQUIRE(label.problems.size() == 1);
    CHECK(label.problems[0].severity == Severity::error);
}

TEST_CASE("an e-mail address written to hide it is shown as written, as text, never as a mailto") {
    struct Case {
        const char* written;
        bool hidden;
    };
    for (Case c : {Case{"ada at example dot org", true}, Case{"ada [at] example [dot] org", true},
                   Case{"ada(at)example.org", true}, Case{"ada AT example DOT org", true}, Case{"ada", false}}) {
        CAPTURE(c.written);
        LoadResult r = load_profile(std::string(R"({"basics": {"name": "A", "email": ")") + c.written + "\"}}", "f.json");
        REQUIRE(r.ok);
        CHECK(r.profile.basics.email.empty());
        CHECK(r.profile.basics.email_text == c.written);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].severity == Severity::warning);
        CHECK(r.problems[0].message ==
              "\"" + std::string(c.written) + "\" " +
                  (c.hidden ? "is an address written to hide it from robots" : "does not look like an email address") +
                  "; shown as written, not as a link");
    }
    LoadResult plain = load_profile(R"({"basics": {"name": "A", "email": "ada@example.org"}})", "g.json");
    CHECK(plain.profile.basics.email == "ada@example.org");
    CHECK(plain.profile.basics.email_text.empty());
    CHECK(plain.problems.empty());
}
