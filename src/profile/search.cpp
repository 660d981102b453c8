#include "profile/search.h"

#include <algorithm>

#include "profile/text.h"

namespace profile {

namespace {

// Base letter of a Latin letter with a diacritic (a small table covering Latin-1 and
// Latin Extended-A, which is what names and places in profiles mostly use).
char32_t fold(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    static const struct {
        char32_t from, to;
        char base;
    } ranges[] = {
        {0xC0, 0xC5, 'a'}, {0xE0, 0xE5, 'a'}, {0xC7, 0xC7, 'c'}, {0xE7, 0xE7, 'c'}, {0xC8, 0xCB, 'e'},
        {0xE8, 0xEB, 'e'}, {0xCC, 0xCF, 'i'}, {0xEC, 0xEF, 'i'}, {0xD1, 0xD1, 'n'}, {0xF1, 0xF1, 'n'},
        {0xD2, 0xD6, 'o'}, {0xF2, 0xF6, 'o'}, {0xD8, 0xD8, 'o'}, {0xF8, 0xF8, 'o'}, {0xD9, 0xDC, 'u'},
        {0xF9, 0xFC, 'u'}, {0xDD, 0xDD, 'y'}, {0xFD, 0xFD, 'y'}, {0xFF, 0xFF, 'y'}, {0x100, 0x105, 'a'},
        {0x106, 0x10D, 'c'}, {0x10E, 0x111, 'd'}, {0x112, 0x11B, 'e'}, {0x11C, 0x123, 'g'}, {0x124, 0x127, 'h'},
        {0x128, 0x131, 'i'}, {0x134, 0x135, 'j'}, {0x136, 0x137, 'k'}, {0x139, 0x142, 'l'}, {0x143, 0x148, 'n'},
        {0x14C, 0x151, 'o'}, {0x154, 0x159, 'r'}, {0x15A, 0x161, 's'}, {0x162, 0x167, 't'}, {0x168, 0x173, 'u'},
        {0x174, 0x175, 'w'}, {0x176, 0x178, 'y'}, {0x179, 0x17E, 'z'},
    };
    for (const auto& r : ranges)
        if (c >= r.from && c <= r.to) return static_cast<char32_t>(r.base);
    return c;
}

std::u32string folded(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out += fold(utf8_next(s, i));
    return out;
}

bool any_matches(std::initializer_list<const std::string*> fields, const std::u32string& q) {
    for (const std::string* f : fields)
        if (!f->empty() && folded(*f).find(q) != std::u32string::npos) return true;
    return false;
}

bool list_matches(const std::vector<std::string>& v, const std::u32string& q) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return any_matches({&s}, q); });
}
bool list_matches(const std::vector<RichString>& v, const std::u32string& q) {
    return std::any_of(v.begin(), v.end(), [&](const RichString& s) { return any_matches({&s.text}, q); });
}

// What an entry of each section says, for matching, by entry type.
bool matches(const Position& w, const std::u32string& q) {
    return any_matches({&w.position, &w.organization, &w.location, &w.summary.text, &w.description.text}, q) ||
           list_matches(w.highlights, q);
}
bool matches(const Education& e, const std::u32string& q) {
    return any_matches({&e.study_type, &e.area, &e.institution, &e.advisor, &e.score, &e.location, &e.summary.text}, q) ||
           list_matches(e.courses, q) || list_matches(e.highlights, q);
}
bool matches(const Award& a, const std::u32string& q) { return any_matches({&a.title, &a.awarder, &a.summary.text}, q); }
bool matches(const Certificate& c, const std::u32string& q) { return any_matches({&c.name, &c.issuer}, q); }
bool matches(const Publication& x, const std::u32string& q) {
    if (any_matches({&x.title.text, &x.venue, &x.venue_short, &x.publisher, &x.abstract, &x.summary, &x.award, &x.doi}, q))
        return true;
    return std::any_of(x.authors.begin(), x.authors.end(), [&](const Author& a) {
        std::string name = display_name(a);
        return any_matches({&name}, q);
    });
}
bool matches(const Skill& s, const std::u32string& q) { return any_matches({&s.name, &s.level}, q) || list_matches(s.keywords, q); }
bool matches(const Language& l, const std::u32string& q) { return any_matches({&l.language, &l.fluency}, q); }
bool matches(const Interest& i, const std::u32string& q) { return any_matches({&i.name}, q) || list_matches(i.keywords, q); }
bool matches(const Reference& r, const std::u32string& q) { return any_matches({&r.name, &r.reference}, q); }
bool matches(const Project& x, const std::u32string& q) {
    return any_matches({&x.name, &x.summary.text, &x.description.text, &x.entity, &x.type}, q) || list_matches(x.highlights, q) ||
           list_matches(x.keywords, q) || list_matches(x.roles, q);
}
bool matches(const NewsItem& n, const std::u32string& q) { return any_matches({&n.title, &n.text.text}, q); }
bool matches(const Opening& o, const std::u32string& q) {
    return any_matches({&o.title, &o.summary.text, &o.location, &o.duration}, q);
}
bool matches(const ExtraEntry& e, const std::u32string& q) {
    if (any_matches({&e.title, &e.organization, &e.location, &e.summary}, q) || list_matches(e.highlights, q)) return true;
    return std::any_of(e.details.begin(), e.details.end(), [&](const auto& d) { return any_matches({&d.second}, q); });
}
std::string hit_title(const ExtraEntry& e) {
    if (e.title.empty()) return e.organization;
    return e.organization.empty() ? e.title : e.title + ", " + e.organization;
}

