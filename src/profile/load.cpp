#include "profile/load.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <functional>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "profile/csl_markup.h"
#include "profile/date.h"
#include "profile/icons.h"
#include "profile/json_source.h"
#include "profile/markdown.h"
#include "profile/section_table.h"
#include "profile/match.h"
#include "profile/text.h"
#include "profile/translation.h"

namespace profile {

namespace {

using json = JsonValue;

std::string trimmed(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// Whether a link without a scheme names a web site ("example.org", "www.example.org/x",
// "github.com/ada") rather than a file next to the profile ("cv.pdf", "papers/x.pdf"):
// its first segment is a host name whose last label is letters and not a file extension.
bool is_bare_host(std::string_view url) {
    std::size_t end = url.find_first_of("/?#:");
    if (end != std::string_view::npos && url[end] == ':') return false;  // has a scheme (or a port: left alone)
    std::string host = fold_case(url.substr(0, end));
    if (host.rfind("www.", 0) == 0 && host.size() > 4) return true;
    std::size_t dot = host.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == host.size()) return false;
    for (std::size_t i = 0; i < host.size(); ++i) {
        char c = host[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c == '.' && i > 0 && host[i - 1] != '.');
        if (!ok) return false;
    }
    std::string_view tld = std::string_view(host).substr(dot + 1);
    if (tld.size() < 2 || tld.size() > 24) return false;
    for (char c : tld)
        if (c < 'a' || c > 'z') return false;
    static const char* const kFileTypes[] = {"pdf", "html", "htm", "png", "jpg", "jpeg", "gif", "svg", "webp", "txt",
                                             "md", "json", "bib", "zip", "gz", "tar", "doc", "docx", "ppt", "pptx",
                                             "key", "mp4", "mov", "csv", "xml", "php", "ps", "tex", "odt", "odp", "ics"};
    for (const char* ext : kFileTypes)
        if (tld == ext) return false;
    return true;
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
    void add(Problem p) { add_problem(problems_, std::move(p), limits_.max_problems, overflow_); }
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

    // Text that holds paragraphs (a summary): some files give it as an array of strings,
    // one per paragraph. Read as paragraphs, so nothing of it is lost.
    void paragraphs(const json& v, const Path& at, std::string& out) {
        bool of_strings = v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) {
            return e.is_string() || e.is_number() || e.is_null();
        });
        if (!of_strings) {
            text(v, at, out);
            return;
        }
        std::string joined;
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::string s;
            if (text(v[i], at.element(i, v[i]), s) && !s.empty()) joined += (joined.empty() ? "" : "\n\n") + s;
        }
        warn(at, "expected a string, found an array; read as paragraphs: write one string with a blank line (\\n\\n) "
                 "between paragraphs");
        out = std::move(joined);
    }

    // Paragraphs in Markdown: the text with its marks; a link that is not http, https or
    // mailto keeps its text and is reported.
    RichString markdown_text(std::string_view s, const Path& at) {
        std::vector<std::string> refused;
        RichString out = read_markdown(s, &refused);
        for (const std::string& href : refused)
            warn(at, "link \"" + shorten(href) + "\" is not http, https or mailto; its text is shown, not as a link");
        return out;
    }
    void markdown(const json& v, const Path& at, RichString& out) {
        std::string s;
        paragraphs(v, at, s);
        out = markdown_text(s, at);
    }
    void markdown_list(const json& v, const Path& at, std::vector<RichString>& out) {
        std::vector<std::string> items;
        list(v, at, items);
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) out.push_back(markdown_text(items[i], at));
    }

    void url(const json& v, const Path& at, std::string& out) {
        std::string s;
        if (!text(v, at, s) || s.empty()) return;
        if (is_bare_host(s)) {
            std::string full = "https://" + s;
            warn(at, "link \"" + shorten(s) + "\" has no scheme; read as \"" + shorten(full) + "\"");
            s = std::move(full);
        }
        if (!is_safe_url(s)) {
            warn(at, "link \"" + shorten(s) + "\" is not http, https or mailto; it is shown as text, not as a link");
            return;
        }
        out = s;
    }

    // An address becomes a mailto link; anything else the owner wrote there (often an
    // address spelt out to hide it from robots: "name at example dot org") is shown as
    // they wrote it, as text.
    void email(const json& v, const Path& at, std::string& address, std::string& as_text) {
        std::string s;
        if (!text(v, at, s) || s.empty()) return;
        std::size_t sign = s.find('@');
        bool plausible = sign != std::string::npos && sign > 0 && sign + 1 < s.size() &&
                         s.find_first_of(" \t\r\n<>\"'():;,") == std::string::npos;
        if (plausible) {
            address = s;
            return;
        }
        std::string folded = fold_case(s);
        bool hidden = false;
        for (const char* at_sign : {" at ", "[at]", "(at)", "{at}", "<at>", " @ "})
            hidden = hidden || folded.find(at_sign) != std::string::npos;
        warn(at, "\"" + shorten(s) + "\" " +
                     (hidden ? "is an address written to hide it from robots" : "does not look like an email address") +
                     "; shown as written, not as a link");
        as_text = s;
    }

    // Reads a date as people write it (date.h): a form other than YYYY[-MM[-DD]] is a
    // warning suggesting it, and what is not understood is kept to be shown as written.
    // `role` says what "Present" and a range mean here; `other` is the other end of
    // the period (start or end), which a range fills when it is not given.
    // Returns whether the text gave the whole period (a range, or "Present").
    bool date(const json& v, const Path& at, Date& out, DateRole role = DateRole::single, Date* other = nullptr) {
        if (v.is_number_integer()) {
            long long y = v.as_integer();
            if (y > 0 && y < 10000) {
                out = Date{static_cast<int>(y), 0, 0};
                warn(at, "dates are strings: write \"" + std::to_string(y) + "\"");
                return false;
            }
        }
        std::string s;
        if (!text(v, at, s) || s.empty()) return false;
        DateReading d = read_date(s, role);
        if (d.form != DateForm::canonical) warn(at, std::move(d.advice));
        if (d.range && role == DateRole::end) {
            out = std::move(d.end);
            if (other && other->empty()) *other = std::move(d.date);
            return true;
        }
        if (!d.ongoing || d.range) out = std::move(d.date);
        if (d.range && other && other->empty()) *other = std::move(d.end);
        return d.range || d.ongoing;
    }

    void list(const json& v, const Path& at, std::vector<std::string>& out) {
        if (v.is_string()) {  // "highlights": "one thing", as some files write a single item
            std::string s;
            text(v, at, s);
            if (s.empty()) return;
            warn(at, "expected an array of strings, found a string; read as one item: write [\"" + shorten(s) + "\"]");
            out.push_back(std::move(s));
            return;
        }
        if (!expect(v, JsonType::array, at, "an array of strings")) return;
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::string s;
            if (text(v[i], at.element(i, v[i]), s) && !s.empty()) out.push_back(std::move(s));
        }
    }

    // al-folio's "icon": a Font Awesome class, drawn when the icon font has that glyph.
    void icon(const json& v, const Path& at, std::string& css_class, char32_t& glyph) {
        if (!text(v, at, css_class) || css_class.empty()) return;
        glyph = icon_glyph(css_class);
        if (!glyph) warn(at, "icon \"" + shorten(css_class) + "\" is not in the icon font (Fork Awesome); no icon is drawn");
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
        if (!room()) return warn(at, {});
        std::string msg = "unknown field \"" + shorten(std::string(key)) + "\"";
        if (const char* best = nearest(key, known)) msg += "; did you mean \"" + std::string(best) + "\"?";
        warn(at, msg);
    }

    // The known name a misspelt one is closest to, when one is close enough.
    static const char* nearest(std::string_view key, const std::vector<const char*>& known) {
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
        return best;
    }

    // Whether another problem is kept (past the limit they are only counted).
    bool room() const { return problems_.size() < limits_.max_problems; }

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
enum class Kind { text, paragraphs, markdown, url, date, list, markdown_list, flag, icon, custom, ignored };

