// Pictures (ui/pictures.h): asked for lazily, recorded as image nodes, a failure falling
// back to what the page draws without them and listed for the owner; their export.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <unistd.h>

#include "app/cli.h"
#include "app/static_html.h"
#include "platform/desktop/files.h"
#include "ui/headless.h"
#include "ui/pictures.h"

namespace {

std::optional<std::string> read_font(const std::string& file) {
    return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
}

const char* kProfile = R"J({"basics": {"name": "Ada Lovelace", "image": "photo.png"},
  "publications": [{"title": "Notes", "custom": {"preview": "preview.jpg"}}],
  "projects": [{"name": "Engine", "image": "engine.png"}]})J";

std::size_t images(const ui::Document& d) { return d.find(ui::Role::image).size(); }

}  // namespace

TEST_CASE("pictures: the photo, previews and project images are asked for and recorded; a failure falls back and is told") {
    ui::Headless h(1280, 800);
    h.site.load_profile(kProfile, "p.json");
    h.load_fonts(read_font);
    h.site.set_virtualize(false);
    h.frame();
    const ui::Document& d = h.site.document();
    REQUIRE(images(d) == 3);
    CHECK(d.find(ui::Role::image)[0]->text == "Photo of Ada Lovelace");
    CHECK(d.find(ui::Role::image)[0]->href == "photo.png");
    CHECK(d.find(ui::Role::image)[0]->rect.w == 104);
    std::vector<std::string> wanted = h.site.pictures().take_wanted();
    CHECK(std::find(wanted.begin(), wanted.end(), "photo.png") != wanted.end());
    CHECK(h.site.pictures().take_wanted().empty());  // taken once

    std::size_t problems = h.site.profile().problems.size();
    h.site.pictures().failed("photo.png", "HTTP 404");
    h.site.pictures().loaded("engine.png", reinterpret_cast<ImTextureID>(std::intptr_t{7}), 64, 48);
    h.frame();
    h.frame();
    const ui::Document& after = h.site.document();
    CHECK(images(after) == 2);  // the failed photo is gone; the monogram is drawn instead
    CHECK(h.site.pictures().ready_count() == 1);
    REQUIRE(h.site.profile().problems.size() == problems + 1);
    const auto& p = h.site.profile().problems.back();
    CHECK(p.pointer == "/basics/image");
    CHECK(p.message == "the profile photo \"photo.png\" is not shown: HTTP 404");
    bool listed = false;
    for (const ui::Node* n : after.find(ui::Role::alert)) listed = listed || after.text_of(static_cast<int>(n - &after.nodes()[0])).find("photo.png") != std::string::npos;
    CHECK(listed);
}

TEST_CASE("pictures: a picture far below the screen is not asked for until it comes near") {
    std::string many = R"J({"basics": {"name": "A"}, "projects": [)J";
    for (int i = 0; i < 40; ++i) many += std::string(i ? "," : "") + R"J({"name": "P", "summary": "x\n\ny\n\nz", "image": "p)J" + std::to_string(i) + R"J(.png"})J";
    many += "]}";
    ui::Headless h(1280, 800);
    h.site.load_profile(many, "p.json");
    h.load_fonts(read_font);
    h.frame();
    std::vector<std::string> wanted = h.site.pictures().take_wanted();
    CHECK(!wanted.empty());
    CHECK(wanted.size() < 40);
    CHECK(std::find(wanted.begin(), wanted.end(), "p39.png") == wanted.end());
}

TEST_CASE("pictures: image_size reads PNG, GIF, JPEG and WebP headers; the limits refuse before decoding") {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x00\0\0\0\x80", 24);
    CHECK(ui::image_size(png).width == 256);
    CHECK(ui::image_size(png).height == 128);
    CHECK(ui::image_size(std::string("GIF89a\x10\0\x20\0", 10)).height == 32);
    std::string jpeg("\xFF\xD8\xFF\xE0\0\x04xx\xFF\xC0\0\x11\x08\x01\x00\x02\x00\x03", 19);
    jpeg += std::string(8, '\0');
    CHECK(ui::image_size(jpeg).width == 512);
    CHECK(ui::image_size(jpeg).height == 256);
    CHECK(ui::image_size("<svg></svg>").width == 0);
    CHECK(ui::picture_refusal("<svg></svg>") == "not a PNG, JPEG, GIF or WebP picture");
    std::string huge("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20", 24);  // 20000 x 20000
    CHECK(ui::picture_refusal(huge).find("more than 24 million") != std::string::npos);
    CHECK(ui::picture_refusal(png).empty());
}

TEST_CASE("imfolio export: the photo is an <img> with alt, width and height, JSON-LD Person.image and og:image") {
    char dir_template[] = "/tmp/imfolio-pictures-XXXXXX";
    REQUIRE(mkdtemp(dir_template));
    std::string dir = dir_template;
    REQUIRE(platform::write_file(dir + "/p.json", kProfile));
    REQUIRE(platform::write_file(dir + "/photo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x10", 24)));
    setenv("IMFOLIO_FONTS", IMFOLIO_FONTS_DIR, 1);
    app::ExportOptions options;
    options.site_url = "https://ada.example/";
    REQUIRE(app::export_site(dir + "/p.json", dir + "/site", options) == 0);
    auto html = platform::read_file(dir + "/site/index.html");
    REQUIRE(html);
    CHECK(html->find("<img class=\"static-monogram static-photo\" src=\"data/photo.png\" alt=\"Photo of Ada Lovelace\" width=\"104\" height=\"104\"") != std::string::npos);
    CHECK(html->find("<img src=\"data/preview.jpg\" alt=\"Preview: Notes\" width=\"112\" height=\"84\"") != std::string::npos);
    CHECK(html->find("<img src=\"data/engine.png\" alt=\"Picture: Engine\"") != std::string::npos);
    CHECK(html->find("<meta property=\"og:image\" content=\"https://ada.example/data/photo.png\">") != std::string::npos);
    CHECK(html->find("\"image\": \"https://ada.example/data/photo.png\"") != std::string::npos);
    // The photo is copied beside the profile, where the page fetches it.
    CHECK(platform::read_file(dir + "/site/data/photo.png"));
    // A profile without a photo has none of these.
    REQUIRE(platform::write_file(dir + "/q.json", R"({"basics": {"name": "B"}})"));
    REQUIRE(app::export_site(dir + "/q.json", dir + "/site2", app::ExportOptions{}) == 0);
    auto plain = platform::read_file(dir + "/site2/index.html");
    REQUIRE(plain);
    CHECK(plain->find("<img") == std::string::npos);
    CHECK(plain->find("og:image") == std::string::npos);
}
