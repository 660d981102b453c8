// Dates as researchers write them (tests/fixtures/realworld, /work's measured forms): each
// form's reading (parts, ongoing, range, what is kept verbatim), its warning, and what the
// page shows; then the same through the loader, with places.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "profile/date.h"
#include "profile/load.h"
#include "strings.h"

using namespace profile;

namespace {

struct Form {
    const char* text;
    int year, month, day;
    const char* shown;   // format_date of the reading
    const char* advice;  // what check says
};

std::vector<std::string> messages(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems) out.push_back(format_problem(p, r.source));
    return out;
}

}  // namespace

TEST_CASE("dates: every lenient form reads to its parts, shows one way, and suggests the canonical form") {
    const Form forms[] = {
        {"Jun. 2019", 2019, 6, 0, "Jun 2019", "\"Jun. 2019\": write \"2019-06\""},
        {"Jun. 2016", 2016, 6, 0, "Jun 2016", "\"Jun. 2016\": write \"2016-06\""},
        {"Aug. 2022", 2022, 8, 0, "Aug 2022", "\"Aug. 2022\": write \"2022-08\""},
        {"June 2019", 2019, 6, 0, "Jun 2019", "\"June 2019\": write \"2019-06\""},
        {"Sept 2020", 2020, 9, 0, "Sep 2020", "\"Sept 2020\": write \"2020-09\""},
        {"Sept. 2020", 2020, 9, 0, "Sep 2020", "\"Sept. 2020\": write \"2020-09\""},
        {"september 2020", 2020, 9, 0, "Sep 2020", "\"september 2020\": write \"2020-09\""},
        {"Jun 15, 2019", 2019, 6, 15, "Jun 15, 2019", "\"Jun 15, 2019\": write \"2019-06-15\""},
        {"15 June 2019", 2019, 6, 15, "Jun 15, 2019", "\"15 June 2019\": write \"2019-06-15\""},
        {"2019 June", 2019, 6, 0, "Jun 2019", "\"2019 June\": write \"2019-06\""},
        {"May'23", 2023, 5, 0, "May 2023", "\"May'23\": write \"2023-05\""},
        {"Jun'22", 2022, 6, 0, "Jun 2022", "\"Jun'22\": write \"2022-06\""},
        {"Feb'24", 2024, 2, 0, "Feb 2024", "\"Feb'24\": write \"2024-02\""},
        {"Jun '22", 2022, 6, 0, "Jun 2022", "\"Jun '22\": write \"2022-06\""},
        {"May\u201923", 2023, 5, 0, "May 2023", "\"May\u201923\": write \"2023-05\""},
        {"Jun-25", 2025, 6, 0, "Jun 2025", "\"Jun-25\": write \"2025-06\""},
        {"Aug-23", 2023, 8, 0, "Aug 2023", "\"Aug-23\": write \"2023-08\""},
        {"Aug-2024", 2024, 8, 0, "Aug 2024", "\"Aug-2024\": write \"2024-08\""},
        {"'16", 2016, 0, 0, "2016", "\"'16\": write \"2016\""},
        {"'69", 2069, 0, 0, "2069", "\"'69\": write \"2069\""},  // the pivot: '00-'69 are 20xx
        {"'70", 1970, 0, 0, "1970", "\"'70\": write \"1970\""},  // '70-'99 are 19xx
        {"Jan '99", 1999, 1, 0, "Jan 1999", "\"Jan '99\": write \"1999-01\""},
        {"\u201911", 2011, 0, 0, "2011", "\"\u201911\": write \"2011\""},
        {"2025-7-31", 2025, 7, 31, "Jul 31, 2025", "\"2025-7-31\": write \"2025-07-31\""},
        {"2024-08-2", 2024, 8, 2, "Aug 2, 2024", "\"2024-08-2\": write \"2024-08-02\""},
        {"2025-3-6", 2025, 3, 6, "Mar 6, 2025", "\"2025-3-6\": write \"2025-03-06\""},
        {"2023-9", 2023, 9, 0, "Sep 2023", "\"2023-9\": write \"2023-09\""},
        {"2024/08", 2024, 8, 0, "Aug 2024", "\"2024/08\": write \"2024-08\""},
        {"2024.08", 2024, 8, 0, "Aug 2024", "\"2024.08\": write \"2024-08\""},
        {"2024/8/2", 2024, 8, 2, "Aug 2, 2024", "\"2024/8/2\": write \"2024-08-02\""},
        {"08/2024", 2024, 8, 0, "Aug 2024", "\"08/2024\": write \"2024-08\""},
        {"8/2024", 2024, 8, 0, "Aug 2024", "\"8/2024\": write \"2024-08\""},
        {"2019\u5E749\u6708", 2019, 9, 0, "Sep 2019", "\"2019\u5E749\u6708\": write \"2019-09\""},
        {"2019\uB144 9\uC6D4 1\uC77C", 2019, 9, 1, "Sep 1, 2019", "\"2019\uB144 9\uC6D4 1\uC77C\": write \"2019-09-01\""},
        {"2024 Fall", 2024, 0, 0, "Fall 2024",
         "\"2024 Fall\": write \"2024\" (read as the year 2024; the season is shown as written)"},
        {"Summer 2020", 2020, 0, 0, "Summer 2020",
         "\"Summer 2020\": write \"2020\" (read as the year 2020; the season is shown as written)"},
        {"2024-09-01 (Discontinued)", 2024, 9, 1, "Sep 1, 2024 (Discontinued)",
         "\"2024-09-01 (Discontinued)\": write \"2024-09-01\" (the rest is shown after the date)"},
        {"Jun. 2019 (tentative)", 2019, 6, 0, "Jun 2019 (tentative)",
         "\"Jun. 2019 (tentative)\": write \"2019-06\" (the rest is shown after the date)"},
    };
    for (const Form& f : forms) {
        CAPTURE(f.text);
        for (DateRole role : {DateRole::single, DateRole::start, DateRole::end}) {
            DateReading r = read_date(f.text, role);
            CHECK(r.form == DateForm::lenient);
            CHECK(r.date.year == f.year);
            CHECK(r.date.month == f.month);
            CHECK(r.date.day == f.day);
            CHECK(r.date.raw.empty());
            CHECK_FALSE(r.range);
            CHECK_FALSE(r.ongoing);
            CHECK(format_date(r.date) == f.shown);
            CHECK(r.advice == f.advice);
        }
    }
}

