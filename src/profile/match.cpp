// Name folding and the co-author and venue lookups of profile/match.h: no fuzzy matching,
// no allocation per author beyond the folded name.
#include "profile/match.h"

#include "profile/text.h"

namespace profile {

namespace {

// The base letters of U+00C0..U+017F, lower case; '?' where the letter is two
// ("æ", "ß", "þ", "ĳ", "œ"), '-' where it is no letter (× and ÷).
constexpr std::string_view kLatin1 = "aaaaaa?ceeeeiiiidnooooo-ouuuuy??aaaaaa?ceeeeiiiidnooooo-ouuuuy?y";
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "ii??jjkkklllllll"
    "lllnnnnnnnnnoooo" "oo??rrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

const char* two_letters(char32_t cp) {
    switch (cp) {
        case 0xC6: case 0xE6: return "ae";
        case 0xDE: case 0xFE: return "th";
        case 0xDF: return "ss";
        case 0x132: case 0x133: return "ij";
        case 0x152: case 0x153: return "oe";
        default: return "";
    }
}

}  // namespace

std::string fold_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        char32_t cp = utf8_next(name, i);
        if (cp < 0x80) {
            char c = static_cast<char>(cp);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '.' || c == '{' || c == '}' || c == '~') continue;
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (cp >= 0x300 && cp <= 0x36F) {
            continue;  // combining accents, as macOS writes decomposed names
        } else if (cp == 0xA0 || cp == 0x2009 || cp == 0x202F) {
            continue;  // no-break and thin spaces
        } else if (cp >= 0xC0 && cp <= 0x17F) {
            char base = cp < 0x100 ? kLatin1[cp - 0xC0] : kLatinExtendedA[cp - 0x100];
            if (base == '?')
                out += two_letters(cp);
            else if (base != '-')
                out += base;
        } else {
            utf8_append(out, cp);
        }
    }
    return out;
}

CoauthorMatcher::CoauthorMatcher(const std::vector<Coauthor>& coauthors) {
    keys_.reserve(coauthors.size());
    for (const Coauthor& c : coauthors) {
        Key k{fold_name(c.family), {}};
        for (const std::string& g : c.given) k.given.push_back(fold_name(g));
        keys_.push_back(std::move(k));
    }
}

int CoauthorMatcher::operator()(const Author& a) const {
    if (keys_.empty() || a.family.empty()) return -1;
    std::string family = fold_name(a.family);
    std::string given = fold_name(a.given);
    for (std::size_t i = 0; i < keys_.size(); ++i) {
        if (keys_[i].family != family) continue;
        for (const std::string& g : keys_[i].given)
            if (g == given) return static_cast<int>(i);
    }
    return -1;
}

int find_venue(const std::vector<Venue>& venues, std::string_view abbr) {
    if (abbr.empty()) return -1;
    for (std::size_t i = 0; i < venues.size(); ++i)
        if (venues[i].abbr == abbr) return static_cast<int>(i);
    return -1;
}

}  // namespace profile
