// profile/date.h: reading and showing the partial dates JSON Resume uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "profile/model.h"

namespace profile {

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (and the full ISO form with a time, whose
// time part is ignored). Returns nullopt for anything else or an impossible date.
std::optional<Date> parse_date(std::string_view text);

// "2025", "Jun 2025", "Jun 15, 2025".
std::string format_date(const Date& d);

// "2020 – 2022", "Jun 2024 – present", "2015", "from 2022" (ended, end unknown).
std::string format_range(const Date& start, const Date& end, bool ended);

}  // namespace profile
