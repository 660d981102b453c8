// platform/desktop/desktop_runner.cpp: the desktop viewer.
//
// Implements: a GLFW window with an OpenGL 3.2 core context, imgui's GLFW and OpenGL3
// backends, the monitor's content scale (fonts rasterised at device pixels, layout in
// logical pixels), wheel scrolling through ui::Site (about three lines a notch),
// opening links with xdg-open, the clipboard, waiting for events when idle, and the
// profile's pictures from files beside it (decoded with stb_image, its own static copy:
// fonts.cpp's reads PNG only).
// Does not implement: touch (GLFW has none), reloading the file when it changes, pictures
// from other hosts (the viewer has no HTTP client: they are reported as not shown).
#include "platform/desktop/desktop_runner.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <spawn.h>
#include <sys/wait.h>

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#endif
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_NO_STDIO
#include <stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "platform/desktop/files.h"
#include "ui/site.h"

extern char** environ;

namespace platform {

namespace {

// All state of the viewer, reachable from GLFW callbacks through the window user pointer.
struct Desktop {
    GLFWwindow* window = nullptr;
    ui::Site* site = nullptr;
    float layout_scale = 1.0f;  // window coordinates per layout pixel (X11 with a content scale)
    int wake_frames = 3;        // frames still to draw after the last event
};

Desktop& state(GLFWwindow* w) { return *static_cast<Desktop*>(glfwGetWindowUserPointer(w)); }

// Opens a link in the user's browser without a shell, so the URL is never interpreted.
void open_url(const std::string& url) {
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    pid_t pid;
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char**>(argv), environ) == 0) {
        int status;
        waitpid(pid, &status, WNOHANG);
    }
}

// Logical pixel ratio: the framebuffer already scaled by the OS (macOS, Wayland), or
// the monitor's content scale when the OS leaves scaling to us (X11).
void update_scale(Desktop& d, float& dpr) {
    int ww, wh, fw, fh;
    glfwGetWindowSize(d.window, &ww, &wh);
    glfwGetFramebufferSize(d.window, &fw, &fh);
    float fb_scale = ww > 0 ? static_cast<float>(fw) / static_cast<float>(ww) : 1.0f;
    float cx = 1, cy = 1;
    glfwGetWindowContentScale(d.window, &cx, &cy);
    d.layout_scale = fb_scale > 1.01f ? 1.0f : std::max(1.0f, cx);
    dpr = fb_scale > 1.01f ? fb_scale : d.layout_scale;
}

void install_callbacks(GLFWwindow* w) {
    glfwSetWindowFocusCallback(w, [](GLFWwindow* win, int focused) {
        ImGui_ImplGlfw_WindowFocusCallback(win, focused);
        state(win).wake_frames = 3;
    });
    glfwSetCursorEnterCallback(w, [](GLFWwindow* win, int entered) {
        ImGui_ImplGlfw_CursorEnterCallback(win, entered);
        state(win).wake_frames = 3;
    });
    glfwSetCursorPosCallback(w, [](GLFWwindow* win, double x, double y) {
        float s = state(win).layout_scale;
        ImGui_ImplGlfw_CursorPosCallback(win, x / s, y / s);
        state(win).wake_frames = 3;
    });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int button, int action, int mods) {
        ImGui_ImplGlfw_MouseButtonCallback(win, button, action, mods);
        state(win).wake_frames = 3;
    });
    glfwSetScrollCallback(w, [](GLFWwindow* win, double, double dy) {
        // One notch is 1.0: about three lines of body text.
        state(win).site->scroll_by(static_cast<float>(-dy * 80.0));
        state(win).wake_frames = 3;
    });
    glfwSetKeyCallback(w, [](GLFWwindow* win, int key, int scancode, int action, int mods) {
        ImGui_ImplGlfw_KeyCallback(win, key, scancode, action, mods);
        state(win).wake_frames = 3;
    });
    glfwSetCharCallback(w, [](GLFWwindow* win, unsigned int c) {
        ImGui_ImplGlfw_CharCallback(win, c);
        state(win).wake_frames = 3;
    });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* win) { state(win).wake_frames = 3; });
    glfwSetWindowContentScaleCallback(w, [](GLFWwindow* win, float, float) { state(win).wake_frames = 3; });
}

