#include "profile/load.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <functional>
#include <optional>
#include <unordered_map>

#include "profile/csl_markup.h"
#include "profile/date.h"
#include "profile/json_source.h"
#include "profile/text.h"

namespace profile {

namespace {

using json = JsonValue;

std::string trimmed(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// Where a value is, as the reader descends; spelled out as a JSON pointer only when a
// problem is reported (a 10,000-entry profile would otherwise build a pointer string
// for every member it reads).
struct Path {
    static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
    const Path* parent = nullptr;
    std::string_view key;              // an object member's name...
    std::size_t index = kNoIndex;      // ...or an array element's position
    const JsonValue* value = nullptr;  // its place in the file (for a missing member: its object)

    Path member(const JsonValue& m) const { return Path{this, m.key(), kNoIndex, &m}; }
    // A member that may be absent: placed at its object when it is.
    Path member(std::string_view name, const JsonValue* v) const { return Path{this, name, kNoIndex, v ? v : value}; }
    Path element(std::size_t i, const JsonValue& e) const { return Path{this, {}, i, &e}; }

    std::string pointer() const {
        std::vector<const Path*> chain;
        for (const Path* p = this; p && p->parent; p = p->parent) chain.push_back(p);
        std::string out;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const Path& step = **it;
            out = step.index == kNoIndex ? pointer_child(out, step.key) : pointer_child(out, step.index);
        }
        return out;
    }
};

// Collects problems while reading, up to the limit.
class Reader {
public:
    Reader(std::vector<Problem>& problems, const Limits& limits, Overflow& overflow)
        : problems_(problems), limits_(limits), overflow_(overflow) {}

    void report(Severity s, const Path& at, std::string message) {
        // Past the limit a problem is only counted: its pointer is never built.
        if (problems_.size() >= limits_.max_problems) {
            add_problem(problems_, Problem{s, {}, {}}, limits_.max_problems, overflow_);
            return;
        }
        Problem p{s, at.pointer(), std::move(message)};
        if (at.value) p.offset = at.value->offset();
        problems_.push_back(std::move(p));
    }
    void error(const Path& at, std::string message) { report(Severity::error, at, std::move(message)); }
    void warn(const Path& at, std::string message) { report(Severity::warning, at, std::move(message)); }

    bool expect(const json& v, JsonType type, const Path& at, const char* expected) {
        if (v.type() == type || (type == JsonType::integer && v.is_number())) return true;
        error(at, std::string("expected ") + expected + ", found " + json_type_phrase(v) + "; value ignored");
        return false;
    }

    bool text(const json& v, const Path& at, std::string& out) {
        if (v.is_null()) return false;
        if (v.is_number()) {  // A number where text belongs ("score": 3.9) reads fine as text.
            out = v.is_number_float() ? trim_float(v.as_double()) : std::string(v.number_text());
            return true;
        }
        if (!expect(v, JsonType::string, at, "a string")) return false;
        out = trimmed(v.str());
        return true;
    }

    void url(const json& v, const Path& at, std::string& out) {
        std::string s;
        if (!text(v, at, s) || s.empty()) return;
        if (!is_safe_url(s)) {
            warn(at, "link \"" + shorten(s) + "\" is not http, https or mailto; it is shown as text, not as a link");
            return;
        }
        out = s;
    }

    void email(const json& v, const Path& at, std::string& out) {
        std::string s;
        if (!text(v, at, s) || s.empty()) return;
        std::size_t sign = s.find('@');
        bool plausible = sign != std::string::npos && sign > 0 && sign + 1 < s.size() &&
                         s.find_first_of(" \t\r\n<>\"'():;,") == std::string::npos;
        if (!plausible) {
            warn(at, "\"" + shorten(s) + "\" does not look like an email address; not shown");
            return;
        }
        out = s;
    }

