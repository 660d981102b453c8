// platform/web/web_warm.cpp: the code the page runs first, run once beforehand in a Web
// Worker, so that the browser compiles it there instead of on the main thread.
//
// Chromium compiles a WebAssembly function the first time it is called, on the thread
// that calls it (lazy compilation). Starting the page calls some 1,200 functions for the
// first time: the profile reader, the font rasteriser, imgui, every view. Compiled on the
// main thread that cost hundreds of milliseconds of tasks during which a tap did nothing.
// Compiled code belongs to the module, which web/boot.js shares with a worker: the worker
// instantiates it with stand-in imports and calls imfolio_warm_up(), which lays the
// profile out headlessly with the real fonts, as the page will; by the time the page's
// own frames call those functions they are compiled. Browsers that compile eagerly lose
// nothing but a little work on another thread.
//
// Runs only in the worker. Its inputs (the profile, font slices) come from the worker's
// imports below; in the page these imports are never called.
#include <cstdlib>
#include <optional>
#include <string>

#include <emscripten.h>
#include <imgui.h>

#include "platform/web/web_gl.h"
#include "ui/headless.h"

// clang-format off
// How many inputs the worker has (the profile first, then font slices), one's size, its
// bytes (copied to `out`), and a slice's file name. Implemented by web/boot.js's worker.
EM_JS(int, imfolio_js_warm_count, (), { return 0; });
EM_JS(int, imfolio_js_warm_size, (int index), { return 0; });
EM_JS(void, imfolio_js_warm_copy, (int index, char* out), {});
EM_JS(int, imfolio_js_warm_name, (int index, char* out, int capacity), { return 0; });
// clang-format on

namespace {

std::string input(int index) {
    std::string bytes(static_cast<std::size_t>(imfolio_js_warm_size(index)), '\0');
    if (!bytes.empty()) imfolio_js_warm_copy(index, bytes.data());
    return bytes;
}

}  // namespace

extern "C" {

// Called by the worker (with 1; 0 does nothing): lays the profile out as a 1280 x 800
// page and draws it, twice (the second frame takes the paths a settled page takes),
// recording the mirror's document diffs, then runs the renderer's calls.
EMSCRIPTEN_KEEPALIVE int imfolio_warm_up(int run) {
    if (!run || imfolio_js_warm_count() < 1) return 0;
    // At a quarter pixel ratio the glyphs are tiny: the same code, a fraction of the work.
    ui::Headless h(1280, 800, 0.25f);
    h.site.set_mirror(true);
    h.site.load_profile(input(0), "warm-up");
    int count = imfolio_js_warm_count();
    bool fonts = h.load_fonts([&](const std::string& file) -> std::optional<std::string> {
        char name[256];
        for (int i = 1; i < count; ++i) {
            int n = imfolio_js_warm_name(i, name, sizeof name);
            if (n > 0 && file == std::string(name, static_cast<std::size_t>(n))) return input(i);
        }
        return std::nullopt;
    });
    if (!fonts) return 0;
    h.frame();
    h.frame();
    // The renderer's own calls (their GL imports do nothing here).
    platform::web::gl::create(false);
    platform::web::gl::ready();
    platform::web::gl::begin_atlas(*ImGui::GetIO().Fonts);
    platform::web::gl::upload_atlas_rows(*ImGui::GetIO().Fonts, 1 << 20);
    platform::web::gl::draw(h.draw_data(), 1280, 800);
    return 1;
}

}  // extern "C"