template <class T>
struct Field {
    const char* key;
    Kind kind;
    std::string T::*text = nullptr;
    Date T::*date = nullptr;
    std::vector<std::string> T::*list = nullptr;
    RichString T::*rich = nullptr;                     // markdown
    std::vector<RichString> T::*rich_list = nullptr;  // markdown_list
    bool T::*flag = nullptr;
    DateRole role = DateRole::single;  // dates: a period's start or end, or a single date
    Date T::*other_end = nullptr;      // the period's other end, which a range in this field fills
    const char* alias_of = nullptr;    // another name people use for the field `alias_of`
    char32_t T::*glyph = nullptr;      // icons: the icon font's glyph for the class in `text`
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
Field<T> icon(const char* key, std::string T::*css_class, char32_t T::*glyph) {
    Field<T> f = text(key, css_class);
    f.kind = Kind::icon;
    f.glyph = glyph;
    return f;
}
template <class T>
Field<T> paragraphs(const char* key, std::string T::*m) {
    Field<T> f = text(key, m);
    f.kind = Kind::paragraphs;
    return f;
}
// Paragraphs of inline Markdown (markdown.h).
template <class T>
Field<T> markdown(const char* key, RichString T::*m) {
    Field<T> f{key, Kind::markdown};
    f.rich = m;
    return f;
}
template <class T>
Field<T> markdown_list(const char* key, std::vector<RichString> T::*m) {
    Field<T> f{key, Kind::markdown_list};
    f.rich_list = m;
    return f;
}
// `key` read as the JSON Resume field `of` (its reading: text, date...), with a warning
// naming the canonical key. When both are given, the canonical one is used.
template <class T>
Field<T> alias(const char* key, Field<T> of) {
    of.alias_of = of.key;
    of.key = key;
    return of;
}
template <class T>
Field<T> date(const char* key, Date T::*m) {
    Field<T> f{key, Kind::date};
    f.date = m;
    return f;
}
// A period's two ends: "Present" in the end means ongoing; a range in either fills both.
template <class T>
Field<T> start_date(const char* key, Date T::*start, Date T::*end) {
    Field<T> f = date(key, start);
    f.role = DateRole::start;
    f.other_end = end;
    return f;
}
template <class T>
Field<T> end_date(const char* key, Date T::*end, Date T::*start) {
    Field<T> f = date(key, end);
    f.role = DateRole::end;
    f.other_end = start;
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
    auto read = [&](const Field<T>& f, const json& v, const Path& p) {
        switch (f.kind) {
            case Kind::text: r.text(v, p, out.*(f.text)); break;
            case Kind::paragraphs: r.paragraphs(v, p, out.*(f.text)); break;
            case Kind::markdown: r.markdown(v, p, out.*(f.rich)); break;
            case Kind::url: r.url(v, p, out.*(f.text)); break;
            case Kind::date: r.date(v, p, out.*(f.date), f.role, f.other_end ? &(out.*(f.other_end)) : nullptr); break;
            case Kind::list: r.list(v, p, out.*(f.list)); break;
            case Kind::markdown_list: r.markdown_list(v, p, out.*(f.rich_list)); break;
            case Kind::flag: r.flag(v, p, out.*(f.flag)); break;
            case Kind::icon: r.icon(v, p, out.*(f.text), out.*(f.glyph)); break;
            case Kind::custom: rest.push_back(&v); break;
            case Kind::ignored: break;
        }
    };
    Members aliases;  // read after the canonical fields, which win when both are given
    for (const json& v : obj) {
        std::string_view key = v.key();
        Path p = at.member(v);
        const Field<T>* f = fields.find(key);
        if (!f) {
            std::vector<const char*> known;
            for (const Field<T>& fd : fields.fields)
                if (!fd.alias_of) known.push_back(fd.key);
            r.unknown(p, key, known);
            continue;
        }
        if (f->alias_of)
            aliases.push_back(&v);
        else
            read(*f, v, p);
    }
    std::vector<const char*> filled;  // canonical fields an alias has given
    for (const json* v : aliases) {
        const Field<T>& f = *fields.find(v->key());
        Path p = at.member(*v);
        bool taken = obj.find(f.alias_of) || std::find(filled.begin(), filled.end(), f.alias_of) != filled.end();
        if (taken) {
            r.warn(p, "\"" + std::string(v->key()) + "\" is another name for \"" + f.alias_of + "\", which is given too; \"" +
                          std::string(v->key()) + "\" is not shown");
            continue;
        }
        r.warn(p, "\"" + std::string(v->key()) + "\" is read as \"" + f.alias_of + "\", JSON Resume's name for it");
        read(f, *v, p);
        filled.push_back(f.alias_of);
    }
    return rest;
}

// Reads root[key] as an array of entries, each an object read by `read_entry`.
// A bad entry is reported and skipped; the others are kept.
template <class T>
void read_section(Reader& r, const json& root, const Path& root_at, std::string_view key, std::vector<T>& out,
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
        custom<Basics>("email"), text("phone", &Basics::phone), url("url", &Basics::url),
        markdown("summary", &Basics::summary), paragraphs("researchInterests", &Basics::research_interests),
        custom<Basics>("location"), custom<Basics>("profiles"), custom<Basics>("otherNames"),
        alias("website", url("url", &Basics::url))}};
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
            text("location", &Position::location), markdown("description", &Position::description),
            start_date("startDate", &Position::start, &Position::end), end_date("endDate", &Position::end, &Position::start),
            markdown("summary", &Position::summary),
            markdown_list("highlights", &Position::highlights), custom<Position>("current")};
}

