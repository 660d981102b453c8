// app/static_html.h: the page document as static, semantic HTML (for `imfolio export`).
#pragma once

#include <map>
#include <string>
#include <string_view>

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

// Replaces each {{name}} in `text` with values[name], in one pass: what a value brings
// in is never scanned again, so a profile whose name is "{{static}}" stays that text
// instead of pulling markup into an attribute. Unknown {{names}} are left as they are.
std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values);

// schema.org Person as JSON-LD, safe to place inside <script type="application/ld+json">.
std::string person_json_ld(const profile::Profile& p, const std::string& site_url, std::string_view picture_base = {});

}  // namespace app