    void date(const json& v, const Path& at, Date& out) {
        if (v.is_number_integer()) {
            long long y = v.as_integer();
            if (y > 0 && y < 10000) {
                out = Date{static_cast<int>(y), 0, 0};
                warn(at, "dates are strings: write \"" + std::to_string(y) + "\"");
                return;
            }
        }
        std::string s;
        if (!text(v, at, s) || s.empty()) return;
        if (auto d = parse_date(s)) {
            out = *d;
            return;
        }
        error(at, "\"" + shorten(s) + "\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    }

    void list(const json& v, const Path& at, std::vector<std::string>& out) {
        if (!expect(v, JsonType::array, at, "an array of strings")) return;
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::string s;
            if (text(v[i], at.element(i, v[i]), s) && !s.empty()) out.push_back(std::move(s));
        }
    }

    void flag(const json& v, const Path& at, bool& out) {
        if (v.is_boolean()) {
            out = v.as_bool();
            return;
        }
        if (v.is_string()) {  // al-folio writes selected={true}; accept "true"/"false" too.
            std::string_view s = v.str();
            if (s == "true" || s == "false") {
                out = s == "true";
                return;
            }
        }
        error(at, std::string("expected true or false, found ") + json_type_phrase(v) + "; value ignored");
    }

    // Reports a key the format does not know, with the nearest known key if one is close.
    void unknown(const Path& at, std::string_view key, const std::vector<const char*>& known) {
        // Past the limit it is only counted: no suggestion to compute for a file of a
        // million unknown names.
        if (problems_.size() >= limits_.max_problems) return warn(at, {});
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
        std::string msg = "unknown field \"" + shorten(std::string(key)) + "\"";
        if (best) msg += "; did you mean \"" + std::string(best) + "\"?";
        warn(at, msg);
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
enum class Kind { text, url, email, date, list, flag, custom, ignored };

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
// Known (so not reported as a typo) and not shown.
template <class T>
Field<T> ignored(const char* key) {
    return Field<T>{key, Kind::ignored};
}

// A table of fields with an index by name: a CSL item is looked up in a table of a
// hundred names, once per member, ten thousand times in a large profile.
// Open addressing on a hash of the name's length and first and last letters: field names
// differ early, so this is a handful of instructions where a general hash map is dozens.
template <class T>
struct FieldTable {
    FieldTable(std::vector<Field<T>> list) : fields(std::move(list)) {
        std::size_t size = 8;
        while (size < fields.size() * 4) size *= 2;
        slots.assign(size, -1);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            std::size_t at = hash(fields[i].key) & (size - 1);
            while (slots[at] >= 0) at = (at + 1) & (size - 1);
            slots[at] = static_cast<int>(i);
        }
    }
    const Field<T>* find(std::string_view key) const {
        if (key.empty()) return nullptr;
        for (std::size_t at = hash(key) & (slots.size() - 1);; at = (at + 1) & (slots.size() - 1)) {
            int i = slots[at];
            if (i < 0) return nullptr;
            if (key == fields[static_cast<std::size_t>(i)].key) return &fields[static_cast<std::size_t>(i)];
        }
    }
    auto begin() const { return fields.begin(); }
    auto end() const { return fields.end(); }

    static std::size_t hash(std::string_view k) {
        return k.empty() ? 0
                         : k.size() * 0x9E3779B1u ^ static_cast<unsigned char>(k.front()) * 0x85EBCA77u ^
                               static_cast<unsigned char>(k.back()) * 0xC2B2AE3Du ^
                               static_cast<unsigned char>(k[k.size() / 2]) * 0x27D4EB2Fu;
    }

    std::vector<Field<T>> fields;
    std::vector<int> slots;  // index into fields, or -1
};

// The members read_fields() leaves to its caller: a few at most, so kept inline (an
// allocation per object would be a visible cost in a 10,000-entry profile).
class Members {
public:
    void push_back(const JsonValue* v) {
        if (n_ < kInline)
            inline_[n_++] = v;
        else
            more_.push_back(v);
    }
    struct Iterator {
        const Members* m;
        std::size_t i;
        const JsonValue* operator*() const { return i < kInline ? m->inline_[i] : m->more_[i - kInline]; }
        Iterator& operator++() {
            ++i;
            return *this;
        }
        bool operator!=(const Iterator& o) const { return i != o.i; }
    };
    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, n_ + more_.size()}; }

private:
    static constexpr std::size_t kInline = 8;
    const JsonValue* inline_[kInline] = {};
    std::size_t n_ = 0;
    std::vector<const JsonValue*> more_;
};

// Reads every member of `obj` that `fields` describes into `out`; reports unknown
// members; returns the members left for the caller (Kind::custom).
template <class T>
Members read_fields(Reader& r, const json& obj, const Path& at, T& out, const FieldTable<T>& fields) {
    Members rest;
    for (const json& v : obj) {
        std::string_view key = v.key();
        Path p = at.member(v);
        const Field<T>* f = fields.find(key);
        if (!f) {
            std::vector<const char*> known;
            for (const Field<T>& fd : fields.fields) known.push_back(fd.key);
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
            case Kind::custom: rest.push_back(&v); break;
            case Kind::ignored: break;
        }
    }
    return rest;
}

// Reads root[key] as an array of entries, each an object read by `read_entry`.
// A bad entry is reported and skipped; the others are kept.
template <class T>
void read_section(Reader& r, const json& root, const Path& root_at, const char* key, std::vector<T>& out,
                  const std::function<void(const json&, const Path&, T&)>& read_entry) {
    const json* section = root.find(key);
    if (!section || section->is_null()) return;
    Path at = root_at.member(*section);
    if (!r.expect(*section, JsonType::array, at, "an array")) return;
    out.reserve(std::min(section->size(), r.max_entries()));
    for (std::size_t i = 0; i < section->size(); ++i) {
        const json& e = (*section)[i];
        Path p = at.element(i, e);
        if (out.size() >= r.max_entries()) {
            r.error(p, "more than " + std::to_string(r.max_entries()) + " entries; the rest of this section is dropped");
            return;
        }
        if (!r.expect(e, JsonType::object, p, "an object")) continue;
        T entry;
        read_entry(e, p, entry);
        out.push_back(std::move(entry));
    }
}

// The field tables: what each object may hold and how it is read. known_fields()
// lists them too, so the schema test sees exactly what the reader accepts.
const FieldTable<Location>& location_fields() {
    static const FieldTable<Location> f{std::vector<Field<Location>>{
        text("address", &Location::address), text("postalCode", &Location::postal_code),
        text("city", &Location::city), text("countryCode", &Location::country_code),
        text("region", &Location::region)}};
    return f;
}

const FieldTable<Basics>& basics_fields() {
    static const FieldTable<Basics> f{std::vector<Field<Basics>>{
        text("name", &Basics::name), text("label", &Basics::label), url("image", &Basics::image),
        email("email", &Basics::email), text("phone", &Basics::phone), url("url", &Basics::url),
        text("summary", &Basics::summary), text("researchInterests", &Basics::research_interests),
        custom<Basics>("location"), custom<Basics>("profiles"), custom<Basics>("otherNames")}};
    return f;
}

const FieldTable<SocialProfile>& social_profile_fields() {
    static const FieldTable<SocialProfile> f{std::vector<Field<SocialProfile>>{
        text("network", &SocialProfile::network), text("username", &SocialProfile::username),
        url("url", &SocialProfile::url)}};
    return f;
}

const FieldTable<OtherName>& other_name_fields() {
    static const FieldTable<OtherName> f{std::vector<Field<OtherName>>{text("name", &OtherName::name), text("lang", &OtherName::lang)}};
    return f;
}

// work[] and volunteer[] differ only in what the organisation is called.
std::vector<Field<Position>> position_fields(const char* org_key) {
    return {text(org_key, &Position::organization), text("position", &Position::position), url("url", &Position::url),
            text("location", &Position::location), text("description", &Position::description),
            date("startDate", &Position::start), date("endDate", &Position::end), text("summary", &Position::summary),
            list("highlights", &Position::highlights), custom<Position>("current")};
}

const FieldTable<Position>& work_fields() {
    static const FieldTable<Position> f{position_fields("name")};
    return f;
}

const FieldTable<Position>& volunteer_fields() {
    static const FieldTable<Position> f{position_fields("organization")};
    return f;
}

const FieldTable<Education>& education_fields() {
    static const FieldTable<Education> f{std::vector<Field<Education>>{
        text("institution", &Education::institution), url("url", &Education::url), text("area", &Education::area),
        text("studyType", &Education::study_type), date("startDate", &Education::start),
        date("endDate", &Education::end), text("score", &Education::score), list("courses", &Education::courses),
        text("advisor", &Education::advisor)}};
    return f;
}

const FieldTable<Award>& award_fields() {
    static const FieldTable<Award> f{std::vector<Field<Award>>{text("title", &Award::title), date("date", &Award::date),
                                                text("awarder", &Award::awarder), text("summary", &Award::summary)}};
    return f;
}

const FieldTable<Certificate>& certificate_fields() {
    static const FieldTable<Certificate> f{std::vector<Field<Certificate>>{text("name", &Certificate::name), date("date", &Certificate::date),
                                                      text("issuer", &Certificate::issuer), url("url", &Certificate::url)}};
    return f;
}

const FieldTable<Author>& author_fields() {
    static const FieldTable<Author> f{std::vector<Field<Author>>{
        text("family", &Author::family), text("given", &Author::given), text("literal", &Author::literal),
        custom<Author>("non-dropping-particle"), custom<Author>("dropping-particle"), custom<Author>("suffix"),
        custom<Author>("sequence"), custom<Author>("affiliation"), custom<Author>("comma-suffix"),
        custom<Author>("static-ordering"), custom<Author>("parse-names")}};
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
const FieldTable<Publication>& publication_fields() {
    static const FieldTable<Publication> f{[] {
        std::vector<Field<Publication>> v = {
            // JSON Resume
            custom<Publication>("name"), text("publisher", &Publication::publisher),
            date("releaseDate", &Publication::date), url("url", &Publication::url),
            text("summary", &Publication::summary),
            // CSL-JSON
            text("id", &Publication::id), text("type", &Publication::type), custom<Publication>("title"),
            text("container-title", &Publication::venue), text("abstract", &Publication::abstract),
            text("DOI", &Publication::doi), url("URL", &Publication::url), text("volume", &Publication::volume),
            text("issue", &Publication::issue), text("page", &Publication::pages), custom<Publication>("author"),
            custom<Publication>("issued"), custom<Publication>("custom")};
        for (const char* k : ignored_csl_keys()) v.push_back(ignored<Publication>(k));
        return v;
    }()};
    return f;
}

// CSL's "custom" object, where al-folio's extra keys live.
const FieldTable<Publication>& publication_custom_fields() {
    static const FieldTable<Publication> f{std::vector<Field<Publication>>{
        text("abbr", &Publication::venue_short), flag("selected", &Publication::selected), url("pdf", &Publication::pdf),
        url("code", &Publication::code), url("slides", &Publication::slides), text("award", &Publication::award),
        text("award_name", &Publication::award_name), flag("bibtex_show", &Publication::bibtex_show),
        url("html", &Publication::html), url("website", &Publication::website), url("poster", &Publication::poster),
        url("video", &Publication::video), url("blog", &Publication::blog), url("supp", &Publication::supp),
        url("preview", &Publication::preview), text("arxiv", &Publication::arxiv)}};
    return f;
}

const FieldTable<Skill>& skill_fields() {
    static const FieldTable<Skill> f{std::vector<Field<Skill>>{text("name", &Skill::name), text("level", &Skill::level),
                                                list("keywords", &Skill::keywords)}};
    return f;
}

const FieldTable<Language>& language_fields() {
    static const FieldTable<Language> f{std::vector<Field<Language>>{text("language", &Language::language),
                                                   text("fluency", &Language::fluency)}};
    return f;
}

const FieldTable<Interest>& interest_fields() {
    static const FieldTable<Interest> f{std::vector<Field<Interest>>{text("name", &Interest::name), list("keywords", &Interest::keywords)}};
    return f;
}

const FieldTable<Reference>& reference_fields() {
    static const FieldTable<Reference> f{std::vector<Field<Reference>>{text("name", &Reference::name),
                                                    text("reference", &Reference::reference)}};
    return f;
}

const FieldTable<Project>& project_fields() {
    static const FieldTable<Project> f{std::vector<Field<Project>>{
        text("name", &Project::name), text("description", &Project::description),
        list("highlights", &Project::highlights), list("keywords", &Project::keywords),
        date("startDate", &Project::start), date("endDate", &Project::end), url("url", &Project::url),
        list("roles", &Project::roles), text("entity", &Project::entity), text("type", &Project::type),
        custom<Project>("current")}};
    return f;
}

const FieldTable<NewsItem>& news_fields() {
    static const FieldTable<NewsItem> f{std::vector<Field<NewsItem>>{date("date", &NewsItem::date), text("title", &NewsItem::title),
                                                   text("text", &NewsItem::text), url("url", &NewsItem::url)}};
    return f;
}

const FieldTable<Opening>& opening_fields() {
    static const FieldTable<Opening> f{std::vector<Field<Opening>>{
        text("title", &Opening::title), text("summary", &Opening::summary), text("location", &Opening::location),
        text("duration", &Opening::duration), date("date", &Opening::date), url("url", &Opening::url)}};
    return f;
}

// "theme" is what resume-cli reads to pick its theme: known, so not a typo, but unused here.
const FieldTable<Meta>& meta_fields() {
    static const FieldTable<Meta> f{std::vector<Field<Meta>>{url("canonical", &Meta::canonical), text("version", &Meta::version),
                                               text("lastModified", &Meta::last_modified), custom<Meta>("order"),
                                               custom<Meta>("theme")}};
    return f;
}

const std::vector<const char*>& top_level_keys() {
    static const std::vector<const char*> keys = {
        "$schema",    "basics",    "work",      "volunteer",  "education", "awards", "certificates", "publications",
        "skills",     "languages", "interests", "references", "projects",  "meta",   "news",         "openings",
        "bibliography"};
    return keys;
}

void read_location(Reader& r, const json& v, const Path& at, Location& out) {
    if (!r.expect(v, JsonType::object, at, "an object")) return;
    read_fields<Location>(r, v, at, out, location_fields());
}

void read_basics(Reader& r, const json& v, const Path& at, Basics& b) {
    if (!r.expect(v, JsonType::object, at, "an object")) return;
    auto rest = read_fields<Basics>(r, v, at, b, basics_fields());
    for (const json* value : rest) {
        std::string_view key = value->key();
        Path p = at.member(*value);
        const json& val = *value;
        if (key == "location") {
            read_location(r, val, p, b.location);
        } else if (key == "profiles") {
            if (!r.expect(val, JsonType::array, p, "an array")) continue;
            for (std::size_t i = 0; i < val.size(); ++i) {
                Path pi = p.element(i, val[i]);
                if (!r.expect(val[i], JsonType::object, pi, "an object")) continue;
                SocialProfile sp;
                read_fields<SocialProfile>(r, val[i], pi, sp, social_profile_fields());
                if (!sp.network.empty() || !sp.url.empty()) b.profiles.push_back(std::move(sp));
            }
        } else if (key == "otherNames") {
            if (!r.expect(val, JsonType::array, p, "an array")) continue;
            for (std::size_t i = 0; i < val.size(); ++i) {
                Path pi = p.element(i, val[i]);
                OtherName on;
                if (val[i].is_string()) {
                    r.text(val[i], pi, on.name);
                } else if (r.expect(val[i], JsonType::object, pi, "a string or an object")) {
                    read_fields<OtherName>(r, val[i], pi, on, other_name_fields());
                }
                if (!on.name.empty()) b.other_names.push_back(std::move(on));
            }
        }
    }
}

// The extension "current": false marks a position (or project) that ended on an unknown date.
void read_current(Reader& r, const Members& rest, const Path& at,
                  bool& ended) {
    for (const json* value : rest) {
        bool current = true;
        r.flag(*value, at.member(*value), current);
        if (!current) ended = true;
    }
}

void read_position(Reader& r, const json& v, const Path& at, Position& out, const FieldTable<Position>& fields) {
    auto rest = read_fields<Position>(r, v, at, out, fields);
    out.ended = !out.end.empty();
    read_current(r, rest, at, out.ended);
}

void read_author(Reader& r, const json& v, const Path& at, Author& a) {
    if (v.is_string()) {  // JSON-Resume-style plain names are common in hand-written files.
        r.text(v, at, a.literal);
        return;
    }
    if (!r.expect(v, JsonType::object, at, "an object or a string")) return;
    auto rest = read_fields<Author>(r, v, at, a, author_fields());
    for (const json* value : rest) {
        std::string_view key = value->key();
        // Only the name parts are read; Crossref's "affiliation" arrays and CSL's
        // ordering flags are known but ignored, whatever their type.
        bool name_part = key == "non-dropping-particle" || key == "dropping-particle" || key == "suffix";
        std::string s;
        if (!name_part || !r.text(*value, at.member(*value), s) || s.empty()) continue;
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
void read_csl_date(Reader& r, const json& v, const Path& at, Date& out) {
    if (v.is_string()) {
        r.date(v, at, out);
        return;
    }
    if (!r.expect(v, JsonType::object, at, "an object with \"date-parts\"")) return;
    const auto& keys = csl_date_keys();
    for (const json& m : v)
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return m.key() == k; }))
            r.unknown(at.member(m), m.key(), keys);
    const json* parts = v.find("date-parts");
    if (parts && parts->is_array() && !parts->empty() && (*parts)[0].is_array()) {
        // A range has two lists; the first (the start) dates the publication.
        const json& first = (*parts)[0];
        long long values[3] = {0, 0, 0};
        for (std::size_t i = 0; i < first.size() && i < 3; ++i) {
            const json& n = first[i];
            if (n.is_number_integer())
                values[i] = n.as_integer();
            else if (n.is_string())
                values[i] = std::atoll(std::string(n.str()).c_str());
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
        r.error(at.member(*parts), "expected [[year, month, day]] with a year first and a real date");
        return;
    }
    for (const char* text_key : {"raw", "edtf"}) {
        if (const json* raw = v.find(text_key)) {
            r.date(*raw, at.member(*raw), out);
            return;
        }
    }
    const json* literal = v.find("literal");
    if (literal && literal->is_string()) {
        std::string_view s = literal->str();
        if (s.size() >= 4 && std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
            out = Date{std::atoi(std::string(s.substr(0, 4)).c_str()), 0, 0};
        return;
    }
    r.error(at, "expected \"date-parts\" or \"raw\"");
}

void read_publication(Reader& r, const json& v, const Path& at, Publication& pub) {
    auto rest = read_fields<Publication>(r, v, at, pub, publication_fields());
    for (const json* value : rest) {
        std::string_view key = value->key();
        Path p = at.member(*value);
        const json& val = *value;
        if (key == "author") {
            if (!r.expect(val, JsonType::array, p, "an array of names")) continue;
            pub.authors.reserve(val.size());
            for (std::size_t i = 0; i < val.size(); ++i) {
                Author a;
                read_author(r, val[i], p.element(i, val[i]), a);
                if (!display_name(a).empty()) pub.authors.push_back(std::move(a));
            }
        } else if (key == "title" || key == "name") {
            // CSL titles carry rich-text markup (<i>, <sup>...); JSON Resume names are plain.
            std::string title;
            if (r.text(val, p, title)) pub.title = key == "title" ? read_csl_markup(title) : RichString{title, {}};
        } else if (key == "issued") {
            read_csl_date(r, val, p, pub.date);
        } else if (key == "custom") {
            if (!r.expect(val, JsonType::object, p, "an object")) continue;
            read_fields<Publication>(r, val, p, pub, publication_custom_fields());
        }
    }
    if (pub.venue.empty()) pub.venue = pub.publisher;
    if (pub.title.empty()) r.warn(at, "publication has no title (\"title\" or \"name\")");
    if (!pub.arxiv.empty()) {
        std::string id = arxiv_id(pub.arxiv);
        if (id.empty())
            r.warn(at, "custom.arxiv \"" + shorten_text(pub.arxiv, 60) + "\" is not an arXiv identifier; not shown");
        pub.arxiv = id;
    }
    if (!pub.doi.empty()) {
        std::string doi = pub.doi;
        for (const char* prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"})
            if (fold_case(doi).rfind(prefix, 0) == 0) doi.erase(0, std::string(prefix).size());
        pub.doi = doi;
    }
}

// Newest first; entries without a date keep their order after the dated ones. The keys
// are sorted and each entry moved once: entries are large (a publication holds a dozen
// strings), and most files are written newest first already.
template <class T, class Key>
void sort_newest_first(std::vector<T>& v, Key key) {
    using K = decltype(key(v.front()));
    if (v.size() < 2) return;
    std::vector<std::pair<K, std::size_t>> order;
    order.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) order.emplace_back(key(v[i]), i);
    auto newer = [](const auto& a, const auto& b) { return b.first < a.first; };
    if (std::is_sorted(order.begin(), order.end(), newer)) return;
    std::stable_sort(order.begin(), order.end(), newer);
    std::vector<T> sorted;
    sorted.reserve(v.size());
    for (const auto& o : order) sorted.push_back(std::move(v[o.second]));
    v = std::move(sorted);
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

// A bibliography is named relative to the profile, as its links are: a path with no
// scheme ("file:", "https:"), not from the root ("/..."), no backslashes or control characters.
bool relative_reference(std::string_view name) {
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7F || c == '\\') return false;
    std::size_t colon = name.find(':'), slash = name.find('/');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) return false;
    return !name.empty() && name[0] != '/';
}

// "bibliography": "papers.bib", or ["papers.bib", "talks.bib"]: .bib files whose entries
// join the publications. Only recorded here; the platform reads them (bibliography.h).
void read_bibliography(Reader& r, const json& root, const Path& top, const Limits& limits,
                       std::vector<BibliographyRef>& out) {
    const json* member = root.find("bibliography");
    if (!member || member->is_null()) return;
    Path at = top.member(*member);
    auto one = [&](const json& v, const Path& p) {
        if (!r.expect(v, JsonType::string, p, "a file name")) return;
        std::string name = trimmed(v.str());
        if (name.empty()) return r.warn(p, "empty file name; ignored");
        if (!relative_reference(name))
            return r.error(p, "\"" + shorten_text(name, 60) +
                                  "\" is not a path relative to the profile file (no scheme, no leading '/'); not read");
        if (out.size() >= limits.max_bibliographies)
            return r.error(p, "more than " + std::to_string(limits.max_bibliographies) +
                                  " bibliography files; this one is not read");
        BibliographyRef ref;
        ref.path = name;
        ref.pointer = p.pointer();
        ref.offset = p.value->offset();
        out.push_back(std::move(ref));
    };
    if (member->is_array()) {
        for (std::size_t i = 0; i < member->size(); ++i) one((*member)[i], at.element(i, (*member)[i]));
    } else if (member->is_string()) {
        one(*member, at);
    } else {
        r.error(at, std::string("expected a file name or an array of them, found ") + json_type_phrase(*member) +
                        "; value ignored");
    }
}

void read_profile(Reader& r, const json& root, Profile& p, const Limits& limits,
                  std::vector<BibliographyRef>& bibliography, bool& keep_order) {
    const Path top{nullptr, {}, Path::kNoIndex, &root};
    const auto& keys = top_level_keys();
    for (const json& m : root)
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return m.key() == k; }))
            r.unknown(top.member(m), m.key(), keys);

