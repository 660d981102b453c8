// profile/csl_markup.h: CSL-JSON's rich-text markup in a title -> text with marks.
//
// CSL 1.0.2 (and Zotero's exports) mark formatting in text fields with a few HTML-like
// tags: <i>, <b>, <sup>, <sub>, <sc>, <span style="font-variant:small-caps;"> and
// <span class="nocase"> (protected case; it carries no mark). Those tags, when opened and
// closed in order, become marks and are never shown. Anything else, an unclosed tag or
// a stray "</i>", stays literal text, so "x < y" or "<3" read as written. Entities
// (&amp;) are not decoded: CSL-JSON carries plain characters. Linear, no recursion.
#pragma once

#include <string_view>

#include "profile/rich_text.h"

namespace profile {

RichString read_csl_markup(std::string_view text);

}  // namespace profile
