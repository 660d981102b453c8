// Service and volunteering (JSON Resume's volunteer[]): for researchers mostly program
// committees, reviewing and outreach. Drawn like Experience, so the two read alike.
#include "ui/sections.h"

namespace ui {

bool has_volunteer(const profile::Profile& p) { return !p.volunteer.empty(); }

void render_volunteer(const profile::Profile& p) { render_positions(p.volunteer, "Service and volunteering"); }

}  // namespace ui
