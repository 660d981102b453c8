// platform/web/web_gl.h: drawing imgui's draw lists with WebGL 2, without ever asking
// the context for its state.
//
// imgui's own OpenGL 3 backend saves and restores every piece of GL state around each
// frame (about twenty glGet/glIsEnabled calls) because it may share a context with
// other renderers. In a browser each such query is a synchronous round trip to the GPU
// process, which first finishes everything queued before it: the main thread waits for
// the previous frame to be drawn. Chromium's software GL (SwiftShader, headless) makes
// that wait tens of milliseconds; on phones it is a pipeline stall. The page owns its
// context, so this renderer sets the state it needs and never reads any back.
//
// The atlas upload is split into bands of rows (upload_atlas_rows), so no single task
// copies a whole atlas (tens of MB at a phone's pixel ratio) into the command buffer.
#pragma once

struct ImDrawData;
struct ImFontAtlas;

namespace platform::web::gl {

// Creates the program, buffers and vertex layout in the current context. Compiling is
// left running: its status is read at the first frame, by when it has long finished;
// with KHR_parallel_shader_compile enabled (`parallel_compile`) ready() can even ask
// without waiting. Also after a context loss: every object died with the old context.
void create(bool parallel_compile);

// Whether the program is linked (false while compiling, or after a failure).
bool ready();

// Starts uploading the atlas's pixels (RGBA32, built) into a new texture. Frames must not
// be drawn until upload_atlas_rows() says it is complete: the glyphs' places changed.
void begin_atlas(ImFontAtlas& atlas);
// Uploads up to `max_rows` more rows; returns true once the whole atlas is on the GPU
// (and the atlas's TexID names it).
bool upload_atlas_rows(ImFontAtlas& atlas, int max_rows);
bool atlas_pending();

// Draws a frame into the canvas's framebuffer (fb_w x fb_h device pixels).
void draw(const ImDrawData* data, int fb_w, int fb_h);

}  // namespace platform::web::gl