TEST_CASE("dates: Present and its kin end a period that goes on; anywhere else they are kept as written") {
    for (const char* word : {"Present", "present", "PRESENT", "Now", "now", "current", "Current", "ongoing", "Ongoing"}) {
        CAPTURE(word);
        DateReading end = read_date(word, DateRole::end);
        CHECK(end.form == DateForm::lenient);
        CHECK(end.ongoing);
        CHECK(end.date.empty());
        CHECK(end.advice == "\"" + std::string(word) + "\" means ongoing: leave the end date out");
        DateReading start = read_date(word, DateRole::start);
        CHECK(start.form == DateForm::unknown);
        CHECK(start.date.raw == word);
        CHECK(format_date(start.date) == word);
    }
}

TEST_CASE("dates: a range in one field fills both ends, or reads its start where one date belongs") {
    struct Range {
        const char* text;
        const char* period;  // format_range of start and end, read as a startDate
        const char* as_start;
        const char* as_single;  // format_date, read as a single date
    };
    const Range ranges[] = {
        {"2025\u20132029", "2025 \u2013 2029", "\"2025\u20132029\" is a range: write \"2025\" here and \"2029\" as the end date",
         "2025 \u2013 2029"},
        {"2017-05 - 2019-04", "May 2017 \u2013 Apr 2019",
         "\"2017-05 - 2019-04\" is a range: write \"2017-05\" here and \"2019-04\" as the end date", "May 2017 \u2013 Apr 2019"},
        {"2019 - present", "2019 \u2013 present", "\"2019 - present\" is a range: write \"2019\" here and leave the end date out",
         "2019 \u2013 present"},
        {"Jan 2019 \u2014 Now", "Jan 2019 \u2013 present",
         "\"Jan 2019 \u2014 Now\" is a range: write \"2019-01\" here and leave the end date out", "Jan 2019 \u2013 present"},
        {"2019 to 2021", "2019 \u2013 2021", "\"2019 to 2021\" is a range: write \"2019\" here and \"2021\" as the end date",
         "2019 \u2013 2021"},
        {"2019-2021", "2019 \u2013 2021", "\"2019-2021\" is a range: write \"2019\" here and \"2021\" as the end date",
         "2019 \u2013 2021"},
        {"Fall 2019 - Spring 2021", "Fall 2019 \u2013 Spring 2021",
         "\"Fall 2019 - Spring 2021\" is a range: write \"2019\" here and \"2021\" as the end date",
         "Fall 2019 \u2013 Spring 2021"},
        // What follows the range is kept as a note after its end.
        {"2017-05 - 2019-04, 2025-02", "May 2017 \u2013 Apr 2019, 2025-02",
         "\"2017-05 - 2019-04, 2025-02\" is a range: write \"2017-05\" here and \"2019-04\" as the end date",
         "May 2017 \u2013 Apr 2019, 2025-02"},
    };
    for (const Range& x : ranges) {
        CAPTURE(x.text);
        DateReading r = read_date(x.text, DateRole::start);
        CHECK(r.form == DateForm::lenient);
        CHECK(r.range);
        CHECK(format_range(r.date, r.end, false) == x.period);
        CHECK(r.advice == x.as_start);
        DateReading single = read_date(x.text, DateRole::single);
        CHECK(format_date(single.date) == x.as_single);
        CHECK(single.end.empty());
        CHECK(single.advice.find(" is a range where one date belongs: write \"") != std::string::npos);
    }
    DateReading r = read_date("2017-05 - 2019-04", DateRole::start);
    CHECK(r.date == Date{2017, 5, 0});
    CHECK(r.end == Date{2019, 4, 0});
    DateReading end = read_date("2015 - 2019", DateRole::end);
    CHECK(end.advice == "\"2015 - 2019\" is a range: write \"2019\" here and \"2015\" as the start date");
    DateReading open = read_date("2019 - present", DateRole::start);
    CHECK(open.ongoing);
    CHECK(open.end.empty());
}

