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

// What an entry of each section says, for matching; the first field is its title.
bool position_matches(const Position& w, const std::u32string& q) {
    return any_matches({&w.position, &w.organization, &w.location, &w.summary, &w.description}, q) ||
           list_matches(w.highlights, q);
}
bool education_matches(const Education& e, const std::u32string& q) {
    return any_matches({&e.study_type, &e.area, &e.institution, &e.advisor, &e.score}, q) || list_matches(e.courses, q);
}
bool award_matches(const Award& a, const std::u32string& q) { return any_matches({&a.title, &a.awarder, &a.summary}, q); }
bool certificate_matches(const Certificate& c, const std::u32string& q) { return any_matches({&c.name, &c.issuer}, q); }
bool publication_matches(const Publication& x, const std::u32string& q) {
    if (any_matches({&x.title.text, &x.venue, &x.venue_short, &x.publisher, &x.abstract, &x.summary, &x.award, &x.doi}, q))
        return true;
    return std::any_of(x.authors.begin(), x.authors.end(), [&](const Author& a) {
        std::string name = display_name(a);
        return any_matches({&name}, q);
    });
}
bool skill_matches(const Skill& s, const std::u32string& q) { return any_matches({&s.name, &s.level}, q) || list_matches(s.keywords, q); }
bool language_matches(const Language& l, const std::u32string& q) { return any_matches({&l.language, &l.fluency}, q); }
bool interest_matches(const Interest& i, const std::u32string& q) { return any_matches({&i.name}, q) || list_matches(i.keywords, q); }
bool reference_matches(const Reference& r, const std::u32string& q) { return any_matches({&r.name, &r.reference}, q); }
bool project_matches(const Project& x, const std::u32string& q) {
    return any_matches({&x.name, &x.description, &x.entity, &x.type}, q) || list_matches(x.highlights, q) ||
           list_matches(x.keywords, q) || list_matches(x.roles, q);
}
bool news_matches(const NewsItem& n, const std::u32string& q) { return any_matches({&n.title, &n.text}, q); }
bool opening_matches(const Opening& o, const std::u32string& q) {
    return any_matches({&o.title, &o.summary, &o.location, &o.duration}, q);
}

template <class T, class Match>
void keep_matching(std::vector<T>& v, const std::u32string& q, Match m) {
    v.erase(std::remove_if(v.begin(), v.end(), [&](const T& e) { return !m(e, q); }), v.end());
}

template <class T, class Match, class Title>
void collect(std::vector<SearchHit>& hits, std::size_t max, const char* section, const std::vector<T>& v,
             const std::u32string& q, Match m, Title title) {
    for (std::size_t i = 0; i < v.size() && hits.size() < max; ++i)
        if (m(v[i], q)) hits.push_back(SearchHit{section, i, title(v[i])});
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

}  // namespace

bool text_matches(std::string_view text, std::string_view query) {
    if (query.empty()) return true;
    return folded(text).find(folded(query)) != std::u32string::npos;
}

std::vector<SearchHit> search(const Profile& p, std::string_view query, std::size_t max) {
    std::vector<SearchHit> hits;
    std::u32string q = folded(query);
    if (q.empty()) return hits;
    if (any_matches({&p.basics.summary}, q)) hits.push_back(SearchHit{"basics", 0, snippet(p.basics.summary, q)});
    if (any_matches({&p.basics.research_interests}, q))
        hits.push_back(SearchHit{"interests", 0, snippet(p.basics.research_interests, q)});
    else if (std::any_of(p.interests.begin(), p.interests.end(), [&](const Interest& i) { return interest_matches(i, q); }))
        hits.push_back(SearchHit{"interests", 0, "Research interests"});
    collect(hits, max, "news", p.news, q, news_matches, [](const NewsItem& n) { return n.title.empty() ? first_sentence(n.text) : n.title; });
    collect(hits, max, "work", p.work, q, position_matches,
            [](const Position& w) { return w.position.empty() ? w.organization : w.position + ", " + w.organization; });
    collect(hits, max, "education", p.education, q, education_matches, [](const Education& e) {
        std::string degree = e.study_type.empty() ? e.area : e.study_type + (e.area.empty() ? "" : " in " + e.area);
        return degree.empty() ? e.institution : degree + ", " + e.institution;
    });
    collect(hits, max, "awards", p.awards, q, award_matches, [](const Award& a) { return a.title; });
    collect(hits, max, "publications", p.publications, q, publication_matches, [](const Publication& x) { return x.title.text; });
    collect(hits, max, "projects", p.projects, q, project_matches, [](const Project& x) { return x.name; });
    collect(hits, max, "volunteer", p.volunteer, q, position_matches,
            [](const Position& w) { return w.position.empty() ? w.organization : w.position + ", " + w.organization; });
    collect(hits, max, "certificates", p.certificates, q, certificate_matches, [](const Certificate& c) { return c.name; });
    collect(hits, max, "skills", p.skills, q, skill_matches, [](const Skill& s) { return s.name; });
    collect(hits, max, "languages", p.languages, q, language_matches, [](const Language& l) { return l.language; });
    collect(hits, max, "references", p.references, q, reference_matches, [](const Reference& r) { return r.name; });
    collect(hits, max, "openings", p.openings, q, opening_matches, [](const Opening& o) { return o.title; });
    if (hits.size() > max) hits.resize(max);
    return hits;
}

Profile filter(const Profile& p, std::string_view query) {
    std::u32string q = folded(query);
    if (q.empty()) return p;
    Profile out = p;
    if (!any_matches({&p.basics.summary}, q)) out.basics.summary.clear();
    bool interests = any_matches({&p.basics.research_interests}, q);
    if (!interests) out.basics.research_interests.clear();
    keep_matching(out.interests, q, interest_matches);
    keep_matching(out.news, q, news_matches);
    keep_matching(out.work, q, position_matches);
    keep_matching(out.volunteer, q, position_matches);
    keep_matching(out.education, q, education_matches);
    keep_matching(out.awards, q, award_matches);
    keep_matching(out.certificates, q, certificate_matches);
    keep_matching(out.publications, q, publication_matches);
    keep_matching(out.skills, q, skill_matches);
    keep_matching(out.languages, q, language_matches);
    keep_matching(out.references, q, reference_matches);
    keep_matching(out.projects, q, project_matches);
    keep_matching(out.openings, q, opening_matches);
    return out;
}

}  // namespace profile
