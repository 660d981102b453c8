// app/cli.h: the imfolio command line (view, check, export, bench).
#pragma once

#include <string>
#include <vector>

namespace app {

int run_cli(const std::vector<std::string>& args);

// Verbs, each returning the process exit code.
int check(const std::string& path);
struct ExportOptions {
    std::string site_url;   // absolute URL the site is served at (canonical, sitemap)
    std::string profile_url = "data/profile.json";  // where the page fetches the profile
};
int export_site(const std::string& path, const std::string& dir, const ExportOptions& options);
struct BenchOptions {
    int frames = 600;
    float width = 1280, height = 800;
};
int bench(const std::string& path, const BenchOptions& options);

}  // namespace app