    const json* basics = root.find("basics");
    if (basics) read_basics(r, *basics, top.member(*basics), p.basics);

    auto simple = [&r](const auto& fields) {
        return [&r, &fields](const json& v, const Path& at, auto& e) { read_fields(r, v, at, e, fields); };
    };
    read_section<Position>(r, root, top, "work", p.work, [&](const json& v, const Path& at, Position& e) {
        read_position(r, v, at, e, work_fields());
    });
    read_section<Position>(r, root, top, "volunteer", p.volunteer, [&](const json& v, const Path& at, Position& e) {
        read_position(r, v, at, e, volunteer_fields());
    });
    read_section<Education>(r, root, top, "education", p.education, simple(education_fields()));
    read_section<Award>(r, root, top, "awards", p.awards, simple(award_fields()));
    read_section<Certificate>(r, root, top, "certificates", p.certificates, simple(certificate_fields()));
    read_section<Publication>(r, root, top, "publications", p.publications,
                              [&](const json& v, const Path& at, Publication& e) { read_publication(r, v, at, e); });
    read_section<Skill>(r, root, top, "skills", p.skills, simple(skill_fields()));
    read_section<Language>(r, root, top, "languages", p.languages, simple(language_fields()));
    read_section<Interest>(r, root, top, "interests", p.interests, simple(interest_fields()));
    read_section<Reference>(r, root, top, "references", p.references, simple(reference_fields()));
    read_section<Project>(r, root, top, "projects", p.projects, [&](const json& v, const Path& at, Project& e) {
        auto rest = read_fields<Project>(r, v, at, e, project_fields());
        e.ended = !e.end.empty();
        read_current(r, rest, at, e.ended);
    });
    read_section<NewsItem>(r, root, top, "news", p.news, simple(news_fields()));
    read_section<Opening>(r, root, top, "openings", p.openings, simple(opening_fields()));
    read_bibliography(r, root, top, limits, bibliography);

