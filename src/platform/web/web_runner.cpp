// platform/web/web_runner.cpp: the site in a browser canvas.
//
// Implements, on Emscripten's HTML5 API (not its GLFW emulation, which in 3.1.6 has no
// devicePixelRatio support, raw wheel deltas, touch mapped to the last mouse position
// and empty clipboard stubs; see ../shared/toolchain.md):
//   - a WebGL 2 context and imgui's OpenGL3 renderer, the canvas backing store sized to
//     CSS size x devicePixelRatio on every frame (resize, zoom, moving between screens);
//   - frames only on demand: requestAnimationFrame is asked for when input arrives, a
//     fetch completes, or the UI is animating; an idle page draws nothing;
//   - fetching the profile (timeout, retry with backoff) and the font slices it needs;
//   - input: mouse and wheel on the document (so the <a> elements over the canvas keep
//     their native behaviour), touch drags with inertia, keys;
//   - the bridge to web/page.js: mirror updates, history, window.imfolio.
// Does not implement: paste into the canvas, IME composition.
#include "platform/web/web_runner.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cfloat>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "platform/web/web_bridge.h"
#include "ui/site.h"

namespace platform::web {

namespace {

constexpr int kProfileFetch = 1;
constexpr int kFirstFontFetch = 100;
constexpr int kProfileAttempts = 3;  // network errors and 5xx are retried with backoff

// All state of the page. One instance, reachable from every callback.
struct Web {
    ui::Site* site = nullptr;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    bool gl_lost = false;
    bool hidden = false;
    bool frame_requested = false;
    bool timer_pending = false;   // a wake-up timer (caret blink) is set
    int wake_frames = 0;          // frames still to draw after input (imgui needs 2-3 to settle)
    double last_frame_ms = 0;
    long long frames = 0;         // frames actually drawn
    float dpr = 0;                // the ratio the atlas was built for
    int fb_w = 0, fb_h = 0;       // canvas backing store, device pixels
    double css_w = 0, css_h = 0;  // canvas size, CSS pixels
    std::string profile_url;
    int profile_attempts = 0;
    std::map<int, std::string> font_fetches;  // id -> slice file in flight
    int next_fetch = kFirstFontFetch;
    bool ready_sent = false;
    bool failed_sent = false;
    int theme_stored = -1;
    bool cursor_pointer = false;
    float scroll_sent = -1;
    std::string stats;            // the last stats() answer, kept alive for JS to read
};

Web& web() {
    static Web w;
    return w;
}

void request_frame();

void fetch_profile() {
    Web& w = web();
    ++w.profile_attempts;
    js_fetch(kProfileFetch, w.profile_url, js_fetch_timeout_ms(), profile::default_limits().max_file_bytes);
}

// A slice's size, from the manifest: no font file may be larger (add_file checks it exactly).
std::size_t slice_bytes(const std::string& file) {
    for (const ui::FontSlice& s : ui::font_slices())
        if (file == s.file) return s.bytes;
    return 0;
}

void fetch_fonts() {
    Web& w = web();
    for (const std::string& file : w.site->font_files_needed()) {
        bool in_flight = std::any_of(w.font_fetches.begin(), w.font_fetches.end(),
                                     [&](const auto& e) { return e.second == file; });
        if (in_flight) continue;
        int id = w.next_fetch++;
        w.font_fetches[id] = file;
        js_fetch(id, "fonts/" + file, js_fetch_timeout_ms(), slice_bytes(file));
    }
}

void update_canvas_size() {
    Web& w = web();
    js_canvas_css_size(&w.css_w, &w.css_h);
    double dpr = emscripten_get_device_pixel_ratio();
    int fb_w = std::max(1, static_cast<int>(std::lround(w.css_w * dpr)));
    int fb_h = std::max(1, static_cast<int>(std::lround(w.css_h * dpr)));
    if (fb_w != w.fb_w || fb_h != w.fb_h) {
        emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);
        w.fb_w = fb_w;
        w.fb_h = fb_h;
    }
    ImGuiIO& io = ImGui::GetIO();
    if (w.site->update_fonts(*io.Fonts, static_cast<float>(dpr)) || static_cast<float>(dpr) != w.dpr) {
        w.dpr = static_cast<float>(dpr);
        if (w.site->fonts_ready()) {
            w.site->update_fonts(*io.Fonts, w.dpr);
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        io.FontGlobalScale = 1.0f / w.dpr;
    }
}

EM_BOOL on_animation_frame(double now_ms, void*) {
    Web& w = web();
    w.frame_requested = false;
    if (w.gl_lost || w.hidden) return EM_FALSE;
    update_canvas_size();
    ImGuiIO& io = ImGui::GetIO();
    // Until the first fonts are in, there is nothing to draw: the static page shows.
    if (!w.site->fonts_ready() || !io.Fonts->IsBuilt()) return EM_FALSE;

    io.DisplaySize = ImVec2(static_cast<float>(w.css_w), static_cast<float>(w.css_h));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(w.fb_w / w.css_w), static_cast<float>(w.fb_h / w.css_h));
    // imgui asserts on a zero time step, and a long pause must not jump animations.
    float dt = w.last_frame_ms > 0 ? static_cast<float>((now_ms - w.last_frame_ms) / 1000.0) : 1.0f / 60.0f;
    io.DeltaTime = std::clamp(dt, 1.0f / 240.0f, 0.1f);
    w.last_frame_ms = now_ms;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ui::FrameResult r = w.site->frame(io.DisplaySize.x, io.DisplaySize.y, io.DeltaTime);
    ImGui::Render();
    glViewport(0, 0, w.fb_w, w.fb_h);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++w.frames;