// Writes the back buffer as a binary PPM (no image library needed to read it).
void write_screenshot(int w, int h, const char* path) {
    if (!path || !*path) return;
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, px.data());
    if (FILE* f = std::fopen(path, "wb")) {
        std::fprintf(f, "P6\n%d %d\n255\n", w, h);
        for (int y = h - 1; y >= 0; --y) std::fwrite(px.data() + static_cast<std::size_t>(y) * w * 3, 1, static_cast<std::size_t>(w) * 3, f);
        std::fclose(f);
    }
}

}  // namespace

// The pictures the frame's views asked for: read beside the profile, checked like the
// web's (ui::picture_refusal), decoded and uploaded as textures.
// Returns whether any picture answered (the next frame shows it, or the notice).
bool load_pictures(ui::Site& site, const std::string& profile_path) {
    std::string folder = profile_path.substr(0, profile_path.rfind('/') + 1);
    std::vector<std::string> wanted = site.pictures().take_wanted();
    for (const std::string& url : wanted) {
        if (url.find("://") != std::string::npos || url.empty() || url[0] == '/') {
            site.pictures().failed(url, "the desktop viewer shows only pictures beside the profile");
            continue;
        }
        std::string error;
        auto bytes = read_file(folder + url, &error, profile::default_limits().max_picture_bytes + 1);
        if (!bytes) {
            site.pictures().failed(url, error);
            continue;
        }
        std::string refused = ui::picture_refusal(*bytes);
        if (!refused.empty()) {
            site.pictures().failed(url, refused);
            continue;
        }
        int w = 0, h = 0, channels = 0;
        unsigned char* px = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes->data()),
                                                  static_cast<int>(bytes->size()), &w, &h, &channels, 4);
        if (!px) {
            site.pictures().failed(url, "it could not be decoded");
            continue;
        }
        GLuint texture = 0;
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, px);
        stbi_image_free(px);
        site.pictures().loaded(url, reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)), w, h);
    }
    return !wanted.empty();
}

