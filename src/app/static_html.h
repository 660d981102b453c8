// app/static_html.h: the page document as static, semantic HTML (for `imfolio export`).
#pragma once

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

// schema.org Person as JSON-LD, safe to place inside <script type="application/ld+json">.
std::string person_json_ld(const profile::Profile& p, const std::string& site_url);

}  // namespace app
