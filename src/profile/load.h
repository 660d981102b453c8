// profile/load.h: profile bytes -> model + problems. Never throws, never aborts.
//
// Reads JSON Resume v1.2.1 plus imfolio's documented extensions; publications may be
// JSON Resume entries or CSL-JSON items. One bad value costs only that value: the
// entry around it is kept, and a problem names its place. Only bytes that are not a
// JSON object at all (or exceed the file limit) leave `ok` false. The .bib files a
// profile's "bibliography" names are only recorded here: the platform reads them and
// profile/bibliography.h merges them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "profile/limits.h"
#include "profile/model.h"
#include "profile/problem.h"

namespace profile {

// One name in the profile's "bibliography" member: a .bib file whose entries join the
// publications (bibliography.h merges them; the platform reads the file).
struct BibliographyRef {
    std::string path;     // as written: a relative reference, resolved against the profile's own location
    std::string pointer;  // "/bibliography" or "/bibliography/1", for problems
    std::size_t offset = 0;    // where it is written in the profile: byte offset...
    int line = 0, column = 0;  // ...line and column
};

// The profile in another of its owner's languages (translation.h).
struct Translation {
    std::string tag;   // the BCP 47 tag it is keyed by, as written: "zh-Hans"
    Profile profile;   // the profile with the translation laid over it; meta.language is `tag`
};

struct LoadResult {
    Profile profile;
    std::vector<Problem> problems;  // with line and column filled in
    bool ok = false;                // false: nothing could be read; problems[0] says why
    std::string source;             // the file name or URL, for messages
    std::vector<BibliographyRef> bibliography;  // still to be read and merged, in the order written
    bool keep_order = false;        // meta.order is "as-written": merged entries keep the files' order
    std::vector<Translation> translations;  // the "translations" member, in the order written
};

LoadResult load_profile(std::string_view bytes, std::string source, const Limits& limits = default_limits());

// Whether a link may be made clickable: http, https, mailto, or a relative reference.
// Anything with another scheme (javascript:, data:, file:, ...) or with control
// characters or spaces (which browsers strip, hiding a scheme) is refused.
bool is_safe_url(std::string_view url);

// Every member name the loader reads, as (where, name): `where` is a JSON pointer with
// "*" for any array element ("/work/*", "/publications/*/custom"), "" for the top level.
// Tests hold data/profile.schema.json to it, so the two cannot drift apart.
std::vector<std::pair<std::string, std::string>> known_fields();

// The sections of a profile in page order, with how many entries each holds
// ("work", 3), then the extra sections by their keys ("teaching", 4). Empty sections
// are included with 0; `check` prints them all.
std::vector<std::pair<std::string, std::size_t>> section_counts(const Profile& p);

}  // namespace profile
