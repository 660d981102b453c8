// profile/date.h: reading and showing the partial dates JSON Resume uses.
//
// JSON Resume writes dates as "YYYY", "YYYY-MM" or "YYYY-MM-DD". People write them as
// they would on paper ("Jun. 2019", "May'23", "2019 - present", "Fall 2024"), and the
// page must show every one of them: read_date() understands those forms (each a warning
// suggesting the canonical form) and keeps anything else verbatim. parse_date() stays
// strict, for the places that need a canonical date (meta.lastModified, CSL, BibTeX).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "profile/model.h"

namespace profile {

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (and the full ISO form with a time, whose
// time part is ignored). Returns nullopt for anything else or an impossible date.
std::optional<Date> parse_date(std::string_view text);

// Where a date is written decides what "Present" and a range mean.
enum class DateRole {
    single,  // award.date, news.date...: a range reads its start, the rest shown after it
    start,   // startDate: a range fills the end too
    end,     // endDate: "Present" means the period has not ended
};

enum class DateForm {
    absent,     // "": no date, and nothing to say
    canonical,  // YYYY, YYYY-MM or YYYY-MM-DD
    lenient,    // understood, though not written canonically: `advice` suggests how
    unknown,    // not understood: kept verbatim in Date::raw and shown as written
};

struct DateReading {
    DateForm form = DateForm::absent;
    Date date;              // the date, or the start of a range
    Date end;               // the end of a range (role start or end)
    bool range = false;     // the text held a range ("2017-05 - 2019-04")
    bool ongoing = false;   // "Present", or a range to "present": not ended
    std::string advice;     // for lenient and unknown forms: what `check` says
};

// Reads a date as people write it. Forms, besides the canonical ones (each lenient):
//   "Present", "now", "current", "ongoing" (any case), "至今", "现在", "현재" as an end: ongoing
//   month names and abbreviations, with or without a dot: "Jun. 2019", "June 2019",
//     "Sept 2020", "Jun 15, 2019", "15 June 2019", "2019 June"
//   a month and a two-digit year: "May'23", "Jun '22", "Jun-25"; a year alone: "'16"
//   one-digit months and days: "2025-7-31", "2023-9"; "2024/08", "2024.08", "08/2024"
//   "2019年9月", "2019년 9월"
//   a range in one field: "2025–2029", "2017-05 - 2019-04", "2019 - present", "2019 to 2021"
//   a season: "2024 Fall", "Summer 2020" (the year is read; the season is shown as written)
//   any of these followed by a note: "2024-09-01 (Discontinued)" (the note is shown after it)
// Two-digit years pivot at 70: '00-'69 are 2000-2069, '70-'99 are 1970-1999.
DateReading read_date(std::string_view text, DateRole role = DateRole::single);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD": what a date is written as in JSON Resume.
std::string canonical_date(const Date& d);

// "2025", "Jun 2025", "Jun 15, 2025"; "Fall 2024" with a season; a note after the date;
// a date not understood as written.
std::string format_date(const Date& d);

// "2020 – 2022", "Jun 2024 – present", "2015", "from 2022" (ended, end unknown).
std::string format_range(const Date& start, const Date& end, bool ended);

}  // namespace profile
