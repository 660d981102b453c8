// Top-level sections JSON Resume lacks ("teaching", "honors_and_awards"): titled from
// their keys, their entries read generically, every member the owner wrote kept, and
// covered by check's counts, the search and the fonts.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "profile/date.h"
#include "profile/load.h"
#include "profile/search.h"
#include "strings.h"

using namespace profile;

namespace {

std::vector<std::string> messages(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems) out.push_back(format_problem(p, r.source));
    return out;
}

const ExtraSection* find_section(const Profile& p, const std::string& key) {
    for (const ExtraSection& x : p.extra_sections)
        if (x.key == key) return &x;
    return nullptr;
}

}  // namespace

TEST_CASE("extra sections: titled from their keys, in file order, each with one warning") {
    LoadResult r = load_profile(R"({
  "basics": {"name": "A"},
  "honors_and_awards": [{"title": "Fellowship", "awarder": "Foundation", "date": "2021"}],
  "research experience": [{"position": "RA", "institution": "Lab"}],
  "researchFunding": [{"name": "Grant"}],
  "work experience": ["Intern at X"],
  "teaching": [],
  "eduction": [{"institution": "U"}],
  "version": "1.0"
})",
                                "x.json");
    REQUIRE(r.ok);
    std::vector<std::string> keys, titles, slugs;
    for (const ExtraSection& x : r.profile.extra_sections) {
        keys.push_back(x.key);
        titles.push_back(x.title);
        slugs.push_back(x.slug);
    }
    CHECK(keys == std::vector<std::string>{"honors_and_awards", "research experience", "researchFunding", "work experience",
                                           "teaching", "eduction"});
    CHECK(titles == std::vector<std::string>{"Honors and awards", "Research experience", "Research funding", "Work experience",
                                             "Teaching", "Eduction"});
    CHECK(slugs == std::vector<std::string>{"honors-and-awards", "research-experience", "researchfunding", "work-experience",
                                            "teaching", "eduction"});
    CHECK(messages(r) == std::vector<std::string>{
                             "x.json:3:3: warning: /honors_and_awards: \"honors_and_awards\" is not a JSON Resume section; "
                             "shown as the section \"Honors and awards\"",
                             "x.json:4:3: warning: /research experience: \"research experience\" is not a JSON Resume "
                             "section; shown as the section \"Research experience\"",
                             "x.json:5:3: warning: /researchFunding: \"researchFunding\" is not a JSON Resume section; shown "
                             "as the section \"Research funding\"",
                             "x.json:6:3: warning: /work experience: \"work experience\" is not a JSON Resume section; shown "
                             "as the section \"Work experience\"",
                             "x.json:7:3: warning: /teaching: \"teaching\" is not a JSON Resume section; shown as the section "
                             "\"Teaching\"",
                             "x.json:8:3: warning: /eduction: \"eduction\" is not a JSON Resume section; shown as the section "
                             "\"Eduction\"; did you mean \"education\"?",
                             "x.json:9:3: warning: /version: unknown field \"version\""});
    // check lists them after the JSON Resume sections, by key.
    auto counts = section_counts(r.profile);
    std::vector<std::pair<std::string, std::size_t>> tail(counts.end() - 6, counts.end());
    CHECK(tail == std::vector<std::pair<std::string, std::size_t>>{{"honors_and_awards", 1}, {"research experience", 1},
                                                                   {"researchFunding", 1},   {"work experience", 1},
                                                                   {"teaching", 0},          {"eduction", 1}});
}

TEST_CASE("extra sections: generic fields are picked by name, and every other member is kept") {
    LoadResult r = load_profile(R"J({"basics": {"name": "A"}, "teaching": [
    {"course": "Phonology I", "role": "Teaching assistant", "institution": "Université X", "location": "Lyon",
     "start_date": "Sept. 2019", "end": "Present", "url": "example.org/phon", "description": ["Labs.", "Grading."],
     "details": ["60 students", "Weekly labs"], "language": "French", "hours": 32, "tags": ["a", "b"],
     "venue": {"room": "B12", "building": "Main"}},
    {"title": "Guest lecture", "date": "2021-03-04"},
    {"name": "Seminar", "dates": "2017 - 2018"},
    "Reading group (2016)",
    null,
    {}
  ]})J",
                                "t.json");
    REQUIRE(r.ok);
    const ExtraSection* t = find_section(r.profile, "teaching");
    REQUIRE(t);
    REQUIRE(t->entries.size() == 4);  // null and {} hold nothing
    const ExtraEntry& a = t->entries[0];
    CHECK(a.title == "Phonology I");  // what the entry is: the course; the owner's role in it is a detail
    CHECK(a.organization == "Université X");
    CHECK(a.location == "Lyon");
    CHECK(format_range(a.start, a.end, a.ended) == "Sep 2019 \u2013 present");
    CHECK(a.url == "https://example.org/phon");
    CHECK(a.summary == "Labs.\n\nGrading.");
    CHECK(a.highlights == std::vector<std::string>{"60 students", "Weekly labs"});
    CHECK(a.details == std::vector<std::pair<std::string, std::string>>{
                           {"role", "Teaching assistant"}, {"language", "French"}, {"hours", "32"}, {"tags", "a, b"},
                           {"venue", "B12, Main"}});
    // A single date is when it happened, not the start of something ongoing.
    CHECK(format_range(t->entries[1].start, t->entries[1].end, t->entries[1].ended) == "Mar 4, 2021");
    CHECK(format_range(t->entries[2].start, t->entries[2].end, t->entries[2].ended) == "2017 \u2013 2018");
    CHECK(t->entries[3].title == "Reading group (2016)");
    // The dates' and link's leniency speaks as everywhere else.
    std::vector<std::string> m = messages(r);
    CHECK(std::count_if(m.begin(), m.end(), [](const std::string& s) { return s.find("/teaching/0/start_date: \"Sept. 2019\": write \"2019-09\"") != std::string::npos; }) == 1);
    CHECK(std::count_if(m.begin(), m.end(), [](const std::string& s) { return s.find("/teaching/0/end: \"Present\" means ongoing") != std::string::npos; }) == 1);
    CHECK(std::count_if(m.begin(), m.end(), [](const std::string& s) { return s.find("/teaching/0/url: link \"example.org/phon\" has no scheme") != std::string::npos; }) == 1);
}

