// tests/oracle/bibtex_dump.cpp: what imfolio reads from .bib files, as JSON, for
// pandoc_oracle.py to hold against pandoc. Not part of imfolio itself.
//
// usage: bibtex_dump FILE.bib   prints [{"id", "title", "year", "authors": [{"family",
// "given", "literal", "marker"}], "others"}] in file order; exit 2 when unreadable.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "platform/desktop/files.h"
#include "profile/bibtex_reader.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bibtex_dump FILE.bib\n");
        return 2;
    }
    std::string error;
    auto bytes = platform::read_file(argv[1], &error);
    if (!bytes) {
        std::fprintf(stderr, "bibtex_dump: %s: %s\n", argv[1], error.c_str());
        return 2;
    }
    profile::BibtexResult r = profile::read_bibtex(*bytes, argv[1]);
    nlohmann::json out = nlohmann::json::array();
    for (const profile::Publication& p : r.publications) {
        nlohmann::json authors = nlohmann::json::array();
        for (const profile::Author& a : p.authors)
            authors.push_back({{"family", a.family}, {"given", a.given}, {"literal", a.literal}, {"marker", a.marker}});
        out.push_back({{"id", p.id}, {"title", p.title.text}, {"year", p.date.year}, {"authors", authors},
                       {"others", p.more_authors}});
    }
    std::printf("%s\n", out.dump(1).c_str());
    return 0;
}
