// `imfolio export FILE DIR`: the page with the whole profile in it as static HTML, for
// search engines, link previews, screen readers before the wasm loads, and visitors
// without JavaScript or WebGL2. The canvas takes over once the app is ready.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <dirent.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/static_html.h"
#include "platform/desktop/files.h"
#include "profile/date.h"
#include "profile/translation.h"
#include "profile/words.h"
#include "ui/headless.h"
#include "ui/theme.h"

namespace app {

extern const std::string_view kShellHtml;

namespace {

// The first file in `dir` named PREFIX.<hash>.EXT (scripts/build gives assets content hashes).
std::string find_asset(const std::string& dir, const std::string& prefix, const std::string& ext) {
    std::vector<std::string> found;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            std::string name = e->d_name;
            if (name.size() > prefix.size() + ext.size() + 1 && name.rfind(prefix + ".", 0) == 0 &&
                name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
                found.push_back(name);
        }
        closedir(d);
    }
    std::sort(found.begin(), found.end());
    return found.empty() ? prefix + ext : found.front();
}

// Up to `max` bytes, cut at a word boundary, with an ellipsis.
std::string clip(const std::string& s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t cut = s.rfind(' ', max);
    if (cut == std::string::npos || cut < max / 2) cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return s.substr(0, cut) + "\u2026";
}

bool make_dirs(const std::string& path) {
    for (std::size_t i = 1; i <= path.size(); ++i) {
        if (i < path.size() && path[i] != '/') continue;
        std::string part = path.substr(0, i);
        struct stat st;
        if (stat(part.c_str(), &st) != 0 && mkdir(part.c_str(), 0755) != 0) return false;
    }
    return true;
}

// A relative path with "." and ".." resolved, or "" when it climbs out of where it starts.
std::string within(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part == "..") {
            if (parts.empty()) return {};
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

}  // namespace

int export_site(const std::string& path, const std::string& dir, const ExportOptions& options) {
    std::string error;
    platform::ProfileFile profile_file = platform::load_profile_file(path);
    if (!profile_file.readable) {
        std::fprintf(stderr, "imfolio: cannot read %s: %s\n", path.c_str(), profile_file.error.c_str());
        return 2;
    }
    if (!make_dirs(dir)) {
        std::fprintf(stderr, "imfolio: cannot create %s\n", dir.c_str());
        return 2;
    }

    // Lay the page out headlessly, as a wide screen shows it, and take its document.
    ui::Headless h(1280, 800);
    h.site.page().static_export = true;
    h.site.set_virtualize(false);  // the static page lists every entry
    if (options.pdf) h.site.set_cv_url("cv.pdf");
    std::vector<profile::BibliographyRef> bibliography = profile_file.loaded.bibliography;
    h.site.show_profile(std::move(profile_file.loaded), profile_file.bytes);
    const profile::LoadResult& loaded = h.site.profile();
    // The owner builds the site: the problems are theirs to see (the deployed page shows
    // its visitors none).
    for (const auto& p : loaded.problems) std::fprintf(stderr, "%s\n", profile::format_problem(p, path).c_str());
    if (!loaded.ok) {
        return 1;
    }
    std::string fonts = platform::fonts_dir();
    h.load_fonts([&](const std::string& file) { return platform::read_file(fonts + "/files/" + file); });
    // Without fonts nothing is laid out, and the page would go out with no static profile.
    if (!h.site.fonts_ready()) {
        std::fprintf(stderr, "imfolio: no font slices in %s/files (set IMFOLIO_FONTS)\n", fonts.c_str());
        return 2;
    }
    h.frame();
    const profile::Profile& p = loaded.profile;
    const profile::Basics& b = p.basics;

    std::string site_url = options.site_url;
    if (!site_url.empty() && site_url.back() != '/') site_url += '/';

    // Pictures are relative to the profile; the top page sees the profile at options.profile_url.
    std::string picture_root = options.profile_url.substr(0, options.profile_url.rfind('/') + 1);

    // One page per language: the first at the top, each other in a folder named by its tag.
    struct Page {
        std::string tag;   // "zh-Hans"
        std::string path;  // "index.html", "zh-Hans/index.html"
        std::string root;  // "" or "../": from the page to the site's top folder
        std::string url;   // its address: absolute with --site-url, else relative to the top folder
    };
    std::vector<Page> pages;
    for (const std::string& tag : h.site.languages()) {
        bool first = pages.empty();
        std::string folder = first ? std::string() : tag + "/";
        pages.push_back(Page{tag, folder + "index.html", first ? "" : "../", site_url + folder});
    }
    std::string wasm = find_asset(dir, "imfolio", ".wasm");
    struct stat wasm_stat {};
    std::string wasm_bytes = std::to_string(stat((dir + "/" + wasm).c_str(), &wasm_stat) == 0 ? wasm_stat.st_size : 0);
    // The split's second half (scripts/package), if the site has one.
    std::string deferred = find_asset(dir, "imfolio-deferred", ".wasm");
    if (stat((dir + "/" + deferred).c_str(), &wasm_stat) != 0) deferred.clear();
    std::string html;  // the first page's, whose size is reported
    bool ok = true;
    for (const Page& page : pages) {
        if (&page != &pages.front()) {
            h.site.set_language(page.tag);
            if (options.pdf) h.site.set_cv_url(page.root + "cv.pdf");
            h.load_fonts([&](const std::string& file) { return platform::read_file(fonts + "/files/" + file); });
            h.frame();
        }
        const profile::Profile& lp = profile::profile_in(loaded, page.tag);
        const profile::Basics& lb = lp.basics;
        std::string label = lb.label.substr(0, lb.label.find(". "));
        std::string title = lb.name.empty() ? std::string("Profile") : lb.name;
        if (!label.empty()) title += " | " + label;
        std::string description =
            clip(!lb.research_interests.empty() ? lb.research_interests : !lb.summary.empty() ? lb.summary.text : lb.label, 200);

        std::string head;
        auto meta = [&](const char* attr, const char* key, const std::string& value) {
            if (!value.empty()) head += std::string("<meta ") + attr + "=\"" + key + "\" content=\"" + html_escape(value) + "\">\n";
        };
        meta("name", "description", description);
        meta("name", "author", lb.name);
        meta("property", "og:type", "profile");
        meta("property", "og:title", title);
        meta("property", "og:description", description);
        meta("property", "og:url", site_url.empty() ? std::string() : page.url);
        meta("property", "og:site_name", lb.name);
        if (!lb.image.empty()) {
            meta("property", "og:image", picture_address(lb.image, picture_root, site_url));
            meta("property", "og:image:alt", lb.name.empty() ? std::string("Photo") : "Photo of " + lb.name);
        }
        auto space = lb.name.find(' ');
        if (space != std::string::npos) {
            meta("property", "profile:first_name", lb.name.substr(0, space));
            meta("property", "profile:last_name", lb.name.substr(space + 1));
        }
        meta("name", "twitter:card", "summary");
        meta("name", "twitter:title", title);
        meta("name", "twitter:description", description);
        if (!site_url.empty()) head += "<link rel=\"canonical\" href=\"" + html_escape(page.url) + "\">\n";
        if (pages.size() > 1) {
            // Each language names every one, itself included, and the first as the default.
            auto href = [&](const Page& to) { return site_url.empty() ? page.root + to.url : to.url; };
            for (const Page& other : pages)
                head += "<link rel=\"alternate\" hreflang=\"" + html_escape(other.tag) + "\" href=\"" +
                        html_escape(href(other)) + "\">\n";
            head += "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + html_escape(href(pages.front())) + "\">\n";
        }
        // The static page's fonts (the same slices the canvas rasterises, declared in the
        // stylesheet by `imfolio font-css`) start downloading with the page: its text waits
        // for them (font-display: block) rather than showing in a font the canvas would then
        // replace. The profile is preloaded too, below (a few KiB, and not render-blocking);
        // the canvas's other slices are fetched by boot.js's worker once the page is painted.
        std::string font_list;
        for (const std::string& f : h.site.font_files_for_profile()) font_list += (font_list.empty() ? "" : ",") + f;
        for (const std::string& f : font_face_files(lp)) {
            const char* type = f.size() > 4 && f.compare(f.size() - 4, 4, ".ttf") == 0 ? "font/ttf" : "font/otf";
            head += "<link rel=\"preload\" href=\"" + page.root + "fonts/" + html_escape(f) + "\" as=\"font\" type=\"" +
                    type + "\" crossorigin>\n";
        }
        // Without the app the switcher and the CV are plain links in the static top bar.
        std::vector<StaticLink> bar_links;
        const profile::Words& words = profile::words_for(page.tag);
        if (options.pdf) bar_links.push_back({std::string(words[profile::Word::cv_pdf]), page.root + "cv.pdf", {}});
        for (const Page& other : pages)
            if (&other != &page)
                bar_links.push_back({std::string(profile::words_for(other.tag).name),
                                     &other == &pages.front() ? (page.root.empty() ? std::string("./") : page.root)
                                                              : page.root + other.tag + "/",
                                     other.tag});
        bool relative = options.profile_url.find("://") == std::string::npos && options.profile_url.rfind('/', 0) != 0;
        std::string profile_url = relative ? page.root + options.profile_url : options.profile_url;
        // In the page, not added by boot.js: one element fewer to make in a task after the
        // first paint. page.js fetches it with the same mode, so it takes this response.
        if (relative)
            head += "<link rel=\"preload\" href=\"" + html_escape(profile_url) + "\" as=\"fetch\" crossorigin>\n";
        // Pictures are relative to the profile, which this page sees at profile_url.
        std::string picture_base = relative ? page.root + picture_root : picture_root;

        std::string page_html =
            fill_template(kShellHtml, {{"title", html_escape(title)},
                                       {"lang", html_escape(page.tag)},
                                       {"root", page.root},
                                       // The top page follows the visitor's languages; the others are theirs.
                                       {"page_lang", &page == &pages.front() ? std::string() : html_escape(page.tag)},
                                       {"head", head},
                                       {"json_ld", person_json_ld(lp, site_url.empty() ? site_url : page.url,
                                                                 site_url.empty() ? picture_base : picture_root)},
                                       {"css", page.root + find_asset(dir, "site", ".css")},
                                       {"boot", page.root + find_asset(dir, "boot", ".js")},
                                       {"app", page.root + find_asset(dir, "imfolio", ".js")},
                                       {"wasm", page.root + wasm},
                                       {"wasm_bytes", wasm_bytes},
                                       {"deferred", deferred.empty() ? "" : page.root + deferred},
                                       {"profile", html_escape(profile_url)},
                                       {"fonts", html_escape(font_list)},
                                       {"static", static_page_html(h.site.document(), lp, picture_base, bar_links)},
                                       {"theme_light", ui::css_hex(ui::light_palette().background)},
                                       {"theme_dark", ui::css_hex(ui::dark_palette().background)}});
        if (!page.root.empty()) ok = ok && make_dirs(dir + "/" + page.tag);
        ok = ok && platform::write_file(dir + "/" + page.path, page_html, &error);
        if (html.empty()) html = std::move(page_html);
    }
    h.site.set_language(pages.front().tag);

    // The profile itself, where the page will fetch it (relative URLs only).
    if (ok && options.profile_url.find("://") == std::string::npos) {
        std::string target = dir + "/" + options.profile_url;
        ok = make_dirs(target.substr(0, target.rfind('/')));
        if (!ok) error = "cannot create the folder for " + options.profile_url;
        ok = ok && platform::write_file(target, profile_file.bytes, &error);
        // Its bibliographies beside it, where the page fetches them from: never outside DIR.
        std::string folder = options.profile_url.substr(0, options.profile_url.rfind('/') + 1);
        for (std::size_t i = 0; ok && i < bibliography.size() && i < profile_file.bibliographies.size(); ++i) {
            if (!profile_file.bibliographies[i]) continue;
            std::string inside = within(folder + bibliography[i].path);
            if (inside.empty()) {
                std::fprintf(stderr, "imfolio: %s lies outside %s; not copied\n", bibliography[i].path.c_str(), dir.c_str());
                continue;
            }
            std::string bib_target = dir + "/" + inside;
            ok = make_dirs(bib_target.substr(0, bib_target.rfind('/')));
            if (!ok) error = "cannot create the folder for " + inside;
            ok = ok && platform::write_file(bib_target, *profile_file.bibliographies[i], &error);
        }
    }
    // The pictures the profile names beside it (its photo, previews, project pictures), where
    // the page and the static copy fetch them: never outside DIR, none over the size limit.
    if (ok && options.profile_url.find("://") == std::string::npos) {
        std::string folder = options.profile_url.substr(0, options.profile_url.rfind('/') + 1);
        std::string source_folder = path.substr(0, path.rfind('/') + 1);
        std::vector<std::string> pictures{b.image};
        for (const auto& pub : p.publications) pictures.push_back(pub.preview);
        for (const auto& x : p.projects) pictures.push_back(x.image);
        std::sort(pictures.begin(), pictures.end());
        pictures.erase(std::unique(pictures.begin(), pictures.end()), pictures.end());
        for (const std::string& picture : pictures) {
            if (picture.empty() || picture.find(':') != std::string::npos || picture[0] == '/') continue;
            std::string inside = within(folder + picture), from = within(picture);
            if (inside.empty() || from.empty()) {
                std::fprintf(stderr, "imfolio: %s lies outside %s; not copied\n", picture.c_str(), dir.c_str());
                continue;
            }
            auto bytes = platform::read_file(source_folder + from, nullptr, profile::default_limits().max_picture_bytes);
            if (!bytes) {
                std::fprintf(stderr, "imfolio: cannot read the picture %s; the page shows none\n", picture.c_str());
                continue;
            }
            std::string target = dir + "/" + inside;
            ok = make_dirs(target.substr(0, target.rfind('/'))) && platform::write_file(target, *bytes, &error);
            if (!ok) break;
        }
    }
    if (ok) {
        // The web app manifest names the site after its owner (home-screen installs, tabs).
        nlohmann::json manifest = {{"name", b.name.empty() ? std::string("Profile") : b.name},
                                   {"short_name", b.name.empty() ? std::string("Profile") : b.name},
                                   {"start_url", "."},
                                   {"display", "browser"},
                                   {"background_color", ui::css_hex(ui::light_palette().background)},
                                   {"theme_color", ui::css_hex(ui::light_palette().accent)},
                                   {"icons", nlohmann::json::array({{{"src", "favicon.svg"}, {"sizes", "any"}, {"type", "image/svg+xml"}}})}};
        ok = platform::write_file(dir + "/site.webmanifest",
                                  manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", &error);
    }
    if (ok) {
        // The favicon: the owner's initials would be unreadable at 16 px; a monogram-like
        // mark in the accent colour.
        std::string icon = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><circle cx=\"32\" cy=\"32\" r=\"30\" fill=\"" +
                           ui::css_hex(ui::light_palette().accent) +
                           "\"/><path d=\"M20 44V20h6v24zm12 0V20h7a12 12 0 0 1 0 24z\" fill=\"" +
                           ui::css_hex(ui::light_palette().accent_text) + "\"/></svg>\n";
        ok = platform::write_file(dir + "/favicon.svg", icon, &error);
    }
    if (ok && !site_url.empty()) {
        std::string lastmod;
        if (auto d = profile::parse_date(p.meta.last_modified); d && d->day) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
            lastmod = std::string("    <lastmod>") + buf + "</lastmod>\n";
        }
        // Every language's page, each naming the others (Google's sitemap form of hreflang).
        std::string alternates;
        if (pages.size() > 1)
            for (const Page& other : pages)
                alternates += "    <xhtml:link rel=\"alternate\" hreflang=\"" + html_escape(other.tag) + "\" href=\"" +
                              html_escape(other.url) + "\"/>\n";
        std::string sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"" +
                              std::string(pages.size() > 1 ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"" : "") + ">\n";
        for (const Page& page : pages)
            sitemap += "  <url>\n    <loc>" + html_escape(page.url) + "</loc>\n" + alternates + lastmod + "  </url>\n";
        sitemap += "</urlset>\n";
        ok = platform::write_file(dir + "/sitemap.xml", sitemap, &error) &&
             platform::write_file(dir + "/robots.txt", "User-agent: *\nAllow: /\nSitemap: " + site_url + "sitemap.xml\n",
                                  &error);
    } else if (ok) {
        ok = platform::write_file(dir + "/robots.txt", "User-agent: *\nAllow: /\n", &error);
        std::fprintf(stderr, "imfolio: no --site-url: canonical link and sitemap.xml left out\n");
    }
    if (!ok) {
        std::fprintf(stderr, "imfolio: cannot write into %s: %s\n", dir.c_str(), error.c_str());
        return 2;
    }
    if (options.pdf) {
        // Printed from the page just written, by the same Chromium the browser tests use.
        std::vector<std::string> argv = {"node", platform::cv_script(), dir, "--paper", options.paper};
        std::vector<char*> c_argv;
        for (std::string& a : argv) c_argv.push_back(a.data());
        c_argv.push_back(nullptr);
        pid_t pid = 0;
        int status = 0;
        if (posix_spawnp(&pid, "node", nullptr, nullptr, c_argv.data(), environ) != 0 || waitpid(pid, &status, 0) < 0 ||
            !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::fprintf(stderr, "imfolio: cv.pdf was not written (%s)\n", platform::cv_script().c_str());
            return 2;
        }
    }
    std::printf("wrote %s/index.html (%zu bytes)\n", dir.c_str(), html.size());
    for (std::size_t i = 1; i < pages.size(); ++i) std::printf("wrote %s/%s\n", dir.c_str(), pages[i].path.c_str());
    return 0;
}

}  // namespace app
