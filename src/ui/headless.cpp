#include "ui/headless.h"

#include <imgui.h>

namespace ui {

Headless::Headless(float width, float height, float dpr, Hooks hooks)
    : site(std::move(hooks)), width_(width), height_(height), dpr_(dpr) {
    ctx_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

Headless::~Headless() {
    ImGui::SetCurrentContext(ctx_);
    ImGui::DestroyContext(ctx_);
}

bool Headless::load_fonts(const FontReader& read) {
    reader_ = read;
    ImGui::SetCurrentContext(ctx_);
    for (const std::string& file : site.font_files_needed()) {
        if (auto bytes = read(file))
            site.add_font_file(file, std::move(*bytes));
        else
            site.font_file_failed(file);
    }
    ImGuiIO& io = ImGui::GetIO();
    site.update_fonts(*io.Fonts, dpr_);
    io.FontGlobalScale = 1.0f / dpr_;
#ifdef IMFOLIO_NO_FALLBACK_FONT
    return site.fonts_ready() && io.Fonts->IsBuilt();
#else
    if (!site.fonts_ready() && io.Fonts->Fonts.empty()) io.Fonts->AddFontDefault();
    if (!io.Fonts->IsBuilt()) {
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    return true;
#endif
}

FrameResult Headless::frame(float dt) {
    ImGui::SetCurrentContext(ctx_);
    ImGuiIO& io = ImGui::GetIO();
    // A profile loaded since the last frame may need more slices.
    if (reader_ && !site.font_files_needed().empty()) load_fonts(reader_);
    io.DisplaySize = ImVec2(width_, height_);
    io.DisplayFramebufferScale = ImVec2(dpr_, dpr_);
    io.DeltaTime = dt > 0 ? dt : 1.0f / 60.0f;
    ImGui::NewFrame();
    FrameResult r = site.frame(width_, height_, io.DeltaTime);
    ImGui::Render();
    return r;
}

int Headless::settle(int max_frames) {
    int n = 0;
    while (n < max_frames) {
        ++n;
        if (!frame().animating && n >= 3) break;
    }
    return n;
}

ImDrawData* Headless::draw_data() const { return ImGui::GetDrawData(); }

}  // namespace ui
