#include "app/cli.h"

#include "app/import_alfolio.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "app/static_html.h"
#include "platform/desktop/desktop_runner.h"
#include "platform/desktop/files.h"
#include "profile/load.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace app {

namespace {

constexpr const char* kUsage =
    "usage: imfolio [view] FILE              open the profile in a desktop window\n"
    "       imfolio check FILE               list sections and every problem; exit 0 ok, 1 errors, 2 unreadable\n"
    "                                        (FILE.bib: a BibTeX file alone, its publications)\n"
    "       imfolio export FILE DIR [--site-url URL] [--profile-url URL] [--pdf [--paper a4|letter]]\n"
    "                                        write DIR/index.html (static profile + page), sitemap.xml, robots.txt\n"
    "       imfolio bench FILE [--frames N] [--width W --height H]\n"
    "                                        headless frames while scrolling the whole page down and back\n"
    "                                        (by default at 48 px a frame; with N, in N frames); prints\n"
    "                                        `name value unit` lines\n"
    "       imfolio theme-css                the palettes as CSS custom properties (scripts/package\n"
    "                                        builds the site's stylesheet with them)\n"
    "       imfolio font-css FILE            @font-face rules for the font slices the profile needs\n"
    "                                        (the static page's fonts, in the site's stylesheet too)\n"
    "       imfolio import al-folio SITE_DIR OUT_DIR [--force]\n"
    "                                        OUT_DIR/profile.json, papers.bib and the files they name from an\n"
    "                                        al-folio site, and a report; exit 0 ok, 1 something failed (or\n"
    "                                        OUT_DIR/profile.json exists without --force), 2 not an al-folio site\n";

int usage(int code) {
    std::fputs(kUsage, code == 0 ? stdout : stderr);
    return code;
}

}  // namespace

int check(const std::string& path) {
    platform::ProfileFile file = platform::load_profile_file(path);
    if (!file.readable) {
        std::fprintf(stderr, "imfolio: cannot read %s: %s\n", path.c_str(), file.error.c_str());
        return 2;
    }
    profile::LoadResult& r = file.loaded;
    // The glyph limit belongs to the fonts, not the format, but a profile over it is
    // shown with boxes, so check says so too.
    std::size_t max_glyphs = profile::default_limits().max_glyphs;
    if (auto p = ui::glyph_limit_problem(ui::glyph_needs(r.profile, max_glyphs), file.bytes, max_glyphs))
        r.problems.push_back(std::move(*p));
    if (r.ok && file.bibliography_only) {
        std::printf("publications %zu\n", r.profile.publications.size());
    } else if (r.ok) {
        for (const auto& [section, n] : profile::section_counts(r.profile)) std::printf("%s %zu\n", section.c_str(), n);
    }
    for (const profile::Problem& p : r.problems) std::printf("%s\n", profile::format_problem(p, path).c_str());
    int errors = profile::count(r.problems, profile::Severity::error);
    int warnings = profile::count(r.problems, profile::Severity::warning);
    std::printf("%s: %d error%s, %d warning%s\n", path.c_str(), errors, errors == 1 ? "" : "s", warnings,
                warnings == 1 ? "" : "s");
    return errors > 0 || !r.ok ? 1 : 0;
}

int font_css(const std::string& path) {
    std::string error;
    auto bytes = platform::read_profile_file(path, &error);
    if (!bytes) {
        std::fprintf(stderr, "imfolio: cannot read %s: %s\n", path.c_str(), error.c_str());
        return 2;
    }
    profile::LoadResult r = profile::load_profile(*bytes, path);
    if (!r.ok) {
        std::fprintf(stderr, "imfolio: %s is not a profile\n", path.c_str());
        return 1;
    }
    std::string fonts = platform::fonts_dir();
    std::fputs(font_face_css(r.profile, [&](const std::string& file) { return platform::read_file(fonts + "/files/" + file); })
                   .c_str(),
               stdout);
    return 0;
}

int run_cli(const std::vector<std::string>& args) {
    if (args.empty()) return usage(2);
    const std::string& verb = args[0];
    if (verb == "-h" || verb == "--help" || verb == "help") return usage(0);
    if (verb == "theme-css" && args.size() == 1) {
        std::fputs(ui::palette_css().c_str(), stdout);
        return 0;
    }
    if (verb == "font-css") return args.size() == 2 ? font_css(args[1]) : usage(2);
    if (verb == "check") return args.size() == 2 ? check(args[1]) : usage(2);
    if (verb == "view") return args.size() == 2 ? platform::run_desktop(args[1]) : usage(2);
    if (verb == "export") {
        if (args.size() < 3) return usage(2);
        ExportOptions o;
        for (std::size_t i = 3; i < args.size(); ++i) {
            if (args[i] == "--site-url" && i + 1 < args.size())
                o.site_url = args[++i];
            else if (args[i] == "--profile-url" && i + 1 < args.size())
                o.profile_url = args[++i];
            else if (args[i] == "--pdf")
                o.pdf = true;
            else if (args[i] == "--paper" && i + 1 < args.size() && (args[i + 1] == "a4" || args[i + 1] == "letter"))
                o.paper = args[++i];
            else
                return usage(2);
        }
        return export_site(args[1], args[2], o);
    }
    if (verb == "bench") {
        if (args.size() < 2) return usage(2);
        BenchOptions o;
        for (std::size_t i = 2; i < args.size(); ++i) {
            bool has_value = i + 1 < args.size();
            if (args[i] == "--frames" && has_value)
                o.frames = std::max(1, std::atoi(args[++i].c_str()));
            else if (args[i] == "--width" && has_value)
                o.width = static_cast<float>(std::atof(args[++i].c_str()));
            else if (args[i] == "--height" && has_value)
                o.height = static_cast<float>(std::atof(args[++i].c_str()));
            else
                return usage(2);
        }
        if (o.width < 200 || o.height < 200) {
            std::fprintf(stderr, "imfolio: --width and --height must be at least 200\n");
            return 2;
        }
        return bench(args[1], o);
    }
    if (verb == "import") {
        if (args.size() < 4 || args[1] != "al-folio") return usage(2);
        ImportOptions o;
        for (std::size_t i = 4; i < args.size(); ++i) {
            if (args[i] == "--force")
                o.force = true;
            else
                return usage(2);
        }
        return import_alfolio(args[2], args[3], o);
    }
    if (args.size() == 1 && verb.rfind("-", 0) != 0) return platform::run_desktop(verb);
    return usage(2);
}

}  // namespace app