int run_desktop(const std::string& path) {
    ProfileFile profile_file = load_profile_file(path);
    if (!profile_file.readable) {
        std::fprintf(stderr, "imfolio: cannot read %s: %s\n", path.c_str(), profile_file.error.c_str());
        return 2;
    }
    if (!glfwInit()) {
        std::fprintf(stderr, "imfolio: cannot open a window (no display?)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    Desktop d;
    d.window = glfwCreateWindow(1200, 860, "imfolio", nullptr, nullptr);
    if (!d.window) {
        std::fprintf(stderr, "imfolio: cannot create an OpenGL 3.2 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(d.window);
    glfwSwapInterval(1);

    ui::Hooks hooks;
    hooks.open_url = open_url;
    hooks.copy_text = [&d](const std::string& text) { glfwSetClipboardString(d.window, text.c_str()); };
    ui::Site site(hooks);
    d.site = &site;
    glfwSetWindowUserPointer(d.window, &d);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(d.window, false);
    install_callbacks(d.window);
    ImGui_ImplOpenGL3_Init("#version 150");

    // Live editing: the profile and the files it names are watched; a save is shown in
    // place (same section, same scroll position) and said on the terminal.
    std::vector<std::string> watched = profile_files(path, profile_file);
    std::vector<long long> written = modification_times(watched);
    double last_check = glfwGetTime();
    auto load_fonts = [&site] {
        std::string dir = fonts_dir();
        for (const std::string& file : site.font_files_needed()) {
            if (auto font = read_file(dir + "/files/" + file))
                site.add_font_file(file, std::move(*font));
            else
                site.font_file_failed(file);
        }
    };
    auto reload_if_saved = [&] {
        std::vector<long long> now = modification_times(watched);
        if (now == written) return false;
        written = now;
        ProfileFile again = load_profile_file(path);
        if (!again.readable) return false;  // half-written, or gone for a moment: the next check sees it
        watched = profile_files(path, again);
        written = modification_times(watched);
        std::size_t problems = again.loaded.problems.size();
        std::size_t publications = again.loaded.profile.publications.size();
        site.show_profile(std::move(again.loaded), again.bytes, true);
        load_fonts();
        d.wake_frames = 3;
        std::printf("imfolio: reloaded %s: %zu publications, %zu problems\n", path.c_str(), publications, problems);
        std::fflush(stdout);
        return true;
    };
    site.set_owner_view(true);  // the viewer is the owner's: problems are listed above the page
    site.show_profile(std::move(profile_file.loaded), profile_file.bytes);
    std::string title = site.profile().profile.basics.name.empty() ? std::string("imfolio")
                                                                   : site.profile().profile.basics.name + " \u2014 imfolio";
    glfwSetWindowTitle(d.window, title.c_str());
    load_fonts();

    // IMFOLIO_VIEW_FRAMES=N: draw N frames, save nothing, exit 0 (tests run the viewer
    // under Xvfb this way; IMFOLIO_VIEW_SCREENSHOT=FILE.ppm also writes the last frame).
    const char* frames_env = std::getenv("IMFOLIO_VIEW_FRAMES");
    long frame_limit = frames_env ? std::strtol(frames_env, nullptr, 10) : 0;
    long frames = 0;
    float dpr = 0;
    double last = glfwGetTime();
    constexpr double kWatchSeconds = 0.25;
    bool fonts_changed = false;
    while (!glfwWindowShouldClose(d.window) && (frame_limit <= 0 || frames < frame_limit)) {
        if (glfwGetTime() - last_check >= kWatchSeconds) {
            last_check = glfwGetTime();
            fonts_changed = reload_if_saved() || fonts_changed;
        }
        float new_dpr = 1;
        update_scale(d, new_dpr);
        if (new_dpr != dpr || fonts_changed) {
            fonts_changed = false;
            dpr = new_dpr;
            if (site.update_fonts(*io.Fonts, dpr) || !io.Fonts->IsBuilt()) {
                if (io.Fonts->Fonts.empty()) io.Fonts->AddFontDefault();
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            io.FontGlobalScale = 1.0f / dpr;
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        float s = d.layout_scale;
        io.DisplaySize = ImVec2(io.DisplaySize.x / s, io.DisplaySize.y / s);
        io.DisplayFramebufferScale = ImVec2(io.DisplayFramebufferScale.x * s, io.DisplayFramebufferScale.y * s);
        double now = glfwGetTime();
        io.DeltaTime = static_cast<float>(std::max(1e-4, now - last));  // imgui asserts on a zero step
        last = now;
        ImGui::NewFrame();
        ui::FrameResult r = site.frame(io.DisplaySize.x, io.DisplaySize.y, io.DeltaTime);
        ImGui::Render();
        if (load_pictures(site, path)) d.wake_frames = std::max(d.wake_frames, 2);
        int fw, fh;
        glfwGetFramebufferSize(d.window, &fw, &fh);
        glViewport(0, 0, fw, fh);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (++frames == frame_limit) write_screenshot(fw, fh, std::getenv("IMFOLIO_VIEW_SCREENSHOT"));
        glfwSwapBuffers(d.window);

        if (r.animating || frame_limit > 0) d.wake_frames = std::max(d.wake_frames, 1);
        if (d.wake_frames > 0) {
            --d.wake_frames;
            glfwPollEvents();
        } else {
            // Idle: no frames until something happens (every callback sets wake_frames), a
            // timer is due (the caret blinking) or a file was saved; meanwhile the files are
            // looked at every kWatchSeconds, and nothing is drawn.
            double due = r.wake_in > 0 ? glfwGetTime() + r.wake_in : 0;
            while (d.wake_frames == 0 && !glfwWindowShouldClose(d.window)) {
                double wait = kWatchSeconds;
                if (due > 0) wait = std::min(wait, due - glfwGetTime());
                if (wait > 0) glfwWaitEventsTimeout(wait);
                if (due > 0 && glfwGetTime() >= due) break;
                last_check = glfwGetTime();
                if (reload_if_saved()) {
                    fonts_changed = true;
                    break;
                }
            }
        }
    }
    if (frame_limit > 0) {
        std::printf("drew %ld frames; %d glyphs missing\n", frames, site.fonts().missing_glyphs());
        std::fflush(stdout);  // said before anything at exit can end the process (a sanitizer's leak report)
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(d.window);
    glfwTerminate();
    return 0;
}

}  // namespace platform