const FieldTable<Position>& work_fields() {
    static const FieldTable<Position> f{[] {
        auto v = position_fields("name");
        // al-folio sites sort their CV by a number ("order"); imfolio orders by date (and
        // meta.order), so it is known and not shown.
        v.push_back(ignored<Position>("order"));
        v.push_back(alias("company", text("name", &Position::organization)));
        // JSON Resume before v1.0 called the link "website"; its sample resume still does.
        v.push_back(alias("website", url("url", &Position::url)));
        return v;
    }()};
    return f;
}

const FieldTable<Position>& volunteer_fields() {
    static const FieldTable<Position> f{[] {
        auto v = position_fields("organization");
        v.push_back(alias("date", start_date("startDate", &Position::start, &Position::end)));
        return v;
    }()};
    return f;
}

const FieldTable<Education>& education_fields() {
    static const FieldTable<Education> f{std::vector<Field<Education>>{
        text("institution", &Education::institution), url("url", &Education::url), text("area", &Education::area),
        text("studyType", &Education::study_type), start_date("startDate", &Education::start, &Education::end),
        end_date("endDate", &Education::end, &Education::start), text("score", &Education::score), list("courses", &Education::courses),
        text("advisor", &Education::advisor), text("location", &Education::location),
        markdown("summary", &Education::summary), markdown_list("highlights", &Education::highlights),
        alias("degree", text("studyType", &Education::study_type)), alias("title", text("studyType", &Education::study_type)),
        alias("field", text("area", &Education::area)), alias("specialty", text("area", &Education::area)),
        alias("year", end_date("endDate", &Education::end, &Education::start))}};
    return f;
}

const FieldTable<Award>& award_fields() {
    static const FieldTable<Award> f{std::vector<Field<Award>>{text("title", &Award::title), date("date", &Award::date),
                                                text("awarder", &Award::awarder), markdown("summary", &Award::summary),
                                                url("url", &Award::url)}};
    return f;
}

const FieldTable<Certificate>& certificate_fields() {
    static const FieldTable<Certificate> f{std::vector<Field<Certificate>>{text("name", &Certificate::name), date("date", &Certificate::date),
                                                      text("issuer", &Certificate::issuer), url("url", &Certificate::url),
                                                      icon("icon", &Certificate::icon, &Certificate::icon_glyph)}};
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
                                                list("keywords", &Skill::keywords), icon("icon", &Skill::icon, &Skill::icon_glyph)}};
    return f;
}

const FieldTable<Language>& language_fields() {
    static const FieldTable<Language> f{std::vector<Field<Language>>{text("language", &Language::language),
                                                   text("fluency", &Language::fluency), icon("icon", &Language::icon, &Language::icon_glyph)}};
    return f;
}

const FieldTable<Interest>& interest_fields() {
    static const FieldTable<Interest> f{std::vector<Field<Interest>>{text("name", &Interest::name), list("keywords", &Interest::keywords),
                                                   icon("icon", &Interest::icon, &Interest::icon_glyph)}};
    return f;
}

const FieldTable<Reference>& reference_fields() {
    static const FieldTable<Reference> f{std::vector<Field<Reference>>{text("name", &Reference::name),
                                                    paragraphs("reference", &Reference::reference),
                                                    icon("icon", &Reference::icon, &Reference::icon_glyph)}};
    return f;
}

