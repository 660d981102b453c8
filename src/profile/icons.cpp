// profile/icons.cpp: Font Awesome class strings resolved against the generated table of
// Fork Awesome's names (icon_names.inc, written by scripts/icon-names).
#include "profile/icons.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "profile/text.h"

namespace profile {

namespace {

// The table, packed: every name in one string (each ended by a NUL), and per row its
// style, its name's length and its glyph in four bytes. Rows of a pointer and two
// characters took 12 bytes each, 1,068 of them in the first download of every visit.
// The style is 0 for Fork Awesome's own (FA 4) names; 's', 'r', 'b' for Font Awesome 5's
// solid, regular and brands.
constexpr char kNames[] =
#define IMFOLIO_ICON(style, name, glyph) name "\0"
#include "icon_names.inc"
#undef IMFOLIO_ICON
    ;

struct IconRow {
    char style;
    std::uint8_t length;
    std::uint16_t glyph;  // Fork Awesome's are all in the private use area, below U+10000
};

constexpr IconRow kIcons[] = {
#define IMFOLIO_ICON(style, name, glyph) \
    {style, static_cast<std::uint8_t>(sizeof(name) - 1), static_cast<std::uint16_t>(glyph)},
#include "icon_names.inc"
#undef IMFOLIO_ICON
};
constexpr std::size_t kIconCount = std::size(kIcons);

// Where each row's name starts in kNames, worked out once.
const std::vector<std::uint16_t>& name_starts() {
    static const std::vector<std::uint16_t> starts = [] {
        std::vector<std::uint16_t> out;
        out.reserve(kIconCount);
        std::size_t at = 0;
        for (const IconRow& r : kIcons) {
            out.push_back(static_cast<std::uint16_t>(at));
            at += r.length + 1u;
        }
        return out;
    }();
    return starts;
}
static_assert(sizeof(kNames) < 65536, "name offsets are 16 bits");

std::string_view name_of(std::size_t row) { return {kNames + name_starts()[row], kIcons[row].length}; }

char32_t find(char style, std::string_view name) {
    std::size_t lo = 0, hi = kIconCount;  // the first row not before (style, name)
    while (lo < hi) {
        std::size_t mid = lo + (hi - lo) / 2;
        bool before = kIcons[mid].style != style ? kIcons[mid].style < style : name_of(mid) < name;
        if (before)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < kIconCount && kIcons[lo].style == style && name_of(lo) == name ? kIcons[lo].glyph : 0;
}

// Font Awesome 6 renamed many icons; these are the ones CVs use, mapped to the Font
// Awesome 4 name of the same picture.
struct Rename {
    const char* from;
    const char* to;
};
constexpr Rename kRenames[] = {
    {"location-dot", "map-marker"},       {"location-pin", "map-marker"},
    {"house", "home"},                    {"magnifying-glass", "search"},
    {"circle-info", "info-circle"},       {"circle-question", "question-circle"},
    {"circle-check", "check-circle"},     {"circle-user", "user-circle"},
    {"pen-to-square", "pencil-square-o"}, {"pen", "pencil"},
    {"xmark", "times"},                   {"file-lines", "file-text-o"},
    {"up-right-from-square", "external-link"}, {"arrow-up-right-from-square", "external-link"},
    {"earth-americas", "globe"},          {"earth-europe", "globe"},
    {"earth-asia", "globe"},              {"chart-line", "line-chart"},
    {"chart-simple", "bar-chart"},        {"user-graduate", "graduation-cap"},
    {"school", "university"},             {"building-columns", "university"},
    {"landmark", "university"},           {"people-group", "users"},
    {"user-group", "users"},              {"book-open", "book"},
    {"laptop-code", "laptop"},            {"screwdriver-wrench", "wrench"},
    {"award", "trophy"},                  {"medal", "trophy"},
    {"lightbulb", "lightbulb-o"},         {"calendar-days", "calendar"},
    {"mobile-screen", "mobile"},          {"x-twitter", "twitter"},
    {"square-github", "github-square"},   {"comment-dots", "commenting"},
    {"rotate", "refresh"},                {"arrows-rotate", "refresh"},
    {"cloud-arrow-up", "cloud-upload"},   {"cloud-arrow-down", "cloud-download"},
};

char style_of(std::string_view token) {
    if (token == "fa-solid" || token == "fas") return 's';
    if (token == "fa-regular" || token == "far") return 'r';
    if (token == "fa-brands" || token == "fab") return 'b';
    return 0;
}

char32_t resolve(char style, std::string_view name) {
    if (style)
        if (char32_t g = find(style, name)) return g;
    if (char32_t g = find(0, name)) return g;
    for (const Rename& r : kRenames)
        if (name == r.from) return find(0, r.to);
    return 0;
}

}  // namespace

char32_t icon_glyph(std::string_view css_class) {
    std::string folded = fold_case(css_class);
    std::vector<std::string_view> tokens;
    std::string_view rest = folded;
    while (!rest.empty()) {
        std::size_t start = rest.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos) break;
        rest.remove_prefix(start);
        std::size_t end = rest.find_first_of(" \t\r\n");
        tokens.push_back(rest.substr(0, end));
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
    }
    char style = 0;
    for (std::string_view t : tokens)
        if (char s = style_of(t)) style = s;
    // Modifiers ("fa-fw", "fa-lg", "fa-spin") name no icon, so the first token that
    // does is the icon, wherever it stands.
    for (std::string_view t : tokens)
        if (t.size() > 3 && t.substr(0, 3) == "fa-" && !style_of(t))
            if (char32_t g = resolve(style, t.substr(3))) return g;
    return 0;
}

std::vector<char32_t> icon_glyphs(const Profile& p) {
    std::vector<char32_t> out;
    auto add = [&](const auto& list) {
        for (const auto& e : list)
            if (e.icon_glyph) out.push_back(e.icon_glyph);
    };
    add(p.skills);
    add(p.languages);
    add(p.interests);
    add(p.certificates);
    add(p.references);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace profile
