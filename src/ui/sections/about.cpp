// About: the biography, one paragraph per blank-line-separated block.
#include <string_view>

#include "ui/sections.h"
#include "ui/widgets.h"

namespace ui {

void render_about(const profile::Profile& p) {
    std::string_view text = p.basics.summary;
    bool first = true;
    while (!text.empty()) {
        std::size_t cut = text.find("\n\n");
        std::string_view block = text.substr(0, cut);
        while (!block.empty() && (block.back() == '\n' || block.back() == ' ')) block.remove_suffix(1);
        if (!block.empty()) {
            if (!first) vspace(14);
            paragraph(block);
            first = false;
        }
        if (cut == std::string_view::npos) break;
        text.remove_prefix(cut + 2);
    }
}

}  // namespace ui
