// profile/date.cpp: the strict and the lenient date readers, and how dates are shown.
#include "profile/date.h"

#include <cstdio>
#include <tuple>
#include <vector>

#include "profile/text.h"
#include "profile/words.h"

namespace profile {

namespace {

// Dates are short; anything longer is kept verbatim without trying every reading.
constexpr std::size_t kMaxLenientBytes = 120;

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

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// --- the lenient reader: tokens, then the forms as token patterns ----------------------

enum class Kind { number, word, symbol, other };

struct Token {
    Kind kind;
    std::string_view text;   // as written
    std::size_t offset;      // in the trimmed input
    bool spaced;             // whitespace before it
    int value = 0;           // numbers (saturated)
    std::size_t width = 0;   // numbers: how many digits
    std::string folded;      // words: ASCII lower case
};

// Symbols that take part in dates, including the typographic ones editors substitute.
constexpr const char* kSymbols[] = {"\u2013", "\u2014", "\u2019", "\u2018", "\u5E74", "\u6708", "\u65E5",
                                    "\uB144", "\uC6D4", "\uC77C"};

bool is_space_at(std::string_view s, std::size_t i, std::size_t& width) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    width = 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
    // A no-break space (U+00A0) separates words too; word processors put them in dates.
    width = 2;
    return c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    bool spaced = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t width = 1;
        if (is_space_at(s, i, width)) {
            i += width;
            spaced = true;
            continue;
        }
        unsigned char c = static_cast<unsigned char>(s[i]);
        Token t{Kind::symbol, {}, i, spaced};
        spaced = false;
        std::size_t start = i;
        if (c >= '0' && c <= '9') {
            t.kind = Kind::number;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                if (t.value < 100000) t.value = t.value * 10 + (s[i] - '0');
                ++i;
            }
            t.width = i - start;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            t.kind = Kind::word;
            while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
            t.folded = fold_case(s.substr(start, i - start));
        } else if (c < 0x80) {
            ++i;
        } else {
            std::size_t n = utf8_length(s, i);
            t.kind = Kind::other;
            for (const char* sym : kSymbols)
                if (s.substr(i, n) == sym) t.kind = Kind::symbol;
            i += n;
        }
        t.text = s.substr(start, i - start);
        out.push_back(std::move(t));
    }
    return out;
}

int month_of(const std::string& w) {
    static const char* const kNames[][3] = {
        {"jan", "january", nullptr}, {"feb", "february", nullptr}, {"mar", "march", nullptr},
        {"apr", "april", nullptr},   {"may", nullptr, nullptr},    {"jun", "june", nullptr},
        {"jul", "july", nullptr},    {"aug", "august", nullptr},   {"sep", "sept", "september"},
        {"oct", "october", nullptr}, {"nov", "november", nullptr}, {"dec", "december", nullptr}};
    for (int m = 0; m < 12; ++m)
        for (const char* n : kNames[m])
            if (n && w == n) return m + 1;
    return 0;
}

bool is_season(const std::string& w) {
    return w == "spring" || w == "summer" || w == "fall" || w == "autumn" || w == "winter";
}

bool is_ongoing(const std::string& w) {
    return w == "present" || w == "now" || w == "current" || w == "ongoing" || w == "today";
}

int two_digit_year(int yy) { return yy < 70 ? 2000 + yy : 1900 + yy; }

// What a pattern matched: the date and the index of the first token after it.
struct Match {
    Date date;
    std::size_t next = 0;
    bool ok = false;
};

class Patterns {
public:
    explicit Patterns(const std::vector<Token>& t) : t_(t) {}

    // The longest single date starting at token i.
    Match single(std::size_t i) const {
        Match best;
        for (Match m : {numeric(i), month_first(i), day_first(i), short_year(i), season_first(i)})
            if (m.ok && valid(m.date) && (!best.ok || m.next > best.next)) best = m;
        return best;
    }

