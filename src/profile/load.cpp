#include "profile/load.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include "profile/date.h"
#include "profile/json_source.h"
#include "profile/text.h"

namespace profile {

namespace {

using nlohmann::json;

std::string type_phrase(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "a number";
    }
}

std::string trimmed(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// Collects problems while reading, up to the limit.
class Reader {
public:
    Reader(std::vector<Problem>& problems, const Limits& limits) : problems_(problems), limits_(limits) {}

    void report(Severity s, std::string pointer, std::string message) {
        if (room(s)) problems_.push_back(Problem{s, std::move(pointer), std::move(message)});
    }
    // Whether another problem may be kept; counts it when not.
    bool room(Severity s) {
        if (problems_.size() < limits_.max_problems) return true;
        ++dropped;
        dropped_an_error = dropped_an_error || s == Severity::error;
        return false;
    }
    std::size_t dropped = 0;  // problems past the limit
    bool dropped_an_error = false;
    void error(std::string pointer, std::string message) { report(Severity::error, std::move(pointer), std::move(message)); }
    void warn(std::string pointer, std::string message) { report(Severity::warning, std::move(pointer), std::move(message)); }

    bool expect(const json& v, json::value_t type, const std::string& ptr, const char* expected) {
        if (v.type() == type) return true;
        error(ptr, std::string("expected ") + expected + ", found " + type_phrase(v) + "; value ignored");
        return false;
    }

    bool text(const json& v, const std::string& ptr, std::string& out) {
        if (v.is_null()) return false;
        if (v.is_number()) {  // A number where text belongs ("score": 3.9) reads fine as text.
            out = v.is_number_float() ? trim_float(v.get<double>()) : v.dump();
            return true;
        }
        if (!expect(v, json::value_t::string, ptr, "a string")) return false;
        out = trimmed(v.get_ref<const std::string&>());
        return true;
    }

    void url(const json& v, const std::string& ptr, std::string& out) {
        std::string s;
        if (!text(v, ptr, s) || s.empty()) return;
        if (!is_safe_url(s)) {
            warn(ptr, "link \"" + shorten(s) + "\" is not http, https or mailto; it is shown as text, not as a link");
            return;
        }
        out = s;
    }

    void email(const json& v, const std::string& ptr, std::string& out) {
        std::string s;
        if (!text(v, ptr, s) || s.empty()) return;
        std::size_t at = s.find('@');
        bool plausible = at != std::string::npos && at > 0 && at + 1 < s.size() &&
                         s.find_first_of(" \t\r\n<>\"'():;,") == std::string::npos;
        if (!plausible) {
            warn(ptr, "\"" + shorten(s) + "\" does not look like an email address; not shown");
            return;
        }
        out = s;
    }

    void date(const json& v, const std::string& ptr, Date& out) {
        if (v.is_number_integer()) {
            long long y = v.get<long long>();
            if (y > 0 && y < 10000) {
                out = Date{static_cast<int>(y), 0, 0};
                warn(ptr, "dates are strings: write \"" + std::to_string(y) + "\"");
                return;
            }
        }
        std::string s;
        if (!text(v, ptr, s) || s.empty()) return;
        if (auto d = parse_date(s)) {
            out = *d;
            return;
        }
        error(ptr, "\"" + shorten(s) + "\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    }

    void list(const json& v, const std::string& ptr, std::vector<std::string>& out) {
        if (!expect(v, json::value_t::array, ptr, "an array of strings")) return;
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::string s;
            if (text(v[i], pointer_child(ptr, i), s) && !s.empty()) out.push_back(std::move(s));
        }
    }

    void flag(const json& v, const std::string& ptr, bool& out) {
        if (v.is_boolean()) {
            out = v.get<bool>();
            return;
        }
        if (v.is_string()) {  // al-folio writes selected={true}; accept "true"/"false" too.
            const std::string& s = v.get_ref<const std::string&>();
            if (s == "true" || s == "false") {
                out = s == "true";
                return;
            }
        }
        error(ptr, "expected true or false, found " + type_phrase(v) + "; value ignored");
    }

    // Reports a key the format does not know, with the nearest known key if one is close.
    void unknown(const std::string& ptr, const std::string& key, const std::vector<const char*>& known) {
        if (!room(Severity::warning)) return;
        std::string folded = fold_case(key);
        const char* best = nullptr;
        std::size_t best_distance = std::max<std::size_t>(2, key.size() / 4) + 1;
        for (const char* k : known) {
            // The distance is at least the difference in length: skip the O(n*m) work
            // for names that cannot be close (a 200 KiB key in a hostile file).
            std::size_t length = std::strlen(k);
            if ((key.size() > length ? key.size() - length : length - key.size()) >= best_distance) continue;
            std::size_t d = edit_distance(folded, fold_case(k));
            if (d < best_distance) {
                best_distance = d;
                best = k;
            }
        }
        std::string msg = "unknown field \"" + shorten(key) + "\"";
        if (best) msg += "; did you mean \"" + std::string(best) + "\"?";
        warn(ptr, msg);
    }

    std::size_t max_entries() const { return limits_.max_entries; }

private:
    static std::string shorten(const std::string& s) {
        return s.size() <= 60 ? s : std::string(utf8_prefix(s, 57)) + "...";
    }
    static std::string trim_float(double d) {
        if (!std::isfinite(d)) return {};
        std::string s = std::to_string(d);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    }

    std::vector<Problem>& problems_;
    const Limits& limits_;
};

// A field of struct T and how to read it. Fields the generic reader does not
// handle (nested objects, aliases) are `custom`: known, but read by the caller.
enum class Kind { text, url, email, date, list, flag, custom };

template <class T>
struct Field {
    const char* key;
    Kind kind;
    std::string T::*text = nullptr;
    Date T::*date = nullptr;
    std::vector<std::string> T::*list = nullptr;
    bool T::*flag = nullptr;
};

template <class T>
Field<T> text(const char* key, std::string T::*m) {
    Field<T> f{key, Kind::text};
    f.text = m;
    return f;
}
template <class T>
Field<T> url(const char* key, std::string T::*m) {
    Field<T> f = text(key, m);
    f.kind = Kind::url;
    return f;
}
template <class T>
Field<T> email(const char* key, std::string T::*m) {
    Field<T> f = text(key, m);
    f.kind = Kind::email;
    return f;
}
template <class T>
Field<T> date(const char* key, Date T::*m) {
    Field<T> f{key, Kind::date};
    f.date = m;
    return f;
}
template <class T>
Field<T> list(const char* key, std::vector<std::string> T::*m) {
    Field<T> f{key, Kind::list};
    f.list = m;
    return f;
}
template <class T>
Field<T> flag(const char* key, bool T::*m) {
    Field<T> f{key, Kind::flag};
    f.flag = m;
    return f;
}
template <class T>
Field<T> custom(const char* key) {
    return Field<T>{key, Kind::custom};
}

// Reads every member of `obj` that `fields` describes into `out`; reports unknown
// members; returns the members left for the caller (Kind::custom).
template <class T>
std::vector<std::pair<std::string, const json*>> read_fields(Reader& r, const json& obj, const std::string& ptr, T& out,
                                                               const std::vector<Field<T>>& fields) {
    std::vector<std::pair<std::string, const json*>> rest;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string& key = it.key();
        const json& v = it.value();
        std::string p = pointer_child(ptr, key);
        auto f = std::find_if(fields.begin(), fields.end(), [&](const Field<T>& fd) { return key == fd.key; });
        if (f == fields.end()) {
            std::vector<const char*> known;
            for (const Field<T>& fd : fields) known.push_back(fd.key);
            r.unknown(p, key, known);
            continue;
        }
        switch (f->kind) {
            case Kind::text: r.text(v, p, out.*(f->text)); break;
            case Kind::url: r.url(v, p, out.*(f->text)); break;
            case Kind::email: r.email(v, p, out.*(f->text)); break;
            case Kind::date: r.date(v, p, out.*(f->date)); break;
            case Kind::list: r.list(v, p, out.*(f->list)); break;
            case Kind::flag: r.flag(v, p, out.*(f->flag)); break;
            case Kind::custom: rest.emplace_back(key, &v); break;
        }
    }
    return rest;
}

// Reads root[key] as an array of entries, each an object read by `read_entry`.
// A bad entry is reported and skipped; the others are kept.
template <class T>
void read_section(Reader& r, const json& root, const char* key, std::vector<T>& out,
                  const std::function<void(const json&, const std::string&, T&)>& read_entry) {
    auto it = root.find(key);
    if (it == root.end() || it->is_null()) return;
    std::string ptr = pointer_child(std::string(), key);
    if (!r.expect(*it, json::value_t::array, ptr, "an array")) return;
    for (std::size_t i = 0; i < it->size(); ++i) {
        std::string p = pointer_child(ptr, i);
        if (out.size() >= r.max_entries()) {
            r.error(p, "more than " + std::to_string(r.max_entries()) + " entries; the rest of this section is dropped");
            return;
        }
        const json& e = (*it)[i];
        if (!r.expect(e, json::value_t::object, p, "an object")) continue;
        T entry;
        read_entry(e, p, entry);
        out.push_back(std::move(entry));
    }
}

void read_location(Reader& r, const json& v, const std::string& ptr, Location& out) {
    if (!r.expect(v, json::value_t::object, ptr, "an object")) return;
    read_fields<Location>(r, v, ptr, out,
                          {text("address", &Location::address), text("postalCode", &Location::postal_code),
                           text("city", &Location::city), text("countryCode", &Location::country_code),
                           text("region", &Location::region)});
}

void read_basics(Reader& r, const json& v, const std::string& ptr, Basics& b) {
    if (!r.expect(v, json::value_t::object, ptr, "an object")) return;
    auto rest = read_fields<Basics>(
        r, v, ptr, b,
        {text("name", &Basics::name), text("label", &Basics::label), url("image", &Basics::image),
         email("email", &Basics::email), text("phone", &Basics::phone), url("url", &Basics::url),
         text("summary", &Basics::summary), text("researchInterests", &Basics::research_interests),
         custom<Basics>("location"), custom<Basics>("profiles"), custom<Basics>("otherNames")});
    for (auto& [key, value] : rest) {
        std::string p = pointer_child(ptr, key);
        const json& val = *value;
        if (key == "location") {
            read_location(r, val, p, b.location);
        } else if (key == "profiles") {
            if (!r.expect(val, json::value_t::array, p, "an array")) continue;
            for (std::size_t i = 0; i < val.size(); ++i) {
                std::string pi = pointer_child(p, i);
                if (!r.expect(val[i], json::value_t::object, pi, "an object")) continue;
                SocialProfile sp;
                read_fields<SocialProfile>(r, val[i], pi, sp,
                                           {text("network", &SocialProfile::network),
                                            text("username", &SocialProfile::username), url("url", &SocialProfile::url)});
                if (!sp.network.empty() || !sp.url.empty()) b.profiles.push_back(std::move(sp));
            }
        } else if (key == "otherNames") {
            if (!r.expect(val, json::value_t::array, p, "an array")) continue;
            for (std::size_t i = 0; i < val.size(); ++i) {
                std::string pi = pointer_child(p, i);
                OtherName on;
                if (val[i].is_string()) {
                    r.text(val[i], pi, on.name);
                } else if (r.expect(val[i], json::value_t::object, pi, "a string or an object")) {
                    read_fields<OtherName>(r, val[i], pi, on,
                                           {text("name", &OtherName::name), text("lang", &OtherName::lang)});
                }
                if (!on.name.empty()) b.other_names.push_back(std::move(on));
            }
        }
    }
}

// work[] and volunteer[] differ only in what the organisation is called.
void read_position(Reader& r, const json& v, const std::string& ptr, Position& out, const char* org_key) {
    auto rest = read_fields<Position>(
        r, v, ptr, out,
        {text(org_key, &Position::organization), text("position", &Position::position), url("url", &Position::url),
         text("location", &Position::location), text("description", &Position::description),
         date("startDate", &Position::start), date("endDate", &Position::end), text("summary", &Position::summary),
         list("highlights", &Position::highlights), custom<Position>("current")});
    out.ended = !out.end.empty();
    for (auto& [key, value] : rest) {
        bool current = true;
        r.flag(*value, pointer_child(ptr, key), current);
        if (!current) out.ended = true;
    }
}

void read_author(Reader& r, const json& v, const std::string& ptr, Author& a) {
    if (v.is_string()) {  // JSON-Resume-style plain names are common in hand-written files.
        r.text(v, ptr, a.literal);
        return;
    }
    if (!r.expect(v, json::value_t::object, ptr, "an object or a string")) return;
    auto rest = read_fields<Author>(r, v, ptr, a,
                                    {text("family", &Author::family), text("given", &Author::given),
                                     text("literal", &Author::literal), custom<Author>("non-dropping-particle"),
                                     custom<Author>("dropping-particle"), custom<Author>("suffix"),
                                     custom<Author>("sequence"), custom<Author>("affiliation")});
    for (auto& [key, value] : rest) {
        std::string s;
        if (!r.text(*value, pointer_child(ptr, key), s) || s.empty()) continue;
        if (key == "non-dropping-particle")
            a.family = s + " " + a.family;
        else if (key == "dropping-particle")
            a.given = a.given.empty() ? s : a.given + " " + s;
        else if (key == "suffix")
            a.family += ", " + s;
    }
}

// CSL-JSON dates: {"date-parts": [[2025, 7, 10]]}, or {"raw": "2025-07"}.
void read_csl_date(Reader& r, const json& v, const std::string& ptr, Date& out) {
    if (v.is_string()) {
        r.date(v, ptr, out);
        return;
    }
    if (!r.expect(v, json::value_t::object, ptr, "an object with \"date-parts\"")) return;
    auto parts = v.find("date-parts");
    if (parts != v.end() && parts->is_array() && !parts->empty() && (*parts)[0].is_array()) {
        const json& first = (*parts)[0];
        int values[3] = {0, 0, 0};
        for (std::size_t i = 0; i < first.size() && i < 3; ++i) {
            const json& n = first[i];
            if (n.is_number_integer())
                values[i] = static_cast<int>(std::clamp<long long>(n.get<long long>(), 0, 9999));
            else if (n.is_string())
                values[i] = std::atoi(n.get_ref<const std::string&>().c_str());
        }
        if (values[0] > 0 && values[1] >= 0 && values[1] <= 12 && values[2] >= 0 && values[2] <= 31) {
            out = Date{values[0], values[1], values[1] ? values[2] : 0};
            return;
        }
        r.error(pointer_child(ptr, "date-parts"), "expected [[year, month, day]] with a year first");
        return;
    }
    auto raw = v.find("raw");
    if (raw != v.end()) {
        r.date(*raw, pointer_child(ptr, "raw"), out);
        return;
    }
    auto literal = v.find("literal");
    if (literal != v.end() && literal->is_string()) {
        const std::string& s = literal->get_ref<const std::string&>();
        if (s.size() >= 4 && std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
            out = Date{std::atoi(s.substr(0, 4).c_str()), 0, 0};
        return;
    }
    r.error(ptr, "expected \"date-parts\" or \"raw\"");
}

// CSL variables imfolio does not show; known, so they are not reported as typos.
const std::vector<const char*>& ignored_csl_keys() {
    static const std::vector<const char*> keys = {
        "accessed", "archive", "archive_location", "call-number", "citation-key", "collection-title",
        "container-title-short", "edition", "editor", "event", "event-date", "event-place", "event-title", "genre",
        "ISBN", "ISSN", "journalAbbreviation", "keyword", "language", "license", "medium", "note", "number",
        "number-of-pages", "original-date", "PMCID", "PMID", "publisher-place", "shortTitle", "source", "status",
        "submitted", "title-short", "version", "chapter-number", "collection-number", "dimensions"};
    return keys;
}

void read_publication(Reader& r, const json& v, const std::string& ptr, Publication& pub) {
    std::vector<Field<Publication>> fields = {
        // JSON Resume
        text("name", &Publication::title), text("publisher", &Publication::publisher),
        date("releaseDate", &Publication::date), url("url", &Publication::url), text("summary", &Publication::summary),
        // CSL-JSON
        text("id", &Publication::id), text("type", &Publication::type), text("title", &Publication::title),
        text("container-title", &Publication::venue), text("abstract", &Publication::abstract),
        text("DOI", &Publication::doi), url("URL", &Publication::url), text("volume", &Publication::volume),
        text("issue", &Publication::issue), text("page", &Publication::pages), custom<Publication>("author"),
        custom<Publication>("issued"), custom<Publication>("custom")};
    for (const char* k : ignored_csl_keys()) fields.push_back(custom<Publication>(k));
    auto rest = read_fields<Publication>(r, v, ptr, pub, fields);
    for (auto& [key, value] : rest) {
        std::string p = pointer_child(ptr, key);
        const json& val = *value;
        if (key == "author") {
            if (!r.expect(val, json::value_t::array, p, "an array of names")) continue;
            for (std::size_t i = 0; i < val.size(); ++i) {
                Author a;
                read_author(r, val[i], pointer_child(p, i), a);
                if (!display_name(a).empty()) pub.authors.push_back(std::move(a));
            }
        } else if (key == "issued") {
            read_csl_date(r, val, p, pub.date);
        } else if (key == "custom") {
            if (!r.expect(val, json::value_t::object, p, "an object")) continue;
            read_fields<Publication>(r, val, p, pub,
                                     {text("abbr", &Publication::venue_short), flag("selected", &Publication::selected),
                                      url("pdf", &Publication::pdf), url("code", &Publication::code),
                                      url("slides", &Publication::slides), text("award", &Publication::award)});
        }
    }
    if (pub.venue.empty()) pub.venue = pub.publisher;
    if (pub.title.empty()) r.warn(ptr, "publication has no title (\"title\" or \"name\")");
    if (!pub.doi.empty()) {
        std::string doi = pub.doi;
        for (const char* prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"})
            if (fold_case(doi).rfind(prefix, 0) == 0) doi.erase(0, std::string(prefix).size());
        pub.doi = doi;
    }
}

// Newest first; entries without a date keep their order after the dated ones.
template <class T, class Key>
void sort_newest_first(std::vector<T>& v, Key key) {
    std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) { return key(b) < key(a); });
}

// Ongoing positions first, then by end date, then by start date.
struct PeriodKey {
    bool ongoing;
    Date end, start;
    bool operator<(const PeriodKey& o) const {
        if (ongoing != o.ongoing) return !ongoing;
        if (!(end == o.end)) return end < o.end;
        return start < o.start;
    }
};

void sort_profile(Profile& p) {
    auto period = [](const auto& e) { return PeriodKey{!e.ended && !e.start.empty(), e.end.empty() ? e.start : e.end, e.start}; };
    sort_newest_first(p.work, period);
    sort_newest_first(p.volunteer, period);
    sort_newest_first(p.projects, period);
    sort_newest_first(p.education, [](const Education& e) { return e.end.empty() ? e.start : e.end; });
    sort_newest_first(p.awards, [](const Award& a) { return a.date; });
    sort_newest_first(p.certificates, [](const Certificate& c) { return c.date; });
    sort_newest_first(p.publications, [](const Publication& x) { return x.date; });
    sort_newest_first(p.news, [](const NewsItem& n) { return n.date; });
    sort_newest_first(p.openings, [](const Opening& o) { return o.date; });
}

const std::vector<const char*>& top_level_keys() {
    static const std::vector<const char*> keys = {
        "$schema",    "basics",    "work",      "volunteer",  "education", "awards", "certificates", "publications",
        "skills",     "languages", "interests", "references", "projects",  "meta",   "news",         "openings"};
    return keys;
}

void read_profile(Reader& r, const json& root, Profile& p) {
    for (auto it = root.begin(); it != root.end(); ++it) {
        const auto& keys = top_level_keys();
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
            r.unknown(pointer_child(std::string(), it.key()), it.key(), keys);
    }

    if (auto it = root.find("basics"); it != root.end()) read_basics(r, *it, "/basics", p.basics);

    read_section<Position>(r, root, "work", p.work, [&](const json& v, const std::string& ptr, Position& e) {
        read_position(r, v, ptr, e, "name");
    });
    read_section<Position>(r, root, "volunteer", p.volunteer, [&](const json& v, const std::string& ptr, Position& e) {
        read_position(r, v, ptr, e, "organization");
    });
    read_section<Education>(r, root, "education", p.education, [&](const json& v, const std::string& ptr, Education& e) {
        read_fields<Education>(r, v, ptr, e,
                               {text("institution", &Education::institution), url("url", &Education::url),
                                text("area", &Education::area), text("studyType", &Education::study_type),
                                date("startDate", &Education::start), date("endDate", &Education::end),
                                text("score", &Education::score), list("courses", &Education::courses),
                                text("advisor", &Education::advisor)});
    });
    read_section<Award>(r, root, "awards", p.awards, [&](const json& v, const std::string& ptr, Award& e) {
        read_fields<Award>(r, v, ptr, e,
                           {text("title", &Award::title), date("date", &Award::date), text("awarder", &Award::awarder),
                            text("summary", &Award::summary)});
    });
    read_section<Certificate>(r, root, "certificates", p.certificates,
                              [&](const json& v, const std::string& ptr, Certificate& e) {
                                  read_fields<Certificate>(r, v, ptr, e,
                                                           {text("name", &Certificate::name),
                                                            date("date", &Certificate::date),
                                                            text("issuer", &Certificate::issuer),
                                                            url("url", &Certificate::url)});
                              });
    read_section<Publication>(r, root, "publications", p.publications,
                              [&](const json& v, const std::string& ptr, Publication& e) { read_publication(r, v, ptr, e); });
    read_section<Skill>(r, root, "skills", p.skills, [&](const json& v, const std::string& ptr, Skill& e) {
        read_fields<Skill>(r, v, ptr, e,
                           {text("name", &Skill::name), text("level", &Skill::level), list("keywords", &Skill::keywords)});
    });
    read_section<Language>(r, root, "languages", p.languages, [&](const json& v, const std::string& ptr, Language& e) {
        read_fields<Language>(r, v, ptr, e, {text("language", &Language::language), text("fluency", &Language::fluency)});
    });
    read_section<Interest>(r, root, "interests", p.interests, [&](const json& v, const std::string& ptr, Interest& e) {
        read_fields<Interest>(r, v, ptr, e, {text("name", &Interest::name), list("keywords", &Interest::keywords)});
    });
    read_section<Reference>(r, root, "references", p.references, [&](const json& v, const std::string& ptr, Reference& e) {
        read_fields<Reference>(r, v, ptr, e, {text("name", &Reference::name), text("reference", &Reference::reference)});
    });
    read_section<Project>(r, root, "projects", p.projects, [&](const json& v, const std::string& ptr, Project& e) {
        auto rest = read_fields<Project>(
            r, v, ptr, e,
            {text("name", &Project::name), text("description", &Project::description),
             list("highlights", &Project::highlights), list("keywords", &Project::keywords),
             date("startDate", &Project::start), date("endDate", &Project::end), url("url", &Project::url),
             list("roles", &Project::roles), text("entity", &Project::entity), text("type", &Project::type),
             custom<Project>("current")});
        e.ended = !e.end.empty();
        for (auto& [key, value] : rest) {
            bool current = true;
            r.flag(*value, pointer_child(ptr, key), current);
            if (!current) e.ended = true;
        }
    });
    read_section<NewsItem>(r, root, "news", p.news, [&](const json& v, const std::string& ptr, NewsItem& e) {
        read_fields<NewsItem>(r, v, ptr, e,
                              {date("date", &NewsItem::date), text("title", &NewsItem::title),
                               text("text", &NewsItem::text), url("url", &NewsItem::url)});
    });
    read_section<Opening>(r, root, "openings", p.openings, [&](const json& v, const std::string& ptr, Opening& e) {
        read_fields<Opening>(r, v, ptr, e,
                             {text("title", &Opening::title), text("summary", &Opening::summary),
                              text("location", &Opening::location), text("duration", &Opening::duration),
                              date("date", &Opening::date), url("url", &Opening::url)});
    });

    bool keep_order = false;
    if (auto it = root.find("meta"); it != root.end() && r.expect(*it, json::value_t::object, "/meta", "an object")) {
        auto rest = read_fields<Meta>(r, *it, "/meta", p.meta,
                                      {url("canonical", &Meta::canonical), text("version", &Meta::version),
                                       text("lastModified", &Meta::last_modified), custom<Meta>("order"),
                                       custom<Meta>("theme")});
        for (auto& [key, value] : rest) {
            if (key != "order") continue;
            std::string order;
            r.text(*value, "/meta/order", order);
            if (order == "as-written")
                keep_order = true;
            else if (order != "newest-first")
                r.error("/meta/order", "expected \"newest-first\" or \"as-written\"");
        }
    }
    if (!keep_order) sort_profile(p);
    if (p.basics.name.empty()) r.warn("/basics/name", "no name: the page header will be empty");
}

}  // namespace

bool is_safe_url(std::string_view url) {
    if (url.empty()) return false;
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7F || c == '\\') return false;
    // A scheme is letters/digits/+-. before the first ':' that comes before any of /?#.
    std::size_t colon = url.find(':');
    std::size_t stop = url.find_first_of("/?#");
    if (colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon))
        return url.rfind("//", 0) != 0;  // relative reference; protocol-relative "//host" is refused
    std::string scheme = fold_case(url.substr(0, colon));
    if (scheme == "http" || scheme == "https") return url.size() > colon + 3 && url.substr(colon + 1, 2) == "//";
    return scheme == "mailto" && url.size() > colon + 1;
}

