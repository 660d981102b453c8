#include "ui/document.h"

#include "profile/json_reader.h"

#include <cmath>
#include <cstdio>

#include "ui/mirror_protocol.h"

namespace ui {

void append_json_string(std::string& out, std::string_view s) { profile::append_json_string(out, s); }

namespace {

// Icons are private-use code points of the icon font: meaningless to a screen reader or
// in static HTML, so recorded text never contains them (nor the spaces that set them off).
// U+E000..U+F8FF is EE 80 80 .. EF A3 BF in UTF-8.
bool icon_at(std::string_view text, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    return i + 2 < text.size() &&
           (c == 0xEE || (c == 0xEF && static_cast<unsigned char>(text[i + 1]) <= 0xA3));
}

}  // namespace

void append_without_icons(std::string& out, std::string_view text) {
    // Most text has no icon: two memchr scans, one append.
    if (text.find('\xEE') == std::string_view::npos && text.find('\xEF') == std::string_view::npos) {
        out += text;
        return;
    }
    for (std::size_t i = 0; i < text.size();) {
        if (icon_at(text, i)) {
            i += 3;
            while (i < text.size() && text[i] == ' ') ++i;
            continue;
        }
        out += text[i++];
    }
}

namespace {

std::uint32_t mix(std::uint32_t h, std::uint32_t v) {
    h ^= v + 0x9E3779B9u + (h << 6) + (h >> 2);
    return h;
}

// Rects are sent to half a pixel. Formatted by hand: printf's float path was most of
// the cost of a diff, and a long list changes structure whenever it scrolls an entry in.
void append_number(std::string& out, float v) {
    long long halves = std::llround(static_cast<double>(v) * 2.0);
    if (halves < 0) {
        out += '-';
        halves = -halves;
    }
    out += std::to_string(halves / 2);
    if (halves % 2) out += ".5";
}

// `,"key":` (the first key of a node has no comma).
void append_key(std::string& out, const char* key, bool first = false) {
    if (!first) out += ',';
    out += '"';
    out += key;
    out += "\":";
}

// One NODE of the mirror protocol (mirror_protocol.h).
void append_node(std::string& out, const Node& n, int index) {
    namespace k = mirror_key;
    out += '{';
    append_key(out, k::index, true);
    out += std::to_string(index);
    append_key(out, k::id);
    out += std::to_string(n.id);
    append_key(out, k::parent);
    out += std::to_string(n.parent);
    append_key(out, k::role);
    out += '"';
    out += role_name(n.role);
    out += '"';
    if (n.level) {
        append_key(out, k::level);
        out += std::to_string(n.level);
    }
    if (n.fixed) {
        append_key(out, k::fixed);
        out += '1';
    }
    if (n.emphasised) {
        append_key(out, k::emphasised);
        out += '1';
    }
    if (n.pressed >= 0) {
        append_key(out, k::pressed);
        out += n.pressed ? '1' : '0';
    }
    if (n.current) {
        append_key(out, k::current);
        out += '1';
    }
    if (n.no_translate) {
        append_key(out, k::no_translate);
        out += '1';
    }
    if (n.collapsed) {
        append_key(out, k::collapsed);
        out += '1';
    }
    for (auto [key, value] : {std::pair{k::text, &n.text}, std::pair{k::href, &n.href}, std::pair{k::anchor, &n.anchor}}) {
        if (value->empty()) continue;
        append_key(out, key);
        append_json_string(out, *value);
    }
    if (!n.runs.empty()) {
        append_key(out, k::runs);
        out += '[';
        for (std::size_t r = 0; r < n.runs.size(); ++r) {
            const Run& run = n.runs[r];
            if (r) out += ',';
            out += '[';
            append_json_string(out, run.text);
            out += ',';
            append_json_string(out, run.tail);
            for (float v : {run.rect.x, run.rect.y, run.rect.w, run.rect.h, run.size}) {
                out += ',';
                append_number(out, v);
            }
            out += run.bold ? ",1]" : ",0]";
        }
        out += ']';
    }
    for (auto [key, value] : {std::pair{k::x, n.rect.x}, std::pair{k::y, n.rect.y}, std::pair{k::width, n.rect.w},
                              std::pair{k::height, n.rect.h}}) {
        append_key(out, key);
        append_number(out, value);
    }
    out += '}';
}

bool same_rect(const Rect& a, const Rect& b);

}  // namespace

bool Run::operator==(const Run& o) const {
    return text == o.text && tail == o.tail && size == o.size && bold == o.bold && same_rect(rect, o.rect);
}

namespace {

bool same_rect(const Rect& a, const Rect& b) {
    // Half-pixel steps. nearbyint is one wasm instruction (f32.nearest); lround was a libc
    // call, and this runs for every node and run of the document each frame.
    auto q = [](float v) { return std::nearbyint(v * 2.0f); };
    return q(a.x) == q(b.x) && q(a.y) == q(b.y) && q(a.w) == q(b.w) && q(a.h) == q(b.h);
}

std::string without_icons(std::string_view text) {
    std::string out;
    append_without_icons(out, text);
    return out;
}

}  // namespace

const char* role_name(Role r) {
    switch (r) {
        case Role::banner: return "banner";
        case Role::navigation: return "navigation";
        case Role::main: return "main";
        case Role::section: return "section";
        case Role::heading: return "heading";
        case Role::paragraph: return "paragraph";
        case Role::text: return "text";
        case Role::list: return "list";
        case Role::list_item: return "listitem";
        case Role::link: return "link";
        case Role::button: return "button";
        case Role::image: return "image";
        case Role::alert: return "alert";
        case Role::search: return "search";
        case Role::textbox: return "textbox";
    }
    return "text";
}

void Document::clear() {
    nodes_.clear();
    open_.clear();
    child_counts_.clear();
    fixed_mode = false;
    no_translate_mode = false;
    held.clear();
}

std::uint32_t Document::next_id(Role role) const {
    int parent = open_container();
    std::uint32_t parent_id = parent >= 0 ? nodes_[static_cast<std::size_t>(parent)].id : 0x1F2E3D4Cu;
    return mix(mix(parent_id, next_ordinal()), static_cast<std::uint32_t>(role));
}

int Document::push(Node n) {
    int parent = open_container();
    n.parent = parent;
    n.fixed = fixed_mode;
    n.no_translate = n.no_translate || no_translate_mode;
    n.id = next_id(n.role);
    if (parent >= 0) ++child_counts_[static_cast<std::size_t>(parent)];
    nodes_.push_back(std::move(n));
    child_counts_.push_back(0);
    return static_cast<int>(nodes_.size()) - 1;
}

std::uint32_t Document::next_ordinal() const {
    int parent = open_container();
    return parent >= 0 ? child_counts_[static_cast<std::size_t>(parent)] : static_cast<std::uint32_t>(nodes_.size());
}

void Document::set_next_ordinal(std::uint32_t ordinal) {
    int parent = open_container();
    if (parent >= 0) child_counts_[static_cast<std::size_t>(parent)] = ordinal;
}

void Document::truncate(std::size_t size) {
    if (size >= nodes_.size()) return;
    nodes_.resize(size);
    child_counts_.resize(size);
    while (!open_.empty() && static_cast<std::size_t>(open_.back()) >= size) open_.pop_back();
}

int Document::begin(Role role, std::string_view text, std::string_view anchor) {
    Node n;
    n.role = role;
    n.text = without_icons(text);
    n.anchor = std::string(anchor);
    int index = push(std::move(n));
    open_.push_back(index);
    return index;
}

void Document::end() {
    if (!open_.empty()) open_.pop_back();
}

int Document::add(Role role, std::string_view text, std::string_view href) {
    Node n;
    n.role = role;
    n.text = without_icons(text);
    n.href = std::string(href);
    return push(std::move(n));
}

void Document::append_text(int index, std::string_view text) {
    append_without_icons(nodes_[static_cast<std::size_t>(index)].text, text);
}

std::vector<const Node*> Document::find(Role role) const {
    std::vector<const Node*> out;
    for (const Node& n : nodes_)
        if (n.role == role) out.push_back(&n);
    return out;
}

const Node* Document::find_by_id(std::uint32_t id) const {
    for (const Node& n : nodes_)
        if (n.id == id) return &n;
    return nullptr;
}

std::string Document::text_of(int index) const {
    std::string out = nodes_[static_cast<std::size_t>(index)].text;
    for (std::size_t i = static_cast<std::size_t>(index) + 1; i < nodes_.size(); ++i) {
        // Descendants follow their ancestor contiguously; stop at the first non-descendant.
        int p = nodes_[i].parent;
        while (p > index) p = nodes_[static_cast<std::size_t>(p)].parent;
        if (p != index) break;
        if (nodes_[i].text.empty() || nodes_[i].collapsed) continue;
        if (!out.empty() && out.back() != ' ') out += ' ';
        out += nodes_[i].text;
    }
    return out;
}

const Node* entry_node(const Document& doc, std::string_view route, int index) {
    const auto& nodes = doc.nodes();
    int section = -1;
    for (std::size_t i = 0; i < nodes.size() && section < 0; ++i)
        if (nodes[i].role == Role::section && nodes[i].anchor == route) section = static_cast<int>(i);
    if (section < 0 || index < 0) return nullptr;
    int list = -1;
    int seen = 0;
    for (std::size_t i = static_cast<std::size_t>(section) + 1; i < nodes.size(); ++i) {
        if (list < 0 && nodes[i].role == Role::list && nodes[i].parent == section) list = static_cast<int>(i);
        if (list >= 0 && nodes[i].parent == list && nodes[i].role == Role::list_item && seen++ == index) return &nodes[i];
    }
    return nullptr;
}

namespace {

const HeldList* held_list(const Document& d, std::uint32_t id) {
    for (const HeldList& l : d.held)
        if (l.id == id) return &l;
    return nullptr;
}

// `"key":[` opening one of a message's arrays (after a comma unless it is the first).
void open_array(std::string& out, const char* key) {
    append_key(out, key, out.size() == 1);
    out += '[';
}

// A held list's place: {"id":ID,"y":Y,"s":[BEGIN,END]} (the entries laid out), with its
// entries "e" when they are new.
void append_held(std::string& out, const HeldList& l, bool entries) {
    namespace k = mirror_key;
    out += '{';
    append_key(out, k::id, true);
    out += std::to_string(l.id);
    append_key(out, k::y);
    append_number(out, l.y);
    append_key(out, k::shown);
    out += '[' + std::to_string(l.shown_begin) + ',' + std::to_string(l.shown_end) + ']';
    if (entries && l.entries) {
        append_key(out, k::held_entries);
        out += '[';
        for (std::size_t i = 0; i < l.entries->size(); ++i) {
            const HeldEntry& e = (*l.entries)[i];
            if (i) out += ',';
            out += '[';
            append_number(out, e.top);
            out += ',';
            append_number(out, e.h);
            out += ',';
            append_json_string(out, e.text ? std::string_view(*e.text) : std::string_view());
            out += ']';
        }
        out += ']';
    }
    out += '}';
}

}  // namespace

std::string document_diff(const Document& before, const Document& after) {
    const auto& a = before.nodes();
    const auto& b = after.nodes();
    bool same_structure = a.size() == b.size();
    for (std::size_t i = 0; same_structure && i < a.size(); ++i)
        same_structure = a[i].id == b[i].id && a[i].parent == b[i].parent && a[i].role == b[i].role;

    std::string out = "{";
    if (!same_structure) {
        out.reserve(b.size() * 96);
        open_array(out, "nodes");
        for (std::size_t i = 0; i < b.size(); ++i) {
            if (i) out += ',';
            append_node(out, b[i], static_cast<int>(i));
        }
        out += ']';
    } else {
        bool any = false;
        for (std::size_t i = 0; i < b.size(); ++i) {
            const Node& x = a[i];
            const Node& y = b[i];
            if (x.text == y.text && x.href == y.href && x.anchor == y.anchor && x.emphasised == y.emphasised && x.pressed == y.pressed &&
                x.current == y.current && x.no_translate == y.no_translate && x.collapsed == y.collapsed && x.level == y.level && x.runs == y.runs &&
                same_rect(x.rect, y.rect))
                continue;
            if (!any) open_array(out, "update"); else out += ',';
            any = true;
            append_node(out, y, static_cast<int>(i));
        }
        if (any) out += ']';
    }
    // Long lists held for find in page: their entries when new, their place when it moved.
    bool any = false;
    for (const HeldList& l : after.held) {
        const HeldList* was = held_list(before, l.id);
        bool fresh = !was || was->version != l.version;
        if (!fresh && std::llround(was->y * 2) == std::llround(l.y * 2) && was->shown_begin == l.shown_begin && was->shown_end == l.shown_end) continue;
        if (!any) open_array(out, "held"); else out += ',';
        any = true;
        append_held(out, l, fresh);
    }
    if (any) out += ']';
    any = false;
    for (const HeldList& l : before.held) {
        if (held_list(after, l.id)) continue;
        if (!any) open_array(out, "dropped"); else out += ',';
        any = true;
        out += std::to_string(l.id);
    }
    if (any) out += ']';
    if (out.size() == 1) return "";
    out += '}';
    return out;
}

}  // namespace ui
