// `imfolio bench FILE`: what a profile costs, as `name value unit` lines.
//
// load_ms: read + parse + model (with the bibliographies merged), the median of five loads (load_first_ms: the first,
// which also pays for the process's first touch of its memory). Then headless frames (layout, draw lists, page
// document: everything but the GPU) while scrolling from the top to the bottom and
// back: frame_cpu_us_median / _p99, vertices_max. peak_rss_kib: the process's peak.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sys/resource.h>
#include <vector>

#include <imgui.h>

#include "app/cli.h"
#include "platform/desktop/files.h"
#include "ui/headless.h"

namespace app {

int bench(const std::string& path, const BenchOptions& o) {
    using clock = std::chrono::steady_clock;
    std::vector<double> loads;
    platform::ProfileFile profile_file;
    for (int run = 0; run < 5; ++run) {
        auto t0 = clock::now();
        profile_file = platform::load_profile_file(path);
        if (!profile_file.readable) {
            std::fprintf(stderr, "imfolio: cannot read %s: %s\n", path.c_str(), profile_file.error.c_str());
            return 2;
        }
        loads.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
        if (!profile_file.loaded.ok) {
            std::fprintf(stderr, "imfolio: %s is not a profile\n", path.c_str());
            return 1;
        }
    }
    double load_first_ms = loads.front();
    std::sort(loads.begin(), loads.end());
    double load_ms = loads[loads.size() / 2];

    ui::Headless h(o.width, o.height);
    h.site.show_profile(std::move(profile_file.loaded), profile_file.bytes);
    std::string fonts = platform::fonts_dir();
    h.load_fonts([&](const std::string& file) { return platform::read_file(fonts + "/files/" + file); });
    h.settle();

    // Down through the whole page and back up: every part of it is drawn. By default at
    // the pace of a fast fling; a page scrolled in leaps of thousands of pixels a frame
    // would measure something no visitor does.
    constexpr float kFlingPxPerFrame = 48.0f;
    float max_scroll = std::max(0.0f, h.site.content_height() - o.height);
    int frames = o.frames > 0 ? o.frames : std::max(600, static_cast<int>(std::ceil(2.0f * max_scroll / kFlingPxPerFrame)));
    std::vector<double> us;
    us.reserve(static_cast<std::size_t>(frames));
    int vertices_max = 0;
    for (int i = 0; i < frames; ++i) {
        float phase = static_cast<float>(i) / static_cast<float>(std::max(1, frames - 1)) * 2.0f;
        h.site.page().scroll.jump_to(max_scroll * (phase <= 1.0f ? phase : 2.0f - phase));
        auto a = clock::now();
        h.frame();
        us.push_back(std::chrono::duration<double, std::micro>(clock::now() - a).count());
        vertices_max = std::max(vertices_max, h.draw_data()->TotalVtxCount);
    }
    std::sort(us.begin(), us.end());
    auto pct = [&](double q) { return us[std::min(us.size() - 1, static_cast<std::size_t>(q * static_cast<double>(us.size())))]; };
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    std::printf("load_ms %.2f ms\n", load_ms);
    std::printf("load_first_ms %.2f ms\n", load_first_ms);
    std::printf("frame_cpu_us_median %.0f us\n", pct(0.5));
    std::printf("frame_cpu_us_p99 %.0f us\n", pct(0.99));
    std::printf("vertices_max %d vertices\n", vertices_max);
    std::printf("peak_rss_kib %ld KiB\n", ru.ru_maxrss);
    std::printf("frames %d frames\n", frames);
    std::printf("scroll_per_frame %.1f px\n", frames > 1 ? 2.0f * max_scroll / static_cast<float>(frames - 1) : 0.0f);
    std::printf("content_height %.0f px\n", h.site.content_height());
    return 0;
}

}  // namespace app
