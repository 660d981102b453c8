// platform/web/web_bridge.h: the calls between the wasm and the page's JavaScript
// (web/page.js). Everything the C++ side asks of the browser goes through here.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace platform::web {

// Starts fetch(url) with a timeout; the answer arrives in imfolio_fetch_done(id, ...)
// (web_fetch.cpp). A body over max_bytes is not read to its end: it arrives as
// ui::kFetchTooLarge.
void js_fetch(int id, const std::string& url, int timeout_ms, std::size_t max_bytes);

// Runs fn(arg) in a task of its own, as soon as the browser can: a message the page posts
// itself, not a zero timeout, which after five nested ones is held back 4 ms (the atlas's
// dozens of steps lost a third of their time to it). Input and painting run between.
void post_task(void (*fn)(void*), void* arg);

// The mirror: semantic DOM over the canvas (links, screen readers). `diff` is ui::document_diff().
void js_document(const std::string& diff);
// The canvas scrolled to `y` of a page `height` tall (CSS pixels of the layout).
void js_scroll(float y, float height);
// The page is shown at `zoom` (pinch): the mirror scales with the canvas.
void js_zoom(float zoom);

// History: "#/route" entries. push adds one; replace rewrites the current one.
void js_history(const std::string& route, bool push);

// The first frame that shows the profile, or a failure: settles window.imfolio.ready.
void js_ready();
void js_failed(const std::string& message);
// The page cannot run here at all (no WebGL 2 context): the static profile stays, with a note.
void js_unsupported(const std::string& message);

void js_copy(const std::string& text);
void js_cursor(bool pointer);
void js_store_theme(int theme);  // 0 system, 1 light, 2 dark (localStorage)

// What the page was opened with (read once at start).
std::string js_profile_url(std::string* error);  // ?profile=, checked; "" + error when refused
std::string js_foreign_host();  // after js_profile_url: the profile's host if on another origin, else ""
// The address of `path` relative to the profile's (its bibliography); "" when refused
// (another origin over plain http, or not a URL).
std::string js_beside_profile(const std::string& path);
std::string js_initial_route();
int js_stored_theme();
bool js_prefers_dark();
bool js_coarse_pointer();
bool js_owner_view();  // a preview or a local server: the profile's problems are listed
int js_fetch_timeout_ms();

// The canvas's CSS size and the device pixel ratio.
void js_canvas_css_size(double* w, double* h);

// The visitor's languages, best first: ?lang=, the choice remembered from an earlier visit,
// then navigator.languages.
std::vector<std::string> js_wanted_languages();
// The page now shows `tag`: <html lang> follows; `chosen` (the visitor switched) also
// remembers it (localStorage) and writes it into the address (?lang=, history.replaceState).
void js_language(const std::string& tag, bool chosen);

// Whether the page shows the site's own profile (no ?profile=): its cv.pdf is beside it.
bool js_own_profile();

// The site's top folder relative to this page ("" or "../"): where fonts/ is.
std::string js_site_root();

}  // namespace platform::web
