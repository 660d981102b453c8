#include "profile/bibliography.h"

#include <algorithm>
#include <unordered_map>

#include "profile/bibtex_reader.h"
#include "profile/text.h"

namespace profile {

namespace {

// Letters and digits, lower case (ASCII and the Latin-1 and Extended-A letters), so
// that "Lantern: Sparse Attention" and "Lantern — sparse attention" are one title.
std::string normalised_title(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = utf8_next(s, i);
        if (cp < 0x80) {
            char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
            continue;
        }
        // Punctuation and spaces beyond ASCII: Latin-1's signs, General Punctuation, CJK's.
        if ((cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
            (cp >= 0x3000 && cp <= 0x303F))
            continue;
        if (cp >= 0xC0 && cp <= 0xDE) cp += 0x20;
        else if (cp >= 0x100 && cp <= 0x17F && (cp & 1) == 0 && cp != 0x138) cp += 1;
        utf8_append(out, cp);
    }
    return out;
}

std::string doi_key(const std::string& doi) { return fold_case(doi); }

std::string title_key(const Publication& p) {
    std::string t = normalised_title(p.title.text);
    return t.empty() ? std::string() : t + "#" + std::to_string(p.date.year);
}

template <class T>
void fill(T& into, const T& from) {
    if (into.empty()) into = from;
}

// The JSON entry's fields win; the .bib fills what it left empty.
void fill_gaps(Publication& into, const Publication& from) {
    fill(into.id, from.id);
    fill(into.type, from.type);
    if (into.title.empty()) into.title = from.title;
    if (into.authors.empty()) {
        into.authors = from.authors;
        into.more_authors = from.more_authors;
    }
    if (into.editors.empty()) {
        into.editors = from.editors;
        into.more_editors = from.more_editors;
    }
    for (std::string Publication::*f :
         {&Publication::venue, &Publication::venue_short, &Publication::publisher, &Publication::volume,
          &Publication::issue, &Publication::pages, &Publication::doi, &Publication::url, &Publication::abstract,
          &Publication::summary, &Publication::award, &Publication::award_name, &Publication::pdf, &Publication::code,
          &Publication::slides, &Publication::html, &Publication::website, &Publication::poster, &Publication::video,
          &Publication::blog, &Publication::supp, &Publication::preview, &Publication::arxiv, &Publication::bibtex})
        fill(into.*f, from.*f);
    if (into.date.empty()) {
        into.date = from.date;
    } else if (into.date.year == from.date.year && into.date.month == 0) {
        into.date.month = from.date.month;
        into.date.day = from.date.day;
    }
    into.selected = into.selected || from.selected;
    into.bibtex_show = into.bibtex_show || from.bibtex_show;
}

void decide_authors(Profile& p) {
    OwnerMatcher owner(p.basics);
    for (Publication& pub : p.publications)
        for (auto* names : {&pub.authors, &pub.editors})
            for (Author& a : *names) {
                a.shown = display_name(a);
                a.owner = owner(a);
            }
}

// Newest first, undated last, ties in the order given: as the loader sorts. Entries are
// large, and most files are newest first already: the dates are sorted, each entry moved once.
void order(std::vector<Publication>& v) {
    std::vector<std::pair<Date, std::size_t>> keys;
    keys.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) keys.emplace_back(v[i].date, i);
    auto newer = [](const auto& a, const auto& b) { return b.first < a.first; };
    if (std::is_sorted(keys.begin(), keys.end(), newer)) return;
    std::stable_sort(keys.begin(), keys.end(), newer);
    std::vector<Publication> sorted;
    sorted.reserve(v.size());
    for (const auto& k : keys) sorted.push_back(std::move(v[k.second]));
    v = std::move(sorted);
}

}  // namespace

std::string bibliography_folder(std::string_view path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

void add_bibliography(LoadResult& result, std::size_t index, std::string_view bytes, std::string file,
                      const Limits& limits) {
    if (index >= result.bibliography.size()) return;
    const BibliographyRef& ref = result.bibliography[index];
    BibtexOptions options;
    options.link_base = bibliography_folder(ref.path);
    BibtexResult bib = read_bibtex(bytes, file, options, limits);
    for (Problem& p : bib.problems) result.problems.push_back(std::move(p));

    std::vector<Publication>& pubs = result.profile.publications;
    std::unordered_map<std::string, std::size_t> by_doi, by_title;
    for (std::size_t i = 0; i < pubs.size(); ++i) {
        if (!pubs[i].doi.empty()) by_doi.emplace(doi_key(pubs[i].doi), i);
        std::string t = title_key(pubs[i]);
        if (!t.empty()) by_title.emplace(t, i);
    }
    std::size_t dropped = 0;
    const std::size_t none = static_cast<std::size_t>(-1);
    for (Publication& p : bib.publications) {
        std::size_t same = none;
        if (!p.doi.empty()) {
            auto d = by_doi.find(doi_key(p.doi));
            if (d != by_doi.end()) same = d->second;
        }
        std::string t = title_key(p);
        if (same == none && !t.empty()) {
            auto f = by_title.find(t);
            if (f != by_title.end()) same = f->second;
        }
        if (same != none) {
            fill_gaps(pubs[same], p);
            continue;
        }
        if (pubs.size() >= limits.max_entries) {
            ++dropped;
            continue;
        }
        pubs.push_back(std::move(p));
    }
    if (dropped > 0) {
        Problem p{Severity::error, ref.pointer,
                  "more than " + std::to_string(limits.max_entries) + " publications; " + std::to_string(dropped) +
                      (dropped == 1 ? " entry" : " entries") + " from \"" + shorten_text(ref.path, 60) + "\"" +
                      (dropped == 1 ? " is" : " are") + " dropped"};
        p.line = ref.line;
        p.column = ref.column;
        result.problems.push_back(std::move(p));
    }
    if (!result.keep_order) order(pubs);
    decide_authors(result.profile);
}

void bibliography_unreadable(LoadResult& result, std::size_t index, const std::string& reason) {
    if (index >= result.bibliography.size()) return;
    const BibliographyRef& ref = result.bibliography[index];
    Problem p{Severity::error, ref.pointer, "cannot read \"" + shorten_text(ref.path, 60) + "\": " + reason};
    p.line = ref.line;
    p.column = ref.column;
    // Among the profile's own problems, in file order; before those of other files.
    auto at = std::find_if(result.problems.begin(), result.problems.end(), [&](const Problem& q) {
        return !q.file.empty() || q.line == 0 || q.line > p.line || (q.line == p.line && q.column > p.column);
    });
    result.problems.insert(at, std::move(p));
}

LoadResult load_bibliography(std::string_view bytes, std::string source, const Limits& limits) {
    LoadResult result;
    BibtexResult bib = read_bibtex(bytes, source, BibtexOptions{}, limits);
    result.source = std::move(source);
    result.ok = bib.ok;
    result.problems = std::move(bib.problems);
    result.profile.publications = std::move(bib.publications);
    order(result.profile.publications);
    decide_authors(result.profile);
    return result;
}

bool is_bibtex_path(std::string_view path) {
    return path.size() > 4 && fold_case(path.substr(path.size() - 4)) == ".bib";
}

}  // namespace profile
