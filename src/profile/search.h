// profile/search.h: finding text in a profile (the page's Ctrl+K search).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "profile/model.h"
#include "profile/section_table.h"

namespace profile {

// Case-insensitive containment, folding ASCII and the Latin-1/Latin Extended-A letters
// with accents to their base letter ("Zürich" matches "zurich"). Other scripts match exactly.
bool text_matches(std::string_view text, std::string_view query);

// One matching entry: the `index`-th entry of `section` (kWholeSection for About and
// the research statement, which are one text each), or of the extra section
// Profile::extra_sections[extra] when `extra` is not kNotExtra.
struct SearchHit {
    static constexpr std::size_t kWholeSection = static_cast<std::size_t>(-1);
    static constexpr std::size_t kNotExtra = static_cast<std::size_t>(-1);
    SectionId section = SectionId::about;
    std::size_t index = kWholeSection;
    std::string title;  // what the entry is called on the page
    std::size_t extra = kNotExtra;
};

// Every entry whose text contains `query`, in page order, at most `max`.
std::vector<SearchHit> search(const Profile& p, std::string_view query, std::size_t max = 50);

// The profile with only the entries that match (basics kept: the header always shows;
// the summary and research statement only when they match).
Profile filter(const Profile& p, std::string_view query);

}  // namespace profile
