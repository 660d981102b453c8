// app/cli.h: the imfolio command line (view, check, export, bench, theme-css, font-css, import).
#pragma once

#include <string>
#include <vector>

namespace app {

int run_cli(const std::vector<std::string>& args);

// Verbs, each returning the process exit code.
int check(const std::string& path);
int font_css(const std::string& path);
struct ExportOptions {
    std::string site_url;   // absolute URL the site is served at (canonical, sitemap)
    std::string profile_url = "data/profile.json";  // where the page fetches the profile
    bool pdf = false;        // also DIR/cv.pdf (scripts/cv-pdf.mjs), linked from the top bar
    std::string paper = "a4";  // cv.pdf's paper: "a4" or "letter"
};
int export_site(const std::string& path, const std::string& dir, const ExportOptions& options);
struct BenchOptions {
    // 0: as many frames as scrolling the whole page down and back up takes at a fast
    // fling's speed (48 CSS px a frame, at least 600 frames); N: the whole page in N frames.
    int frames = 0;
    float width = 1280, height = 800;
};
int bench(const std::string& path, const BenchOptions& options);

}  // namespace app