// About 70 characters of `text` around the first match, on word boundaries, with
// ellipses where it was cut.
std::string snippet(const std::string& text, const std::u32string& q) {
    std::u32string f = folded(text);
    std::size_t at = f.find(q);
    if (at == std::u32string::npos) return {};
    // Byte offsets of every code point, to cut the original (unfolded) text.
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < text.size();) {
        offsets.push_back(i);
        utf8_next(text, i);
    }
    offsets.push_back(text.size());
    std::size_t from = at > 30 ? at - 30 : 0;
    std::size_t to = std::min(offsets.size() - 1, at + q.size() + 40);
    while (from > 0 && text[offsets[from] - 1] != ' ') --from;
    while (to < offsets.size() - 1 && text[offsets[to]] != ' ') ++to;
    std::string out = text.substr(offsets[from], offsets[to] - offsets[from]);
    return (from > 0 ? "\u2026" : "") + out + (to < offsets.size() - 1 ? "\u2026" : "");
}

std::string first_sentence(const std::string& s) {
    std::size_t cut = s.find(". ");
    std::string out = s.substr(0, cut == std::string::npos ? s.size() : cut + 1);
    return out.size() > 90 ? out.substr(0, 87) + "..." : out;
}

// What an entry of each section is called in search results, by entry type.
std::string hit_title(const Position& w) { return w.position.empty() ? w.organization : w.position + ", " + w.organization; }
std::string hit_title(const Education& e) {
    std::string degree = e.study_type.empty() ? e.area : e.study_type + (e.area.empty() ? "" : " in " + e.area);
    return degree.empty() ? e.institution : degree + ", " + e.institution;
}
std::string hit_title(const NewsItem& n) { return n.title.empty() ? first_sentence(n.text.text) : n.title; }
std::string hit_title(const Award& a) { return a.title; }
std::string hit_title(const Publication& x) { return x.title.text; }
std::string hit_title(const Project& x) { return x.name; }
std::string hit_title(const Certificate& c) { return c.name; }
std::string hit_title(const Skill& s) { return s.name; }
std::string hit_title(const Language& l) { return l.language; }
std::string hit_title(const Reference& r) { return r.name; }
std::string hit_title(const Opening& o) { return o.title; }

// A section's hits and its filtered entries, by the type of the Profile member that
// holds them. About and Research interests are one text each: one hit, with the passage
// that matched.
void collect(std::vector<SearchHit>& hits, std::size_t, SectionId id, const Profile& p, const Basics&,
             const std::u32string& q) {
    if (any_matches({&p.basics.summary.text}, q))
        hits.push_back(SearchHit{id, SearchHit::kWholeSection, snippet(p.basics.summary.text, q)});
}
void collect(std::vector<SearchHit>& hits, std::size_t, SectionId id, const Profile& p,
             const std::vector<Interest>& interests, const std::u32string& q) {
    if (any_matches({&p.basics.research_interests}, q))
        hits.push_back(SearchHit{id, SearchHit::kWholeSection, snippet(p.basics.research_interests, q)});
    else if (std::any_of(interests.begin(), interests.end(), [&](const Interest& i) { return matches(i, q); }))
        hits.push_back(SearchHit{id, SearchHit::kWholeSection, std::string(section_info(id).title)});
}
template <class T>
void collect(std::vector<SearchHit>& hits, std::size_t max, SectionId id, const Profile&, const std::vector<T>& v,
             const std::u32string& q) {
    for (std::size_t i = 0; i < v.size() && hits.size() < max; ++i)
        if (matches(v[i], q)) hits.push_back(SearchHit{id, i, hit_title(v[i])});
}

void keep_matching(Profile& out, Basics& b, const std::u32string& q) {
    if (!any_matches({&b.summary.text}, q)) b.summary = {};
    if (!any_matches({&b.research_interests}, q)) out.basics.research_interests.clear();
}
template <class T>
void keep_matching(Profile&, std::vector<T>& v, const std::u32string& q) {
    v.erase(std::remove_if(v.begin(), v.end(), [&](const T& e) { return !matches(e, q); }), v.end());
}

}  // namespace

bool text_matches(std::string_view text, std::string_view query) {
    if (query.empty()) return true;
    return folded(text).find(folded(query)) != std::u32string::npos;
}

std::vector<SearchHit> search(const Profile& p, std::string_view query, std::size_t max) {
    std::vector<SearchHit> hits;
    std::u32string q = folded(query);
    if (q.empty()) return hits;
#define IMFOLIO_SEARCH_SECTION(id, member, ...) collect(hits, max, SectionId::id, p, p.member, q);
    IMFOLIO_SECTIONS(IMFOLIO_SEARCH_SECTION)
#undef IMFOLIO_SEARCH_SECTION
    for (std::size_t x = 0; x < p.extra_sections.size(); ++x) {
        const std::vector<ExtraEntry>& entries = p.extra_sections[x].entries;
        for (std::size_t i = 0; i < entries.size() && hits.size() < max; ++i)
            if (matches(entries[i], q)) hits.push_back(SearchHit{SectionId::about, i, hit_title(entries[i]), x});
    }
    if (hits.size() > max) hits.resize(max);
    return hits;
}

Profile filter(const Profile& p, std::string_view query) {
    std::u32string q = folded(query);
    if (q.empty()) return p;
    Profile out = p;
#define IMFOLIO_FILTER_SECTION(id, member, ...) keep_matching(out, out.member, q);
    IMFOLIO_SECTIONS(IMFOLIO_FILTER_SECTION)
#undef IMFOLIO_FILTER_SECTION
    for (ExtraSection& x : out.extra_sections) keep_matching(out, x.entries, q);
    return out;
}

}  // namespace profile
