// ui/document.h: what the views show, as a small tree of semantic nodes.
//
// A canvas hides everything from the browser, so while drawing, our widget helpers
// (widgets.h) also record what they drew: headings, paragraphs, lists, links with
// their href and rect, buttons, images with alt text. Views never record by hand.
// The record serves four uses: real <a href> elements over the canvas, the screen
// reader mirror, native tests that assert on it, and the static HTML export.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

enum class Role : std::uint8_t {
    banner,      // the site header / top bar
    navigation,  // a list of section links
    main,        // the page body
    section,     // a page section; `anchor` is its route ("news")
    heading,     // `level` 1-3
    paragraph,   // holds text and link children
    text,        // a run of text inside a paragraph or list item
    list,
    list_item,
    link,        // `href` is http, https or mailto; never anything else
    button,      // an action, or a toggle (`pressed`)
    image,       // `text` is the alt text
    alert,       // a notice about the profile (problems, errors)
    search,      // the search panel
    textbox,     // a text field; `text` its value, `anchor` its placeholder (web: a real <input>)
};

const char* role_name(Role r);

// A rectangle in CSS pixels. Page-space unless the node is `fixed` (viewport-space).
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool operator==(const Rect& o) const { return x == o.x && y == o.y && w == o.w && h == o.h; }
};

// One line's piece of a node's text, where the canvas drew it: the web's mirror puts
// transparent DOM text exactly there, so the browser's selection, find, copy and
// translation work on what the visitor sees.
struct Run {
    std::string text;  // the characters drawn (icon glyphs left out)
    std::string tail;  // white space that follows but is not drawn (a line's break); part of the text
    Rect rect;         // page-space (or viewport-space in the top bar), one line high
    float size = 0;    // font size, CSS pixels
    bool bold = false;
    bool operator==(const Run& o) const;
};

struct Node {
    std::uint32_t id = 0;   // stable across frames: derived from the parent's id and position
    std::int32_t parent = -1;
    Role role = Role::text;
    std::uint8_t level = 0;  // headings
    bool fixed = false;      // drawn in the fixed top bar: rect is viewport-space
    bool emphasised = false; // text: the owner among the authors (<strong>)
    std::int8_t pressed = -1; // buttons: -1 an action, 0/1 a toggle's state (aria-pressed)
    bool current = false;    // links: the top bar's link to the section on screen (aria-current)
    bool no_translate = false; // names and the like: a translator must leave them (translate="no")
    bool collapsed = false;  // text the page holds but does not show (a closed abstract): found by find in page
    std::string text;
    std::string href;
    std::string anchor;      // sections: route id
    Rect rect;
    std::vector<Run> runs;   // text, links, headings: where each line of the text was drawn
};

// A long list's entries as the web page holds them for find in page (virtual_list.h lays
// out only those near the screen, and only those have nodes): each entry's text where the
// entry is, so that the browser's find reaches all of them. The entries are shared with
// the layout cache and rebuilt only when the list is measured again (`version` changes),
// so holding them costs nothing per frame.
struct HeldEntry {
    float top = 0, h = 0;                    // from the list's top, CSS pixels
    std::shared_ptr<const std::string> text; // what the entry shows (Document::text_of its list item)
};
struct HeldList {
    std::uint32_t id = 0;       // the list node's id
    std::uint64_t version = 0;  // new whenever `entries` is
    float y = 0;                // the list's top, page-space
    std::uint32_t shown_begin = 0, shown_end = 0;  // the entries laid out this frame (they have nodes)
    std::shared_ptr<const std::vector<HeldEntry>> entries;
};

class Document {
public:
    void clear();

    // Opens a container node; children added until end() belong to it.
    int begin(Role role, std::string_view text = {}, std::string_view anchor = {});
    void end();
    // Adds a leaf node to the open container; returns its index. Icon glyphs (the icon
    // font's private-use code points) are left out of recorded text.
    int add(Role role, std::string_view text = {}, std::string_view href = {});
    // Appends to a node's text (runs of a paragraph), leaving icon glyphs out.
    void append_text(int index, std::string_view text);
    // The id the next node added to the open container will get (its text may have been
    // replaced: see PageState::translated).
    std::uint32_t next_id(Role role) const;

    // For long lists that record only the entries on screen (virtual_list.h): an entry's
    // node id comes from its position among the container's children, so an entry that is
    // skipped must still take its place, and a measuring pass must leave no trace.
    std::uint32_t next_ordinal() const;
    void set_next_ordinal(std::uint32_t ordinal);  // of the open container's next child
    std::size_t size() const { return nodes_.size(); }
    void truncate(std::size_t size);               // drops the nodes added since size() was `size`

    Node& node(int index) { return nodes_[static_cast<std::size_t>(index)]; }
    const std::vector<Node>& nodes() const { return nodes_; }
    int open_container() const { return open_.empty() ? -1 : open_.back(); }
    bool fixed_mode = false;  // nodes added now belong to the fixed top bar
    bool no_translate_mode = false;  // nodes added now are names: Node::no_translate
    std::vector<HeldList> held;      // the long lists drawn this frame (virtual_list.h)

    // Helpers for tests and export: every node with a role, the text under a node (what
    // the page shows: collapsed text left out).
    std::vector<const Node*> find(Role role) const;
    const Node* find_by_id(std::uint32_t id) const;
    std::string text_of(int index) const;

private:
    int push(Node n);
    std::vector<Node> nodes_;
    std::vector<int> open_;
    std::vector<std::uint32_t> child_counts_;
};

// Appends `s` as a JSON string literal (quotes, escapes for '"', '\\' and control
// characters; UTF-8 kept as is).
void append_json_string(std::string& out, std::string_view s);

// Appends `text` with the icon font's glyphs (private-use code points, and the spaces
// that set them off) left out: they mean nothing to a screen reader or in static HTML.
void append_without_icons(std::string& out, std::string_view text);

// The `index`-th entry of the section with this route: the `index`-th list item of the
// section's first list. nullptr when there is none (not laid out, or no such entry).
const Node* entry_node(const Document& doc, std::string_view route, int index);

// The change from `before` to `after` as a message for the web page's mirror, or ""
// when nothing changed: the whole document when its structure changed, else only the
// nodes whose content or rect did. The message format is in mirror_protocol.h.
std::string document_diff(const Document& before, const Document& after);

}  // namespace ui
