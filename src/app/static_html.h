// app/static_html.h: the page document as static, semantic HTML (for `imfolio export`).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "profile/model.h"
#include "ui/document.h"

namespace app {

// Escapes text for HTML content and attribute values.
std::string html_escape(std::string_view s);

// The main content (header, sections) as HTML; the fixed top bar and buttons, which
// need the app, are left out. Profile text is always escaped, never markup.
// Pictures are <img> with their alt text and the size the page draws them at; a relative
// picture URL (relative to the profile) is prefixed with `picture_base`, the profile's
// folder as the page sees it ("data/").
std::string document_html(const ui::Document& doc, std::string_view picture_base = {});

// A picture's address for the page (`picture_base` before a relative one) or, with a
// `site_url`, absolute (for og:image and JSON-LD).
std::string picture_address(std::string_view url, std::string_view picture_base, std::string_view site_url = {});

// The static page, which the canvas replaces once it is ready and which must look the
// same meanwhile (web/site.css lays it out with the canvas's own measures): the top bar
// and the header, which the canvas draws with more than its document records (the
// monogram, icons, buttons), written from the profile; then the document's sections.
// `bar_links` follow the sections in the top bar: the CV, the page in other languages.
struct StaticLink {
    std::string label;     // "CV (PDF)", "简体中文"
    std::string href;      // "cv.pdf", "zh-Hans/"
    std::string hreflang;  // the language of what it links to, for another language's page
};
std::string static_page_html(const ui::Document& doc, const profile::Profile& p, std::string_view picture_base = {},
                             const std::vector<StaticLink>& bar_links = {});

// @font-face rules for the font slices this profile's text needs, as the canvas uses
// them: Inter (400 and 700), Noto Sans CJK and the icon font under one family, each
// scaled as imgui scales it (by ascender minus descender, not by the em) so the same
// text takes the same room. `read` gives a slice file's bytes (for its metrics).
std::string font_face_css(const profile::Profile& p,
                          const std::function<std::optional<std::string>(const std::string& file)>& read);
// The font slices font_face_css declares (the page preloads them).
std::vector<std::string> font_face_files(const profile::Profile& p);

// Replaces each {{name}} in `text` with values[name], in one pass: what a value brings
// in is never scanned again, so a profile whose name is "{{static}}" stays that text
// instead of pulling markup into an attribute. Unknown {{names}} are left as they are.
std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values);

// schema.org Person as JSON-LD, safe to place inside <script type="application/ld+json">.
std::string person_json_ld(const profile::Profile& p, const std::string& site_url, std::string_view picture_base = {});

}  // namespace app