TEST_CASE("dates: what is not understood is kept verbatim and shown as written; empty means absent") {
    for (const char* text : {"--", "submitted", "TBD", "2025-13", "2025-00", "2023-02-29", "Junk 2019", "99", "2019."}) {
        CAPTURE(text);
        DateReading r = read_date(text, DateRole::start);
        CHECK(r.form == DateForm::unknown);
        CHECK(r.date.year == 0);
        CHECK(r.date.raw == text);
        CHECK_FALSE(r.date.empty());
        CHECK(format_date(r.date) == text);
        CHECK(r.advice == "\"" + std::string(text) + "\" is not a date; shown as written: use YYYY, YYYY-MM or YYYY-MM-DD");
    }
    // A start not understood says nothing about whether the period goes on.
    CHECK(format_range(read_date("--").date, Date{}, false) == "--");
    CHECK(format_range(Date{2019}, read_date("submitted").date, true) == "2019 \u2013 submitted");
    // A huge value is kept whole but quoted briefly.
    std::string huge(5000, 'x');
    DateReading big = read_date(huge);
    CHECK(big.date.raw == huge);
    CHECK(big.advice.size() < 140);
    for (const char* blank : {"", "   ", "\t\n"}) {
        DateReading r = read_date(blank);
        CHECK(r.form == DateForm::absent);
        CHECK(r.date.empty());
        CHECK(r.advice.empty());
    }
}

