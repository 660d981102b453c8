// profile/section_table.h: the page's sections, in one table.
//
// Every fact that names a section is a column of its row (sections.def): the Profile member it
// holds, the JSON member it is read from, its heading, the shorter label of the top bar,
// and the icon of the narrow-screen menu. Its id is also its route ("#/experience") and
// the anchor of its static HTML. The loader, `check`, search, the search bar, the top
// bar, the views and the static export all read this table; none keeps a list of its own.
// Rows are in page order.
//
// Adding a section: a row in sections.def, a member on Profile (model.h) with a field table
// (load.cpp), and a view file (src/ui/sections/ID.cpp defining render_ID).
//
// The rows are in sections.def, as the X-macro IMFOLIO_SECTIONS(X) with
// X(id, member, json_key, title, nav_label, icon):
//   id        route and C++ name: render_<id> in ui/sections, SectionId::<id>
//   member    the Profile member with its entries (`basics` for About: its summary)
//   json_key  where a file holds it; "basics" for About, which is read with the header
//   title     the section's heading, its menu entry and the label on its search results
//   nav_label the shorter label in the top bar
//   icon      a name in ui/icons.h (the narrow-screen menu draws it)
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "profile/model.h"
#include "profile/sections.def"

namespace profile {

enum class SectionId : std::uint8_t {
#define IMFOLIO_SECTION_ID(id, ...) id,
    IMFOLIO_SECTIONS(IMFOLIO_SECTION_ID)
#undef IMFOLIO_SECTION_ID
};

struct SectionInfo {
    SectionId id;
    std::string_view route;     // "experience": the id, spelled as text
    std::string_view json_key;  // "work"
    std::string_view title;     // "Experience"
    std::string_view nav;       // "Experience"
};

constexpr std::array<SectionInfo, 0
#define IMFOLIO_SECTION_COUNT(...) +1
                                      IMFOLIO_SECTIONS(IMFOLIO_SECTION_COUNT)
#undef IMFOLIO_SECTION_COUNT
                                  >
    kSections = {{
#define IMFOLIO_SECTION_INFO(id, member, key, title, nav, icon) {SectionId::id, #id, key, title, nav},
        IMFOLIO_SECTIONS(IMFOLIO_SECTION_INFO)
#undef IMFOLIO_SECTION_INFO
    }};

constexpr const SectionInfo& section_info(SectionId id) { return kSections[static_cast<std::size_t>(id)]; }

// The section with this route ("experience"), or nullptr.
const SectionInfo* section_by_route(std::string_view route);

// How many entries the section holds in `p`; a section with none is not shown. About
// and the research statement count as one entry each.
std::size_t section_size(const Profile& p, SectionId id);

}  // namespace profile
