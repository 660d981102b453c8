// tests/fuzz/bibtex_fuzzer.cpp: the BibTeX reader under libFuzzer.
//
// One input is the bytes of a .bib file, as a profile's "bibliography" could name from
// anywhere. They go through read_bibtex, the merge into a profile (add_bibliography), and
// on their own through the LaTeX, name and CSL-markup readers. Besides crashes, leaks and
// undefined behaviour (the sanitizers), it aborts when what must hold for any input does
// not:
//   - every string read is valid UTF-8, and no longer than the limits allow;
//   - marks lie within their text, on character boundaries, in order, and only links
//     carry an href, one a browser would open as http, https or mailto;
//   - every link field is one is_safe_url accepts;
//   - problems are placed within the file (line and column exist), name the file, and
//     are no more than the limit plus the one line that counts the rest;
//   - entries are no more than the limit, merged ones ordered newest first;
//   - an entry's copy for Copy BibTeX reads back as one entry with the same key.
// The same file is linked with a plain main() as `bibtex_fuzz_replay` (replay_main.cpp),
// which runs the regression inputs and the seed corpus in every `scripts/test` run.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "profile/bibliography.h"
#include "profile/bibtex_names.h"
#include "profile/bibtex_reader.h"
#include "profile/csl_markup.h"
#include "profile/latex.h"
#include "profile/text.h"

