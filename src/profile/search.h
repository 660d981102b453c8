// profile/search.h: finding text in a profile (the page's Ctrl+K search).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "profile/model.h"

namespace profile {

// Case-insensitive containment, folding ASCII and the Latin-1/Latin Extended-A letters
// with accents to their base letter ("Zürich" matches "zurich"). Other scripts match exactly.
bool text_matches(std::string_view text, std::string_view query);

// One matching entry. `section` is the JSON Resume key ("work", "publications",
// "news"...; "basics" for the summary and research statement; an extra section's own
// key, Profile::extra_sections[i].key), `index` its position.
struct SearchHit {
    std::string section;
    std::size_t index = 0;
    std::string title;  // what the entry is called on the page
};

// Every entry whose text contains `query`, in page order, at most `max`.
std::vector<SearchHit> search(const Profile& p, std::string_view query, std::size_t max = 50);

// The profile with only the entries that match (basics kept: the header always shows;
// the summary and research statement only when they match).
Profile filter(const Profile& p, std::string_view query);

}  // namespace profile