TEST_CASE("extra sections: an object is one entry; info stands in for a missing basics; slugs stay unique") {
    LoadResult r = load_profile(R"({
  "info": {"name": "Ji-woo Park", "label": "Postdoc", "email": "jw@example.org"},
  "contact": {"email": "jw@example.org", "office": "Room 3"},
  "Teaching": [{"title": "A"}], "teaching": [{"title": "B"}], "teaching-2": [{"title": "C"}], "教学": [{"title": "D"}]
})",
                                "i.json");
    REQUIRE(r.ok);
    CHECK(r.profile.basics.name == "Ji-woo Park");
    CHECK(r.profile.basics.email == "jw@example.org");
    REQUIRE(r.problems.size() >= 1);
    CHECK(format_problem(r.problems[0], "i.json") == "i.json:2:3: warning: /info: \"info\" is read as \"basics\", JSON Resume's name for it");
    const ExtraSection* contact = find_section(r.profile, "contact");
    REQUIRE(contact);
    REQUIRE(contact->entries.size() == 1);
    CHECK(contact->entries[0].details ==
          std::vector<std::pair<std::string, std::string>>{{"email", "jw@example.org"}, {"office", "Room 3"}});
    std::vector<std::string> slugs;
    for (const ExtraSection& x : r.profile.extra_sections) slugs.push_back(x.slug);
    CHECK(slugs == std::vector<std::string>{"contact", "teaching", "teaching-2", "teaching-2-2", "section"});
    CHECK(find_section(r.profile, "教学")->title == "教学");

    // With a basics, "info" is a section of its own: nothing is dropped.
    LoadResult both = load_profile(R"({"basics": {"name": "A"}, "info": {"phone": "1"}})", "j.json");
    REQUIRE(find_section(both.profile, "info"));
    CHECK(find_section(both.profile, "info")->entries[0].details ==
          std::vector<std::pair<std::string, std::string>>{{"phone", "1"}});
}

TEST_CASE("extra sections: found by the search, kept by the filter, and their text reaches the fonts") {
    LoadResult r = load_profile(R"({"basics": {"name": "A"},
  "teaching": [{"title": "Phonology", "institution": "Université X"}, {"title": "Syntax", "note": "Taught in Zürich"}],
  "activities": [{"title": "Choir", "start": "2019年9月"}]})",
                                "s.json");
    REQUIRE(r.ok);
    std::vector<SearchHit> hits = search(r.profile, "zurich");
    REQUIRE(hits.size() == 1);
    REQUIRE(hits[0].extra < r.profile.extra_sections.size());
    CHECK(r.profile.extra_sections[hits[0].extra].key == "teaching");
    CHECK(hits[0].index == 1);
    CHECK(hits[0].title == "Syntax");
    hits = search(r.profile, "phonology");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].title == "Phonology, Université X");
    Profile only = filter(r.profile, "syntax");
    REQUIRE(only.extra_sections.size() == 2);
    REQUIRE(only.extra_sections[0].entries.size() == 1);
    CHECK(only.extra_sections[0].entries[0].title == "Syntax");
    CHECK(only.extra_sections[1].entries.empty());

    std::set<std::string> texts;
    for_each_text(r.profile, [&](const std::string& s) { texts.insert(s); });
    for (const char* s : {"Teaching", "Phonology", "Université X", "note", "Taught in Zürich", "Activities", "Choir"})
        CHECK_MESSAGE(texts.count(s) == 1, s);
    // "2019年9月" is read as Sep 2019: the page shows it in Latin letters.
    CHECK(format_date(r.profile.extra_sections[1].entries[0].start) == "Sep 2019");
}