namespace {

using namespace profile;

[[noreturn]] void broken(const char* what, std::string_view detail) {
    std::fprintf(stderr, "bibtex_fuzzer: invariant broken: %s: %.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

const Limits& limits() { return default_limits(); }

// What LaTeX may make of a value at most: ' -> ’ triples a byte; nothing does more.
std::size_t longest_text() { return 3 * limits().max_string_bytes + 16; }

void check_text(std::string_view s, const char* what) {
    if (!utf8_valid(s)) broken(what, s.substr(0, 200));
    if (s.size() > longest_text()) broken("longer than the limits allow", what);
}

bool continuation(std::string_view s, std::size_t at) {
    return at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80;
}

// As a browser's URL parser reads a scheme: is it one that opens a page or a mail client?
bool browser_safe(std::string_view href) {
    std::string s;
    for (char c : href)
        if (c != '\t' && c != '\n' && c != '\r') s += c;
    std::size_t start = 0;
    while (start < s.size() && static_cast<unsigned char>(s[start]) <= 0x20) ++start;
    s.erase(0, start);
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (s.empty() || !alpha(s[0])) return true;
    std::size_t i = 0;
    while (i < s.size() && (alpha(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.'))
        ++i;
    if (i >= s.size() || s[i] != ':') return true;
    std::string scheme = fold_case(s.substr(0, i));
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

void check_rich(const RichString& r, const char* what) {
    check_text(r.text, what);
    const Mark* previous = nullptr;
    for (const Mark& m : r.marks) {
        if (m.begin >= m.end || m.end > r.text.size()) broken("a mark outside its text", what);
        if (continuation(r.text, m.begin) || continuation(r.text, m.end)) broken("a mark splits a character", what);
        if (previous && (previous->begin > m.begin || (previous->begin == m.begin && previous->end < m.end)))
            broken("marks out of order", what);
        if ((m.kind == MarkKind::link) != !m.href.empty()) broken("an href on a mark that is not a link", what);
        if (m.kind == MarkKind::link && (!is_safe_url(m.href) || !browser_safe(m.href)))
            broken("an unsafe link mark", m.href);
        previous = &m;
    }
}

void check_authors(const std::vector<Author>& names) {
    for (const Author& a : names) {
        for (const std::string* s : {&a.family, &a.given, &a.literal, &a.marker, &a.shown}) check_text(*s, "a name");
        if (display_name(a).empty()) broken("an author without a name", a.marker);
    }
}

void check_publication(const Publication& p) {
    check_rich(p.title, "a title");
    check_authors(p.authors);
    check_authors(p.editors);
    for (const std::string* s : {&p.id, &p.type, &p.venue, &p.venue_short, &p.publisher, &p.volume, &p.issue, &p.pages,
                                 &p.doi, &p.abstract, &p.summary, &p.award, &p.award_name, &p.arxiv, &p.bibtex})
        check_text(*s, "a field");
    for (const std::string* u : {&p.url, &p.pdf, &p.code, &p.slides, &p.html, &p.website, &p.poster, &p.video, &p.blog,
                                 &p.supp, &p.preview})
        if (!u->empty() && (!is_safe_url(*u) || !browser_safe(*u))) broken("an unsafe link", *u);
    if (!p.arxiv.empty() && arxiv_id(p.arxiv) != p.arxiv) broken("an arXiv id that is not one", p.arxiv);
}

// Problems placed within `text` (the bytes as read: BOM dropped, bad UTF-8 counted as one character each).
void check_problems(const std::vector<Problem>& problems, std::string_view text, const std::string& file,
                    std::size_t limit) {
    if (problems.size() > limit + 1) broken("more problems than the limit", std::to_string(problems.size()));
    std::vector<std::size_t> line_lengths{0};  // in bytes: at least the count of characters
    for (char c : text) {
        if (c == '\n')
            line_lengths.push_back(0);
        else
            ++line_lengths.back();
    }
    for (const Problem& p : problems) {
        check_text(p.message, "a message");
        check_text(p.pointer, "a pointer");
        if (p.file != file) broken("a problem without its file", p.file);
        if (p.line == 0) continue;  // the count of problems not listed
        if (p.line < 0 || static_cast<std::size_t>(p.line) > line_lengths.size()) broken("a line past the file", p.message);
        if (p.column < 1 || static_cast<std::size_t>(p.column) > line_lengths[p.line - 1] + 1)
            broken("a column past its line", p.message);
    }
}

void check_result(const BibtexResult& r, std::string_view bytes) {
    if (r.publications.size() > limits().max_entries) broken("more entries than the limit", "");
    std::string_view text = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
    std::string repaired;
    if (!utf8_valid(text)) {
        utf8_sanitize(text, repaired, nullptr);
        text = repaired;
    }
    check_problems(r.problems, r.ok ? text : std::string_view(), "fuzz.bib", limits().max_problems);
    for (const Publication& p : r.publications) check_publication(p);
}

// Copy BibTeX's text is an entry: read back, it is one, with the same key.
void check_copies(const BibtexResult& r) {
    for (const Publication& p : r.publications) {
        if (p.id.empty() || p.bibtex.empty()) continue;
        BibtexResult again = read_bibtex(p.bibtex, "copy.bib");
        if (again.publications.size() != 1 || again.publications[0].id != p.id)
            broken("a copy that does not read back as its entry", p.bibtex.substr(0, 400));
    }
}

void check_merge(std::string_view bytes) {
    // A profile that has one entry and names a bibliography: the input merged into it.
    LoadResult loaded = load_profile(
        R"({"basics": {"name": "Ada Lovelace"}, "bibliography": "pubs/x.bib",
            "publications": [{"title": "Notes", "DOI": "10.1/x", "issued": "1843"}]})",
        "fuzz.json");
    if (loaded.bibliography.size() != 1) broken("the fuzz profile lost its bibliography", "");
    add_bibliography(loaded, 0, bytes, "fuzz.bib");
    const std::vector<Publication>& pubs = loaded.profile.publications;
    if (pubs.empty() || pubs.size() > limits().max_entries) broken("merged publications out of bounds", "");
    for (std::size_t i = 1; i < pubs.size(); ++i)
        if (pubs[i - 1].date < pubs[i].date) broken("merged publications not newest first", pubs[i].title.text);
    for (const Publication& p : pubs) {
        check_publication(p);
        for (const Author& a : p.authors)
            if (a.shown != display_name(a)) broken("an author's name not decided after the merge", a.shown);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    BibtexResult r = read_bibtex(bytes, "fuzz.bib", BibtexOptions{"pubs/"});
    check_result(r, bytes);
    check_copies(r);
    check_merge(bytes);
    // The value readers on their own, on any bytes a value could hold (valid UTF-8, as the
    // reader hands them over), without the reader's syntax in the way.
    if (size <= limits().max_string_bytes) {
        std::string text;
        utf8_sanitize(bytes, text, nullptr);
        std::vector<LatexNote> notes;
        check_rich(latex_to_rich(text, &notes), "latex_to_rich");
        for (const LatexNote& n : notes)
            if (n.offset > text.size()) broken("a LaTeX note past its value", n.message);
        NameList names = read_names(text, &notes);
        check_authors(names.names);
        check_rich(read_csl_markup(text), "read_csl_markup");
    }
    return 0;
}
