#include "profile/load.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <functional>
#include <optional>

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
    Reader(std::vector<Problem>& problems, const Limits& limits, Overflow& overflow)
        : problems_(problems), limits_(limits), overflow_(overflow) {}

    void report(Severity s, std::string pointer, std::string message) {
        add_problem(problems_, Problem{s, std::move(pointer), std::move(message)}, limits_.max_problems, overflow_);
    }
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
        // Past the limit it is only counted: no suggestion to compute for a file of a
        // million unknown names.
        if (problems_.size() >= limits_.max_problems) return warn(ptr, {});
        std::string folded = fold_case(key);
        const char* best = nullptr;
        std::size_t best_distance = std::max<std::size_t>(2, key.size() / 4) + 1;
        for (const char* k : known) {
            // The distance is at least the difference in length: skip the O(n*m) work
            // for names that cannot be close (a 200 KiB one in a hostile file).
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
    static std::string shorten(const std::string& s) { return shorten_text(s, 60); }
    static std::string trim_float(double d) {
        if (!std::isfinite(d)) return {};
        std::string s = std::to_string(d);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    }

    std::vector<Problem>& problems_;
    const Limits& limits_;
    Overflow& overflow_;
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

// The field tables: what each object may hold and how it is read. known_fields()
// lists them too, so the schema test sees exactly what the reader accepts.
const std::vector<Field<Location>>& location_fields() {
    static const std::vector<Field<Location>> f = {
        text("address", &Location::address), text("postalCode", &Location::postal_code),
        text("city", &Location::city), text("countryCode", &Location::country_code),
        text("region", &Location::region)};
    return f;
}

const std::vector<Field<Basics>>& basics_fields() {
    static const std::vector<Field<Basics>> f = {
        text("name", &Basics::name), text("label", &Basics::label), url("image", &Basics::image),
        email("email", &Basics::email), text("phone", &Basics::phone), url("url", &Basics::url),
        text("summary", &Basics::summary), text("researchInterests", &Basics::research_interests),
        custom<Basics>("location"), custom<Basics>("profiles"), custom<Basics>("otherNames")};
    return f;
}

const std::vector<Field<SocialProfile>>& social_profile_fields() {
    static const std::vector<Field<SocialProfile>> f = {
        text("network", &SocialProfile::network), text("username", &SocialProfile::username),
        url("url", &SocialProfile::url)};
    return f;
}

const std::vector<Field<OtherName>>& other_name_fields() {
    static const std::vector<Field<OtherName>> f = {text("name", &OtherName::name), text("lang", &OtherName::lang)};
    return f;
}

// work[] and volunteer[] differ only in what the organisation is called.
std::vector<Field<Position>> position_fields(const char* org_key) {
    return {text(org_key, &Position::organization), text("position", &Position::position), url("url", &Position::url),
            text("location", &Position::location), text("description", &Position::description),
            date("startDate", &Position::start), date("endDate", &Position::end), text("summary", &Position::summary),
            list("highlights", &Position::highlights), custom<Position>("current")};
}

const std::vector<Field<Position>>& work_fields() {
    static const std::vector<Field<Position>> f = position_fields("name");
    return f;
}

const std::vector<Field<Position>>& volunteer_fields() {
    static const std::vector<Field<Position>> f = position_fields("organization");
    return f;
}

const std::vector<Field<Education>>& education_fields() {
    static const std::vector<Field<Education>> f = {
        text("institution", &Education::institution), url("url", &Education::url), text("area", &Education::area),
        text("studyType", &Education::study_type), date("startDate", &Education::start),
        date("endDate", &Education::end), text("score", &Education::score), list("courses", &Education::courses),
        text("advisor", &Education::advisor)};
    return f;
}

const std::vector<Field<Award>>& award_fields() {
    static const std::vector<Field<Award>> f = {text("title", &Award::title), date("date", &Award::date),
                                                text("awarder", &Award::awarder), text("summary", &Award::summary)};
    return f;
}

const std::vector<Field<Certificate>>& certificate_fields() {
    static const std::vector<Field<Certificate>> f = {text("name", &Certificate::name), date("date", &Certificate::date),
                                                      text("issuer", &Certificate::issuer), url("url", &Certificate::url)};
    return f;
}

const std::vector<Field<Author>>& author_fields() {
    static const std::vector<Field<Author>> f = {
        text("family", &Author::family), text("given", &Author::given), text("literal", &Author::literal),
        custom<Author>("non-dropping-particle"), custom<Author>("dropping-particle"), custom<Author>("suffix"),
        custom<Author>("sequence"), custom<Author>("affiliation"), custom<Author>("comma-suffix"),
        custom<Author>("static-ordering"), custom<Author>("parse-names")};
    return f;
}

// CSL 1.0.2 variables (and Zotero's extras) imfolio does not show; known, so an export
// from a reference manager is not reported as a page of typos.
const std::vector<const char*>& ignored_csl_keys() {
    static const std::vector<const char*> keys = {
        "accessed", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
        "available-date", "call-number", "categories", "chair", "chapter-number", "citation-key", "citation-label",
        "citation-number", "collection-editor", "collection-number", "collection-title", "compiler", "composer",
        "container", "container-author", "container-title-short", "contributor", "curator", "dimensions", "director",
        "division", "edition", "editor", "editorial-director", "event", "event-date", "event-place", "event-title",
        "executive-producer", "first-reference-note-number", "genre", "illustrator", "interviewer", "ISAN", "ISBN",
        "ISCI", "ISMN", "ISRC", "ISSN", "ISWC", "journalAbbreviation", "jurisdiction", "keyword", "language",
        "license", "locator", "medium", "note", "number", "number-of-pages", "number-of-volumes", "organizer",
        "original-author", "original-date", "original-publisher", "original-publisher-place", "original-title",
        "page-first", "part", "part-title", "performer", "PMCID", "PMID", "printing", "producer", "publisher-place",
        "recipient", "references", "reviewed-author", "reviewed-title", "scale", "section", "shortTitle", "source",
        "status", "submitted", "supplement", "title-short", "translated-title", "translated-title-short",
        "translator", "version", "year-suffix"};
    return keys;
}

// A publication may be a JSON Resume entry or a CSL-JSON item: one table holds both.
const std::vector<Field<Publication>>& publication_fields() {
    static const std::vector<Field<Publication>> f = [] {
        std::vector<Field<Publication>> v = {
            // JSON Resume
            text("name", &Publication::title), text("publisher", &Publication::publisher),
            date("releaseDate", &Publication::date), url("url", &Publication::url),
            text("summary", &Publication::summary),
            // CSL-JSON
            text("id", &Publication::id), text("type", &Publication::type), text("title", &Publication::title),
            text("container-title", &Publication::venue), text("abstract", &Publication::abstract),
            text("DOI", &Publication::doi), url("URL", &Publication::url), text("volume", &Publication::volume),
            text("issue", &Publication::issue), text("page", &Publication::pages), custom<Publication>("author"),
            custom<Publication>("issued"), custom<Publication>("custom")};
        for (const char* k : ignored_csl_keys()) v.push_back(custom<Publication>(k));
        return v;
    }();
    return f;
}

// CSL's "custom" object, where al-folio's extra keys live.
const std::vector<Field<Publication>>& publication_custom_fields() {
    static const std::vector<Field<Publication>> f = {
        text("abbr", &Publication::venue_short), flag("selected", &Publication::selected), url("pdf", &Publication::pdf),
        url("code", &Publication::code), url("slides", &Publication::slides), text("award", &Publication::award)};
    return f;
}

const std::vector<Field<Skill>>& skill_fields() {
    static const std::vector<Field<Skill>> f = {text("name", &Skill::name), text("level", &Skill::level),
                                                list("keywords", &Skill::keywords)};
    return f;
}

const std::vector<Field<Language>>& language_fields() {
    static const std::vector<Field<Language>> f = {text("language", &Language::language),
                                                   text("fluency", &Language::fluency)};
    return f;
}

const std::vector<Field<Interest>>& interest_fields() {
    static const std::vector<Field<Interest>> f = {text("name", &Interest::name), list("keywords", &Interest::keywords)};
    return f;
}

const std::vector<Field<Reference>>& reference_fields() {
    static const std::vector<Field<Reference>> f = {text("name", &Reference::name),
                                                    text("reference", &Reference::reference)};
    return f;
}

const std::vector<Field<Project>>& project_fields() {
    static const std::vector<Field<Project>> f = {
        text("name", &Project::name), text("description", &Project::description),
        list("highlights", &Project::highlights), list("keywords", &Project::keywords),
        date("startDate", &Project::start), date("endDate", &Project::end), url("url", &Project::url),
        list("roles", &Project::roles), text("entity", &Project::entity), text("type", &Project::type),
        custom<Project>("current")};
    return f;
}

const std::vector<Field<NewsItem>>& news_fields() {
    static const std::vector<Field<NewsItem>> f = {date("date", &NewsItem::date), text("title", &NewsItem::title),
                                                   text("text", &NewsItem::text), url("url", &NewsItem::url)};
    return f;
}

const std::vector<Field<Opening>>& opening_fields() {
    static const std::vector<Field<Opening>> f = {
        text("title", &Opening::title), text("summary", &Opening::summary), text("location", &Opening::location),
        text("duration", &Opening::duration), date("date", &Opening::date), url("url", &Opening::url)};
    return f;
}

// "theme" is what resume-cli reads to pick its theme: known, so not a typo, but unused here.
const std::vector<Field<Meta>>& meta_fields() {
    static const std::vector<Field<Meta>> f = {url("canonical", &Meta::canonical), text("version", &Meta::version),
                                               text("lastModified", &Meta::last_modified), custom<Meta>("order"),
                                               custom<Meta>("theme")};
    return f;
}

const std::vector<const char*>& top_level_keys() {
    static const std::vector<const char*> keys = {
        "$schema",    "basics",    "work",      "volunteer",  "education", "awards", "certificates", "publications",
        "skills",     "languages", "interests", "references", "projects",  "meta",   "news",         "openings"};
    return keys;
}

void read_location(Reader& r, const json& v, const std::string& ptr, Location& out) {
    if (!r.expect(v, json::value_t::object, ptr, "an object")) return;
    read_fields<Location>(r, v, ptr, out, location_fields());
}

void read_basics(Reader& r, const json& v, const std::string& ptr, Basics& b) {
    if (!r.expect(v, json::value_t::object, ptr, "an object")) return;
    auto rest = read_fields<Basics>(r, v, ptr, b, basics_fields());
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
                read_fields<SocialProfile>(r, val[i], pi, sp, social_profile_fields());
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
                    read_fields<OtherName>(r, val[i], pi, on, other_name_fields());
                }
                if (!on.name.empty()) b.other_names.push_back(std::move(on));
            }
        }
    }
}