    if (!r.document_diff.empty()) js_document(r.document_diff);
    float scroll = std::round(w.site->page().scroll.y());
    if (scroll != w.scroll_sent) {
        js_scroll(scroll);
        w.scroll_sent = scroll;
    }
    if (!r.push_route.empty()) js_history(r.push_route, true);
    if (!r.replace_route.empty()) js_history(r.replace_route, false);
    bool pointer = ImGui::GetMouseCursor() == ImGuiMouseCursor_Hand;
    if (pointer != w.cursor_pointer) {
        js_cursor(pointer);
        w.cursor_pointer = pointer;
    }
    int theme = static_cast<int>(w.site->page().theme);
    if (theme != w.theme_stored) {
        if (w.theme_stored >= 0) js_store_theme(theme);
        w.theme_stored = theme;
    }
    if (r.shows_profile && !w.ready_sent) {
        w.ready_sent = true;
        js_ready();
    }
    if (!w.site->error_message().empty() && !w.site->profile().ok && !w.failed_sent) {
        w.failed_sent = true;
        js_failed(w.site->error_message());
    }
    if (r.animating || w.wake_frames > 0) {
        w.wake_frames = std::max(0, w.wake_frames - 1);
        request_frame();
    } else if (r.wake_in > 0 && !w.timer_pending) {
        // Idle but for a timer (the caret blinking): one frame when it fires, none before.
        w.timer_pending = true;
        emscripten_set_timeout([](void*) { web().timer_pending = false; request_frame(); }, r.wake_in * 1000.0, nullptr);
    }
    return EM_FALSE;
}

void request_frame() {
    Web& w = web();
    if (w.frame_requested || w.hidden || w.gl_lost) return;
    w.frame_requested = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void wake(int frames = 3) {
    web().wake_frames = std::max(web().wake_frames, frames);
    request_frame();
}

// --- input --------------------------------------------------------------------------------

int imgui_button(unsigned short dom_button) { return dom_button == 1 ? 2 : dom_button == 2 ? 1 : dom_button; }

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        int b = imgui_button(e->button);
        if (b < ImGuiMouseButton_COUNT) io.AddMouseButtonEvent(b, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    wake();
    return EM_FALSE;  // never preventDefault: the <a> elements over the canvas need their clicks
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // Before the app shows, the static page scrolls natively; ctrl+wheel is browser zoom.
    if (e->mouse.ctrlKey || !web().ready_sent) return EM_FALSE;
    double dy = e->deltaY;
    switch (e->deltaMode) {
        case DOM_DELTA_LINE: dy *= 27.0; break;  // one line of body text
        case DOM_DELTA_PAGE: dy *= web().css_h * 0.9; break;
        default: dy *= 0.8; break;  // Chrome: 100 px a notch -> 80 px, three lines of text
    }
    // Trackpads send many small deltas: follow them directly. Wheels send notches: glide.
    web().site->scroll_by(static_cast<float>(dy), std::fabs(dy) >= 40.0);
    wake(2);
    // No preventDefault: Chromium makes document-level wheel listeners passive (it would
    // log an error each notch), and once the app shows the document cannot scroll anyway.
    return EM_FALSE;
}

// Touch: one finger drags the page; a flick keeps it moving. Taps arrive as the
// browser's compatibility mouse events at the finger's position (so a tap on a link
// is a real click on its <a>), which on_mouse handles.
struct Touch {
    int id = -1;
    double last_y = 0;
};
Touch g_touch;

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    Web& w = web();
    double now = emscripten_get_now() / 1000.0;
    w.site->set_touch(true);
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART && g_touch.id < 0) {
            g_touch.id = t.identifier;
            g_touch.last_y = t.clientY;
            w.site->touch_begin();
        } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE && t.identifier == g_touch.id) {
            w.site->touch_drag(static_cast<float>(g_touch.last_y - t.clientY), now);
            g_touch.last_y = t.clientY;
        } else if ((type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) &&
                   t.identifier == g_touch.id) {
            w.site->touch_end(now);
            g_touch.id = -1;
        }
    }
    wake();
    return EM_FALSE;
}