    bool sym(std::size_t i, const char* s) const { return i < t_.size() && t_[i].kind == Kind::symbol && t_[i].text == s; }
    bool word(std::size_t i, const char* w) const { return i < t_.size() && t_[i].kind == Kind::word && t_[i].folded == w; }
    bool ongoing(std::size_t i) const { return i < t_.size() && t_[i].kind == Kind::word && is_ongoing(t_[i].folded); }
    // A hyphen, en dash, em dash, tilde or "to": what separates the two ends of a range.
    bool range_separator(std::size_t i) const {
        return sym(i, "-") || sym(i, "\u2013") || sym(i, "\u2014") || sym(i, "~") || word(i, "to") || word(i, "until") ||
               word(i, "till");
    }

private:
    const Token* at(std::size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
    bool number(std::size_t i, std::size_t min_width, std::size_t max_width) const {
        const Token* t = at(i);
        return t && t->kind == Kind::number && t->width >= min_width && t->width <= max_width;
    }
    bool year4(std::size_t i) const { return number(i, 4, 4) && t_[i].value > 0; }
    bool unspaced(std::size_t i) const { return i < t_.size() && !t_[i].spaced; }
    bool apostrophe(std::size_t i) const { return sym(i, "'") || sym(i, "\u2019") || sym(i, "\u2018"); }
    int month_word(std::size_t i) const { return i < t_.size() && t_[i].kind == Kind::word ? month_of(t_[i].folded) : 0; }
    bool season(std::size_t i) const { return i < t_.size() && t_[i].kind == Kind::word && is_season(t_[i].folded); }

    static bool valid(const Date& d) {
        if (d.year < 1 || d.month < 0 || d.month > 12 || d.day < 0) return false;
        if (d.day > 0 && (d.month == 0 || d.day > days_in_month(d.year, d.month))) return false;
        return true;
    }

    static Match made(Date d, std::size_t next) {
        Match m;
        m.date = std::move(d);
        m.next = next;
        m.ok = true;
        return m;
    }

    // A month word, with the dot of an abbreviation ("Jun.", "Sept.") when written.
    std::size_t after_month(std::size_t i) const { return sym(i + 1, ".") && unspaced(i + 1) ? i + 2 : i + 1; }

    // 2019, 2025-7-31, 2024/08, 2024.08.02, 2019年9月, 2019 June, 2024 Fall; 08/2024.
    Match numeric(std::size_t i) const {
        if (year4(i)) {
            Date d{t_[i].value};
            std::size_t j = i + 1;
            for (const char* sep : {"-", "/", "."}) {
                if (!(sym(j, sep) && unspaced(j) && number(j + 1, 1, 2) && unspaced(j + 1))) continue;
                d.month = t_[j + 1].value;
                j += 2;
                if (sym(j, sep) && unspaced(j) && number(j + 1, 1, 2) && unspaced(j + 1)) {
                    d.day = t_[j + 1].value;
                    j += 2;
                    if (d.day == 0) return {};  // "2025-06-00" is no day
                }
                if (d.month == 0) return {};
                return made(d, j);
            }
            for (const char* const* units : {kHan, kHangul}) {
                if (!sym(j, units[0])) continue;
                j += 1;
                if (number(j, 1, 2) && sym(j + 1, units[1])) {
                    d.month = t_[j].value;
                    j += 2;
                    if (number(j, 1, 2) && sym(j + 1, units[2])) {
                        d.day = t_[j].value;
                        j += 2;
                        if (d.day == 0) return {};
                    }
                    if (d.month == 0) return {};
                }
                return made(d, j);
            }
            if (int m = month_word(j)) {
                d.month = m;
                return made(d, after_month(j));
            }
            if (season(j)) {
                d.season = std::string(t_[j].text);
                return made(d, j + 1);
            }
            return made(d, j);
        }
        // MM/YYYY, MM.YYYY, MM-YYYY
        if (number(i, 1, 2)) {
            for (const char* sep : {"/", ".", "-"})
                if (sym(i + 1, sep) && unspaced(i + 1) && year4(i + 2) && unspaced(i + 2) && t_[i].value >= 1 && t_[i].value <= 12) {
                    Date d{t_[i + 2].value, t_[i].value};
                    return made(d, i + 3);
                }
        }
        return {};
    }

    // Jun 2019, Jun. 2019, June, 2019, Jun 15, 2019, May'23, Jun '22, Jun-25, Jun-2025.
    Match month_first(std::size_t i) const {
        int m = month_word(i);
        if (!m) return {};
        std::size_t j = after_month(i);
        if (sym(j, "-") && unspaced(j) && unspaced(j + 1)) {
            if (year4(j + 1)) return made(Date{t_[j + 1].value, m}, j + 2);
            if (number(j + 1, 2, 2)) return made(Date{two_digit_year(t_[j + 1].value), m}, j + 2);
            return {};
        }
        if (apostrophe(j) && number(j + 1, 2, 2) && unspaced(j + 1)) return made(Date{two_digit_year(t_[j + 1].value), m}, j + 2);
        if (sym(j, ",")) ++j;
        if (year4(j)) return made(Date{t_[j].value, m}, j + 1);
        if (number(j, 1, 2) && t_[j].value >= 1) {
            std::size_t k = j + 1;
            if (sym(k, ",")) ++k;
            if (year4(k)) return made(Date{t_[k].value, m, t_[j].value}, k + 1);
        }
        return {};
    }

    // 15 June 2019, 15 Jun. 2019
    Match day_first(std::size_t i) const {
        if (!number(i, 1, 2) || t_[i].value < 1) return {};
        int m = month_word(i + 1);
        if (!m) return {};
        std::size_t j = after_month(i + 1);
        if (sym(j, ",")) ++j;
        if (!year4(j)) return {};
        return made(Date{t_[j].value, m, t_[i].value}, j + 1);
    }

    // '16
    Match short_year(std::size_t i) const {
        if (!(apostrophe(i) && number(i + 1, 2, 2) && unspaced(i + 1))) return {};
        return made(Date{two_digit_year(t_[i + 1].value)}, i + 2);
    }

    // Summer 2020, Fall, 2020, Spring '19
    Match season_first(std::size_t i) const {
        if (!season(i)) return {};
        std::size_t j = i + 1;
        if (sym(j, ",")) ++j;
        Date d;
        d.season = std::string(t_[i].text);
        if (year4(j)) {
            d.year = t_[j].value;
            return made(d, j + 1);
        }
        if (apostrophe(j) && number(j + 1, 2, 2) && unspaced(j + 1)) {
            d.year = two_digit_year(t_[j + 1].value);
            return made(d, j + 2);
        }
        return {};
    }

    static constexpr const char* kHan[] = {"\u5E74", "\u6708", "\u65E5"};
    static constexpr const char* kHangul[] = {"\uB144", "\uC6D4", "\uC77C"};

    const std::vector<Token>& t_;
};

std::string quoted(std::string_view s) { return "\"" + shorten_text(s, 60) + "\""; }

std::string unknown_advice(std::string_view text) {
    return quoted(text) + " is not a date; shown as written: use YYYY, YYYY-MM or YYYY-MM-DD";
}

// Whether the tokens from i on are a note: set off by a space, or starting with
// a bracket or a comma ("2024-09-01 (Discontinued)", "2019-04, 2025-02").
bool note_starts(const std::vector<Token>& t, std::size_t i) {
    return i < t.size() && (t[i].spaced || t[i].text == "(" || t[i].text == "," || t[i].text == ";");
}

std::string note_from(std::string_view text, const std::vector<Token>& t, std::size_t i) {
    return std::string(trim(text.substr(t[i].offset)));
}

}  // namespace

