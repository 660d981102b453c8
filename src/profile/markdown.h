// profile/markdown.h: inline Markdown in a text field -> text with marks.
//
// Owners write `summary`, `highlights`, news text, openings and `description` in Markdown
// (al-folio's about.md is Markdown with a little inline HTML). md4c parses it; what comes
// out is the RichString every view already draws (rich_text.h): links, emphasis, strong,
// code and line breaks become marks or characters, and the notation is gone.
//
// - Paragraphs (and other blocks: headings, list items, quotes) are separated by "\n\n",
//   a hard line break ("  \n", "\\\n", <br>) is "\n", a soft one a space. List items are
//   "• item" lines.
// - The inline HTML al-folio pages use is read as the same marks: <a href>, <br>, <b> and
//   <strong>, <i> and <em>, <p>. Every other tag (and every attribute but a's href) is
//   shown as the text it is, never interpreted.
// - A link is a mark only when is_safe_url() accepts its href (http, https, mailto,
//   relative); otherwise its text stays, unlinked.
// - Entities: numeric ones and &amp; &lt; &gt; &quot; &apos; &nbsp; are decoded; others
//   stay as written.
// Text with no Markdown or HTML character in it is returned as it is, cheaply.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "profile/rich_text.h"

namespace profile {

// `refused`, when given, receives each link href that was not safe.
RichString read_markdown(std::string_view text, std::vector<std::string>* refused = nullptr);

// The pieces of `s` between its paragraph breaks ("\n\n"), each with its own marks (cut
// to the piece and shifted to its start). Empty pieces are left out.
std::vector<RichString> split_paragraphs(const RichString& s);

}  // namespace profile
