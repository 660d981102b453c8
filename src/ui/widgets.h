// ui/widgets.h: the drawing helpers every view uses. Each one draws with ImGui and
// records what it drew in the page document (document.h); views never record by hand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "profile/rich_text.h"
#include "ui/context.h"

namespace ui {

// A colour that means "the palette's body text colour".
constexpr std::uint32_t kBodyText = 0x1000000;

ImFont* font(FontRole role);
float font_px(FontRole role);
std::string utf8(char32_t cp);

// Opens a container node in the document for its lifetime (section, list, list item...).
class Scope {
public:
    explicit Scope(Role role, std::string_view label = {}, std::string_view anchor = {});
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    int index() const { return index_; }
    // Gives the node the rect from `top` (screen y) to the cursor, across the column.
    void close_rect(float top);

private:
    int index_;
};

// While one lives, what is recorded is names (the owner's, authors', venues'): a
// browser's translation must leave them as written.
class Names {
public:
    Names();
    ~Names();
    Names(const Names&) = delete;
    Names& operator=(const Names&) = delete;

private:
    bool was_;
};

struct Span {
    std::string_view text;
    FontRole role = FontRole::body;
    std::uint32_t rgb = kBodyText;
    std::string_view href;  // non-empty: this span is a link
    bool highlight = false; // underlined, for the owner's name in author lists
    bool oblique = false;   // emphasis: the glyphs slanted (the fonts have no italic)
    float rise = 0;         // superscript (> 0) or subscript (< 0), in font sizes
};

class RichText {
public:
    RichText() { spans.reserve(8); }
    RichText& text(std::string_view s, FontRole role = FontRole::body, std::uint32_t rgb = kBodyText);
    RichText& link(std::string_view s, std::string_view href, FontRole role = FontRole::body);
    RichText& highlighted(std::string_view s, FontRole role = FontRole::body_bold);
    // Text with the owner's formatting (profile/rich_text.h): emphasis slanted, strong in
    // bold, superscripts and subscripts small and raised or lowered, links as links.
    RichText& rich(const profile::RichString& s, FontRole role = FontRole::body, std::uint32_t rgb = kBodyText);
    bool empty() const { return spans.empty(); }
    std::vector<Span> spans;
};

// Draws wrapped text at the cursor, `width` wide (0: to the column's right edge), and
// records it as a `role` node with text and link children. Returns its height.
float paragraph(const RichText& t, Role role = Role::paragraph, float line_height = 1.6f, float width = 0);
float paragraph(std::string_view text, FontRole font_role = FontRole::body, std::uint32_t rgb = kBodyText,
                float line_height = 1.6f);

// Text in paragraphs (profile/markdown.h: "\n\n" between them), `gap` px apart, with the
// owner's marks. Returns the height.
float paragraphs(const profile::RichString& s, FontRole role = FontRole::body, std::uint32_t rgb = kBodyText,
                 float line_height = 1.6f, float gap = 14.0f);

// One of the profile's pictures (pictures.h) in the box at `pos`, `size` CSS px: asked
// for only while the box is near the screen, drawn cropped to fill it (`round`: to the
// circle inside it), sharp at any pixel ratio (the texture has mipmaps and is sampled at
// the screen's pixels). Recorded as an image node with `alt` (and the URL as href), unless
// it failed. `what` names it in the owner's notice. Returns whether it was drawn; false
// while it loads or after it failed, when the caller draws what stands in for it.
bool picture(const std::string& url, std::string_view alt, std::string_view what, ImVec2 pos, ImVec2 size,
             bool round = false);
// Whether a picture is known to have failed (the view then leaves room for none).
bool picture_failed(const std::string& url);

// A heading; `size` overrides the role's size when > 0 and smaller.
void heading(int level, std::string_view text, FontRole role, std::uint32_t rgb, float size = 0);

// A title line with something on its right (dates): side by side on wide screens,
// the aside below the title on phones.
void title_with_aside(const RichText& title, std::string_view aside);

// Places items left to right, wrapping at the column's edge.
class FlowRow {
public:
    explicit FlowRow(float gap = 8.0f);
    ImVec2 place(ImVec2 size);
    void finish();  // moves the cursor below the row

private:
    ImVec2 origin_, cursor_;
    float right_, gap_, line_h_ = 0;
    bool any_ = false;
};

enum class PillStyle { outline, soft, accent };

// A link drawn as a pill (publication links, profile links). Records a link node;
// with an empty href (a refused link) it is drawn and recorded as plain text.
void pill_link(FlowRow& row, std::string_view label, char32_t icon, std::string_view href,
               PillStyle style = PillStyle::outline);
// A button drawn as a pill. `pressed` >= 0 makes it a toggle, pressed (1) or not (0).
// Returns true when clicked, tapped, or activated from the mirror.
bool pill_button(FlowRow& row, std::string_view label, char32_t icon, int pressed = -1,
                 PillStyle style = PillStyle::outline);
// A square icon button (theme toggle, menu); `label` is what the mirror announces.
bool icon_button(char32_t icon, std::string_view label, ImVec2 pos, float size, int pressed = -1);

// Small rounded labels in a wrapping row (interests, keywords). Records a list.
void chips(const std::vector<std::string>& items, std::string_view list_label);

// A coloured badge (venue abbreviations); fixed width `w` so titles align. `fill`
// replaces the accent colour (the text turns black or white to stay readable); with an
// `href` the badge is a link.
void badge(std::string_view text, ImVec2 pos, float w, std::optional<std::uint32_t> fill = std::nullopt,
           std::string_view href = {});

// A bulleted list with hanging indents (highlights, courses).
void bullets(const std::vector<std::string>& items, std::string_view list_label = {});
void bullets(const std::vector<profile::RichString>& items, std::string_view list_label = {});

// Makes imgui start new lines at the content column's left edge (its indent).
void sync_indent();

// Narrows the content column while it lives (a date or badge column beside entries,
// the text beside the monogram, a panel's padding); restores it after.
class Column {
public:
    explicit Column(float left, float right = 0);
    ~Column();
    Column(const Column&) = delete;
    Column& operator=(const Column&) = delete;

private:
    float x_, w_;
};

// A picture (pictures.h) at the column's right edge beside an entry from screen y `top`:
// the column is narrowed while it lives, and the entry is at least as tall as the
// picture. Nothing, and no room kept, without a URL or once the picture failed.
class Thumbnail {
public:
    Thumbnail(const std::string& url, std::string_view alt, std::string_view what, float top);
    ~Thumbnail();
    Thumbnail(const Thumbnail&) = delete;
    Thumbnail& operator=(const Thumbnail&) = delete;

private:
    std::optional<Column> beside_;
    float bottom_ = 0;
};

// A rounded panel behind whatever is drawn while it lives; content is inset by `pad`.
class Panel {
public:
    Panel(std::uint32_t fill, std::uint32_t edge, float pad = 18.0f);
    ~Panel();
    Panel(const Panel&) = delete;
    Panel& operator=(const Panel&) = delete;

private:
    ImVec2 start_;
    std::uint32_t fill_, edge_;
    float pad_;
    std::optional<Column> inset_;
};

void vspace(float px);

// A section's list of entries, `gap` px apart: each is a list item in the page document,
// and its rect is what `draw(entry, top)` lays out below screen y `top`.
template <class Entry, class Draw>
void entry_list(std::string_view label, const std::vector<Entry>& entries, float gap, Draw&& draw) {
    Scope list(Role::list, label);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) vspace(gap);
        Scope item(Role::list_item);
        float top = ImGui::GetCursorScreenPos().y;
        draw(entries[i], top);
        item.close_rect(top);
    }
}

struct Hit {
    bool hovered = false;
    bool clicked = false;  // clicked, tapped, Enter with imgui's keyboard nav, or activated from the mirror
};

// Makes document node `node`'s rect an imgui item: hover (with the hand cursor), click,
// keyboard nav. A link node follows its href when clicked; a button node also counts
// activation from the mirror. `piece` tells apart several rects of one node (a link
// wrapped over two lines).
Hit interact(int node, ImVec2 min, ImVec2 max, int piece = 0);

// What a click on a link does: "#/route" navigates inside the page, others open
// (unless the platform's own <a> elements handle links: see Hooks::links_are_native).
void follow_link(std::string_view href);

// Draws a focus ring when `node` is the node focused in the mirror.
void focus_ring(int node, ImVec2 min, ImVec2 max, float rounding);

// Records the screen rect of a node (converted to page space unless fixed).
void set_rect(int node, ImVec2 min, ImVec2 max);

// Whether a screen-space rect is inside the visible part of the page (with a margin).
bool visible(float top, float bottom);

}  // namespace ui
