// The one copy of stb_rect_pack and stb_truetype in the program. imgui is built with
// IMGUI_DISABLE_STB_*_IMPLEMENTATION and calls these, and so does ui/fonts.cpp, which
// builds the font atlas in resumable steps with them (imgui's own builder does it in one
// call, and keeps its copy private). Compiled as part of the imgui library (CMakeLists),
// with imgui's flags, and with the allocator imgui gives its own copy.
#include <imgui.h>

#define STBRP_ASSERT(x) IM_ASSERT(x)
#define STB_RECT_PACK_IMPLEMENTATION
#include <imstb_rectpack.h>

#define STBTT_malloc(x, u) ((void)(u), IM_ALLOC(x))
#define STBTT_free(x, u) ((void)(u), IM_FREE(x))
#define STBTT_assert(x) IM_ASSERT(x)
#define STB_TRUETYPE_IMPLEMENTATION
#include <imstb_truetype.h>