ImGuiKey imgui_key(const char* code) {
    static const std::map<std::string, ImGuiKey> keys = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter},
        {"Escape", ImGuiKey_Escape}, {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
        {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt},
        {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
        {"KeyA", ImGuiKey_A}, {"KeyC", ImGuiKey_C}, {"KeyK", ImGuiKey_K}, {"KeyV", ImGuiKey_V},
        {"KeyX", ImGuiKey_X}, {"KeyZ", ImGuiKey_Z}, {"Slash", ImGuiKey_Slash},
    };
    auto it = keys.find(code);
    return it == keys.end() ? ImGuiKey_None : it->second;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
    ImGuiKey key = imgui_key(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
    // Printable characters go to text fields (the search box).
    if (down && !e->ctrlKey && !e->metaKey && std::strlen(e->key) > 0 && std::strlen(e->key) <= 4 &&
        static_cast<unsigned char>(e->key[0]) >= 0x20 && !(e->key[0] >= 'A' && e->key[0] <= 'Z' && e->key[1]))
        io.AddInputCharactersUTF8(e->key);
    wake();
    // Tab and Enter keep their native meaning: focus moves through the mirror's links
    // and buttons, and Enter follows a focused link.
    bool scrolls = key == ImGuiKey_PageUp || key == ImGuiKey_PageDown || key == ImGuiKey_Home || key == ImGuiKey_End ||
                   key == ImGuiKey_UpArrow || key == ImGuiKey_DownArrow || key == ImGuiKey_Space;
    // Ctrl/Cmd+K opens our search, not the browser's; "/" too; keys typed into the search
    // field must not also scroll or trigger browser shortcuts.
    bool ours = (key == ImGuiKey_K && (e->ctrlKey || e->metaKey)) || key == ImGuiKey_Slash || io.WantTextInput;
    bool typing_key = key != ImGuiKey_Tab;
    if (!web().ready_sent) return EM_FALSE;
    return (scrolls && !io.WantTextInput) || (ours && typing_key && !(e->ctrlKey && key == ImGuiKey_C)) ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    wake(2);
    return EM_FALSE;
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
    web().hidden = e->hidden;
    web().last_frame_ms = 0;
    if (!e->hidden) wake(2);
    return EM_FALSE;
}

EM_BOOL on_context_lost(int, const void*, void*) {
    web().gl_lost = true;
    return EM_TRUE;  // preventDefault: lets the browser restore the context
}

EM_BOOL on_context_restored(int, const void*, void*) {
    Web& w = web();
    w.gl_lost = false;
    emscripten_webgl_make_context_current(w.gl);
    // Every GL object died with the context: recreate the renderer's, and the atlas texture.
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGui_ImplOpenGL3_CreateFontsTexture();
    wake(2);
    return EM_FALSE;
}

}  // namespace