const FieldTable<Project>& project_fields() {
    static const FieldTable<Project> f{std::vector<Field<Project>>{
        text("name", &Project::name), markdown("summary", &Project::summary),
        markdown("description", &Project::description),
        markdown_list("highlights", &Project::highlights), list("keywords", &Project::keywords),
        start_date("startDate", &Project::start, &Project::end), end_date("endDate", &Project::end, &Project::start),
        url("url", &Project::url),
        list("roles", &Project::roles), text("entity", &Project::entity), text("type", &Project::type),
        url("image", &Project::image),
        custom<Project>("current")}};
    return f;
}

const FieldTable<NewsItem>& news_fields() {
    static const FieldTable<NewsItem> f{std::vector<Field<NewsItem>>{date("date", &NewsItem::date), text("title", &NewsItem::title),
                                                   markdown("text", &NewsItem::text), url("url", &NewsItem::url)}};
    return f;
}

const FieldTable<Opening>& opening_fields() {
    static const FieldTable<Opening> f{std::vector<Field<Opening>>{
        text("title", &Opening::title), markdown("summary", &Opening::summary), text("location", &Opening::location),
        text("duration", &Opening::duration), date("date", &Opening::date), url("url", &Opening::url)}};
    return f;
}

// "theme" is what resume-cli reads to pick its theme: known, so not a typo, but unused here.
const FieldTable<Meta>& meta_fields() {
    static const FieldTable<Meta> f{std::vector<Field<Meta>>{url("canonical", &Meta::canonical), text("version", &Meta::version),
                                               text("lastModified", &Meta::last_modified), custom<Meta>("order"),
                                               custom<Meta>("theme"), custom<Meta>("language")}};
    return f;
}

// coauthors[] (extension). "given" may be one string or a list of the forms used.
const FieldTable<Coauthor>& coauthor_fields() {
    static const FieldTable<Coauthor> f{std::vector<Field<Coauthor>>{
        text("family", &Coauthor::family), custom<Coauthor>("given"), url("url", &Coauthor::url)}};
    return f;
}

// The value of each venues{} member, keyed by the badge text.
const FieldTable<Venue>& venue_fields() {
    static const FieldTable<Venue> f{std::vector<Field<Venue>>{url("url", &Venue::url), custom<Venue>("color")}};
    return f;
}

