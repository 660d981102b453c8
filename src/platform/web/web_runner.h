// platform/web/web_runner.h: the page (Emscripten, WebGL 2).
#pragma once

namespace platform::web {

// Sets everything up and returns; frames are driven by requestAnimationFrame from then on.
void start();

}  // namespace platform::web