// The extension "current": false marks a position (or project) that ended on an unknown date.
void read_current(Reader& r, const std::vector<std::pair<std::string, const json*>>& rest, const std::string& ptr,
                  bool& ended) {
    for (const auto& [key, value] : rest) {
        bool current = true;
        r.flag(*value, pointer_child(ptr, key), current);
        if (!current) ended = true;
    }
}

void read_position(Reader& r, const json& v, const std::string& ptr, Position& out,
                   const std::vector<Field<Position>>& fields) {
    auto rest = read_fields<Position>(r, v, ptr, out, fields);
    out.ended = !out.end.empty();
    read_current(r, rest, ptr, out.ended);
}

void read_author(Reader& r, const json& v, const std::string& ptr, Author& a) {
    if (v.is_string()) {  // JSON-Resume-style plain names are common in hand-written files.
        r.text(v, ptr, a.literal);
        return;
    }
    if (!r.expect(v, json::value_t::object, ptr, "an object or a string")) return;
    auto rest = read_fields<Author>(r, v, ptr, a, author_fields());
    for (auto& [key, value] : rest) {
        // Only the name parts are read; Crossref's "affiliation" arrays and CSL's
        // ordering flags are known but ignored, whatever their type.
        bool name_part = key == "non-dropping-particle" || key == "dropping-particle" || key == "suffix";
        std::string s;
        if (!name_part || !r.text(*value, pointer_child(ptr, key), s) || s.empty()) continue;
        if (key == "non-dropping-particle")
            a.family = s + " " + a.family;
        else if (key == "dropping-particle")
            a.given = a.given.empty() ? s : a.given + " " + s;
        else if (key == "suffix")
            a.family += ", " + s;
    }
}

