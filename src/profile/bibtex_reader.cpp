#include "profile/bibtex_reader.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "profile/bibtex_names.h"
#include "profile/date.h"
#include "profile/latex.h"
#include "profile/load.h"
#include "profile/text.h"

namespace profile {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }
// Characters of entry types, field names and macro names. BibTeX allows more; these are
// what real files use (google_scholar_id, archivePrefix, mendeley-tags, added-at).
bool name_char(char c) { return letter(c) || digit(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '+' || c == '/'; }

std::string quote(std::string_view s) { return "\"" + shorten_text(s, 60) + "\""; }

// --- what the fields mean ---------------------------------------------------------------

enum class Role {
    title, subtitle, author, editor, journal, booktitle, other_venue, publisher, organization, volume, number,
    pages, year, month, day, date, doi, url, abstract, note, abbr, selected, bibtex_show, award, award_name,
    arxiv, eprint, archive_prefix, link, ignored
};

// al-folio's link keys, with the folder al-folio serves a bare file name from.
struct LinkKey {
    const char* name;
    Url Publication::*field;
    const char* folder;
};
constexpr LinkKey kLinks[] = {
    {"pdf", &Publication::pdf, "assets/pdf/"},         {"supp", &Publication::supp, "assets/pdf/"},
    {"poster", &Publication::poster, "assets/pdf/"},   {"slides", &Publication::slides, "assets/pdf/"},
    {"preview", &Publication::preview, "assets/img/publication_preview/"},
    {"code", &Publication::code, ""},                  {"html", &Publication::html, ""},
    {"website", &Publication::website, ""},            {"video", &Publication::video, ""},
    {"blog", &Publication::blog, ""},
};

const LinkKey* link_key(std::string_view name) {
    for (const LinkKey& k : kLinks)
        if (name == k.name) return &k;
    return nullptr;
}

struct KnownField {
    const char* name;
    Role role;
};
constexpr KnownField kFields[] = {
    {"title", Role::title}, {"subtitle", Role::subtitle}, {"author", Role::author}, {"editor", Role::editor},
    {"journal", Role::journal}, {"journaltitle", Role::journal}, {"booktitle", Role::booktitle},
    {"howpublished", Role::other_venue}, {"school", Role::other_venue}, {"institution", Role::other_venue},
    {"publisher", Role::publisher}, {"organization", Role::organization}, {"volume", Role::volume},
    {"number", Role::number}, {"issue", Role::number}, {"pages", Role::pages}, {"year", Role::year},
    {"month", Role::month}, {"day", Role::day}, {"date", Role::date}, {"doi", Role::doi}, {"url", Role::url},
    {"abstract", Role::abstract}, {"note", Role::note}, {"abbr", Role::abbr}, {"selected", Role::selected},
    {"bibtex_show", Role::bibtex_show}, {"award", Role::award}, {"award_name", Role::award_name},
    {"arxiv", Role::arxiv}, {"eprint", Role::eprint}, {"archiveprefix", Role::archive_prefix},
    {"eprinttype", Role::archive_prefix},
    {"pdf", Role::link}, {"supp", Role::link}, {"poster", Role::link}, {"slides", Role::link},
    {"preview", Role::link}, {"code", Role::link}, {"html", Role::link}, {"website", Role::link},
    {"video", Role::link}, {"blog", Role::link},
};

// Standard BibTeX and biblatex fields, and what reference managers and al-folio's badges
// add, that imfolio does not show: known, so a real file is not a page of warnings.
constexpr const char* kIgnored[] = {
    "address", "location", "annote", "annotation", "chapter", "crossref", "edition", "key", "keywords", "language",
    "langid", "langidopts", "series", "type", "isbn", "issn", "isrn", "ismn", "lccn", "mrnumber", "mrclass", "zbl",
    "pmid", "pmcid", "urldate", "file", "timestamp", "biburl", "bibsource", "eprintclass", "primaryclass",
    "pubstate", "shorttitle", "titleaddon", "booksubtitle", "booktitleaddon", "maintitle", "mainsubtitle",
    "maintitleaddon", "eventtitle", "eventtitleaddon", "eventdate", "venue", "origdate", "origlocation",
    "origpublisher", "origtitle", "origlanguage", "pagetotal", "numpages", "articleno", "eid", "copyright",
    "owner", "creationdate", "modificationdate", "groups", "mendeley-tags", "mendeley-groups", "added-at",
    "interhash", "intrahash", "ranking", "readstatus", "priority", "comment", "entrysubtype", "version", "part",
    "shortjournal", "journalsubtitle", "issuetitle", "issuesubtitle", "translator", "annotator", "commentator",
    "introduction", "foreword", "afterword", "bookauthor", "holder", "editora", "editorb", "editorc",
    "editortype", "related", "relatedtype", "relatedstring", "xref", "xdata", "ids", "options", "presort",
    "sortkey", "sortname", "sortyear", "sorttitle", "sortshorthand", "indextitle", "indexsorttitle", "label",
    "shorthand", "shortauthor", "shorteditor", "shortseries", "hyphenation", "gender", "execute", "acmid", "ee",
    "issue_date", "affiliation", "affiliations", "citeulike-article-id", "citeulike-linkout", "unique-id",
    "publication_date", "researcherid-numbers", "orcid-numbers", "times-cited", "web-of-science-categories",
    "da", "doc-delivery-number", "journal-iso", "keywords-plus", "number-of-cited-references", "usage-count-last-180-days",
    "usage-count-since-2013", "funding-acknowledgement", "funding-text", "oa", "esi-highly-cited-paper",
    "esi-hot-paper", "earlyaccessdate", "article-number", "url_pdf", "bdsk-url-1", "bdsk-url-2", "bdsk-file-1",
    "date-added", "date-modified", "rating", "read", "google_scholar_id", "altmetric", "dimensions",
    "inspirehep_id", "hal_id", "hal_version", "pages_total", "language_iso"};

struct Table {
    std::unordered_map<std::string_view, Role> roles;
    std::vector<const char*> names;  // for did-you-mean
    Table() {
        for (const KnownField& f : kFields) {
            roles.emplace(f.name, f.role);
            names.push_back(f.name);
        }
        for (const char* n : kIgnored) {
            roles.emplace(n, Role::ignored);
            names.push_back(n);
        }
    }
};

const Table& table() {
    static const Table t;
    return t;
}

// al-folio's own keys: for its page, not for a bibliography, so Copy BibTeX leaves
// them out (as al-folio's own copy button does).
bool private_key(std::string_view name) {
    static const char* const keys[] = {"abbr",    "selected", "bibtex_show", "preview",   "pdf",   "code",
                                       "html",    "website",  "slides",      "poster",    "video", "blog",
                                       "supp",    "award",    "award_name",  "arxiv",     "google_scholar_id",
                                       "altmetric", "dimensions", "inspirehep_id"};
    return std::any_of(std::begin(keys), std::end(keys), [&](const char* k) { return name == k; });
}

struct EntryType {
    const char* name;
    const char* csl;
};
constexpr EntryType kTypes[] = {
    {"article", "article-journal"}, {"inproceedings", "paper-conference"}, {"conference", "paper-conference"},
    {"misc", ""}, {"online", "webpage"}, {"electronic", "webpage"}, {"www", "webpage"},
    {"phdthesis", "thesis"}, {"mastersthesis", "thesis"}, {"thesis", "thesis"}, {"book", "book"},
    {"mvbook", "book"}, {"inbook", "chapter"}, {"incollection", "chapter"}, {"bookinbook", "chapter"},
    {"techreport", "report"}, {"report", "report"}, {"unpublished", "manuscript"}, {"proceedings", "book"},
    {"mvproceedings", "book"}, {"collection", "book"}, {"manual", "report"}, {"booklet", "pamphlet"},
    {"periodical", "periodical"}, {"patent", "patent"}, {"dataset", "dataset"}, {"software", "software"},
    {"preprint", "article"}, {"suppbook", "chapter"}, {"suppcollection", "chapter"}, {"reference", "book"},
    {"inreference", "entry-encyclopedia"}, {"set", "document"}, {"artwork", "graphic"}, {"audio", "song"},
    {"video", "motion_picture"}, {"music", "song"}, {"performance", "performance"}, {"standard", "standard"},
    {"legislation", "legislation"}, {"legal", "legal_case"}, {"jurisdiction", "legal_case"},
};

const EntryType* entry_type(std::string_view name) {
    for (const EntryType& t : kTypes)
        if (name == t.name) return &t;
    return nullptr;
}

// Month names and BibTeX's month macros: 1-12, or 0.
int month_number(std::string_view word) {
    static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    static const char* const full[] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
    std::string w = fold_case(word);
    if (!w.empty() && w.back() == '.') w.pop_back();
    for (int m = 0; m < 12; ++m)
        if (w == names[m] || w == full[m] || (m == 8 && w == "sept")) return m + 1;
    return 0;
}

// --- reading --------------------------------------------------------------------------

// Where each part of a joined value came from, so that a note about byte k of the value
// is placed at the right spot in the file (at the macro's name for text from a macro).
struct Piece {
    std::size_t value_at;
    std::size_t file_at;
    bool verbatim;  // text copied from the file: offsets run in step
};

struct Value {
    std::string text;
    std::vector<Piece> pieces;
    std::size_t begin = 0;      // where it starts in the file
    bool ok = true;             // false: broken; its field is dropped
    bool unterminated = false;  // broken by a missing closing delimiter

    std::size_t file_offset(std::size_t at) const {
        auto it = std::upper_bound(pieces.begin(), pieces.end(), at,
                                   [](std::size_t a, const Piece& p) { return a < p.value_at; });
        if (it == pieces.begin()) return begin;
        --it;
        return it->verbatim ? it->file_at + (at - it->value_at) : it->file_at;
    }
};

struct RawField {
    std::string name;          // lower case
    std::size_t name_at = 0;   // where its name starts
    std::size_t end = 0;       // after its value, and its comma when it has one
    Value value;
};

// A change to an entry's source for its copy: [begin, end) replaced by `text`.
struct Edit {
    std::size_t begin, end;
    std::string text;
};

struct RawEntry {
    std::string type;  // lower case
    std::string type_written;
    std::size_t at = 0;  // its '@'
    std::string key;
    std::size_t key_at = 0;
    std::size_t number = 0;  // 1-based, among the file's entries
    std::vector<RawField> fields;
    std::size_t end = 0;  // one past its closing delimiter, or where it was cut off
    std::vector<Edit> edits;
    std::vector<std::string> dropped;  // fields dropped as broken (already reported)
};

struct Macro {
    std::string text;
};

class Reader {
public:
    Reader(std::string_view text, const BibtexOptions& options, const Limits& limits, BibtexResult& out)
        : s_(text), options_(options), limits_(limits), out_(out) {
        static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                             "July",    "August",   "September", "October", "November", "December"};
        static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int m = 0; m < 12; ++m) macros_[names[m]] = Macro{months[m]};
    }

    void run() {
        // Entries are large: room for as many as there are '@' (within the limit), once.
        std::size_t ats = static_cast<std::size_t>(std::count(s_.begin(), s_.end(), '@'));
        out_.publications.reserve(std::min(ats, limits_.max_entries));
        std::size_t i = front_matter();
        std::size_t junk = std::string_view::npos;  // where text outside entries began
        while (i < s_.size()) {
            std::size_t at = s_.find('@', i);
            if (at == std::string_view::npos) at = s_.size();
            note_junk(i, at, junk);
            if (at >= s_.size()) break;
            std::size_t next = at;
            if (!entry(next)) {
                // Not an entry ("me@example.org" in a comment): part of the text around it.
                if (junk == std::string_view::npos) junk = at;
                i = at + 1;
                continue;
            }
            report_junk(junk);
            i = next;
            if (stopped_) break;
        }
        report_junk(junk);
    }

