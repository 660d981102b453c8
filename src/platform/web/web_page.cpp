// platform/web/web_page.cpp: what web/page.js calls in the wasm: navigation (the address
// bar, the back button, imfolio.navigate()), the mirror's focus and button presses, the
// system theme, wake-ups, and window.imfolio.stats().
//
// Implements the exported C functions only; each hands its news to the Site and asks
// for frames. Does not implement: fetching (web_fetch.cpp), input (web_input.cpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <emscripten.h>

#include "platform/web/web_gl.h"
#include "platform/web/web_state.h"
#include "ui/site.h"

using namespace platform::web;

extern "C" {

EMSCRIPTEN_KEEPALIVE void imfolio_navigate(const char* route, int cause) {
    web().site->navigate(route, static_cast<ui::NavigationCause>(cause));
    wake(2);
}

EMSCRIPTEN_KEEPALIVE void imfolio_activate(unsigned id) {
    web().site->activate(id);
    wake(3);
}

EMSCRIPTEN_KEEPALIVE void imfolio_focus(unsigned id, int visible) {
    web().site->focus(id, visible != 0);
    wake(2);
}

EMSCRIPTEN_KEEPALIVE void imfolio_set_system_dark(int dark) {
    web().site->set_system_dark(dark != 0);
    wake(2);
}

EMSCRIPTEN_KEEPALIVE void imfolio_wake() { wake(2); }

// The browser scrolled the mirror's text layer (find in page, focus, a selection).
EMSCRIPTEN_KEEPALIVE void imfolio_scroll_to(float y) {
    web().site->scroll_to(y);
    wake(2);
}

// The search field (a DOM <input>) was typed into, or took or left the keyboard.
EMSCRIPTEN_KEEPALIVE void imfolio_set_query(const char* text) {
    web().site->set_search_query(text);
    wake(2);
}
EMSCRIPTEN_KEEPALIVE void imfolio_text_field(int focused) {
    web().site->set_text_field_focused(focused != 0);
    wake(2);
}

// Find in page matched a closed abstract: open it.
EMSCRIPTEN_KEEPALIVE void imfolio_reveal(unsigned id) {
    web().site->reveal(id);
    wake(3);
}

// The browser's translation rewrote node `id`'s text.
EMSCRIPTEN_KEEPALIVE void imfolio_translated(unsigned id, const char* text) {
    web().site->translate(id, text);
    fetch_fonts();
    wake(2);
}

// window.imfolio.stats(): a JSON object (the string stays valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* imfolio_stats() {
    Web& w = web();
    const ui::Site& s = *w.site;
    std::string error = s.error_message();
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "{\"frames\":%lld,\"missingGlyphs\":%d,\"ready\":%s,\"theme\":\"%s\","
                  "\"dpr\":%.3f,\"canvas\":[%d,%d],\"fontsPending\":%zu,\"problems\":%zu,\"nodes\":%zu,"
                  "\"scroll\":%.0f,\"scrollMax\":%.0f",
                  w.frames, s.fonts().missing_glyphs(), w.ready_sent ? "true" : "false",
                  s.page().dark() ? "dark" : "light", w.dpr, w.fb_w, w.fb_h,
                  w.font_fetches.size() + (s.fonts_building() || gl::atlas_pending() ? 1 : 0),
                  s.profile().problems.size(), s.document().nodes().size(), std::round(s.page().scroll.y()),
                  std::max(0.0, static_cast<double>(s.content_height()) - w.css_h / w.zoom));
    w.stats = buf;
    char zoom[32];
    std::snprintf(zoom, sizeof zoom, ",\"zoom\":%.3f", w.zoom);
    w.stats += zoom;
    char pictures[64];
    std::snprintf(pictures, sizeof pictures, ",\"pictures\":%zu,\"picturesAsked\":%zu", s.pictures().ready_count(),
                  s.pictures().count());
    w.stats += pictures;
    w.stats += ",\"query\":";
    ui::append_json_string(w.stats, s.page().search_query);
    w.stats += ",\"lang\":";
    ui::append_json_string(w.stats, s.language());
    w.stats += ",\"route\":";
    ui::append_json_string(w.stats, s.page().route);
    w.stats += ",\"error\":";
    if (error.empty())
        w.stats += "null";
    else
        ui::append_json_string(w.stats, error);
    w.stats += "}";
    return w.stats.c_str();
}

}  // extern "C"
