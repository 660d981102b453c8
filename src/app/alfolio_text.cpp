// The al-folio text readers of app/alfolio_text.h: small scanners over strings, each
// reading only what the importer maps and tolerating what real sites contain.
#include "app/alfolio_text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "profile/date.h"
#include "profile/text.h"

namespace app::alfolio {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// --- HTML ---------------------------------------------------------------------------------

// Decodes the entity at s[i] ('&') into `out`; returns the bytes it took (0: not an entity).
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) return 0;
    std::string_view name = s.substr(i + 1, semi - i - 1);
    struct Named {
        const char* name;
        char32_t cp;
    };
    static const Named named[] = {{"amp", '&'},     {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
                                  {"apos", '\''},   {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014},
                                  {"middot", 0xB7}, {"hellip", 0x2026}, {"copy", 0xA9}};
    char32_t cp = 0;
    if (!name.empty() && name[0] == '#') {
        bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        std::string digits(name.substr(hex ? 2 : 1));
        if (digits.empty() || digits.size() > 7) return 0;
        for (char c : digits)
            if (!(is_digit(c) || (hex && std::isxdigit(static_cast<unsigned char>(c))))) return 0;
        cp = static_cast<char32_t>(std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10));
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    } else {
        for (const Named& n : named)
            if (name == n.name) cp = n.cp;
        if (!cp) return 0;
    }
    profile::utf8_append(out, cp);
    return semi - i + 1;
}

// The value of attribute `want` in a tag's attribute text, or "".
std::string attribute(std::string_view attrs, std::string_view want) {
    std::string folded = lower_ascii(attrs);
    for (std::size_t at = folded.find(want); at != std::string::npos; at = folded.find(want, at + 1)) {
        if (at > 0 && !is_space(folded[at - 1])) continue;
        std::size_t i = at + want.size();
        while (i < attrs.size() && is_space(attrs[i])) ++i;
        if (i >= attrs.size() || attrs[i] != '=') continue;
        ++i;
        while (i < attrs.size() && is_space(attrs[i])) ++i;
        if (i >= attrs.size()) return {};
        char quote = attrs[i];
        if (quote == '"' || quote == '\'') {
            std::size_t end = attrs.find(quote, i + 1);
            return std::string(attrs.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1));
        }
        std::size_t end = i;
        while (end < attrs.size() && !is_space(attrs[end]) && attrs[end] != '>' && attrs[end] != '/') ++end;
        return std::string(attrs.substr(i, end - i));
    }
    return {};
}

struct Tag {
    std::string name;  // lower case
    bool closing = false;
    std::string href;
    std::size_t end = 0;  // just past '>'
};

// The tag at s[at] ('<'), or nullopt when it is not one ("a < b").
std::optional<Tag> read_tag(std::string_view s, std::size_t at) {
    Tag t;
    std::size_t i = at + 1;
    if (i < s.size() && s[i] == '/') {
        t.closing = true;
        ++i;
    }
    std::size_t name_start = i;
    while (i < s.size() && (is_alpha(s[i]) || is_digit(s[i]))) ++i;
    if (i == name_start || !is_alpha(s[name_start])) return std::nullopt;
    t.name = lower_ascii(s.substr(name_start, i - name_start));
    std::size_t attrs = i;
    char quote = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            break;
        }
    }
    if (i >= s.size()) return std::nullopt;
    t.end = i + 1;
    if (t.name == "a" && !t.closing) t.href = attribute(s.substr(attrs, i - attrs), "href");
    return t;
}