bool operator<(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}
bool operator==(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day, a.season, a.note, a.raw) ==
           std::tie(b.year, b.month, b.day, b.season, b.note, b.raw);
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
    // A time may follow ("T10:00", " 10:00"); anything else is not part of a date.
    if (s.size() == 10 || s[10] == 'T' || (s[10] == ' ' && s.size() > 11 && s[11] >= '0' && s[11] <= '9')) return d;
    return std::nullopt;
}

std::string canonical_date(const Date& d) {
    if (d.year == 0) return {};
    char buf[32];
    if (d.month == 0)
        std::snprintf(buf, sizeof buf, "%04d", d.year);
    else if (d.day == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

DateReading read_date(std::string_view written, DateRole role) {
    DateReading r;
    std::string_view text = trim(written);
    if (text.empty()) return r;
    if (auto d = parse_date(text)) {
        r.form = DateForm::canonical;
        r.date = *d;
        return r;
    }
    auto unknown = [&] {
        r = DateReading{};
        r.form = DateForm::unknown;
        r.date.raw = std::string(text);
        r.advice = unknown_advice(text);
        return r;
    };
    if (text.size() > kMaxLenientBytes) return unknown();
    std::vector<Token> t = tokenize(text);
    Patterns p(t);
    r.form = DateForm::lenient;

    // "至今" ("to date"), "现在"/"現在" ("now"), "현재" ("now"): Chinese and Korean CVs' Present.
    bool ongoing_word = t.size() == 1 && p.ongoing(0);
    for (const char* word : {"\u81F3\u4ECA", "\u73B0\u5728", "\u73FE\u5728", "\uD604\uC7AC"}) ongoing_word = ongoing_word || text == word;
    if (ongoing_word) {
        if (role != DateRole::end) return unknown();
        r.ongoing = true;
        r.advice = quoted(text) + " means ongoing: leave the end date out";
        return r;
    }

    Match whole = p.single(0);
    if (whole.ok && whole.next == t.size()) {
        r.date = whole.date;
        if (!r.date.season.empty())
            r.advice = quoted(text) + ": write \"" + canonical_date(r.date) + "\" (read as the year " +
                       std::to_string(r.date.year) + "; the season is shown as written)";
        else
            r.advice = quoted(text) + ": write \"" + canonical_date(r.date) + "\"";
        return r;
    }

    // A range: a date that ends at a separator, then a date (or "present"), then maybe a note.
    for (std::size_t k = 1; k + 1 < t.size(); ++k) {
        if (!p.range_separator(k)) continue;
        Match left = p.single(0);
        if (!left.ok || left.next != k) continue;
        Match right = p.single(k + 1);
        std::size_t after = right.ok ? right.next : p.ongoing(k + 1) ? k + 2 : 0;
        if (after == 0 || (after < t.size() && !note_starts(t, after))) continue;
        r.range = true;
        r.date = left.date;
        if (right.ok)
            r.end = right.date;
        else
            r.ongoing = true;
        std::string end_text = right.ok ? canonical_date(r.end) : std::string();
        if (after < t.size()) (right.ok ? r.end : r.date).note = note_from(text, t, after);
        std::string start_text = canonical_date(r.date);
        switch (role) {
            case DateRole::start:
                r.advice = quoted(text) + " is a range: write \"" + start_text + "\" here and " +
                           (right.ok ? "\"" + end_text + "\" as the end date" : std::string("leave the end date out"));
                break;
            case DateRole::end:
                r.advice = quoted(text) + " is a range: write " +
                           (right.ok ? "\"" + end_text + "\" here" : std::string("no end date")) + " and \"" +
                           start_text + "\" as the start date";
                break;
            case DateRole::single: {
                // One date is wanted: the start, with the rest of the range shown after it.
                std::string rest = "\u2013 " + (right.ok ? format_date(r.end) : std::string("present"));
                r.date.note = r.date.note.empty() ? rest : rest + " " + r.date.note;
                r.end = Date{};
                r.ongoing = false;
                r.advice = quoted(text) + " is a range where one date belongs: write \"" + start_text +
                           "\" (the rest is shown after it)";
                break;
            }
        }
        return r;
    }

    // A date followed by a note.
    if (whole.ok && note_starts(t, whole.next)) {
        r.date = whole.date;
        r.date.note = note_from(text, t, whole.next);
        r.advice = quoted(text) + ": write \"" + canonical_date(r.date) + "\" (the rest is shown after the date)";
        return r;
    }
    return unknown();
}

std::string format_date(const Date& d) { return format_date(d, english_words()); }

std::string format_range(const Date& start, const Date& end, bool ended) {
    return format_range(start, end, ended, english_words());
}

}  // namespace profile
