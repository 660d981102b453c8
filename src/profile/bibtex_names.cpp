#include "profile/bibtex_names.h"

#include <string>

#include "profile/text.h"

namespace profile {

namespace {

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Word separators inside a name: whitespace, TeX's tie, and the no-break and thin
// spaces people paste in. Returns the separator's length at s[i], or 0.
std::size_t separator_at(std::string_view s, std::size_t i) {
    if (ascii_space(s[i]) || s[i] == '~') return 1;
    if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;                                          // U+00A0
    if (s.compare(i, 3, "\xE2\x80\x89") == 0 || s.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;  // U+2009, U+202F
    return 0;
}

// A name list split on " and " at brace depth 0, as [begin, end) offsets.
std::vector<std::pair<std::size_t, std::size_t>> split_names(std::string_view s) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '{') ++depth;
        else if (c == '}') depth = depth > 0 ? depth - 1 : 0;
        if (depth != 0 || !ascii_space(c)) continue;
        std::size_t j = i;
        while (j < s.size() && ascii_space(s[j])) ++j;
        if (j + 3 <= s.size() && fold_case(s.substr(j, 3)) == "and" && (j + 3 == s.size() || ascii_space(s[j + 3]))) {
            out.emplace_back(start, i);
            start = j + 3;
            i = j + 2;
        }
    }
    out.emplace_back(start, s.size());
    return out;
}

enum class Case { lower, upper, none };

Case case_of(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z') return Case::lower;
        if (cp >= 'A' && cp <= 'Z') return Case::upper;
        return Case::none;
    }
    if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) return cp >= 0xDF ? Case::lower : Case::upper;
    if (cp >= 0x100 && cp <= 0x17F) {
        // Latin Extended-A pairs upper/lower, with the parity flipping twice.
        if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return Case::lower;
        if (cp == 0x178) return Case::upper;
        bool odd = cp & 1;
        bool flipped = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        return odd != flipped ? Case::lower : Case::upper;
    }
    if (cp >= 0x391 && cp <= 0x3A9) return Case::upper;
    if (cp >= 0x3B1 && cp <= 0x3C9) return Case::lower;
    if (cp >= 0x400 && cp <= 0x42F) return Case::upper;
    if (cp >= 0x430 && cp <= 0x45F) return Case::lower;
    return Case::none;
}

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The case BibTeX gives a word: that of its first letter at brace depth 0. A word that
// starts with a braced group has none ({van} Gogh keeps "van" in Last), except a
// "special character" ({\"u}ber), which has the case of its letter.
Case word_case(std::string_view w) {
    for (std::size_t i = 0; i < w.size();) {
        char c = w[i];
        if (c == '{') {
            if (i + 1 >= w.size() || w[i + 1] != '\\') return Case::none;
            for (std::size_t k = i + 2; k < w.size() && w[k] != '}'; ++k) {
                if (!letter(w[k])) continue;
                // \o, \ss, \aa...: the command is the letter; \"u, \v{s}: the letter follows.
                std::size_t e = k;
                while (e < w.size() && letter(w[e])) ++e;
                std::string_view name = w.substr(k, e - k);
                if (k == i + 2 && name.size() > 1 && name != "ss" && name != "aa" && name != "AA" && name != "ae" &&
                    name != "AE" && name != "oe" && name != "OE") {
                    k = e - 1;  // a command like \relax: the letter comes after it
                    continue;
                }
                if (k == i + 2 && name.size() == 1 && std::string_view("uvHcdbkrt").find(name[0]) != std::string_view::npos &&
                    e < w.size() && (w[e] == '{' || w[e] == ' ')) {
                    k = e - 1;  // a letter accent (\v{s}, \c c): its argument decides
                    continue;
                }
                return w[k] >= 'a' ? Case::lower : Case::upper;
            }
            return Case::none;
        }
        if (c == '\\') {
            std::size_t e = i + 1;
            while (e < w.size() && letter(w[e])) ++e;
            if (e == i + 1) {
                i += 2;  // \'e: the accent, then the letter decides
                continue;
            }
            i = e;
            continue;
        }
        std::size_t k = i;
        Case cs = case_of(utf8_next(w, k));
        if (cs != Case::none) return cs;
        i = k;
    }
    return Case::none;
}

// Takes equal-contribution markers off the end of a word: "Zhao*" -> "Zhao" + "*".
void take_markers(std::string_view& w, std::string& marker) {
    for (bool changed = true; changed && !w.empty();) {
        changed = false;
        std::string found;
        if (w.back() == '*') {
            found = "*";
            w.remove_suffix(1);
        } else {
            for (const char* sign : {"†", "‡", "§", "¶"}) {
                std::string_view s(sign);
                if (w.size() >= s.size() && w.substr(w.size() - s.size()) == s) {
                    found = std::string(s);
                    w.remove_suffix(s.size());
                    break;
                }
            }
        }
        if (found.empty()) {
            for (const char* command : {"\\dagger", "\\ddagger", "\\dag", "\\ddag", "\\ast"}) {
                std::string_view c(command);
                if (w.size() > c.size() && w.substr(w.size() - c.size()) == c) {
                    found = latex_to_text(std::string(c));
                    w.remove_suffix(c.size());
                    break;
                }
            }
        }
        if (found.empty() && w.back() == '}') {
            // \textsuperscript{...} closing the word.
            int depth = 0;
            std::size_t open = std::string_view::npos;
            for (std::size_t i = w.size(); i-- > 0;) {
                if (w[i] == '}') ++depth;
                if (w[i] == '{' && --depth == 0) {
                    open = i;
                    break;
                }
            }
            std::string_view command = "\\textsuperscript";
            if (open != std::string_view::npos && open >= command.size() &&
                w.substr(open - command.size(), command.size()) == command) {
                found = latex_to_text(w.substr(open + 1, w.size() - open - 2));
                w = w.substr(0, open - command.size());
                if (found.empty()) found = " ";
            }
        }
        if (found.empty() && w.size() >= 2 && w.back() == '$') {
            // $^*$, $^{\dagger}$ closing the word.
            std::size_t open = w.rfind('$', w.size() - 2);
            if (open != std::string_view::npos && open + 1 < w.size() - 1 && w[open + 1] == '^') {
                found = latex_to_text(w.substr(open, w.size() - open));
                w = w.substr(0, open);
            }
        }
        if (!found.empty()) {
            if (found != " ") marker.insert(0, found);
            changed = true;
        }
    }
}