    keep_order = false;
    const json* meta = root.find("meta");
    if (meta && r.expect(*meta, JsonType::object, top.member(*meta), "an object")) {
        Path meta_at = top.member(*meta);
        for (const json* value : read_fields<Meta>(r, *meta, meta_at, p.meta, meta_fields())) {
            if (value->key() != "order") continue;
            Path order_at = meta_at.member(*value);
            std::string order;
            r.text(*value, order_at, order);
            if (order == "as-written")
                keep_order = true;
            else if (order != "newest-first")
                r.error(order_at, "expected \"newest-first\" or \"as-written\"");
        }
    }
    OwnerMatcher owner(p.basics);
    for (Publication& pub : p.publications)
        for (Author& a : pub.authors) {
            a.shown = display_name(a);
            a.owner = owner(a);
        }
    if (!keep_order) sort_profile(p);
    if (p.basics.name.empty()) {
        Path basics_at = top.member("basics", basics);
        r.warn(basics_at.member("name", nullptr), "no name: the page header will be empty");
    }
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
        read_profile(reader, src.root(), result.profile, limits, result.bibliography, result.keep_order);
        result.ok = true;
    }
    locate_problems(src.text, result.problems);
    LineCounter lines(src.text);
    for (BibliographyRef& ref : result.bibliography) lines.advance_to(ref.offset, ref.line, ref.column);
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
