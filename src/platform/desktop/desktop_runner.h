// platform/desktop/desktop_runner.h: the desktop viewer (GLFW + OpenGL 3).
#pragma once

#include <string>

namespace platform {

// Opens a window showing the profile at `path`; returns the process exit code.
int run_desktop(const std::string& path);

}  // namespace platform
