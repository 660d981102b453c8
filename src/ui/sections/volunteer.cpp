// Service and volunteering (JSON Resume's volunteer[]): for researchers mostly program
// committees, reviewing and outreach. Drawn like Experience, so the two read alike.
#include "ui/sections.h"

namespace ui {

void render_volunteer(const profile::Profile& p) { render_positions(p.volunteer, profile::section_info(profile::SectionId::volunteer).title); }

}  // namespace ui