void start() {
    Web& w = web();
    static ui::Site site([] {
        ui::Hooks hooks;
        hooks.links_are_native = true;
        hooks.copy_text = js_copy;
        return hooks;
    }());
    w.site = &site;

    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_TRUE;
    attrs.antialias = EM_FALSE;  // imgui anti-aliases its own geometry
    attrs.premultipliedAlpha = EM_TRUE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    w.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (w.gl <= 0) {
        js_failed("WebGL 2 is not available in this browser");
        return;
    }
    emscripten_webgl_make_context_current(w.gl);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.SetClipboardTextFn = [](void*, const char* text) { js_copy(text); };
    ImGui_ImplOpenGL3_Init("#version 300 es");

    site.set_mirror(true);
    site.set_touch(js_coarse_pointer());
    site.set_system_dark(js_prefers_dark());
    int stored = js_stored_theme();
    if (stored >= 0 && stored <= 2) site.set_theme(static_cast<ui::ThemeChoice>(stored));
    w.theme_stored = stored < 0 ? 0 : stored;

    std::string route = js_initial_route();
    if (!route.empty()) site.navigate(route, ui::NavigationCause::initial);

    const char* doc = EMSCRIPTEN_EVENT_TARGET_DOCUMENT;
    emscripten_set_mousemove_callback(doc, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousedown_callback(doc, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(doc, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(doc, nullptr, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(doc, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(doc, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(doc, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(doc, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(doc, nullptr, EM_FALSE, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_context_restored);

    std::string error;
    w.profile_url = js_profile_url(&error);
    site.set_foreign_host(js_foreign_host());
    if (!error.empty())
        site.fail_profile(error, "?profile=");
    else
        fetch_profile();
    fetch_fonts();
}

}  // namespace platform::web

// --- called from web/page.js ---------------------------------------------------------------
using namespace platform::web;

extern "C" {

// A fetch finished: status 0 means a network error or the timeout, kFetchTooLarge a
// body over the limit js_fetch was given; `data` (malloc'd by page.js, or null) becomes
// ours. `content_type` helps explain non-JSON answers.
EMSCRIPTEN_KEEPALIVE void imfolio_fetch_done(int id, int status, char* data, int len, const char* content_type) {

    auto& w = web();
    std::string bytes = data ? std::string(data, static_cast<std::size_t>(len)) : std::string();
    std::free(data);
    if (id == kProfileFetch) {
        bool retry = (status == 0 || status >= 500) && w.profile_attempts < kProfileAttempts;
        if (retry) {
            // Backoff: 0.5 s, then 1.5 s.
            double delay = w.profile_attempts == 1 ? 500 : 1500;
            emscripten_set_timeout([](void*) { fetch_profile(); }, delay, nullptr);
            return;
        }
        if (status == 200) {
            std::string type = content_type ? content_type : "";
            std::string note = type.find("html") != std::string::npos
                                   ? "the server answered with an HTML page (" + type + "), not a JSON profile"
                                   : std::string();
            w.site->load_profile(bytes, w.profile_url, note);
        } else if (status == kFetchTooLarge) {
            std::size_t max = profile::default_limits().max_file_bytes;
            w.site->fail_profile("the profile is larger than the limit of " + std::to_string(max) + " bytes (" +
                                     std::to_string(max >> 20) + " MiB); it was not downloaded",
                                 w.profile_url);
        } else if (status == 0) {
            w.site->fail_profile("could not fetch the profile (network error or timeout after " +
                                     std::to_string(w.profile_attempts) + " attempts)",
                                 w.profile_url);
        } else {
            w.site->fail_profile("could not fetch the profile: HTTP " + std::to_string(status), w.profile_url);
        }
        fetch_fonts();
    } else {
        auto it = w.font_fetches.find(id);
        if (it == w.font_fetches.end()) return;
        if (status == 200)
            w.site->add_font_file(it->second, std::move(bytes));
        else
            w.site->font_file_failed(it->second);
        w.font_fetches.erase(it);
    }
    wake(2);
}

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

EMSCRIPTEN_KEEPALIVE void imfolio_retry() {
    auto& w = web();
    if (w.profile_url.empty()) return;
    w.profile_attempts = 0;
    w.failed_sent = false;
    platform::web::fetch_profile();
}

// window.imfolio.stats(): a JSON object (the string stays valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* imfolio_stats() {
    auto& w = web();
    const ui::Site& s = *w.site;
    std::string error = s.error_message();
    std::string esc;
    for (char c : error) {
        if (c == '"' || c == '\\') esc += '\\';
        if (static_cast<unsigned char>(c) >= 0x20) esc += c;
    }
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "{\"frames\":%lld,\"route\":\"%s\",\"missingGlyphs\":%d,\"ready\":%s,\"theme\":\"%s\","
                  "\"dpr\":%.3f,\"canvas\":[%d,%d],\"fontsPending\":%zu,\"problems\":%zu,\"nodes\":%zu,"
                  "\"scroll\":%.0f,\"scrollMax\":%.0f,\"error\":",
                  w.frames, s.page().route.c_str(), s.fonts().missing_glyphs(), w.ready_sent ? "true" : "false",
                  s.page().dark() ? "dark" : "light", w.dpr, w.fb_w, w.fb_h, w.font_fetches.size(),
                  s.profile().problems.size(), s.document().nodes().size(), std::round(s.page().scroll.y()),
                  std::max(0.0, static_cast<double>(s.content_height()) - w.css_h));
    w.stats = buf;
    w.stats += error.empty() ? "null" : "\"" + esc + "\"";
    w.stats += "}";
    return w.stats.c_str();
}

}  // extern "C"
