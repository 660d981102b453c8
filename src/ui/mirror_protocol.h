// ui/mirror_protocol.h: the messages that carry the page document to web/page.js.
//
// The legend both sides follow: ui::document_diff() writes these messages (document.cpp)
// and the mirror in web/mirror.js reads them. A message is one JSON object with some of
//   "nodes":   [NODE, ...]   the whole document, when its structure changed, or
//   "update":  [NODE, ...]   only the nodes whose content or rect changed;
//   "held":    [HELD, ...]   long lists (virtual_list.h) whose entries are new or that moved;
//   "dropped": [ID, ...]     long lists no longer drawn.
// HELD is {"id": the list node's id, "y": its page-space top, "s": [BEGIN, END] the entries
// laid out this frame (they have nodes), and, when the entries are new, "e": [[TOP, H, TEXT],
// ...] every entry's offset from the list's top, height and text}: the page holds the
// entries outside [BEGIN, END) hidden until found, so the browser's find reaches them.
// NODE is an object with these keys (short: a long list resends thousands of nodes):
//   i   its index in the document (children follow their parent)
//   id  its id, stable across frames (mirror elements are reused by id)
//   p   its parent's index; -1 at the top
//   r   its role: role_name() ("paragraph", "link", "listitem", ...)
//   l   heading level, 1-6                                   (headings only)
//   f   1: drawn in the fixed top bar; its rect is viewport-space, not page-space
//   e   1: emphasised text (the owner among the authors), <strong>   (text only)
//   k   0 or 1: a toggle button's state, aria-pressed             (buttons only)
//   c   1: the link to the section on screen, aria-current         (links only)
//   n   1: a name, which a translator must leave as written, translate="no"
//   z   1: text the page holds but does not show (a closed abstract), hidden="until-found"
//   t   text (for a container: its accessible label)
//   h   href                                                       (links only)
//   a   anchor: a section's route, its element id "section-<a>"    (sections only)
//   u   runs: where each line of its text was drawn, [[text, tail, x, y, w, h, size, bold], ...]
//       (text drawn; tail: white space after it that is not drawn, a line break's space;
//       rect in CSS pixels; font size; bold 0/1). With runs, the text is theirs joined.
//   x y w hh   its rect in CSS pixels, to half a pixel ("h" is the href)
// Keys whose value is the default (0, empty) are left out.
#pragma once

namespace ui::mirror_key {

constexpr const char* index = "i";
constexpr const char* id = "id";
constexpr const char* parent = "p";
constexpr const char* role = "r";
constexpr const char* level = "l";
constexpr const char* fixed = "f";
constexpr const char* emphasised = "e";
constexpr const char* pressed = "k";
constexpr const char* current = "c";
constexpr const char* no_translate = "n";
constexpr const char* collapsed = "z";
constexpr const char* text = "t";
constexpr const char* href = "h";
constexpr const char* anchor = "a";
constexpr const char* runs = "u";
constexpr const char* x = "x";
constexpr const char* y = "y";
constexpr const char* width = "w";
constexpr const char* height = "hh";
constexpr const char* shown = "s";
constexpr const char* held_entries = "e";

}  // namespace ui::mirror_key