// The members of a CSL date object: the first four are tried in this order; "season"
// and "circa" are known but not shown.
const std::vector<const char*>& csl_date_keys() {
    static const std::vector<const char*> keys = {"date-parts", "raw", "edtf", "literal", "season", "circa"};
    return keys;
}

// CSL-JSON dates: {"date-parts": [[2025, 7, 10]]}, or {"raw": "2025-07"}.
void read_csl_date(Reader& r, const json& v, const std::string& ptr, Date& out) {
    if (v.is_string()) {
        r.date(v, ptr, out);
        return;
    }
    if (!r.expect(v, json::value_t::object, ptr, "an object with \"date-parts\"")) return;
    const auto& keys = csl_date_keys();
    for (auto it = v.begin(); it != v.end(); ++it)
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
            r.unknown(pointer_child(ptr, it.key()), it.key(), keys);
    auto parts = v.find("date-parts");
    if (parts != v.end() && parts->is_array() && !parts->empty() && (*parts)[0].is_array()) {
        // A range has two lists; the first (the start) dates the publication.
        const json& first = (*parts)[0];
        long long values[3] = {0, 0, 0};
        for (std::size_t i = 0; i < first.size() && i < 3; ++i) {
            const json& n = first[i];
            if (n.is_number_integer())
                values[i] = n.get<long long>();
            else if (n.is_string())
                values[i] = std::atoll(n.get_ref<const std::string&>().c_str());
        }
        // Validated as the equivalent "YYYY-MM-DD" text, so both forms accept the same dates.
        std::optional<Date> d;
        if (values[0] > 0 && values[0] < 10000 && values[1] >= 0 && values[1] <= 12 && values[2] >= 0 && values[2] <= 31) {
            char text[16];
            if (values[1] == 0)
                std::snprintf(text, sizeof text, "%04lld", values[0]);
            else if (values[2] == 0)
                std::snprintf(text, sizeof text, "%04lld-%02lld", values[0], values[1]);
            else
                std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", values[0], values[1], values[2]);
            d = parse_date(text);
        }
        if (d) {
            out = *d;
            return;
        }
        r.error(pointer_child(ptr, "date-parts"), "expected [[year, month, day]] with a year first and a real date");
        return;
    }
    for (const char* text_key : {"raw", "edtf"}) {
        auto raw = v.find(text_key);
        if (raw != v.end()) {
            r.date(*raw, pointer_child(ptr, text_key), out);
            return;
        }
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

void read_publication(Reader& r, const json& v, const std::string& ptr, Publication& pub) {
    auto rest = read_fields<Publication>(r, v, ptr, pub, publication_fields());
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
            read_fields<Publication>(r, val, p, pub, publication_custom_fields());
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
    // A degree with a start and no end is under way, like a position without an end.
    sort_newest_first(p.education, [](const Education& e) {
        return PeriodKey{e.end.empty() && !e.start.empty(), e.end.empty() ? e.start : e.end, e.start};
    });
    sort_newest_first(p.awards, [](const Award& a) { return a.date; });
    sort_newest_first(p.certificates, [](const Certificate& c) { return c.date; });
    sort_newest_first(p.publications, [](const Publication& x) { return x.date; });
    sort_newest_first(p.news, [](const NewsItem& n) { return n.date; });
    sort_newest_first(p.openings, [](const Opening& o) { return o.date; });
}

void read_profile(Reader& r, const json& root, Profile& p) {
    for (auto it = root.begin(); it != root.end(); ++it) {
        const auto& keys = top_level_keys();
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
            r.unknown(pointer_child(std::string(), it.key()), it.key(), keys);
    }

    if (auto it = root.find("basics"); it != root.end()) read_basics(r, *it, "/basics", p.basics);

    auto simple = [&r](const auto& fields) {
        return [&r, &fields](const json& v, const std::string& ptr, auto& e) { read_fields(r, v, ptr, e, fields); };
    };
    read_section<Position>(r, root, "work", p.work, [&](const json& v, const std::string& ptr, Position& e) {
        read_position(r, v, ptr, e, work_fields());
    });
    read_section<Position>(r, root, "volunteer", p.volunteer, [&](const json& v, const std::string& ptr, Position& e) {
        read_position(r, v, ptr, e, volunteer_fields());
    });
    read_section<Education>(r, root, "education", p.education, simple(education_fields()));
    read_section<Award>(r, root, "awards", p.awards, simple(award_fields()));
    read_section<Certificate>(r, root, "certificates", p.certificates, simple(certificate_fields()));
    read_section<Publication>(r, root, "publications", p.publications,
                              [&](const json& v, const std::string& ptr, Publication& e) { read_publication(r, v, ptr, e); });
    read_section<Skill>(r, root, "skills", p.skills, simple(skill_fields()));
    read_section<Language>(r, root, "languages", p.languages, simple(language_fields()));
    read_section<Interest>(r, root, "interests", p.interests, simple(interest_fields()));
    read_section<Reference>(r, root, "references", p.references, simple(reference_fields()));
    read_section<Project>(r, root, "projects", p.projects, [&](const json& v, const std::string& ptr, Project& e) {
        auto rest = read_fields<Project>(r, v, ptr, e, project_fields());
        e.ended = !e.end.empty();
        read_current(r, rest, ptr, e.ended);
    });
    read_section<NewsItem>(r, root, "news", p.news, simple(news_fields()));
    read_section<Opening>(r, root, "openings", p.openings, simple(opening_fields()));

    bool keep_order = false;
    if (auto it = root.find("meta"); it != root.end() && r.expect(*it, json::value_t::object, "/meta", "an object")) {
        auto rest = read_fields<Meta>(r, *it, "/meta", p.meta, meta_fields());
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
    for (Publication& pub : p.publications)
        for (Author& a : pub.authors) {
            a.shown = display_name(a);
            a.owner = is_owner(a, p.basics);
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

std::vector<std::pair<std::string, std::string>> known_fields() {
    std::vector<std::pair<std::string, std::string>> out;
    auto add = [&out](const char* where, const auto& fields) {
        for (const auto& f : fields) out.emplace_back(where, f.key);
    };
    for (const char* k : top_level_keys()) out.emplace_back("", k);
    add("/basics", basics_fields());
    add("/basics/location", location_fields());
    add("/basics/profiles/*", social_profile_fields());
    add("/basics/otherNames/*", other_name_fields());
    add("/work/*", work_fields());
    add("/volunteer/*", volunteer_fields());
    add("/education/*", education_fields());
    add("/awards/*", award_fields());
    add("/certificates/*", certificate_fields());
    add("/publications/*", publication_fields());
    add("/publications/*/custom", publication_custom_fields());
    add("/publications/*/author/*", author_fields());
    for (const char* k : csl_date_keys()) out.emplace_back("/publications/*/issued", k);
    add("/skills/*", skill_fields());
    add("/languages/*", language_fields());
    add("/interests/*", interest_fields());
    add("/references/*", reference_fields());
    add("/projects/*", project_fields());
    add("/news/*", news_fields());
    add("/openings/*", opening_fields());
    add("/meta", meta_fields());
    return out;
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
    Overflow overflow = src.overflow;
    if (src.ok) {
        Reader reader(result.problems, limits, overflow);
        read_profile(reader, src.root, result.profile);
        result.ok = true;
    }
    locate_problems(src.text, result.problems);
    // Compiler order: by place in the file; problems without a place come last.
    std::stable_sort(result.problems.begin(), result.problems.end(), [](const Problem& a, const Problem& b) {
        if ((a.line == 0) != (b.line == 0)) return b.line == 0;
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    if (overflow.count > 0) {
        // Only a count: the list is already at its limit. An error among the dropped
        // problems still makes the file fail, so check's exit code stays right.
        result.problems.push_back(Problem{overflow.any_error ? Severity::error : Severity::warning, "",
                                          std::to_string(overflow.count) + " more problem" +
                                              (overflow.count == 1 ? "" : "s") + " not listed" +
                                              (overflow.any_error ? ", errors among them" : "")});
    }
    return result;
}

}  // namespace profile
