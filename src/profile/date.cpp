#include "profile/date.h"

#include <cstdio>
#include <tuple>

namespace profile {

namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` ASCII digits at `pos`; -1 when they are not there.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

}  // namespace

bool operator<(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}
bool operator==(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) == std::tie(b.year, b.month, b.day);
}

std::optional<Date> parse_date(std::string_view s) {
    Date d;
    d.year = digits(s, 0, 4);
    if (d.year < 1) return std::nullopt;
    if (s.size() == 4) return d;
    if (s[4] != '-') return std::nullopt;
    d.month = digits(s, 5, 2);
    if (d.month < 1 || d.month > 12) return std::nullopt;
    if (s.size() == 7) return d;
    if (s.size() < 10 || s[7] != '-') return std::nullopt;
    d.day = digits(s, 8, 2);
    if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    if (s.size() == 10 || s[10] == 'T' || s[10] == ' ') return d;
    return std::nullopt;
}

std::string format_date(const Date& d) {
    if (d.empty()) return {};
    char buf[32];
    if (d.month == 0)
        std::snprintf(buf, sizeof buf, "%d", d.year);
    else if (d.day == 0)
        std::snprintf(buf, sizeof buf, "%s %d", kMonths[d.month - 1], d.year);
    else
        std::snprintf(buf, sizeof buf, "%s %d, %d", kMonths[d.month - 1], d.day, d.year);
    return buf;
}

std::string format_range(const Date& start, const Date& end, bool ended) {
    const std::string dash = " \u2013 ";
    if (start.empty()) return end.empty() ? std::string() : format_date(end);
    if (end.empty()) return ended ? "from " + format_date(start) : format_date(start) + dash + "present";
    if (start == end) return format_date(start);
    // Same year, both at year precision: one year is enough ("2015").
    if (start.year == end.year && start.month == 0 && end.month == 0) return format_date(start);
    return format_date(start) + dash + format_date(end);
}

}  // namespace profile
