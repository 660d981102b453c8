// platform/web/web_gl.cpp: see web_gl.h. The state the page needs (blending for
// imgui's straight-alpha vertex colours, scissoring, no depth) is set once when the
// objects are made and never changes, since nothing else draws in this context.
#include "platform/web/web_gl.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include <GLES3/gl3.h>
#include <imgui.h>

namespace platform::web::gl {

namespace {

constexpr GLenum kCompletionStatus = 0x91B1;  // COMPLETION_STATUS_KHR (KHR_parallel_shader_compile)

// Attribute slots are fixed in the shader, so nothing needs to be looked up after linking.
// The viewport size is slot 3: a constant attribute (its array disabled), set per frame,
// which avoids uniforms and the synchronous location lookup they need.
const char* const kVertexShader = R"(#version 300 es
layout(location = 0) in vec2 pos;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 colour;
layout(location = 3) in vec2 viewport;
out highp vec2 v_uv;
out vec4 v_colour;
void main() {
    v_uv = uv;
    v_colour = colour;
    gl_Position = vec4(pos.x * 2.0 / viewport.x - 1.0, 1.0 - pos.y * 2.0 / viewport.y, 0.0, 1.0);
}
)";

// The atlas can be 4096 texels wide: its coordinates need highp, the colour does not.
const char* const kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in highp vec2 v_uv;
in vec4 v_colour;
out vec4 colour;
void main() { colour = v_colour * texture(atlas, v_uv); }
)";

struct Renderer {
    GLuint program = 0, vertex_shader = 0, fragment_shader = 0;
    GLuint vao = 0, vertices = 0, indices = 0;
    bool linked = false;  ///< the link status was read and is good
    bool failed = false;  ///< ... or bad: nothing can be drawn
    bool parallel = false;  ///< KHR_parallel_shader_compile is enabled
    GLuint atlas = 0;     ///< the texture frames draw with
    GLuint pending = 0;   ///< a texture still being filled (replaces `atlas` when complete)
    int pending_row = 0;  ///< rows of `pending` uploaded so far
};

Renderer& r() {
    static Renderer renderer;
    return renderer;
}

GLuint shader(GLenum kind, const char* source) {
    GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    return s;
}

}  // namespace

void create(bool parallel_compile) {
    Renderer& g = r();
    g = Renderer{};
    g.parallel = parallel_compile;
    g.vertex_shader = shader(GL_VERTEX_SHADER, kVertexShader);
    g.fragment_shader = shader(GL_FRAGMENT_SHADER, kFragmentShader);
    g.program = glCreateProgram();
    glAttachShader(g.program, g.vertex_shader);
    glAttachShader(g.program, g.fragment_shader);
    glLinkProgram(g.program);

    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vertices);
    glGenBuffers(1, &g.indices);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.indices);  // part of the vertex array's state
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE0);  // the sampler's default unit: it is never set
}

bool ready() {
    Renderer& g = r();
    if (g.linked || g.failed) return g.linked;
    if (g.parallel) {
        GLint done = 0;
        glGetProgramiv(g.program, kCompletionStatus, &done);
        if (!done) return false;
    }
    GLint ok = 0;
    glGetProgramiv(g.program, GL_LINK_STATUS, &ok);
    g.linked = ok != 0;
    g.failed = !g.linked;
    glDeleteShader(g.vertex_shader);
    glDeleteShader(g.fragment_shader);
    if (g.linked) glUseProgram(g.program);
    return g.linked;
}

namespace {

// The atlas's RGBA pixels as ui::FontLibrary's builder leaves them. Not GetTexDataAsRGBA32:
// its fallback, ImFontAtlas::Build(), would link imgui's own atlas builder and its default
// font (ProggyClean, 12 KB of base85) into the wasm, for an atlas this page never builds.
unsigned char* atlas_pixels(const ImFontAtlas& atlas, int& w, int& h) {
    w = atlas.TexWidth;
    h = atlas.TexHeight;
    return reinterpret_cast<unsigned char*>(atlas.TexPixelsRGBA32);
}

}  // namespace

void begin_atlas(ImFontAtlas& atlas) {
    Renderer& g = r();
    int w = 0, h = 0;
    if (!atlas_pixels(atlas, w, h)) return;
    if (g.pending) glDeleteTextures(1, &g.pending);
    glGenTextures(1, &g.pending);
    glBindTexture(GL_TEXTURE_2D, g.pending);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, w, h);
    g.pending_row = 0;
}

bool atlas_pending() { return r().pending != 0; }

bool upload_atlas_rows(ImFontAtlas& atlas, int max_rows) {
    Renderer& g = r();
    if (!g.pending) return true;
    int w = 0, h = 0;
    unsigned char* pixels = atlas_pixels(atlas, w, h);
    if (!pixels) return true;
    int rows = std::min(max_rows, h - g.pending_row);
    glBindTexture(GL_TEXTURE_2D, g.pending);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, g.pending_row, w, rows, GL_RGBA, GL_UNSIGNED_BYTE,
                    pixels + static_cast<std::size_t>(g.pending_row) * w * 4);
    g.pending_row += rows;
    if (g.pending_row < h) return false;
    if (g.atlas) glDeleteTextures(1, &g.atlas);
    g.atlas = g.pending;
    g.pending = 0;
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(g.atlas)));
    return true;
}

void draw(const ImDrawData* data, int fb_w, int fb_h) {
    Renderer& g = r();
    glViewport(0, 0, fb_w, fb_h);
    glScissor(0, 0, fb_w, fb_h);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!g.linked || !data || data->DisplaySize.x <= 0 || data->DisplaySize.y <= 0) return;
    glBindVertexArray(g.vao);
    glVertexAttrib2f(3, data->DisplaySize.x, data->DisplaySize.y);
    ImVec2 scale = data->FramebufferScale;
    GLuint bound = 0;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                // The page adds no callbacks; imgui's own "reset render state" needs nothing here.
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            ImVec2 min((cmd.ClipRect.x - data->DisplayPos.x) * scale.x, (cmd.ClipRect.y - data->DisplayPos.y) * scale.y);
            ImVec2 max((cmd.ClipRect.z - data->DisplayPos.x) * scale.x, (cmd.ClipRect.w - data->DisplayPos.y) * scale.y);
            if (max.x <= min.x || max.y <= min.y) continue;
            // GL counts rows from the bottom.
            glScissor(static_cast<int>(min.x), static_cast<int>(fb_h - max.y), static_cast<int>(max.x - min.x),
                      static_cast<int>(max.y - min.y));
            GLuint texture = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID()));
            if (texture != bound) {
                glBindTexture(GL_TEXTURE_2D, texture);
                bound = texture;
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
}

}  // namespace platform::web::gl