// HTML to text with Markdown marks; `line_break` is what <br> and paragraph ends become.
std::string html_to_markdown(std::string_view html, std::string_view line_break, std::string_view paragraph_break) {
    std::string out;
    struct OpenLink {
        std::size_t at;
        std::string href;
    };
    std::vector<OpenLink> links;
    for (std::size_t i = 0; i < html.size();) {
        char c = html[i];
        if (c == '<') {
            if (auto tag = read_tag(html, i)) {
                const std::string& n = tag->name;
                if (n == "br") {
                    out += line_break;
                } else if (n == "p" || n == "div" || n == "li" || n == "tr") {
                    out += paragraph_break;
                } else if (n == "b" || n == "strong") {
                    out += "**";
                } else if (n == "i" || n == "em") {
                    out += "*";
                } else if (n == "a" && !tag->closing) {
                    links.push_back({out.size(), tag->href});
                } else if (n == "a" && !links.empty()) {
                    OpenLink l = links.back();
                    links.pop_back();
                    std::string text = std::string(trim(std::string_view(out).substr(l.at)));
                    out.resize(l.at);
                    if (l.href.empty() || text.empty())
                        out += text;
                    else
                        out += "[" + text + "](" + l.href + ")";
                }
                i = tag->end;
                continue;
            }
        } else if (c == '&') {
            if (std::size_t n = decode_entity(html, i, out)) {
                i += n;
                continue;
            }
        }
        out += is_space(c) ? ' ' : c;
        ++i;
    }
    return out;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// --- dates ---------------------------------------------------------------------------------

int month_number(std::string_view word) {
    static const char* const names[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
    std::string w = lower_ascii(word);
    if (!w.empty() && w.back() == '.') w.pop_back();
    if (w == "sept") return 9;
    if (w.size() < 3) return 0;
    for (int m = 0; m < 12; ++m) {
        std::string_view full = names[m];
        if (w == full || (w.size() == 3 && full.substr(0, 3) == w)) return m + 1;
    }
    return 0;
}

bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

std::optional<std::string> formatted(int year, int month, int day) {
    char buf[16];
    if (month == 0)
        std::snprintf(buf, sizeof buf, "%04d", year);
    else if (day == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    if (year < 1000 || year > 9999 || !profile::parse_date(buf)) return std::nullopt;
    return std::string(buf);
}

// Words that stand for "ongoing" at the end of a range.
bool is_ongoing(std::string_view word) {
    std::string w = lower_ascii(trim(word));
    return w == "present" || w == "now" || w == "current" || w == "today" || w == "ongoing" || w == "date" ||
           w == "till date" || w == "to date";
}

}  // namespace

FrontMatter split_front_matter(std::string_view file) {
    FrontMatter fm;
    std::size_t start = starts_with(file, "\xEF\xBB\xBF") ? 3 : 0;
    fm.body = file.substr(start);
    fm.body_offset = start;
    auto line_end = [&](std::size_t at) {
        std::size_t e = file.find('\n', at);
        return e == std::string_view::npos ? file.size() : e;
    };
    std::size_t e = line_end(start);
    if (trim(file.substr(start, e - start)) != "---" || e >= file.size()) return fm;
    std::size_t yaml_start = e + 1;
    for (std::size_t at = yaml_start; at < file.size();) {
        std::size_t le = line_end(at);
        std::string_view l = trim(file.substr(at, le - at));
        if (l == "---" || l == "...") {
            fm.found = true;
            fm.yaml = file.substr(yaml_start, at - yaml_start);
            fm.yaml_line = 2;
            fm.body_offset = le < file.size() ? le + 1 : le;
            fm.body = file.substr(fm.body_offset);
            return fm;
        }
        at = le + 1;
    }
    return fm;  // never closed: not front matter
}

std::string html_to_markdown_line(std::string_view html) {
    std::string s = collapse_spaces(html_to_markdown(html, "\n", "\n"));
    // Breaks become " · " between the parts that have text.
    std::string out;
    std::size_t at = 0;
    while (at <= s.size()) {
        std::size_t nl = s.find('\n', at);
        std::string part(trim(std::string_view(s).substr(at, nl == std::string::npos ? std::string::npos : nl - at)));
        if (!part.empty()) out += (out.empty() ? "" : " \u00B7 ") + part;
        if (nl == std::string::npos) break;
        at = nl + 1;
    }
    return out;
}

std::vector<std::string> html_to_lines(std::string_view html) {
    std::string s = html_to_markdown(html, "\n", "\n");
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at <= s.size()) {
        std::size_t nl = s.find('\n', at);
        std::string line = collapse_spaces(trim(std::string_view(s).substr(at, nl == std::string::npos ? std::string::npos : nl - at)));
        if (!line.empty()) lines.push_back(std::move(line));
        if (nl == std::string::npos) break;
        at = nl + 1;
    }
    return lines;
}

LiquidResult strip_liquid(std::string_view text,
                          const std::function<std::optional<std::string>(std::string_view)>& evaluate) {
    LiquidResult r;
    std::string& out = r.text;
    // The tag's inner text without delimiters and whitespace-control dashes.
    auto inner = [](std::string_view tag) {
        std::string_view s = tag.substr(2, tag.size() - 4);
        if (!s.empty() && s.front() == '-') s.remove_prefix(1);
        if (!s.empty() && s.back() == '-') s.remove_suffix(1);
        return trim(s);
    };
    auto tag_name = [&](std::string_view tag) {
        std::string_view s = inner(tag);
        std::size_t e = 0;
        while (e < s.size() && !is_space(s[e])) ++e;
        return std::string(s.substr(0, e));
    };
    // The next "{% name %}" at or after `from`: [begin, end), or npos.
    auto find_tag = [&](std::size_t from, std::string_view name) -> std::pair<std::size_t, std::size_t> {
        for (std::size_t b = text.find("{%", from); b != std::string_view::npos; b = text.find("{%", b + 2)) {
            std::size_t e = text.find("%}", b + 2);
            if (e == std::string_view::npos) break;
            if (tag_name(text.substr(b, e + 2 - b)) == name) return {b, e + 2};
        }
        return {std::string_view::npos, std::string_view::npos};
    };
    // Removing a tag that stands alone on its line removes the line.
    auto drop = [&](std::size_t end) {
        std::size_t line_start = out.rfind('\n');
        line_start = line_start == std::string::npos ? 0 : line_start + 1;
        bool alone_before = std::all_of(out.begin() + static_cast<std::ptrdiff_t>(line_start), out.end(),
                                        [](char c) { return c == ' ' || c == '\t'; });
        std::size_t after = end;
        while (after < text.size() && (text[after] == ' ' || text[after] == '\t' || text[after] == '\r')) ++after;
        bool alone_after = after >= text.size() || text[after] == '\n';
        if (alone_before && alone_after) {
            out.resize(line_start);
            std::size_t next = after < text.size() ? after + 1 : after;
            // Between two blank lines, the line's absence leaves one paragraph break, not two.
            bool blank_before = out.empty() || (out.size() >= 2 && out.compare(out.size() - 2, 2, "\n\n") == 0);
            std::size_t skip = next;
            while (skip < text.size() && (text[skip] == ' ' || text[skip] == '\t' || text[skip] == '\r')) ++skip;
            if (blank_before && skip < text.size() && text[skip] == '\n') next = skip + 1;
            return next;
        }
        return end;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t b = std::min(text.find("{{", i), text.find("{%", i));
        if (b == std::string_view::npos) break;
        bool output = text[b + 1] == '{';
        std::size_t e = text.find(output ? "}}" : "%}", b + 2);
        if (e == std::string_view::npos) break;  // not closed: text, not Liquid
        e += 2;
        out.append(text.substr(i, b - i));
        std::string_view tag = text.substr(b, e - b);
        if (output) {
            LiquidFound f{b, std::string(tag), false, {}};
            if (auto v = evaluate(inner(tag))) {
                f.evaluated = true;
                f.value = *v;
                out += *v;
                i = e;
            } else {
                i = drop(e);
            }
            r.found.push_back(std::move(f));
            continue;
        }
        std::string name = tag_name(tag);
        if (name == "raw") {
            auto [rb, re] = find_tag(e, "endraw");
            std::size_t content_end = rb == std::string_view::npos ? text.size() : rb;
            out.append(text.substr(e, content_end - e));
            i = re == std::string_view::npos ? text.size() : re;
            continue;
        }
        if (name == "comment") {
            auto [cb, ce] = find_tag(e, "endcomment");
            std::size_t end = ce == std::string_view::npos ? text.size() : ce;
            r.found.push_back({b, profile::shorten_text(text.substr(b, end - b), 80), false, {}});
            i = drop(end);
            continue;
        }
        r.found.push_back({b, std::string(tag), false, {}});
        i = drop(e);
    }
    if (i < text.size()) out.append(text.substr(i));
    return r;
}

std::optional<std::string> canonical_date(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty()) return std::nullopt;
    // Numeric forms: YYYY, YYYY-M(M), YYYY-MM-DD (with - / or .), M(M)/YYYY.
    std::vector<std::string_view> parts;
    char sep = 0;
    for (char c : {'-', '/', '.'})
        if (s.find(c) != std::string_view::npos && std::all_of(s.begin(), s.end(), [c](char x) { return is_digit(x) || x == c; }))
            sep = c;
    if (all_digits(s)) return s.size() == 4 ? formatted(std::atoi(std::string(s).c_str()), 0, 0) : std::nullopt;
    if (sep) {
        std::size_t at = 0;
        while (at <= s.size()) {
            std::size_t n = s.find(sep, at);
            parts.push_back(s.substr(at, n == std::string_view::npos ? std::string_view::npos : n - at));
            if (n == std::string_view::npos) break;
            at = n + 1;
        }
        auto num = [](std::string_view p) { return all_digits(p) && p.size() <= 4 ? std::atoi(std::string(p).c_str()) : -1; };
        if (parts.size() == 2 && parts[0].size() == 4 && parts[1].size() <= 2) return formatted(num(parts[0]), num(parts[1]), 0);
        if (parts.size() == 2 && parts[1].size() == 4 && parts[0].size() <= 2) return formatted(num(parts[1]), num(parts[0]), 0);
        if (parts.size() == 3 && parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2)
            return formatted(num(parts[0]), num(parts[1]), num(parts[2]));
        return std::nullopt;
    }
    // Words: "Jun 2019", "Jun. 2019", "June 2019", "June 15, 2019", "15 June 2019".
    std::vector<std::string> words;
    std::string word;
    for (char c : s) {
        if (is_space(c) || c == ',') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(word);
    auto year_of = [](const std::string& w) { return all_digits(w) && w.size() == 4 ? std::atoi(w.c_str()) : 0; };
    auto day_of = [](const std::string& w) { return all_digits(w) && w.size() <= 2 ? std::atoi(w.c_str()) : 0; };
    if (words.size() == 2 && month_number(words[0]) && year_of(words[1]))
        return formatted(year_of(words[1]), month_number(words[0]), 0);
    if (words.size() == 3 && month_number(words[0]) && day_of(words[1]) && year_of(words[2]))
        return formatted(year_of(words[2]), month_number(words[0]), day_of(words[1]));
    if (words.size() == 3 && day_of(words[0]) && month_number(words[1]) && year_of(words[2]))
        return formatted(year_of(words[2]), month_number(words[1]), day_of(words[0]));
    return std::nullopt;
}

CvDates parse_cv_dates(std::string_view text) {
    CvDates d;
    std::string_view s = trim(text);
    if (s.empty()) return d;
    std::string_view first = s, second;
    bool split = false;
    for (std::string_view sep : {std::string_view("\u2013"), std::string_view("\u2014"), std::string_view(" - "),
                                 std::string_view(" to "), std::string_view("~"), std::string_view(" -"), std::string_view("- ")}) {
        std::size_t at = s.find(sep);
        if (at == std::string_view::npos) continue;
        first = trim(s.substr(0, at));
        second = trim(s.substr(at + sep.size()));
        split = true;
        break;
    }
    if (!split) {
        // "2017-2019" and "2019-present", but not "2019-06".
        std::size_t dash = s.find('-');
        if (dash == 4 && all_digits(s.substr(0, 4))) {
            std::string_view rest = trim(s.substr(5));
            if ((rest.size() == 4 && all_digits(rest)) || is_ongoing(rest)) {
                first = s.substr(0, 4);
                second = rest;
                split = true;
            }
        }
    }
    d.range = split;
    auto as_written = [&] {
        CvDates w;
        w.start = std::string(s);
        return w;
    };
    if (!split) {
        if (is_ongoing(s)) {
            d.ongoing = true;
            d.parsed = true;
            return d;
        }
        auto one = canonical_date(s);
        if (!one) return as_written();
        d.start = *one;
        d.parsed = true;
        return d;
    }
    auto start = first.empty() ? std::optional<std::string>(std::string()) : canonical_date(first);
    if (!start) return as_written();
    d.start = *start;
    if (is_ongoing(second) || second.empty()) {
        d.ongoing = true;
    } else {
        auto end = canonical_date(second);
        if (!end) return as_written();
        d.end = *end;
    }
    d.parsed = true;
    return d;
}

std::vector<BibEntry> scan_bibtex(std::string_view text, std::size_t max_entries) {
    std::vector<BibEntry> entries;
    const std::size_t n = text.size();
    auto skip_space = [&](std::size_t& j) {
        while (j < n && is_space(text[j])) ++j;
    };
    // text[j] is '{': past its matching '}', or the end.
    auto skip_braces = [&](std::size_t j) {
        int depth = 0;
        for (; j < n; ++j) {
            if (text[j] == '\\' && j + 1 < n) {
                ++j;
                continue;
            }
            if (text[j] == '{') ++depth;
            if (text[j] == '}' && --depth == 0) return j + 1;
        }
        return n;
    };
    // An '@' that starts a line (after indentation) opens a new entry.
    auto at_line_start = [&](std::size_t j) {
        while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t')) --j;
        return j == 0 || text[j - 1] == '\n';
    };
    std::size_t i = 0;
    while (i < n && entries.size() < max_entries) {
        std::size_t at = text.find('@', i);
        if (at == std::string_view::npos) break;
        std::size_t j = at + 1;
        while (j < n && (is_alpha(text[j]) || is_digit(text[j]) || text[j] == '_')) ++j;
        std::string type = lower_ascii(text.substr(at + 1, j - at - 1));
        skip_space(j);
        if (type.empty() || j >= n || (text[j] != '{' && text[j] != '(')) {
            i = at + 1;
            continue;
        }
        char close = text[j] == '{' ? '}' : ')';
        if (type == "string" || type == "preamble" || type == "comment") {
            i = close == '}' ? skip_braces(j) : std::min(n, text.find(')', j) == std::string_view::npos ? n : text.find(')', j) + 1);
            continue;
        }
        ++j;
        BibEntry e;
        e.type = type;
        e.offset = at;
        std::size_t key_start = j;
        while (j < n && text[j] != ',' && text[j] != close && text[j] != '\n') ++j;
        e.key = std::string(trim(text.substr(key_start, j - key_start)));
        while (j < n) {
            while (j < n && (is_space(text[j]) || text[j] == ',')) ++j;
            if (j >= n) break;
            if (text[j] == close) {
                ++j;
                break;
            }
            if (text[j] == '@' && at_line_start(j)) break;  // left open: the next entry starts here
            std::size_t name_start = j;
            while (j < n && (is_alpha(text[j]) || is_digit(text[j]) || text[j] == '_' || text[j] == '-' || text[j] == ':' ||
                             text[j] == '.' || text[j] == '+'))
                ++j;
            if (j == name_start) {
                ++j;  // junk
                continue;
            }
            BibField f;
            f.name = lower_ascii(text.substr(name_start, j - name_start));
            f.offset = name_start;
            skip_space(j);
            if (j >= n || text[j] != '=') continue;
            ++j;
            // value # value # ...
            for (bool more = true; more && j < n;) {
                skip_space(j);
                if (j >= n) break;
                if (text[j] == '{') {
                    std::size_t end = skip_braces(j);
                    f.value += text.substr(j + 1, end > j + 1 ? end - j - 2 : 0);
                    j = end;
                } else if (text[j] == '"') {
                    std::size_t k = j + 1;
                    int depth = 0;
                    for (; k < n; ++k) {
                        if (text[k] == '\\' && k + 1 < n) {
                            ++k;
                            continue;
                        }
                        if (text[k] == '{') ++depth;
                        if (text[k] == '}') --depth;
                        if (text[k] == '"' && depth <= 0) break;
                    }
                    f.value += text.substr(j + 1, k - j - 1);
                    j = std::min(n, k + 1);
                } else {
                    std::size_t k = j;
                    while (k < n && text[k] != ',' && text[k] != close && text[k] != '#' && !is_space(text[k])) ++k;
                    f.value += text.substr(j, k - j);
                    j = k;
                }
                std::size_t peek = j;
                skip_space(peek);
                more = peek < n && text[peek] == '#';
                if (more) j = peek + 1;
            }
            f.value = std::string(trim(f.value));
            e.fields.push_back(std::move(f));
        }
        entries.push_back(std::move(e));
        i = j > at ? j : at + 1;
    }
    return entries;
}

std::string remove_trailing_commas(std::string_view json, std::vector<std::size_t>* removed) {
    std::string out;
    out.reserve(json.size());
    const std::size_t n = json.size();
    // Past whitespace and comments from j.
    auto skip_blank = [&](std::size_t j) {
        while (j < n) {
            if (is_space(json[j])) {
                ++j;
            } else if (json.compare(j, 2, "//") == 0) {
                std::size_t e = json.find('\n', j);
                j = e == std::string_view::npos ? n : e;
            } else if (json.compare(j, 2, "/*") == 0) {
                std::size_t e = json.find("*/", j + 2);
                j = e == std::string_view::npos ? n : e + 2;
            } else {
                break;
            }
        }
        return j;
    };
    for (std::size_t i = 0; i < n; ++i) {
        char c = json[i];
        if (c == '"') {
            std::size_t j = i + 1;
            while (j < n && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
            j = std::min(j, n - 1);
            out.append(json.substr(i, j - i + 1));
            i = j;
            continue;
        }
        if (c == '/' && i + 1 < n && (json[i + 1] == '/' || json[i + 1] == '*')) {
            std::size_t j = skip_blank(i);
            out.append(json.substr(i, j - i));
            i = j - 1;
            continue;
        }
        if (c == ',') {
            std::size_t next = skip_blank(i + 1);
            if (next < n && (json[next] == '}' || json[next] == ']')) {
                if (removed) removed->push_back(i);
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::vector<LocalLink> local_links(std::string_view text) {
    std::vector<LocalLink> links;
    auto keep = [&](std::string_view target, std::size_t offset) {
        target = trim(target);
        if (target.empty() || target[0] == '#' || starts_with(target, "//") || starts_with(target, "{{")) return;
        std::size_t colon = target.find(':');
        std::size_t slash = target.find_first_of("/?#");
        if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) return;  // a scheme
        links.push_back({std::string(target), offset});
    };
    for (std::size_t at = text.find("]("); at != std::string_view::npos; at = text.find("](", at + 2)) {
        std::size_t start = at + 2;
        std::size_t end = text.find(')', start);
        if (end == std::string_view::npos) break;
        std::string_view target = trim(text.substr(start, end - start));
        std::size_t space = target.find_first_of(" \t");  // [x](target "title")
        if (space != std::string_view::npos) target = target.substr(0, space);
        if (target.size() >= 2 && target.front() == '<' && target.back() == '>') target = target.substr(1, target.size() - 2);
        keep(target, start);
    }
    std::string folded = lower_ascii(text);
    for (std::string_view attr : {std::string_view("href="), std::string_view("src=")}) {
        for (std::size_t at = folded.find(attr); at != std::string::npos; at = folded.find(attr, at + 1)) {
            std::size_t start = at + attr.size();
            if (start >= text.size() || (text[start] != '"' && text[start] != '\'')) continue;
            std::size_t end = text.find(text[start], start + 1);
            if (end == std::string_view::npos) continue;
            keep(text.substr(start + 1, end - start - 1), start + 1);
        }
    }
    std::sort(links.begin(), links.end(), [](const LocalLink& a, const LocalLink& b) { return a.offset < b.offset; });
    return links;
}

std::string snake_key(std::string_view title) {
    std::string out;
    bool gap = false;
    for (char c : title) {
        unsigned char u = static_cast<unsigned char>(c);
        if (is_alpha(c) || is_digit(c) || u >= 0x80) {
            if (gap && !out.empty()) out += '_';
            out += lower(c);
            gap = false;
        } else {
            gap = true;
        }
    }
    return out.empty() ? "section" : out;
}

Position position_of(std::string_view text, std::size_t offset) {
    Position p;
    profile::LineCounter lines(text);
    lines.advance_to(std::min(offset, text.size()), p.line, p.column);
    return p;
}

std::vector<Position> positions_of(std::string_view text, const std::vector<std::size_t>& offsets) {
    std::vector<std::size_t> order(offsets.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
    std::vector<Position> out(offsets.size());
    profile::LineCounter lines(text);
    for (std::size_t i : order) lines.advance_to(std::min(offsets[i], text.size()), out[i].line, out[i].column);
    return out;
}

}  // namespace app::alfolio
