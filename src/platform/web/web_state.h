// platform/web/web_state.h: all state of the page, in one struct, and the few calls
// the web platform's files make to each other.
//
// The platform is split by browser concern, as eframe's web/ is:
//   web_runner.cpp  start(), the frame loop, WebGL and the canvas's pixel size
//   web_input.cpp   mouse, wheel, touch and keys (as imgui events and page scrolling)
//   web_fetch.cpp   the profile and the font slices: requests and their answers
//   web_page.cpp    what web/page.js calls: navigation, focus, the theme, stats()
//   web_bridge.cpp  what we call in web/page.js (EM_JS)
#pragma once

#include <map>
#include <string>
#include <vector>

#include <emscripten/html5.h>

namespace ui {
class Site;
}

namespace platform::web {

// A finger dragging the page (one at a time; taps arrive as mouse events).
struct Touch {
    int id = -1;        ///< the touch point's identifier; -1 when no finger is down
    double last_y = 0;  ///< its last clientY, CSS pixels
};

// Two fingers zooming the page.
struct Pinch {
    bool active = false;        ///< two fingers are down
    double start_distance = 0;  ///< between them when the second came down, CSS pixels
    float start_zoom = 1;       ///< Web::zoom then
};

struct Web {
    ui::Site* site = nullptr;                  ///< the one site, made by start()
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;    ///< the canvas's WebGL 2 context
    bool gl_lost = false;                      ///< between webglcontextlost and ...restored
    bool hidden = false;                       ///< the tab is hidden: draw nothing
    bool frame_requested = false;              ///< a requestAnimationFrame is pending
    bool timer_pending = false;                ///< a wake-up timer (caret blink) is set
    bool build_pending = false;                ///< a task building a slice of the font atlas is queued
    bool upload_pending = false;               ///< a task copying a band of the atlas to the GPU is queued
    int wake_frames = 0;                       ///< frames still to draw after input (imgui needs 2-3 to settle)
    double last_frame_ms = 0;                  ///< when the last frame was drawn; 0 after a pause
    long long frames = 0;                      ///< frames actually drawn (stats().frames)
    float dpr = 0;                             ///< the pixel ratio the atlas was built for (device px per layout px)
    float building_dpr = 0;                    ///< ... and the one it is being rebuilt for
    int fb_w = 0, fb_h = 0;                    ///< canvas backing store, device pixels
    double css_w = 0, css_h = 0;               ///< canvas size, CSS pixels
    std::string profile_url;                   ///< what the profile is fetched from ("" when refused)
    int profile_attempts = 0;                  ///< profile fetches made so far
    bool reloading = false;                    ///< the profile is fetched again after a save (scripts/serve)
    std::map<int, std::string> font_fetches;   ///< fetch id -> font slice file in flight
    /// A file fetched with retries.
    struct Request {
        std::string url;   ///< where from
        int attempts = 0;  ///< fetches made so far
    };
    std::map<std::size_t, Request> bibliographies;  ///< the profile's BibTeX files in flight, by index
    int next_fetch = 0;                        ///< the next font fetch's id (see web_fetch.cpp)
    bool ready_sent = false;                   ///< the first frame showing the profile was drawn
    bool swap_pending = false;                 ///< ... and imfolio.ready is to follow (swap_in)
    std::vector<std::string> mirror_queue;     ///< mirror diffs held back until then, in order
    bool failed_sent = false;                  ///< ... or rejected
    int theme_stored = -1;                     ///< the theme last written to localStorage
    bool cursor_pointer = false;               ///< the canvas's CSS cursor is the hand
    float scroll_sent = -1;                    ///< the scroll position the mirror last got
    float height_sent = -1;                    ///< ... and the page height
    Touch touch;                               ///< the finger dragging the page, if any
    Pinch pinch;                               ///< two fingers zooming it, if any
    float zoom = 1;                            ///< the page's zoom (pinch): layout px = CSS px / zoom
    float zoom_sent = 1;                       ///< the zoom the mirror last got
    std::string lang_sent;                     ///< the language <html lang> was last set to ("" none yet)
    std::string stats;                         ///< the last stats() answer, kept alive for JS to read
};

Web& web();

// web_runner.cpp: draw a frame soon (once), or `frames` frames (input settles over a few).
void request_frame();
void wake(int frames = 3);
// web_runner.cpp: build the next slice of the font atlas, or copy the next band of it to
// the GPU, in a task of its own.
void schedule_font_step();
void schedule_atlas_upload();

// web_input.cpp: listens to the document's mouse, wheel, touch and key events.
void install_input();

// web_fetch.cpp: starts fetching the profile, and the font slices it needs.
void fetch_profile();
void fetch_fonts();

// web_pictures.cpp: fetches and decodes the pictures the views asked for; a picture's
// fetch answer goes to picture_fetched (false: the id is not a picture's).
void fetch_pictures();
bool picture_fetched(int id, int status, const std::string& bytes);

}  // namespace platform::web
