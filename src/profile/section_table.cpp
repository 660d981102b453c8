#include "profile/section_table.h"

namespace profile {

namespace {

// A section's entries, by the type of the Profile member that holds them.
std::size_t entries(const Profile&, const Basics& b) { return b.summary.empty() ? 0 : 1; }
// Research interests open with the research statement, when there is one.
std::size_t entries(const Profile& p, const std::vector<Interest>& v) {
    return v.size() + (p.basics.research_interests.empty() ? 0 : 1);
}
template <class T>
std::size_t entries(const Profile&, const std::vector<T>& v) {
    return v.size();
}

}  // namespace

const SectionInfo* section_by_route(std::string_view route) {
    for (const SectionInfo& s : kSections)
        if (s.route == route) return &s;
    return nullptr;
}

std::size_t section_size(const Profile& p, SectionId id) {
    switch (id) {
#define IMFOLIO_SECTION_SIZE(id, member, ...) \
    case SectionId::id: return entries(p, p.member);
        IMFOLIO_SECTIONS(IMFOLIO_SECTION_SIZE)
#undef IMFOLIO_SECTION_SIZE
    }
    return 0;
}

}  // namespace profile