// The top-level members: the sections' (section_table.h) and these others.
const std::vector<const char*>& top_level_keys() {
    static const std::vector<const char*> keys = [] {
        std::vector<const char*> k = {"$schema", "basics", "meta", "coauthors", "venues", "bibliography",
                                      "translations"};
        // A table's json_key is a string literal, so its data() is a C string.
        for (const SectionInfo& s : kSections)
            if (s.id != SectionId::about) k.push_back(s.json_key.data());
        return k;
    }();
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
        if (key == "email") {
            r.email(val, p, b.email, b.email_text);
        } else if (key == "location") {
            read_location(r, val, p, b.location);
        } else if (key == "profiles") {
            if (!r.expect(val, JsonType::array, p, "an array")) continue;
            for (std::size_t i = 0; i < val.size(); ++i) {
                Path pi = p.element(i, val[i]);
                if (!r.expect(val[i], JsonType::object, pi, "an object")) continue;
                SocialProfile sp;
                read_fields<SocialProfile>(r, val[i], pi, sp, social_profile_fields());
                // An empty {} (template leftovers) is silently absent; a username alone is kept.
                if (!sp.network.empty() || !sp.url.empty() || !sp.username.empty()) b.profiles.push_back(std::move(sp));
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

// A period that ends before it starts is shown as written, and reported: one of the two
// is most likely a typo. Compared at the coarser precision of the two ("2019" does not
// end before "2019-05").
void check_period(Reader& r, const json& entry, const Path& at, const Date& start, const Date& end) {
    if (start.year == 0 || end.year == 0) return;
    auto key = [](const Date& d, int parts) { return std::make_tuple(d.year, parts > 1 ? d.month : 0, parts > 2 ? d.day : 0); };
    auto parts = [](const Date& d) { return d.month == 0 ? 1 : d.day == 0 ? 2 : 3; };
    int precision = std::min(parts(start), parts(end));
    if (!(key(end, precision) < key(start, precision))) return;
    const json* start_value = entry.find("startDate");
    r.warn(at.member("startDate", start_value), "the start date (" + canonical_date(start) + ") is after the end date (" +
                                                   canonical_date(end) + ")");
}

// Positions and projects: over when they have an end date, or say "current": false.
template <class T>
void read_period(Reader& r, const json& v, const Path& at, T& out, const FieldTable<T>& fields) {
    auto rest = read_fields<T>(r, v, at, out, fields);
    out.ended = !out.end.empty();
    read_current(r, rest, at, out.ended);
    check_period(r, v, at, out.start, out.end);
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

// What each section's entries may hold, by entry type (work and volunteering share one).
const FieldTable<Position>& entry_fields(SectionId id, const Position*) {
    return id == SectionId::volunteer ? volunteer_fields() : work_fields();
}
const FieldTable<Education>& entry_fields(SectionId, const Education*) { return education_fields(); }
const FieldTable<Award>& entry_fields(SectionId, const Award*) { return award_fields(); }
const FieldTable<Certificate>& entry_fields(SectionId, const Certificate*) { return certificate_fields(); }
const FieldTable<Publication>& entry_fields(SectionId, const Publication*) { return publication_fields(); }
const FieldTable<Skill>& entry_fields(SectionId, const Skill*) { return skill_fields(); }
const FieldTable<Language>& entry_fields(SectionId, const Language*) { return language_fields(); }
const FieldTable<Interest>& entry_fields(SectionId, const Interest*) { return interest_fields(); }
const FieldTable<Reference>& entry_fields(SectionId, const Reference*) { return reference_fields(); }
const FieldTable<Project>& entry_fields(SectionId, const Project*) { return project_fields(); }
const FieldTable<NewsItem>& entry_fields(SectionId, const NewsItem*) { return news_fields(); }
const FieldTable<Opening>& entry_fields(SectionId, const Opening*) { return opening_fields(); }

// One entry of a section, by its type.
template <class T>
void read_entry(Reader& r, SectionId id, const json& v, const Path& at, T& e) {
    read_fields(r, v, at, e, entry_fields(id, &e));
}
void read_entry(Reader& r, SectionId id, const json& v, const Path& at, Position& e) {
    read_period(r, v, at, e, entry_fields(id, &e));
}
void read_entry(Reader& r, SectionId id, const json& v, const Path& at, Project& e) {
    read_period(r, v, at, e, entry_fields(id, &e));
}
void read_entry(Reader& r, SectionId id, const json& v, const Path& at, Education& e) {
    read_fields(r, v, at, e, entry_fields(id, &e));
    check_period(r, v, at, e.start, e.end);
}
void read_entry(Reader& r, SectionId, const json& v, const Path& at, Publication& e) { read_publication(r, v, at, e); }

// A section's entries from its JSON member. About is the summary, read with the header.
void read_entries(Reader&, const json&, const Path&, SectionId, Basics&) {}
template <class T>
void read_entries(Reader& r, const json& root, const Path& top, SectionId id, std::vector<T>& out) {
    read_section<T>(r, root, top, section_info(id).json_key, out,
                    [&](const json& v, const Path& at, T& e) { read_entry(r, id, v, at, e); });
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
        if (end < o.end || o.end < end) return end < o.end;
        return start < o.start;
    }
};

void sort_profile(Profile& p) {
    // A date not understood (year 0) orders as undated, and says nothing of being ongoing.
    auto period = [](const auto& e) {
        return PeriodKey{!e.ended && e.start.year != 0, e.end.year != 0 ? e.end : e.start, e.start};
    };
    sort_newest_first(p.work, period);
    sort_newest_first(p.volunteer, period);
    sort_newest_first(p.projects, period);
    // A degree with a start and no end is under way, like a position without an end.
    sort_newest_first(p.education, [](const Education& e) {
        return PeriodKey{e.end.empty() && e.start.year != 0, e.end.year != 0 ? e.end : e.start, e.start};
    });
    sort_newest_first(p.awards, [](const Award& a) { return a.date; });
    sort_newest_first(p.certificates, [](const Certificate& c) { return c.date; });
    sort_newest_first(p.publications, [](const Publication& x) { return x.date; });
    sort_newest_first(p.news, [](const NewsItem& n) { return n.date; });
    sort_newest_first(p.openings, [](const Opening& o) { return o.date; });
}

// A BCP 47 tag by its syntax (RFC 5646): a 2-3 or 5-8 letter language, then subtags of
// 1-8 letters or digits ("en", "pt-BR", "zh-Hans-CN", "sr-Latn"). Registry membership is
// not checked: that needs the IANA registry, and a well-formed tag is what `lang` wants.
bool is_language_tag(std::string_view tag) {
    std::size_t start = 0;
    for (bool first = true; start <= tag.size(); first = false) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        std::string_view sub = tag.substr(start, end - start);
        if (sub.empty() || sub.size() > 8) return false;
        for (char c : sub) {
            bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && !(c >= '0' && c <= '9' && !first)) return false;
        }
        if (first && (sub.size() < 2 || sub.size() == 4)) return false;
        start = end + 1;
    }
    return true;
}

// "#RGB" or "#RRGGBB" -> 0xRRGGBB.
bool parse_color(std::string_view s, std::uint32_t& out) {
    if ((s.size() != 4 && s.size() != 7) || s[0] != '#') return false;
    std::uint32_t v = 0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return false;
        v = v << 4 | static_cast<std::uint32_t>(d);
        if (s.size() == 4) v = v << 4 | static_cast<std::uint32_t>(d);  // #abc is #aabbcc
    }
    out = v;
    return true;
}

void read_coauthor(Reader& r, const json& v, const Path& at, Coauthor& c) {
    for (const json* value : read_fields<Coauthor>(r, v, at, c, coauthor_fields())) {
        Path p = at.member(*value);
        std::string one;
        if (value->is_string()) {
            if (r.text(*value, p, one) && !one.empty()) c.given.push_back(std::move(one));
        } else {
            r.list(*value, p, c.given);
        }
    }
    if (c.family.empty()) r.error(at, "co-author has no \"family\" name; entry ignored");
    else if (c.given.empty()) r.warn(at, "co-author has no \"given\" names; no author can match it");
    else if (c.url.empty()) r.warn(at, "co-author has no \"url\"; their name is not linked");
}

// venues{}: each member's name is the badge text it applies to.
void read_venues(Reader& r, const json& v, const Path& at, std::vector<Venue>& out) {
    if (!r.expect(v, JsonType::object, at, "an object of venue abbreviations")) return;
    for (const json& m : v) {
        Path p = at.member(m);
        if (out.size() >= r.max_entries()) {
            r.error(p, "more than " + std::to_string(r.max_entries()) + " venues; the rest are dropped");
            return;
        }
        if (!r.expect(m, JsonType::object, p, "an object")) continue;
        Venue venue;
        venue.abbr = std::string(m.key());
        for (const json* value : read_fields<Venue>(r, m, p, venue, venue_fields())) {
            Path cp = p.member(*value);
            std::string s;
            if (!r.text(*value, cp, s) || s.empty()) continue;
            if (parse_color(s, venue.color))
                venue.has_color = true;
            else
                r.error(cp, "\"" + shorten_text(s, 60) + "\" is not a colour: use #RGB or #RRGGBB");
        }
        out.push_back(std::move(venue));
    }
}

