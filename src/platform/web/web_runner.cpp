// platform/web/web_runner.cpp: the site in a browser canvas: start-up, the frame loop,
// WebGL 2 and the canvas's pixel size.
//
// Implements, on Emscripten's HTML5 API (not its GLFW emulation, which in Emscripten
// 3.1.6 has no devicePixelRatio support, raw wheel deltas, touch mapped to the last
// mouse position and empty clipboard stubs):
//   - a WebGL 2 context drawn by web_gl.cpp (imgui's own OpenGL 3 backend reads GL state
//     back every frame, a synchronous wait in a browser), the canvas backing store sized
//     to CSS size x devicePixelRatio on every frame (resize, zoom, moving between screens);
//   - frames only on demand: requestAnimationFrame is asked for when input arrives, a
//     fetch completes, or the UI is animating; an idle page draws nothing;
//   - the main thread kept free while starting: the font atlas is built in slices of a
//     few milliseconds, then copied to the GPU in bands of rows, each in a task of its
//     own, and only then is a frame drawn; so no task is long enough to delay a tap;
//   - WebGL context loss and restoration, and a hidden tab drawing nothing;
//   - after each frame, what the page around the canvas must learn (web_bridge.h):
//     mirror updates, history entries, the cursor, the theme, ready or failed.
// Does not implement: input (web_input.cpp), fetching (web_fetch.cpp), or the calls
// web/page.js makes (web_page.cpp).
#include "platform/web/web_runner.h"

#include <algorithm>
#include <cmath>

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "platform/web/web_bridge.h"
#include "platform/web/web_gl.h"
#include "platform/web/web_state.h"
#include "ui/site.h"