std::vector<std::pair<std::string, std::size_t>> section_counts(const Profile& p) {
    std::size_t basics = !p.basics.name.empty() || !p.basics.label.empty() || !p.basics.summary.empty();
    return {{"basics", basics},
            {"profiles", p.basics.profiles.size()},
            {"news", p.news.size()},
            {"work", p.work.size()},
            {"volunteer", p.volunteer.size()},
            {"education", p.education.size()},
            {"awards", p.awards.size()},
            {"certificates", p.certificates.size()},
            {"publications", p.publications.size()},
            {"skills", p.skills.size()},
            {"languages", p.languages.size()},
            {"interests", p.interests.size()},
            {"references", p.references.size()},
            {"projects", p.projects.size()},
            {"openings", p.openings.size()}};
}

LoadResult load_profile(std::string_view bytes, std::string source, const Limits& limits) {
    LoadResult result;
    result.source = std::move(source);
    JsonSource src = parse_json(bytes, limits);
    result.problems = std::move(src.problems);
    std::size_t dropped = src.problems_dropped;
    bool dropped_an_error = src.dropped_an_error;
    if (src.ok) {
        Reader reader(result.problems, limits);
        read_profile(reader, src.root, result.profile);
        result.ok = true;
        dropped += reader.dropped;
        dropped_an_error = dropped_an_error || reader.dropped_an_error;
    }
    locate_problems(src.text, result.problems);
    // Past the limit a file is more noise than profile; one line says how much was left unsaid.
    if (dropped > 0)
        result.problems.push_back(Problem{dropped_an_error ? Severity::error : Severity::warning, "",
                                          std::to_string(dropped) + " more problem" + (dropped > 1 ? "s" : "") +
                                              " not listed (the limit is " + std::to_string(limits.max_problems) +
                                              "); fix these first"});
    return result;
}

}  // namespace profile