// --- sections JSON Resume lacks --------------------------------------------------------------
// Real files add their own ("teaching", "honors_and_awards", "research experience"). Each
// is shown as a section titled from its key, its entries drawn generically: the members
// that name a title, an organisation, a place, dates, a link, a summary and bullets are
// picked by name; every other member is kept as (name, value).

// "Start_Date", "start date", "start-date" all name "startdate".
std::string normalized_name(std::string_view key) {
    std::string out;
    for (char c : fold_case(key))
        if (c != ' ' && c != '_' && c != '-') out += c;
    return out;
}

// Any value as the text it shows: arrays and objects joined by ", " (nesting is bounded
// by the reader's depth limit).
std::string flattened(const json& v) {
    if (v.is_string()) return trimmed(v.str());
    if (v.is_number()) return std::string(v.number_text());
    if (v.is_boolean()) return v.as_bool() ? "true" : "false";
    std::string out;
    for (const json& e : v) {
        std::string part = flattened(e);
        if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
    }
    return out;
}

// "honors_and_awards" -> "Honors and awards", "researchFunding" -> "Research funding".
std::string title_from_key(std::string_view key) {
    std::string words;
    for (std::size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        bool upper = c >= 'A' && c <= 'Z';
        bool after_lower = i > 0 && key[i - 1] >= 'a' && key[i - 1] <= 'z';
        bool before_lower = i + 1 < key.size() && key[i + 1] >= 'a' && key[i + 1] <= 'z';
        if (c == '_' || c == '-' || c == ' ' || c == '\t') {
            if (!words.empty() && words.back() != ' ') words += ' ';
            continue;
        }
        if (upper && after_lower) {  // a camelCase boundary: the word starts in lower case
            words += ' ';
            words += before_lower ? static_cast<char>(c - 'A' + 'a') : c;
            continue;
        }
        words += c;
    }
    while (!words.empty() && words.back() == ' ') words.pop_back();
    if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') words[0] = static_cast<char>(words[0] - 'a' + 'A');
    return words;
}

// "research experience" -> "research-experience"; letters beyond ASCII are left out
// (a key in Han characters gets "section").
std::string slug_from_key(std::string_view key) {
    std::string out;
    for (char c : fold_case(key)) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep)
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "section" : out;
}

void read_extra_entry(Reader& r, const json& v, const Path& at, ExtraEntry& e) {
    if (!v.is_object()) {  // a list of strings: each is an entry's title
        e.title = flattened(v);
        return;
    }
    std::vector<std::string> names;
    names.reserve(v.size());
    for (const json& m : v) names.push_back(normalized_name(m.key()));
    std::vector<bool> used(v.size(), false);
    // The first member (by the candidates' order) whose value `fits`.
    auto scalar = [](const json& m) { return m.is_string() || m.is_number(); };
    auto text_or_list = [](const json& m) { return m.is_string() || m.is_number() || m.is_array(); };
    auto any_value = [](const json& m) { return !m.is_null() && !m.is_boolean(); };
    auto take = [&](std::initializer_list<const char*> candidates, auto fits) -> const json* {
        for (const char* c : candidates)
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (used[i] || names[i] != c || !fits(v[i])) continue;
                used[i] = true;
                return &v[i];
            }
        return nullptr;
    };
    // A position names the entry before a name does (JSON Resume's "name" is the employer);
    // a name before a role (a grant's name, then the owner's role in it).
    if (const json* m = take({"title", "position", "name", "course", "degree", "award", "event", "subject", "role"}, scalar))
        e.title = flattened(*m);
    if (const json* m = take({"organization", "organisation", "institution", "company", "employer", "awarder", "issuer",
                              "school", "university", "venue", "agency", "funder", "department", "name"},
                             scalar))
        e.organization = flattened(*m);
    if (const json* m = take({"location", "place", "city", "address"}, any_value)) e.location = flattened(*m);
    bool point_in_time = false;
    for (const char* key : {"startdate", "start", "from", "date", "dates", "period", "year", "when", "time"}) {
        const json* m = take({key}, scalar);
        if (!m) continue;
        bool whole = r.date(*m, at.member(*m), e.start, DateRole::start, &e.end);
        std::string_view k = key;
        point_in_time = !whole && (k == "date" || k == "year" || k == "when" || k == "time");
        break;
    }
    if (const json* m = take({"enddate", "end", "to", "until"}, scalar)) {
        r.date(*m, at.member(*m), e.end, DateRole::end, &e.start);
        point_in_time = false;
    }
    // "date": "2021" is when it happened, not when something ongoing began.
    if (point_in_time && e.end.empty()) e.end = e.start;
    e.ended = !e.end.empty();
    if (const json* m = take({"url", "link", "website", "href", "homepage"}, scalar)) r.url(*m, at.member(*m), e.url);
    // A section of the owner's own has no canonical shape to suggest: an array is paragraphs.
    if (const json* m = take({"summary", "description", "text", "abstract"}, text_or_list)) {
        if (!m->is_array()) e.summary = flattened(*m);
        if (m->is_array())
            for (const json& part : *m)
                if (std::string s = flattened(part); !s.empty()) e.summary += (e.summary.empty() ? "" : "\n\n") + s;
    }
    if (const json* m = take({"highlights", "details", "items", "bullets", "achievements", "responsibilities"},
                             [](const json& x) { return x.is_string() || x.is_array(); })) {
        if (m->is_string())
            e.highlights.push_back(flattened(*m));
        else
            for (const json& item : *m)
                if (std::string s = flattened(item); !s.empty()) e.highlights.push_back(std::move(s));
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (used[i]) continue;
        std::string value = flattened(v[i]);
        if (!value.empty()) e.details.emplace_back(std::string(v[i].key()), std::move(value));
    }
}