namespace platform::web {

Web& web() {
    static Web w;
    return w;
}

namespace {

// How much of the atlas's making one task may do: its glyphs are rasterised for about
// this long, then the task ends and the next one resumes (ui::FontLibrary::build_step);
// then it is copied to the GPU this many bytes per task. A phone throttled as Lighthouse
// does (4x) turns these into ~25 ms tasks, under the 50 ms that count as blocking.
constexpr double kFontStepMs = 6.0;
constexpr int kAtlasBytesPerTask = 1 << 18;

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
}

// The mirror's first document and imfolio.ready (the swap: the static page hidden, the
// canvas shown), a task after the first frame that shows the profile: building hundreds
// of elements and laying the page out again around them would double that frame's task.
void swap_in(void*) {
    Web& w = web();
    for (const std::string& diff : w.mirror_queue) js_document(diff);
    w.mirror_queue.clear();
    w.swap_pending = false;
    js_ready();
}

// Tells the page around the canvas what this frame changed.
void after_frame(const ui::FrameResult& r) {
    Web& w = web();
    if (r.shows_profile && !w.ready_sent) {
        w.ready_sent = true;
        w.swap_pending = true;
        post_task(swap_in, nullptr);
    }
    if (!r.document_diff.empty()) {
        if (w.swap_pending)
            w.mirror_queue.push_back(r.document_diff);  // in order, after the first
        else
            js_document(r.document_diff);
    }
    fetch_pictures();  // those the frame's views asked for (near the screen)
    float scroll = std::round(w.site->page().scroll.y());
    float height = std::round(w.site->content_height());
    if (scroll != w.scroll_sent || height != w.height_sent) {
        js_scroll(scroll, height);
        w.scroll_sent = scroll;
        w.height_sent = height;
    }
    if (w.zoom != w.zoom_sent) {
        js_zoom(w.zoom);
        w.zoom_sent = w.zoom;
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
    if (r.shows_profile && w.site->language() != w.lang_sent) {
        // The first language is the one chosen for the visitor; a later change is theirs.
        js_language(w.site->language(), !w.lang_sent.empty());
        w.lang_sent = w.site->language();
        fetch_fonts();  // the language shown may need other slices
    }
    if (!w.site->error_message().empty() && !w.site->profile().ok && !w.failed_sent) {
        w.failed_sent = true;
        js_failed(w.site->error_message());
    }
}

// One slice of the atlas's building per task (a zero timeout); when it is done, the upload.
void build_fonts_step(void*) {
    Web& w = web();
    w.build_pending = false;
    ImGuiIO& io = ImGui::GetIO();
    if (!w.site->step_fonts(*io.Fonts, kFontStepMs)) {
        schedule_font_step();
        return;
    }
    w.dpr = w.building_dpr;
    io.FontGlobalScale = 1.0f / w.dpr;
    if (!w.site->fonts_ready()) {
        wake(2);  // no font could be loaded: the frame shows what it can (an error page draws nothing)
        return;
    }
    if (w.gl <= 0 || w.gl_lost) return;  // making (or restoring) the context uploads it
    gl::begin_atlas(*io.Fonts);
    schedule_atlas_upload();
}

// One band of the atlas per task (a zero timeout), then a frame once all of it is there.
void upload_atlas_band(void*) {
    Web& w = web();
    w.upload_pending = false;
    if (w.gl_lost) return;  // restoring the context starts the upload again
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    int rows = std::max(1, kAtlasBytesPerTask / std::max(1, atlas.TexWidth * 4));
    if (gl::upload_atlas_rows(atlas, rows))
        wake(2);
    else
        schedule_atlas_upload();
}

EM_BOOL on_animation_frame(double now_ms, void*) {
    Web& w = web();
    w.frame_requested = false;
    if (w.gl <= 0 || w.gl_lost || w.hidden) return EM_FALSE;
    update_canvas_size();
    ImGuiIO& io = ImGui::GetIO();
    // The atlas is being made or copied to the GPU, in tasks of their own: frames wait
    // (the last one stays on screen) and the upload asks for one when it is done.
    if (w.site->fonts_building() || gl::atlas_pending()) return EM_FALSE;
    // Until the profile is in there is nothing to draw (the static page shows), so no atlas
    // is made for the UI's glyphs alone. A new one (new glyphs, or another pixel ratio)
    // starts here and is built by build_fonts_step.
    // The atlas is rasterised for device pixels per layout pixel: the screen's ratio times
    // the page's zoom. While fingers pinch, the last atlas is stretched (rasterising one a
    // frame would stall the pinch); when they lift, it is made sharp again.
    float target = static_cast<float>(emscripten_get_device_pixel_ratio()) * w.zoom;
    float atlas = w.pinch.active && w.dpr > 0 ? w.dpr : target;
    if (w.site->has_profile() && w.site->start_fonts(*io.Fonts, atlas)) {
        w.building_dpr = atlas;
        schedule_font_step();
        return EM_FALSE;
    }
    if (!w.site->fonts_ready() || !io.Fonts->IsBuilt()) return EM_FALSE;
    // The shaders compile while the profile and fonts load (check_shaders); if they are not
    // done, wait a frame.
    if (!gl::ready()) {
        request_frame();
        return EM_FALSE;
    }

    io.DisplaySize = ImVec2(static_cast<float>(w.css_w / w.zoom), static_cast<float>(w.css_h / w.zoom));
    io.DisplayFramebufferScale = ImVec2(w.fb_w / io.DisplaySize.x, w.fb_h / io.DisplaySize.y);
    // imgui asserts on a zero time step, and a long pause must not jump animations.
    float dt = w.last_frame_ms > 0 ? static_cast<float>((now_ms - w.last_frame_ms) / 1000.0) : 1.0f / 60.0f;
    io.DeltaTime = std::clamp(dt, 1.0f / 240.0f, 0.1f);
    w.last_frame_ms = now_ms;

    ImGui::NewFrame();
    ui::FrameResult r = w.site->frame(io.DisplaySize.x, io.DisplaySize.y, io.DeltaTime);
    ImGui::Render();
    gl::draw(ImGui::GetDrawData(), w.fb_w, w.fb_h);
    ++w.frames;
    after_frame(r);

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
    gl::create(emscripten_webgl_enable_extension(w.gl, "KHR_parallel_shader_compile"));
    if (w.site->fonts_ready()) {
        gl::begin_atlas(*ImGui::GetIO().Fonts);
        schedule_atlas_upload();
    }
    wake(2);
    return EM_FALSE;
}

// Whether the shaders are linked, asked in a task of its own soon after they were given to
// the GPU: without KHR_parallel_shader_compile the question waits for the GPU process to
// have done everything asked of it, which later (behind the atlas's upload) is much more.
void check_shaders(void*) {
    Web& w = web();
    if (w.gl <= 0 || w.gl_lost || gl::ready()) return;
    emscripten_set_timeout(check_shaders, 16, nullptr);
}

bool create_gl_context() {
    Web& w = web();
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_TRUE;
    attrs.antialias = EM_FALSE;  // imgui anti-aliases its own geometry
    attrs.premultipliedAlpha = EM_TRUE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    // Emscripten would otherwise ask for every extension the browser has, one call each;
    // the page needs only the one that lets it ask whether the shaders are compiled.
    attrs.enableExtensionsByDefault = EM_FALSE;
    w.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (w.gl <= 0) return false;
    emscripten_webgl_make_context_current(w.gl);
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_context_restored);
    gl::create(emscripten_webgl_enable_extension(w.gl, "KHR_parallel_shader_compile"));
    // boot.js left the canvas 1x1, so making the context did not also make a drawing
    // buffer of the screen's size (on a software GPU that is as long again, in proportion
    // to its pixels): the canvas gets its size in a task of its own, before the first frame.
    emscripten_get_canvas_element_size("#canvas", &w.fb_w, &w.fb_h);
    post_task([](void*) { update_canvas_size(); }, nullptr);
    post_task(check_shaders, nullptr);
    return true;
}

// The WebGL context, in a task after main(): making one waits for the GPU process (tens of
// milliseconds, more for the page's first), and main() has its own work. An atlas made
// meanwhile is copied to the GPU from here.
void start_gl(void*) {
    Web& w = web();
    if (!create_gl_context()) {
        js_unsupported("This browser cannot show the interactive page (it gave it no WebGL 2 context). The profile is below as text.");
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    if (w.site->fonts_ready() && io.Fonts->IsBuilt()) {
        gl::begin_atlas(*io.Fonts);
        schedule_atlas_upload();
    }
    wake(2);
}

void start_fonts_and_gl(void*) {
    fetch_fonts();
    post_task(start_gl, nullptr);
}

}  // namespace

void request_frame() {
    Web& w = web();
    if (w.frame_requested || w.hidden || w.gl_lost) return;
    w.frame_requested = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void schedule_font_step() {
    Web& w = web();
    if (w.build_pending) return;
    w.build_pending = true;
    post_task(build_fonts_step, nullptr);
}

void schedule_atlas_upload() {
    Web& w = web();
    if (w.upload_pending) return;
    w.upload_pending = true;
    post_task(upload_atlas_band, nullptr);
}

void wake(int frames) {
    web().wake_frames = std::max(web().wake_frames, frames);
    request_frame();
}

void start() {
    Web& w = web();
    static ui::Site site([] {
        ui::Hooks hooks;
        hooks.links_are_native = true;
        hooks.native_text_fields = true;
        hooks.native_selection = true;
        hooks.copy_text = js_copy;
        return hooks;
    }());
    w.site = &site;

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.SetClipboardTextFn = [](void*, const char* text) { js_copy(text); };
    io.BackendRendererName = "imfolio_webgl2";

    site.set_mirror(true);
    site.set_touch(js_coarse_pointer());
    site.set_owner_view(js_owner_view());
    site.set_language_preference(js_wanted_languages());
    site.set_system_dark(js_prefers_dark());
    int stored = js_stored_theme();
    if (stored >= 0 && stored <= 2) site.set_theme(static_cast<ui::ThemeChoice>(stored));
    w.theme_stored = stored < 0 ? 0 : stored;

    std::string route = js_initial_route();
    if (!route.empty()) site.navigate(route, ui::NavigationCause::initial);

    install_input();
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);

    std::string error;
    w.profile_url = js_profile_url(&error);
    site.set_foreign_host(js_foreign_host());
    // The site's own profile has its CV beside the page (scripts/build); a preview has none.
    if (js_own_profile()) site.set_cv_url(js_site_root() + "cv.pdf");
    if (!error.empty()) {
        site.fail_profile(error, "?profile=");
        post_task(start_fonts_and_gl, nullptr);
        return;
    }
    // The rest in tasks of their own, each short: asking for the profile, then for the
    // fonts, then the WebGL context.
    post_task(
        [](void*) {
            fetch_profile();
            post_task(start_fonts_and_gl, nullptr);
        },
        nullptr);
}

}  // namespace platform::web
