// ui/headless.h: the site without a window or GPU, for tests, `bench` and `export`.
//
// Runs real ImGui frames (NewFrame/Render) at a chosen size; nothing is rasterised,
// but layout, the draw lists and the page document are exactly what a window gets.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "ui/site.h"

struct ImGuiContext;
struct ImDrawData;

namespace ui {

class Headless {
public:
    // Reads a font slice by file name; nullopt when it cannot be read.
    using FontReader = std::function<std::optional<std::string>(const std::string& file)>;

    Headless(float width, float height, float dpr = 1.0f, Hooks hooks = {});
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // Gives the site every slice it needs (synchronously) and builds the atlas; false when
    // there is no atlas to draw with. Where a slice cannot be read, imgui's own font stands
    // in, except in a build with IMFOLIO_NO_FALLBACK_FONT (the wasm, whose headless run,
    // the warm-up, has the real slices): there it would be 12 KB of dead weight.
    bool load_fonts(const FontReader& read);
    FrameResult frame(float dt = 1.0f / 60.0f);
    void resize(float width, float height) { width_ = width; height_ = height; }
    // Runs frames until nothing is animating (bounded); returns how many ran.
    int settle(int max_frames = 240);

    Site site;
    ImDrawData* draw_data() const;
    ImGuiContext* context() const { return ctx_; }

private:
    ImGuiContext* ctx_;
    float width_, height_, dpr_;
    FontReader reader_;
};

}  // namespace ui