void read_extra_section(Reader& r, const json& v, const Path& at, ExtraSection& out) {
    out.key = std::string(v.key());
    out.title = title_from_key(out.key);
    if (v.is_object()) {  // one entry: "contact": {"email": ..., "office": ...}
        ExtraEntry e;
        read_extra_entry(r, v, at, e);
        out.entries.push_back(std::move(e));
        return;
    }
    out.entries.reserve(std::min(v.size(), r.max_entries()));
    for (std::size_t i = 0; i < v.size(); ++i) {
        const json& item = v[i];
        Path p = at.element(i, item);
        if (out.entries.size() >= r.max_entries()) {
            r.error(p, "more than " + std::to_string(r.max_entries()) + " entries; the rest of this section is dropped");
            return;
        }
        if (item.is_null()) continue;
        ExtraEntry e;
        read_extra_entry(r, item, p, e);
        bool empty = e.title.empty() && e.organization.empty() && e.summary.empty() && e.highlights.empty() &&
                     e.details.empty() && e.start.empty() && e.url.empty() && e.location.empty();
        if (!empty) out.entries.push_back(std::move(e));
    }
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
    // Routes taken: the table's, then the extra sections' so far.
    std::unordered_set<std::string> slugs;
    for (const SectionInfo& s : kSections) slugs.insert(std::string(s.route));
    for (const json& m : root) {
        if (std::any_of(keys.begin(), keys.end(), [&](const char* k) { return m.key() == k; })) continue;
        Path at = top.member(m);
        // Some files name the header "info"; read it as basics when there is no basics.
        if (m.key() == "info" && m.is_object() && !root.find("basics")) {
            r.warn(at, "\"info\" is read as \"basics\", JSON Resume's name for it");
            read_basics(r, m, at, p.basics);
            continue;
        }
        if (!m.is_array() && !m.is_object()) {
            r.unknown(at, m.key(), keys);
            continue;
        }
        ExtraSection section;
        read_extra_section(r, m, at, section);
        std::string slug = slug_from_key(section.key);
        section.slug = slug;
        for (int n = 2; !slugs.insert(section.slug).second; ++n) section.slug = slug + "-" + std::to_string(n);
        if (r.room()) {
            std::string msg = "\"" + shorten_text(section.key, 60) + "\" is not a JSON Resume section; shown as the section \"" +
                              shorten_text(section.title, 60) + "\"";
            if (const char* near = Reader::nearest(section.key, keys)) msg += "; did you mean \"" + std::string(near) + "\"?";
            r.warn(at, std::move(msg));
        } else {
            r.warn(at, {});
        }
        p.extra_sections.push_back(std::move(section));
    }

    const json* basics = root.find("basics");
    if (basics) read_basics(r, *basics, top.member(*basics), p.basics);

#define IMFOLIO_READ_SECTION(id, member, ...) read_entries(r, root, top, SectionId::id, p.member);
    IMFOLIO_SECTIONS(IMFOLIO_READ_SECTION)
#undef IMFOLIO_READ_SECTION
    std::vector<Coauthor> coauthors;
    read_section<Coauthor>(r, root, top, "coauthors", coauthors,
                           [&](const json& v, const Path& at, Coauthor& e) { read_coauthor(r, v, at, e); });
    for (Coauthor& c : coauthors)
        if (!c.family.empty()) p.coauthors.push_back(std::move(c));
    if (const json* venues = root.find("venues")) read_venues(r, *venues, top.member(*venues), p.venues);
    read_bibliography(r, root, top, limits, bibliography);

    keep_order = false;
    const json* meta = root.find("meta");
    if (meta && r.expect(*meta, JsonType::object, top.member(*meta), "an object")) {
        Path meta_at = top.member(*meta);
        for (const json* value : read_fields<Meta>(r, *meta, meta_at, p.meta, meta_fields())) {
            if (value->key() == "language") {
                Path lang_at = meta_at.member(*value);
                std::string lang;
                if (!r.text(*value, lang_at, lang) || lang.empty()) continue;
                if (is_language_tag(lang))
                    p.meta.language = lang;
                else
                    r.error(lang_at, "\"" + shorten_text(lang, 60) + "\" is not a BCP 47 language tag such as \"en\" or \"pt-BR\"");
                continue;
            }
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
    CoauthorMatcher coauthor(p.coauthors);
    for (Publication& pub : p.publications) {
        for (Author& a : pub.authors) {
            a.shown = display_name(a);
            a.owner = owner(a);
            if (!a.owner) a.coauthor = coauthor(a);
        }
        pub.venue_entry = find_venue(p.venues, pub.venue_short);
    }
    if (!keep_order) sort_profile(p);
    if (p.basics.name.empty()) {
        Path basics_at = top.member("basics", basics);
        r.warn(basics_at.member("name", nullptr), "no name: the page header will be empty");
    }
}

// Beyond this many languages a profile is a dictionary, not a site; the rest are not read.
constexpr std::size_t kMaxTranslations = 16;

// "translations": {"zh-Hans": {...}}: each overlay is checked against the profile's shape
// and read into a whole translated profile. Only the shape is reported: what a translation
// holds within the right shape is read as the original is, and its own slips (a date not
// understood) show as they would in the original.
void read_translations(Reader& r, const json& root, LoadResult& result, const Limits& limits) {
    const json* member = root.find("translations");
    if (!member || member->is_null()) return;
    const Path top{nullptr, {}, Path::kNoIndex, &root};
    Path at = top.member(*member);
    if (!r.expect(*member, JsonType::object, at, "an object of translations keyed by language tag")) return;
    std::vector<std::string> seen{fold_case(result.profile.meta.language.empty() ? "en" : result.profile.meta.language)};
    for (const json& t : *member) {
        Path t_at = at.member(t);
        std::string tag(t.key());
        if (!is_language_tag(tag)) {
            r.error(t_at, "\"" + shorten_text(tag, 60) +
                              "\" is not a BCP 47 language tag such as \"zh-Hans\" or \"es\"; translation not read");
            continue;
        }
        if (std::find(seen.begin(), seen.end(), fold_case(tag)) != seen.end()) {
            r.error(t_at, seen.front() == fold_case(tag)
                              ? "\"" + tag + "\" is the profile's own language (meta.language, \"en\" when unset); translation not read"
                              : "a second translation into \"" + tag + "\"; not read");
            continue;
        }
        if (!r.expect(t, JsonType::object, t_at, "an object laid over the profile")) continue;
        if (result.translations.size() >= kMaxTranslations) {
            r.error(t_at, "more than " + std::to_string(kMaxTranslations) + " translations; this one is not read");
            continue;
        }
        seen.push_back(fold_case(tag));
        std::vector<Problem> shape;
        if (const json* inner = t.find("translations")) {
            Problem p{Severity::error, t_at.member(*inner).pointer(), "a translation cannot hold translations; ignored"};
            p.offset = inner->offset();
            shape.push_back(std::move(p));
        }
        std::string pointer = t_at.pointer();
        for (const json& m : t) {
            if (m.key() == "translations") continue;
            const json* b = root.find(m.key());
            std::string m_pointer = pointer_child(pointer, m.key());
            if (!b) {
                Problem p{Severity::error, m_pointer,
                          "\"" + shorten_text(std::string(m.key()), 60) +
                              "\" is not in the profile: a translation only translates what the profile has"};
                p.offset = m.offset();
                shape.push_back(std::move(p));
                continue;
            }
            check_overlay_shape(*b, m, m_pointer, shape);
        }
        for (Problem& p : shape) r.add(std::move(p));

        std::string text = overlaid_json(root, t, {"translations"});
        JsonDocument doc = read_json(text, limits);
        if (!doc.ok || !doc.root || !doc.root->is_object()) continue;
        std::vector<Problem> unused;
        Overflow unused_overflow;
        Reader quiet(unused, limits, unused_overflow);
        Translation out;
        out.tag = tag;
        std::vector<BibliographyRef> refs;
        bool keep_order = false;
        read_profile(quiet, *doc.root, out.profile, limits, refs, keep_order);
        out.profile.meta.language = tag;
        // A translation that writes the name in its own script (林拓马), which otherNames
        // lists beside the original, would show it twice: there the original is the other name.
        const std::string& original = result.profile.basics.name;
        for (OtherName& o : out.profile.basics.other_names)
            if (o.name == out.profile.basics.name && o.name != original) {
                o.name = original;
                o.lang = result.profile.meta.language;
            }
        result.translations.push_back(std::move(out));
    }
}

// For known_fields() and section_counts(): a section's entries, by the type of the
// Profile member that holds them. About is part of basics, listed on its own.
using FieldList = std::vector<std::pair<std::string, std::string>>;
void add_entry_fields(FieldList&, SectionId, const Basics&) {}
template <class T>
void add_entry_fields(FieldList& out, SectionId id, const std::vector<T>&) {
    std::string where = "/" + std::string(section_info(id).json_key) + "/*";
    for (const auto& f : entry_fields(id, static_cast<const T*>(nullptr))) out.emplace_back(where, f.key);
}
using CountList = std::vector<std::pair<std::string, std::size_t>>;
void count_entries(CountList&, SectionId, const Basics&) {}
template <class T>
void count_entries(CountList& out, SectionId id, const std::vector<T>& v) {
    out.emplace_back(section_info(id).json_key, v.size());
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
#define IMFOLIO_SECTION_FIELDS(id, member, ...) add_entry_fields(out, SectionId::id, p.member);
    Profile p;  // only its members' types are used, to pick each section's field table
    IMFOLIO_SECTIONS(IMFOLIO_SECTION_FIELDS)
#undef IMFOLIO_SECTION_FIELDS
    add("/publications/*/custom", publication_custom_fields());
    add("/publications/*/author/*", author_fields());
    for (const char* k : csl_date_keys()) out.emplace_back("/publications/*/issued", k);
    add("/coauthors/*", coauthor_fields());
    add("/venues/*", venue_fields());
    add("/meta", meta_fields());
    return out;
}

std::vector<std::pair<std::string, std::size_t>> section_counts(const Profile& p) {
    std::size_t basics = !p.basics.name.empty() || !p.basics.label.empty() || !p.basics.summary.empty();
    std::vector<std::pair<std::string, std::size_t>> out = {{"basics", basics}, {"profiles", p.basics.profiles.size()}};
#define IMFOLIO_SECTION_COUNT(id, member, ...) count_entries(out, SectionId::id, p.member);
    IMFOLIO_SECTIONS(IMFOLIO_SECTION_COUNT)
#undef IMFOLIO_SECTION_COUNT
    for (const ExtraSection& x : p.extra_sections) out.emplace_back(x.key, x.entries.size());
    return out;
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
        read_translations(reader, src.root(), result, limits);
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
