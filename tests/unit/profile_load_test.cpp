#include <doctest/doctest.h>

#include "platform/desktop/files.h"
#include "profile/date.h"
#include "profile/load.h"

using namespace profile;

TEST_CASE("the seed profile loads without problems and holds every fact of the source") {
    auto bytes = platform::read_file(IMFOLIO_SOURCE_DIR "/data/profile.json");
    REQUIRE(bytes);
    LoadResult r = load_profile(*bytes, "profile.json");
    REQUIRE(r.ok);
    for (const Problem& p : r.problems) MESSAGE(format_problem(p, "profile.json"));
    CHECK(r.problems.empty());
    const Profile& p = r.profile;
    CHECK(p.basics.name == "Qizhen Weng");
    REQUIRE(p.basics.other_names.size() == 1);
    CHECK(p.basics.other_names[0].name == "翁祈桢");
    CHECK(p.basics.label == "AI Infra Team Lead. Research Scientist. Ph.D. in CSE from HKUST.");
    CHECK(p.basics.email.empty());
    CHECK(p.basics.image.empty());
    CHECK(p.basics.url.empty());
    REQUIRE(p.work.size() == 3);
    CHECK(p.work[0].organization.find("TeleAI") != std::string::npos);
    CHECK(format_range(p.work[0].start, p.work[0].end, p.work[0].ended) == "2024 \u2013 present");
    CHECK(p.work[1].organization == "Shanghai AI Laboratory");
    CHECK(format_range(p.work[1].start, p.work[1].end, p.work[1].ended) == "from 2022");
    CHECK(p.work[2].organization == "Alibaba Cloud & Alibaba Group");
    CHECK(p.work[2].position == "Research Intern");
    REQUIRE(p.education.size() == 3);
    CHECK(p.education[0].advisor == "Prof. Wei Wang");
    CHECK(p.education[0].end.year == 2022);
    CHECK(p.education[1].institution == "Shanghai Jiao Tong University");
    CHECK(p.education[2].institution == "UC Berkeley");
    CHECK(format_range(p.education[2].start, p.education[2].end, true) == "2015");
    REQUIRE(p.awards.size() == 4);
    CHECK(p.awards[0].awarder == "CAST");
    CHECK(p.awards[3].title == "Cyber-Security Scholarship");
    REQUIRE(p.news.size() == 3);
    CHECK(format_date(p.news[0].date) == "Jun 15, 2025");
    CHECK(p.news[0].title.find("\u267B\uFE0F") == 0);
    REQUIRE(p.publications.size() == 1);
    CHECK(p.publications[0].title.text == "Toppings: CPU-Assisted, Rank-Aware Adapter Serving for LLM Inference");
    CHECK(p.publications[0].date.year == 2025);
    CHECK(p.publications[0].authors.empty());  // the source names no co-authors
    REQUIRE(p.openings.size() == 1);
    CHECK(p.openings[0].location == "Shanghai");
    CHECK(current_affiliation(p) == "Institute of Artificial Intelligence (TeleAI), China Telecom");
    CHECK(initials(p.basics.name) == "QW");
}

TEST_CASE("dates: the three forms, and nothing else") {
    CHECK(format_date(*parse_date("2025")) == "2025");
    CHECK(format_date(*parse_date("2025-06")) == "Jun 2025");
    CHECK(format_date(*parse_date("2025-06-15")) == "Jun 15, 2025");
    CHECK(parse_date("2025-06-15T10:00:00Z"));
    CHECK_FALSE(parse_date("2025-13"));
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK(parse_date("2024-02-29"));
    CHECK_FALSE(parse_date("June 2025"));
    CHECK_FALSE(parse_date("25"));
    CHECK(format_range(*parse_date("2020"), *parse_date("2022"), true) == "2020 \u2013 2022");
    CHECK(format_range(*parse_date("2024-06"), Date{}, false) == "Jun 2024 \u2013 present");
}

TEST_CASE("a file that is not JSON gives one positioned error and no profile") {
    // (A trailing comma once served here; JSONC reads it now, with a warning.)
    LoadResult r = load_profile("{\n  \"basics\": {\n    \"name\": \"A\"\n  \"label\": \"B\"\n  }\n}", "bad.json");
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 4);
    CHECK(r.problems[0].column == 3);
    CHECK(format_problem(r.problems[0], "bad.json").rfind("bad.json:4:3: error: /: not valid JSON", 0) == 0);
}

TEST_CASE("a wrong type costs only that field, with its pointer and place") {
    LoadResult r = load_profile(R"({
  "basics": {"name": "Ada", "label": 42},
  "work": [
    {"name": "A", "startDate": true},
    "not an object",
    {"name": "B", "startdate": "2020"}
  ]
})",
                                "f.json");
    REQUIRE(r.ok);
    CHECK(r.profile.basics.name == "Ada");
    CHECK(r.profile.basics.label == "42");  // numbers read fine as text
    REQUIRE(r.profile.work.size() == 2);
    bool type_error = false, entry_error = false, suggestion = false;
    for (const Problem& p : r.problems) {
        if (p.pointer == "/work/0/startDate") type_error = p.severity == Severity::error && p.line == 4;
        if (p.pointer == "/work/1") entry_error = p.severity == Severity::error && p.line == 5 && p.column == 5;
        if (p.pointer == "/work/2/startdate")
            suggestion = p.severity == Severity::warning && p.message.find("did you mean \"startDate\"") != std::string::npos;
    }
    CHECK(type_error);
    CHECK(entry_error);
    CHECK(suggestion);
}

TEST_CASE("links with other schemes are never kept") {
    CHECK(is_safe_url("https://example.org/x"));
    CHECK(is_safe_url("mailto:a@b.org"));
    CHECK(is_safe_url("cv.pdf"));
    CHECK_FALSE(is_safe_url("javascript:alert(1)"));
    CHECK_FALSE(is_safe_url("JavaScript:alert(1)"));
    CHECK_FALSE(is_safe_url("java\tscript:alert(1)"));
    CHECK_FALSE(is_safe_url(" javascript:alert(1)"));
    CHECK_FALSE(is_safe_url("data:text/html,<script>"));
    CHECK_FALSE(is_safe_url("//evil.example/x"));
    LoadResult r = load_profile(R"J({"basics": {"name": "A", "profiles": [{"network": "X", "url": "javascript:alert(1)"}]}})J", "f");
    REQUIRE(r.profile.basics.profiles.size() == 1);
    CHECK(r.profile.basics.profiles[0].url.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/basics/profiles/0/url");
}
