// About: the biography, in Markdown paragraphs.
#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_about(const profile::Profile& p) { paragraphs(p.basics.summary); }

}  // namespace ui