TEST_CASE("dates: the canonical forms stay silent, and parse_date stays strict") {
    for (const char* text : {"2025", "2025-06", "2025-06-15", "2025-06-15T10:00:00Z", " 2024-02-29 "}) {
        CAPTURE(text);
        DateReading r = read_date(text);
        CHECK(r.form == DateForm::canonical);
        CHECK(r.advice.empty());
    }
    CHECK(read_date("2024-02-29").date == Date{2024, 2, 29});
    for (const char* text : {"Jun. 2019", "2023-9", "'16", "2024 Fall", "2024-09-01 (Discontinued)"})
        CHECK_MESSAGE(!parse_date(text), text);
    CHECK(canonical_date(Date{2019}) == "2019");
    CHECK(canonical_date(Date{2019, 6}) == "2019-06");
    CHECK(canonical_date(Date{987, 6, 5}) == "0987-06-05");
}

TEST_CASE("dates through the loader: warnings with places, ongoing ends, ranges, start after end, absent values") {
    LoadResult r = load_profile(R"({
  "basics": {"name": "A"},
  "work": [
    {"name": "Now", "startDate": "Jun. 2019", "endDate": "Present"},
    {"name": "Range", "startDate": "2017-05 - 2019-04"},
    {"name": "Backwards", "startDate": "2021-05", "endDate": "2019"},
    {"name": "Same year", "startDate": "2019-05", "endDate": "2019"},
    {"name": "Verbatim", "startDate": "--", "endDate": null},
    {"name": "Blank", "startDate": "", "endDate": ""}
  ],
  "awards": [{"title": "Span", "date": "2025\u20132029"}, {"title": "Sub", "date": "submitted"}],
  "education": [{"institution": "U", "startDate": 2014, "endDate": "Aug-18"}]
})",
                                "d.json");
    REQUIRE(r.ok);
    CHECK(messages(r) == std::vector<std::string>{
                             "d.json:4:21: warning: /work/0/startDate: \"Jun. 2019\": write \"2019-06\"",
                             "d.json:4:47: warning: /work/0/endDate: \"Present\" means ongoing: leave the end date out",
                             "d.json:5:23: warning: /work/1/startDate: \"2017-05 - 2019-04\" is a range: write \"2017-05\" "
                             "here and \"2019-04\" as the end date",
                             "d.json:6:27: warning: /work/2/startDate: the start date (2021-05) is after the end date (2019)",
                             "d.json:8:26: warning: /work/4/startDate: \"--\" is not a date; shown as written: use YYYY, "
                             "YYYY-MM or YYYY-MM-DD",
                             "d.json:11:32: warning: /awards/0/date: \"2025\u20132029\" is a range where one date belongs: "
                             "write \"2025\" (the rest is shown after it)",
                             "d.json:11:76: warning: /awards/1/date: \"submitted\" is not a date; shown as written: use "
                             "YYYY, YYYY-MM or YYYY-MM-DD",
                             "d.json:12:38: warning: /education/0/startDate: dates are strings: write \"2014\"",
                             "d.json:12:57: warning: /education/0/endDate: \"Aug-18\": write \"2018-08\""});
    std::vector<std::string> shown;
    for (const Position& w : r.profile.work) shown.push_back(w.organization + ": " + format_range(w.start, w.end, w.ended));
    // Ongoing first, then by end date (Apr 2019 is later than the year 2019 alone); undated
    // (and not understood) last, in file order.
    CHECK(shown == std::vector<std::string>{"Now: Jun 2019 \u2013 present", "Range: May 2017 \u2013 Apr 2019",
                                            "Backwards: May 2021 \u2013 2019", "Same year: May 2019 \u2013 2019",
                                            "Verbatim: --", "Blank: "});
    REQUIRE(r.profile.awards.size() == 2);
    CHECK(format_date(r.profile.awards[0].date) == "2025 \u2013 2029");
    CHECK(format_date(r.profile.awards[1].date) == "submitted");
    CHECK(format_range(r.profile.education[0].start, r.profile.education[0].end, true) == "2014 \u2013 Aug 2018");
}