private:
    // --- problems -------------------------------------------------------------------
    void problem(Severity sev, std::size_t at, std::string pointer, std::string message) {
        if (out_.problems.size() >= limits_.max_problems) {
            add_problem(out_.problems, Problem{sev, {}, {}}, limits_.max_problems, overflow_);
            return;
        }
        Problem p{sev, std::move(pointer), std::move(message)};
        p.offset = at;
        out_.problems.push_back(std::move(p));
    }
    void error(std::size_t at, std::string pointer, std::string message) {
        problem(Severity::error, at, std::move(pointer), std::move(message));
    }
    void warn(std::size_t at, std::string pointer, std::string message) {
        problem(Severity::warning, at, std::move(pointer), std::move(message));
    }
    bool full() const { return out_.problems.size() >= limits_.max_problems; }

    static std::string entry_pointer(const RawEntry& e) {
        return e.key.empty() ? "/@#" + std::to_string(e.number) : "/@" + shorten_text(e.key, 200);
    }
    static std::string field_pointer(const RawEntry& e, std::string_view field) {
        return entry_pointer(e) + "/" + shorten_text(field, 100);
    }

    // --- the file around the entries -----------------------------------------------------
    static bool dashes_line(std::string_view s, std::size_t at, std::size_t& next) {
        std::size_t eol = s.find('\n', at);
        std::string_view line = s.substr(at, (eol == std::string_view::npos ? s.size() : eol) - at);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        next = eol == std::string_view::npos ? s.size() : eol + 1;
        return line == "---";
    }

    // A Jekyll front-matter block ("---" line ... "---" line) at the very start.
    std::size_t front_matter() {
        std::size_t next = 0;
        if (!dashes_line(s_, 0, next)) return 0;
        for (std::size_t at = next; at < s_.size();) {
            std::size_t after;
            if (dashes_line(s_, at, after)) return after;
            at = after;
        }
        warn(0, "", "the file starts with '---' but no line '---' closes the front matter; read as BibTeX");
        return next;
    }

    // The start of the line at `at`, for quoting in a message: at most 200 bytes, so
    // quoting many places on one huge line stays linear.
    std::string_view line_at(std::size_t at) const {
        std::string_view rest = s_.substr(at, 200);
        rest = rest.substr(0, rest.find('\n'));
        while (!rest.empty() && space(rest.back())) rest.remove_suffix(1);
        return rest;
    }

    // Text between entries is a comment to BibTeX. Blank lines and lines starting with
    // '%' are what people mean as comments; anything else is reported once per stretch,
    // in case it is a piece of an entry that lost its '@'.
    void note_junk(std::size_t from, std::size_t to, std::size_t& junk) {
        std::string_view region = s_.substr(0, to);
        for (std::size_t at = from; at < to && junk == std::string_view::npos;) {
            std::size_t eol = region.find('\n', at);
            std::size_t line_end = eol == std::string_view::npos ? to : eol;
            std::size_t k = at;
            while (k < line_end && space(s_[k])) ++k;
            if (k < line_end && s_[k] != '%') junk = k;
            at = line_end + 1;
        }
    }
    void report_junk(std::size_t& junk) {
        if (junk == std::string_view::npos) return;
        // "}, year = 2020" after an entry: a '}' closed it too early, and that is an error.
        std::size_t k = junk;
        while (k < s_.size() && (space(s_[k]) || s_[k] == ',') && k - junk < 200) ++k;
        if (field_starts(k, false))
            error(k, "", "a field outside any entry is not read (did a '}' close the entry above too early?): " +
                             quote(line_at(k)));
        else
            warn(junk, "", "text outside any entry is not read: " + quote(line_at(junk)));
        junk = std::string_view::npos;
    }

    // Where a line starts an entry ("@article{") or a field ("title = {"): the places a
    // reader resumes at when a value or an entry was not closed. `strict` asks for a
    // delimiter or a number after '=', for use inside a value, where "x = y" is text.
    bool entry_starts(std::size_t at) const {
        while (at < s_.size() && (s_[at] == ' ' || s_[at] == '\t')) ++at;
        if (at >= s_.size() || s_[at] != '@') return false;
        std::size_t k = at + 1;
        while (k < s_.size() && letter(s_[k])) ++k;
        if (k == at + 1) return false;
        while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
        return k < s_.size() && (s_[k] == '{' || s_[k] == '(');
    }
    bool field_starts(std::size_t at, bool strict) const {
        while (at < s_.size() && (s_[at] == ' ' || s_[at] == '\t')) ++at;
        if (at >= s_.size() || !letter(s_[at])) return false;
        std::size_t k = at;
        while (k < s_.size() && name_char(s_[k]) && k - at < 64) ++k;
        while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
        if (k >= s_.size() || s_[k] != '=') return false;
        if (!strict) return true;
        ++k;
        while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
        return k < s_.size() && (s_[k] == '{' || s_[k] == '"' || digit(s_[k]));
    }

    void skip_space(std::size_t& i) const {
        while (i < s_.size() && space(s_[i])) ++i;
    }
    std::size_t read_name(std::size_t& i) const {
        std::size_t start = i;
        while (i < s_.size() && name_char(s_[i])) ++i;
        return i - start;
    }

    // Skips a broken stretch inside an entry: up to a ',' at brace depth 0 (consumed),
    // the entry's closing delimiter, or a line that starts a field or an entry.
    void resync(std::size_t& i, char close) const {
        int depth = 0;
        for (; i < s_.size(); ++i) {
            char c = s_[i];
            if (c == '{') ++depth;
            else if (c == '}' && depth > 0) --depth;
            else if (depth == 0 && c == ',') {
                ++i;
                return;
            } else if (depth == 0 && c == close) {
                return;
            } else if (c == '\n' && (entry_starts(i + 1) || field_starts(i + 1, false))) {
                ++i;
                return;
            }
        }
    }

    // --- values --------------------------------------------------------------------
    // A {...} or "..." part at s_[i]. Returns false (with `problem` set) when it is
    // broken; `i` is then where reading resumes.
    bool delimited(std::size_t& i, Value& v, std::string& problem) {
        char open = s_[i];
        std::size_t content = ++i;
        int depth = open == '{' ? 1 : 0;
        const int outer = depth;
        bool too_deep = false;
        for (; i < s_.size(); ++i) {
            char c = s_[i];
            if (c == '{') {
                if (++depth > limits_.max_depth) too_deep = true;
            } else if (c == '}') {
                if (depth == 0) {
                    // "..." with a '}' that closes nothing: the value is broken; reading
                    // resumes at a comma after it on the same line, if any, else at the '}'.
                    std::string_view rest = s_.substr(i, 200);
                    std::size_t comma = rest.substr(0, rest.find('\n')).find(',');
                    if (comma != std::string_view::npos) i += comma;
                    problem = "has a '}' that closes nothing before its closing '\"'";
                    v.unterminated = true;
                    return false;
                }
                if (--depth == 0 && open == '{') break;
            } else if (c == '"' && open == '"' && depth == 0) {
                break;
            } else if (c == '\n' && (entry_starts(i + 1) || (depth == outer && field_starts(i + 1, true)))) {
                i = i + 1;
                problem = std::string("has no closing '") + (open == '{' ? '}' : '"') + "'";
                v.unterminated = true;
                return false;
            }
        }
        if (i >= s_.size()) {
            problem = std::string("has no closing '") + (open == '{' ? '}' : '"') + "'";
            v.unterminated = true;
            return false;
        }
        std::size_t length = i - content;
        ++i;
        if (too_deep) {
            problem = "nests braces deeper than " + std::to_string(limits_.max_depth) + " levels";
            return false;
        }
        if (length > limits_.max_string_bytes || v.text.size() + length > limits_.max_string_bytes) {
            problem = "is longer than the limit of " + std::to_string(limits_.max_string_bytes) + " bytes";
            return false;
        }
        // Parts that add nothing leave no trace: "e # e # ..." of an empty macro costs no memory.
        if (length > 0) v.pieces.push_back(Piece{v.text.size(), content, true});
        v.text.append(s_.data() + content, length);
        return true;
    }

    // A value: parts joined by '#'. `where` names it in problems ("/@key/title").
    // Always leaves `i` past what it read (or at a line to resume at).
    Value value(std::size_t& i, const std::string& where, const std::string& what) {
        Value v;
        skip_space(i);
        v.begin = i;
        for (;;) {
            skip_space(i);
            std::string problem;
            std::size_t part = i;
            if (i >= s_.size()) {
                error(v.begin, where, what + " has no value; dropped");
                v.ok = false;
                return v;
            }
            char c = s_[i];
            if (c == '{' || c == '"') {
                if (!delimited(i, v, problem)) {
                    error(part, where, what + " " + problem + "; dropped");
                    v.ok = false;
                    return v;
                }
            } else if (digit(c) || letter(c)) {
                std::size_t begin = i;
                read_name(i);
                std::string_view word = s_.substr(begin, i - begin);
                bool number = std::all_of(word.begin(), word.end(), digit);
                if (number || digit(c)) {
                    if (!number) warn(begin, where, "bare value " + quote(word) + " should be in braces; read as text");
                    v.pieces.push_back(Piece{v.text.size(), begin, true});
                    v.text += word;
                } else {
                    auto it = macros_.find(fold_case(word));
                    if (it == macros_.end()) {
                        warn(begin, where, "undefined macro " + quote(word) + " (no @string defines it); shown as written");
                        v.pieces.push_back(Piece{v.text.size(), begin, true});
                        v.text += word;
                    } else {
                        const std::string& t = it->second.text;
                        if (v.text.size() + t.size() > limits_.max_string_bytes) {
                            error(begin, where, what + " is longer than the limit of " +
                                                    std::to_string(limits_.max_string_bytes) + " bytes; dropped");
                            v.ok = false;
                        } else if (expanded_ + t.size() > limits_.max_file_bytes) {
                            error(begin, where, "macros in this file expand to more than " +
                                                    std::to_string(limits_.max_file_bytes) + " bytes; " + what + " dropped");
                            v.ok = false;
                        } else if (!t.empty()) {
                            expanded_ += t.size();
                            v.pieces.push_back(Piece{v.text.size(), begin, false});
                            v.text += t;
                        }
                    }
                }
            } else {
                error(i, where, what + " has no value (expected {...}, \"...\", a number or a macro); dropped");
                v.ok = false;
                return v;
            }
            std::size_t after = i;
            skip_space(i);
            if (i < s_.size() && s_[i] == '#') {
                ++i;
                continue;
            }
            i = after;
            return v;
        }
    }

    // --- entries -------------------------------------------------------------------
    // The entry (or @string, @comment, @preamble) whose '@' is at s_[i]. False when what
    // follows the '@' is not an entry at all.
    bool entry(std::size_t& i) {
        std::size_t at = i;
        std::size_t k = i + 1;
        skip_space(k);
        std::size_t type_at = k;
        std::size_t n = read_name(k);
        if (n == 0 || !letter(s_[type_at])) return false;
        std::string type = fold_case(s_.substr(type_at, n));
        std::size_t after_type = k;
        skip_space(k);
        if (k >= s_.size() || (s_[k] != '{' && s_[k] != '(')) return false;
        char close = s_[k] == '{' ? '}' : ')';
        i = k + 1;
        if (type == "comment") {
            skip_comment(i, close, at);
        } else if (type == "preamble") {
            std::size_t start = i;
            value(i, "/@preamble", "@preamble");
            finish_special(i, close, start, "/@preamble");
        } else if (type == "string") {
            strings(i, close);
        } else {
            if (entries_ >= limits_.max_entries) {
                error(at, "", "more than " + std::to_string(limits_.max_entries) +
                                  " entries; the rest of the file is not read");
                stopped_ = true;
                return true;
            }
            // One entry's scratch space, reused: its buffers stay allocated from entry to entry.
            RawEntry& e = scratch_;
            e.fields.clear();
            e.edits.clear();
            e.dropped.clear();
            e.key.clear();
            e.key_at = 0;
            e.end = 0;
            e.type = type;
            e.type_written = std::string(s_.substr(type_at, after_type - type_at));
            e.at = at;
            e.number = ++entries_;
            regular(i, close, e);
            publish(e);
        }
        return true;
    }

    void skip_comment(std::size_t& i, char close, std::size_t at) {
        int depth = 0;
        for (; i < s_.size(); ++i) {
            char c = s_[i];
            if (c == '{') ++depth;
            else if (c == '}' && depth > 0) --depth;
            else if (depth == 0 && c == close) {
                ++i;
                return;
            } else if (c == '\n' && entry_starts(i + 1)) {
                ++i;
                break;
            }
        }
        warn(at, "/@comment", std::string("@comment has no closing '") + close + "'; read up to the next entry");
    }

    // After @preamble's value: its closing delimiter.
    void finish_special(std::size_t& i, char close, std::size_t start, const std::string& where) {
        skip_space(i);
        if (i < s_.size() && s_[i] == close) {
            ++i;
            return;
        }
        error(i < s_.size() ? i : start, where, std::string("expected '") + close + "' to close it");
        resync(i, close);
        if (i < s_.size() && s_[i] == close) ++i;
    }

    // @string{name = value, ...}
    void strings(std::size_t& i, char close) {
        for (;;) {
            skip_space(i);
            if (i >= s_.size()) {
                error(s_.size(), "/@string", std::string("@string has no closing '") + close + "'");
                return;
            }
            if (s_[i] == close) {
                ++i;
                return;
            }
            if (s_[i] == ',') {  // a trailing comma, as some files have
                ++i;
                continue;
            }
            if (s_[i] == '@') {
                error(i, "/@string", std::string("@string has no closing '") + close + "' before the next entry");
                return;
            }
            std::size_t name_at = i;
            std::size_t n = read_name(i);
            std::string name = fold_case(s_.substr(name_at, n));
            std::string where = "/@string/" + shorten_text(name, 100);
            skip_space(i);
            if (n == 0 || i >= s_.size() || s_[i] != '=') {
                error(name_at, where, "expected NAME = value in @string");
                resync(i, close);
                continue;
            }
            ++i;
            Value v = value(i, where, "@string " + quote(name));
            if (!v.ok) continue;
            bool again = defined_.count(name) > 0;
            if (!again && defined_.size() >= limits_.max_entries) {
                error(name_at, where, "more than " + std::to_string(limits_.max_entries) +
                                          " @string macros; this one is not defined");
                continue;
            }
            if (again) warn(name_at, where, "@string " + quote(name) + " is defined again; the later value is used");
            defined_.insert(name);
            macros_[name] = Macro{std::move(v.text)};
        }
    }

    // An entry's key and fields, up to its closing delimiter.
    void regular(std::size_t& i, char close, RawEntry& e) {
        skip_space(i);
        std::size_t key_at = i;
        while (i < s_.size() && !space(s_[i]) && s_[i] != ',' && s_[i] != close && s_[i] != '{' && s_[i] != '}' &&
               s_[i] != '=' && s_[i] != '"' && s_[i] != '@')
            ++i;
        std::size_t key_end = i;
        skip_space(i);
        if (i < s_.size() && s_[i] == '=') {
            i = key_at;  // what looked like a key is the first field's name
            warn(key_at, entry_pointer(e), "entry has no citation key");
        } else {
            e.key = std::string(s_.substr(key_at, key_end - key_at));
            e.key_at = key_at;
            if (e.key.empty()) warn(key_at, entry_pointer(e), "entry has no citation key");
            if (i < s_.size() && s_[i] == ',') {
                ++i;
            } else if (i < s_.size() && s_[i] == close) {
                ++i;
                e.end = i;
                return;
            } else {
                Separator after_key{true, key_end, entry_pointer(e), true};
                fields(i, close, e, after_key);
                return;
            }
        }
        Separator none;
        fields(i, close, e, none);
    }

    // What the next field must be set off from: nothing (a ',' came), or the key or a field
    // no ',' followed, ending at `at`, where the copy gets the missing comma.
    struct Separator {
        bool missing = false;
        std::size_t at = 0;
        std::string pointer;
        bool after_key = false;
    };

    // Before a field (or junk) that follows one with no ',' after it: the copy gets the
    // comma, and a field says it was missing (junk has its own error).
    void separate(RawEntry& e, Separator& sep, bool field) {
        if (!sep.missing) return;
        e.edits.push_back(Edit{sep.at, sep.at, ","});
        if (field)
            error(sep.at, sep.pointer,
                  std::string("expected ',' after ") + (sep.after_key ? "the citation key" : "this field") +
                      "; read as if it were there");
        sep.missing = false;
    }

    void fields(std::size_t& i, char close, RawEntry& e, Separator sep) {
        // After the last field's value: where a missing '}' belongs.
        std::size_t last_end = sep.missing ? sep.at : i;
        for (;;) {
            skip_space(i);
            if (i >= s_.size() || s_[i] == '@') {
                // "@" here can only start the next entry: this one was never closed.
                std::string next = i >= s_.size() ? "the end of the file" : "the next entry";
                // A value left open just before says the same thing: one error is enough.
                if (!open_value_)
                    error(last_end, entry_pointer(e), std::string("entry has no closing '") + close + "' before " + next +
                                                          "; read up to there");
                open_value_ = false;
                e.end = last_end;
                e.edits.push_back(Edit{last_end, last_end, std::string("\n") + close});
                return;
            }
            char c = s_[i];
            if (c == close) {
                ++i;
                e.end = i;
                return;
            }
            if (c == ',') {  // empty fields: ",,"
                ++i;
                sep.missing = false;
                continue;
            }
            if (e.fields.size() >= limits_.max_fields) {
                error(i, entry_pointer(e), "more than " + std::to_string(limits_.max_fields) +
                                               " fields; the rest of this entry is not read");
                std::size_t from = i;
                skip_entry(i, close);
                remove(e, from, i);
                continue;
            }
            std::size_t name_at = i;
            separate(e, sep, letter(c));
            std::size_t n = letter(c) ? read_name(i) : 0;
            if (n == 0) {
                // Counted without its message once the list is full: quoting a line for each
                // of a million junk fields would cost more than reading them.
                if (full())
                    error(i, {}, {});
                else
                    error(i, entry_pointer(e), "expected a field name, found " + quote(line_at(i)) +
                                                   "; skipped up to the next field");
                std::size_t from = i;
                resync(i, close);
                remove(e, from, i);
                continue;
            }
            RawField f;
            f.name = fold_case(s_.substr(name_at, n));
            f.name_at = name_at;
            std::string where = field_pointer(e, f.name);
            skip_space(i);
            if (i >= s_.size() || s_[i] != '=') {
                error(i < s_.size() ? i : name_at, where,
                      "expected '=' after the field name " + quote(f.name) + "; the field is dropped");
                e.dropped.push_back(f.name);
                resync(i, close);
                remove(e, name_at, i);
                continue;
            }
            ++i;
            f.value = value(i, where, "field " + quote(f.name));
            if (!f.value.ok) {
                // Broken: dropped from the page and from the copy; reading goes on from
                // where value() stopped (the next field or entry, or past this one).
                open_value_ = f.value.unterminated;
                e.dropped.push_back(f.name);
                std::size_t from = i;
                skip_space(from);
                if (from < s_.size() && s_[from] == ',') i = from + 1;
                remove(e, name_at, i);
                last_end = name_at;
                continue;
            }
            open_value_ = false;
            last_end = i;
            std::size_t after = i;
            skip_space(after);
            if (after < s_.size() && s_[after] == ',') {
                i = after + 1;
            } else {
                sep = Separator{true, i, where, false};
            }
            f.end = i;
            e.fields.push_back(std::move(f));
        }
    }

    // --- fields -> a publication ------------------------------------------------------
    // LaTeX notes about a value, placed in the file.
    void notes(const std::vector<LatexNote>& found, const Value& v, const std::string& where) {
        for (const LatexNote& n : found) warn(v.file_offset(n.offset), where, n.message);
    }

    std::string text(const RawField& f, const std::string& where) {
        std::vector<LatexNote> found;
        std::string t = latex_to_text(f.value.text, &found);
        notes(found, f.value, where);
        return t;
    }

    // A link as written: braces and TeX escapes off, \url{} unwrapped, no ligatures.
    static std::string raw_link(std::string_view v) {
        std::string out;
        std::string_view s = v;
        while (!s.empty() && space(s.front())) s.remove_prefix(1);
        while (!s.empty() && space(s.back())) s.remove_suffix(1);
        if (s.substr(0, 5) == "\\url{" && !s.empty() && s.back() == '}') s = s.substr(5, s.size() - 6);
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (c == '\\' && i + 1 < s.size() && std::strchr("_%#&~$/", s[i + 1])) {
                out += s[++i];
            } else if (c != '{' && c != '}') {
                out += c;
            }
        }
        return out;
    }

    // A link field: a URL as is; a relative path resolved as the header says.
    void link(const RawField& f, const LinkKey* key, const std::string& where, Url& out) {
        std::string v = raw_link(f.value.text);
        if (v.empty()) return;
        std::size_t colon = v.find(':'), slash = v.find('/');
        bool absolute = (colon != std::string::npos && (slash == std::string::npos || colon < slash)) || v[0] == '/' ||
                        v[0] == '#';
        if (!absolute) {
            std::string path = options_.link_base + (key ? key->folder : "") + v;
            v.clear();
            // A file name with spaces ("my paper.pdf") is a path, not a trick: encoded.
            for (char c : path) v += c == ' ' ? std::string("%20") : std::string(1, c);
        }
        if (!is_safe_url(v)) {
            warn(f.name_at, where, "link " + quote(v) + " is not http, https or mailto; it is shown as text, not as a link");
            return;
        }
        out = v;
    }

    bool flag(const RawField& f, const std::string& where) {
        std::string v = fold_case(raw_link(f.value.text));
        if (v == "true" || v == "yes" || v == "1") return true;
        if (v != "false" && v != "no" && v != "0")
            warn(f.name_at, where, "expected true or false, found " + quote(v) + "; read as false");
        return false;
    }

    // The known field nearest a misspelt one, or nullptr. Real files repeat the same few
    // unknown names in every entry, so each name is looked up once; and only the first
    // kMaxSuggested distinct names are, so that a hostile file of thousands of made-up
    // names costs no more than a real one.
    const char* suggestion(const std::string& name) {
        auto cached = suggested_.find(name);
        if (cached != suggested_.end()) return cached->second;
        if (suggested_.size() >= kMaxSuggested || name.size() > 64) return nullptr;
        const char* best = nullptr;
        // Field names are short and many are alike (code, scope, note): only close misses count.
        std::size_t best_distance = std::max<std::size_t>(1, name.size() / 4) + 1;
        for (const char* k : table().names) {
            std::size_t length = std::strlen(k);
            if ((name.size() > length ? name.size() - length : length - name.size()) >= best_distance) continue;
            std::size_t d = edit_distance(name, k);
            if (d < best_distance) {
                best_distance = d;
                best = k;
            }
        }
        suggested_.emplace(name, best);
        return best;
    }

    void unknown_field(const RawField& f, const std::string& where) {
        if (full()) return warn(f.name_at, where, {});
        std::string msg = "unknown field " + quote(f.name) + ": not shown";
        if (const char* best = suggestion(f.name)) msg += "; did you mean \"" + std::string(best) + "\"?";
        warn(f.name_at, where, msg);
    }

    void publish(RawEntry& e) {
        Publication p;
        p.id = e.key;
        const EntryType* t = entry_type(e.type);
        if (!t) {
            std::string msg = "unknown entry type \"@" + shorten_text(e.type_written, 40) + "\"; read as @misc";
            std::size_t best_distance = std::max<std::size_t>(2, e.type.size() / 4) + 1;
            const char* best = nullptr;
            for (const EntryType& k : kTypes) {
                std::size_t length = std::strlen(k.name);
                if ((e.type.size() > length ? e.type.size() - length : length - e.type.size()) >= best_distance) continue;
                std::size_t d = edit_distance(e.type, k.name);
                if (d < best_distance) {
                    best_distance = d;
                    best = k.name;
                }
            }
            if (best) msg += "; did you mean \"@" + std::string(best) + "\"?";
            warn(e.at, entry_pointer(e), msg);
        }
        if (!e.key.empty() && !keys_.insert(e.key).second)
            warn(e.key_at, entry_pointer(e), "citation key " + quote(e.key) + " is used by an earlier entry too; both are shown");

        std::unordered_set<std::string_view> seen;  // into e.fields, which no longer changes
        std::string journal, booktitle, other_venue, organization, subtitle, eprint, archive;
        std::string year_text, month_text, day_text;
        std::size_t year_at = 0, month_at = 0, day_at = 0;
        const RawField* date_field = nullptr;
        for (const RawField& f : e.fields) {
            std::string where = field_pointer(e, f.name);
            if (!seen.insert(f.name).second) {
                if (full())
                    warn(f.name_at, {}, {});
                else
                    warn(f.name_at, where, "field " + quote(f.name) + " is given twice; the first is used");
                continue;
            }
            auto it = table().roles.find(f.name);
            if (it == table().roles.end()) {
                unknown_field(f, where);
                continue;
            }
            switch (it->second) {
                case Role::title: {
                    std::vector<LatexNote> found;
                    p.title = latex_to_rich(f.value.text, &found);
                    notes(found, f.value, where);
                    break;
                }
                case Role::subtitle: subtitle = text(f, where); break;
                case Role::author:
                case Role::editor: {
                    std::vector<LatexNote> found;
                    NameList names = read_names(f.value.text, &found);
                    notes(found, f.value, where);
                    if (it->second == Role::author) {
                        p.authors = std::move(names.names);
                        p.more_authors = names.others;
                    } else {
                        p.editors = std::move(names.names);
                        p.more_editors = names.others;
                    }
                    break;
                }
                case Role::journal: journal = text(f, where); break;
                case Role::booktitle: booktitle = text(f, where); break;
                case Role::other_venue:
                    if (other_venue.empty()) other_venue = text(f, where);
                    break;
                case Role::publisher: p.publisher = text(f, where); break;
                case Role::organization: organization = text(f, where); break;
                case Role::volume: p.volume = text(f, where); break;
                case Role::number:
                    if (p.issue.empty()) p.issue = text(f, where);
                    break;
                case Role::pages: p.pages = text(f, where); break;
                case Role::year:
                    year_text = text(f, where);
                    year_at = f.value.begin;
                    break;
                case Role::month:
                    month_text = text(f, where);
                    month_at = f.value.begin;
                    break;
                case Role::day:
                    day_text = text(f, where);
                    day_at = f.value.begin;
                    break;
                case Role::date: date_field = &f; break;
                case Role::doi: {
                    std::string doi = raw_link(f.value.text);
                    for (const char* prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                               "http://dx.doi.org/", "doi:"})
                        if (fold_case(doi).rfind(prefix, 0) == 0) doi.erase(0, std::strlen(prefix));
                    p.doi = doi;
                    break;
                }
                case Role::url: link(f, nullptr, where, p.url); break;
                case Role::abstract: p.abstract = text(f, where); break;
                case Role::note: p.summary = text(f, where); break;
                case Role::abbr: p.venue_short = text(f, where); break;
                case Role::selected: p.selected = flag(f, where); break;
                case Role::bibtex_show: p.bibtex_show = flag(f, where); break;
                case Role::award: p.award = text(f, where); break;
                case Role::award_name: p.award_name = text(f, where); break;
                case Role::arxiv: {
                    std::string written = raw_link(f.value.text);
                    p.arxiv = arxiv_id(written);
                    if (p.arxiv.empty() && !written.empty())
                        warn(f.name_at, where, quote(written) + " is not an arXiv identifier; not shown");
                    break;
                }
                case Role::eprint: eprint = raw_link(f.value.text); break;
                case Role::archive_prefix: archive = fold_case(raw_link(f.value.text)); break;
                case Role::link: {
                    const LinkKey* key = link_key(f.name);
                    link(f, key, where, p.*(key->field));
                    break;
                }
                case Role::ignored: break;
            }
        }
        if (!subtitle.empty()) p.title.text += (p.title.text.empty() ? "" : ": ") + subtitle;
        p.venue = !journal.empty() ? journal : !booktitle.empty() ? booktitle : other_venue;
        if (p.publisher.empty()) p.publisher = organization;
        if (p.venue.empty()) p.venue = p.publisher;
        if (p.arxiv.empty() && !eprint.empty() && (archive == "arxiv" || archive.empty())) {
            std::string id = arxiv_id(eprint);
            // Without archivePrefix only the shapes arXiv gives out count (2101.00001, cs/0101001).
            bool shaped = archive == "arxiv" || (id.size() >= 9 && digit(id[0]) && id[4] == '.') ||
                          id.find('/') != std::string::npos;
            if (shaped) p.arxiv = id;
        }
        read_date(e, p, date_field, year_text, year_at, month_text, month_at, day_text, day_at);
        p.type = t ? t->csl : "document";
        if (t && p.type.empty())  // @misc: a preprint when it has an arXiv id, a web page when only a link
            p.type = !p.arxiv.empty() ? "article" : (p.venue.empty() && !p.url.empty()) ? "webpage" : "document";
        if (p.title.empty() && std::find(e.dropped.begin(), e.dropped.end(), "title") == e.dropped.end())
            warn(e.at, entry_pointer(e), "entry has no title");
        p.bibtex = copy_text(e);
        out_.publications.push_back(std::move(p));
    }

    void read_date(const RawEntry& e, Publication& p, const RawField* date_field, const std::string& year,
                   std::size_t year_at, const std::string& month, std::size_t month_at, const std::string& day,
                   std::size_t day_at) {
        if (date_field) {
            // biblatex: "2024-06-12", "2024-06", "2024", or a range "2024-06-12/2024-06-14".
            std::string written = raw_link(date_field->value.text);
            std::string start = written.substr(0, written.find('/'));
            if (auto d = parse_date(start)) {
                p.date = *d;
                return;
            }
            error(date_field->value.begin, field_pointer(e, "date"),
                  quote(written) + " is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if (year.empty()) return;
        std::string where = field_pointer(e, "year");
        if (year.size() < 4 || !std::all_of(year.begin(), year.begin() + 4, digit) ||
            (year.size() > 4 && digit(year[4]))) {
            warn(year_at, where, "year " + quote(year) + " is not a year; not shown");
            return;
        }
        p.date.year = std::atoi(year.substr(0, 4).c_str());
        if (year.size() > 4) warn(year_at, where, "year " + quote(year) + ": only " + year.substr(0, 4) + " is shown");
        if (!month.empty()) {
            int m = 0;
            if (std::all_of(month.begin(), month.end(), digit) && month.size() <= 2) {
                m = std::atoi(month.c_str());
                if (m < 1 || m > 12) m = 0;
            } else {
                // "June", "jun", "Jun.", or a phrase such as "23--29 Jul" (a conference's days).
                std::size_t k = 0;
                while (k < month.size() && m == 0) {
                    while (k < month.size() && !letter(month[k])) ++k;
                    std::size_t b = k;
                    while (k < month.size() && (letter(month[k]) || month[k] == '.')) ++k;
                    if (k > b) m = month_number(month.substr(b, k - b));
                }
            }
            if (m)
                p.date.month = m;
            else
                warn(month_at, field_pointer(e, "month"), "month " + quote(month) + " is not a month; not shown");
        }
        if (!day.empty() && p.date.month) {
            int d = std::all_of(day.begin(), day.end(), digit) && day.size() <= 2 ? std::atoi(day.c_str()) : 0;
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.date.year, p.date.month, d);
            if (auto full = d ? parse_date(buf) : std::nullopt)
                p.date = *full;
            else
                warn(day_at, field_pointer(e, "day"), "day " + quote(day) + " is not a day of that month; not shown");
        }
    }

    // Takes [b, end) out of the entry's copy; joined with the last removal when only
    // spaces lie between, so a stretch of junk is one edit however many pieces it has.
    void remove(RawEntry& e, std::size_t b, std::size_t end) {
        Edit ed = removal(e, b, end);
        if (!e.edits.empty() && e.edits.back().text.empty() && e.edits.back().end <= ed.begin &&
            std::all_of(s_.begin() + static_cast<std::ptrdiff_t>(e.edits.back().end),
                        s_.begin() + static_cast<std::ptrdiff_t>(ed.begin), space)) {
            e.edits.back().end = ed.end;
            return;
        }
        e.edits.push_back(std::move(ed));
    }

    // Past the rest of an entry: to its closing delimiter at brace depth 0 (left for the
    // caller), or to a line that starts the next entry.
    void skip_entry(std::size_t& i, char close) const {
        int depth = 0;
        for (; i < s_.size(); ++i) {
            char c = s_[i];
            if (c == '{') ++depth;
            else if (c == '}' && depth > 0) --depth;
            else if (depth == 0 && c == close) return;
            else if (c == '\n' && entry_starts(i + 1)) {
                ++i;
                return;
            }
        }
    }

    // Taking [b, end) out of an entry's copy: the whole line when nothing else is on it.
    Edit removal(const RawEntry& e, std::size_t b, std::size_t end) const {
        std::size_t line = b;
        while (line > e.at && (s_[line - 1] == ' ' || s_[line - 1] == '\t')) --line;
        std::size_t tail = end;
        while (tail < s_.size() && (s_[tail] == ' ' || s_[tail] == '\t' || s_[tail] == '\r')) ++tail;
        bool line_start = line > 0 && s_[line - 1] == '\n';
        if (line_start && (tail >= s_.size() || s_[tail] == '\n')) return Edit{line, std::min(tail + 1, s_.size()), ""};
        if (line_start && end > 0 && s_[end - 1] == '\n') return Edit{line, end, ""};
        while (end < s_.size() && (s_[end] == ' ' || s_[end] == '\t')) ++end;  // and the spaces after it
        // Up to the entry's close: its indentation goes too.
        if (line_start && end < s_.size() && (s_[end] == '}' || s_[end] == ')')) return Edit{line, end, ""};
        return Edit{b, end, ""};
    }

    // The entry's source for Copy BibTeX: as written, without al-folio's private keys
    // and the broken stretches that were dropped, with the commas and the closing
    // delimiter that were missing put in.
    std::string copy_text(RawEntry& e) {
        for (const RawField& f : e.fields)
            if (private_key(f.name)) e.edits.push_back(removal(e, f.name_at, f.end));
        // In source order; where an insertion (a missing comma) and a removal (junk) begin at
        // the same place, the insertion first, or the removal would skip it.
        std::stable_sort(e.edits.begin(), e.edits.end(),
                         [](const Edit& a, const Edit& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
        std::string out;
        std::size_t from = e.at;
        for (const Edit& ed : e.edits) {
            if (ed.begin > e.end) continue;
            // An edit that starts inside the last cut: a removal keeps the part after it
            // (a private key's line where junk before it ended), an insertion goes with it.
            if (ed.begin < from && (!ed.text.empty() || ed.end <= from)) continue;
            out.append(s_.data() + from, std::max(ed.begin, from) - from);
            if (!ed.text.empty() && ed.text[0] == '\n')  // the missing close goes right after the last field
                while (!out.empty() && space(out.back())) out.pop_back();
            out += ed.text;
            from = std::max(from, std::min(ed.end, e.end));
        }
        if (from < e.end) out.append(s_.data() + from, e.end - from);
        while (!out.empty() && space(out.back())) out.pop_back();
        return out;
    }

    std::string_view s_;
    const BibtexOptions& options_;
    const Limits& limits_;
    BibtexResult& out_;
    std::unordered_map<std::string, Macro> macros_;
    std::unordered_set<std::string> defined_;  // macros the file defined (not the month names)
    std::unordered_set<std::string> keys_;
    RawEntry scratch_;
    static constexpr std::size_t kMaxSuggested = 64;
    std::unordered_map<std::string, const char*> suggested_;  // unknown field name -> nearest known one
    std::size_t entries_ = 0;
    std::size_t expanded_ = 0;  // bytes copied out of macros so far
    bool stopped_ = false;
    bool open_value_ = false;  // the last field's value was not closed: the entry's own close is reported with it

public:
    Overflow overflow_;
};

}  // namespace

BibtexResult read_bibtex(std::string_view bytes, const std::string& file, const BibtexOptions& options,
                         const Limits& limits) {
    BibtexResult out;
    auto finish = [&](std::string_view text, Overflow overflow) {
        std::stable_sort(out.problems.begin(), out.problems.end(),
                         [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
        LineCounter lines(text);
        for (Problem& p : out.problems) {
            if (p.offset != Problem::npos) lines.advance_to(p.offset, p.line, p.column);
            p.file = file;
        }
        if (overflow.count > 0) {
            Problem p{overflow.any_error ? Severity::error : Severity::warning, "",
                      std::to_string(overflow.count) + " more problem" + (overflow.count == 1 ? "" : "s") +
                          " not listed" + (overflow.any_error ? ", errors among them" : "")};
            p.file = file;
            out.problems.push_back(std::move(p));
        }
    };
    if (bytes.size() > limits.max_file_bytes) {
        Problem p{Severity::error, "", "file is larger than the limit of " + std::to_string(limits.max_file_bytes) +
                                           " bytes (" + std::to_string(limits.max_file_bytes >> 20) +
                                           " MiB); it was not read"};
        p.offset = 0;
        out.problems.push_back(std::move(p));
        finish({}, Overflow{});
        return out;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // editors on Windows add one; harmless here
    std::string repaired;
    std::string_view text = bytes;
    std::size_t first_bad = 0, bad = 0;
    if (!utf8_valid(bytes)) {
        bad = utf8_sanitize(bytes, repaired, &first_bad);
        text = repaired;
    }
    Reader reader(text, options, limits, out);
    if (bad > 0) {
        Problem p{Severity::warning, "",
                  std::to_string(bad) + " invalid UTF-8 byte sequence" + (bad > 1 ? "s" : "") +
                      " replaced by U+FFFD (first shown here)"};
        p.offset = first_bad;
        out.problems.push_back(std::move(p));
    }
    reader.run();
    if (out.publications.empty() && out.problems.empty()) {
        Problem p{Severity::warning, "", "no entries: nothing to show"};
        p.offset = 0;
        out.problems.push_back(std::move(p));
    }
    finish(text, reader.overflow_);
    out.ok = true;
    return out;
}

std::vector<std::string> known_bibtex_fields() {
    std::vector<std::string> out;
    for (const char* n : table().names) out.emplace_back(n);
    return out;
}

}  // namespace profile
