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
std::string document_html(const ui::Document& doc);

// Replaces each {{name}} in `text` with values[name], in one pass: what a value brings
// in is never scanned again, so a profile whose name is "{{static}}" stays that text
// instead of pulling markup into an attribute. Unknown {{names}} are left as they are.
std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values);

// schema.org Person as JSON-LD, safe to place inside <script type="application/ld+json">.
std::string person_json_ld(const profile::Profile& p, const std::string& site_url);

}  // namespace app