struct Word {
    std::string_view text;
};

std::string join(const std::vector<Word>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
        if (!out.empty()) out += ' ';
        out += words[k].text;
    }
    return out;
}

std::string text_of(std::string_view raw, std::vector<LatexNote>* notes, std::size_t at) {
    LatexOptions options;
    options.smart_quotes = false;
    std::vector<LatexNote> found;
    std::string out = latex_to_text(raw, notes ? &found : nullptr, options);
    for (LatexNote& n : found) notes->push_back(LatexNote{at, std::move(n.message)});
    return out;
}

void read_name(std::string_view s, std::size_t at, NameList& list, std::vector<LatexNote>* notes) {
    std::size_t b = 0, e = s.size();
    while (b < e && ascii_space(s[b])) ++b;
    while (e > b && ascii_space(s[e - 1])) --e;
    s = s.substr(b, e - b);
    at += b;
    if (s.empty()) return;
    if (fold_case(s) == "others") {
        list.others = true;
        return;
    }
    Author a;
    // {The X Consortium}: one group, the whole name.
    if (s.front() == '{') {
        int depth = 0;
        std::size_t close = std::string_view::npos;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '{') ++depth;
            if (s[i] == '}' && --depth == 0) {
                close = i;
                break;
            }
        }
        std::string_view rest = close == std::string_view::npos ? std::string_view() : s.substr(close + 1);
        std::string marker;
        take_markers(rest, marker);
        if (close != std::string_view::npos && rest.find_first_not_of(" \t\r\n") == std::string_view::npos &&
            !(s.size() > 1 && s[1] == '\\')) {
            a.literal = text_of(s.substr(1, close - 1), notes, at);
            a.marker = marker;
            if (!a.literal.empty()) list.names.push_back(std::move(a));
            return;
        }
    }
    // Words, in comma-separated parts.
    std::vector<std::vector<Word>> parts(1);
    int depth = 0;
    std::size_t start = std::string_view::npos;
    auto end_word = [&](std::size_t i) {
        if (start == std::string_view::npos) return;
        std::string_view w = s.substr(start, i - start);
        take_markers(w, a.marker);
        if (!w.empty()) parts.back().push_back(Word{w});
        start = std::string_view::npos;
    };
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (depth == 0) {
            if (std::size_t n = separator_at(s, i)) {
                end_word(i);
                i += n;
                continue;
            }
            if (c == ',') {
                end_word(i);
                parts.emplace_back();
                ++i;
                continue;
            }
        }
        if (c == '{') ++depth;
        if (c == '}' && depth > 0) --depth;
        if (start == std::string_view::npos) start = i;
        i += utf8_length(s, i);
    }
    end_word(s.size());

    std::string von_last, jr, first;
    if (parts.size() == 1) {
        const std::vector<Word>& w = parts[0];
        if (w.empty()) return;
        // "First von Last": von runs from the first to the last lower-case word before the last word.
        std::size_t n = w.size(), von_begin = n - 1;
        for (std::size_t k = 0; k + 1 < n; ++k)
            if (word_case(w[k].text) == Case::lower) {
                von_begin = k;
                break;
            }
        first = join(w, 0, von_begin);
        von_last = join(w, von_begin, n);
    } else {
        von_last = join(parts[0], 0, parts[0].size());
        if (parts.size() == 2) {
            first = join(parts[1], 0, parts[1].size());
        } else {
            jr = join(parts[1], 0, parts[1].size());
            first = join(parts[2], 0, parts[2].size());
            if (parts.size() > 3) {
                if (notes)
                    notes->push_back(LatexNote{at, "name \"" + shorten_text(s, 60) +
                                                       "\" has more than two commas; the rest is read as given names"});
                for (std::size_t k = 3; k < parts.size(); ++k) first += ", " + join(parts[k], 0, parts[k].size());
            }
        }
    }
    a.family = text_of(von_last, notes, at);
    std::string suffix = text_of(jr, notes, at);
    if (!suffix.empty()) a.family += ", " + suffix;
    a.given = text_of(first, notes, at);
    if (a.family.empty() && a.given.empty()) return;
    if (a.family.empty()) std::swap(a.family, a.given);
    list.names.push_back(std::move(a));
}

}  // namespace

NameList read_names(std::string_view value, std::vector<LatexNote>* notes) {
    NameList list;
    for (auto [b, e] : split_names(value)) read_name(value.substr(b, e - b), b, list, notes);
    return list;
}

}  // namespace profile
