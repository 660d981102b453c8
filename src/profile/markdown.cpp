#include "profile/markdown.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

#include <md4c.h>

#include "profile/load.h"
#include "profile/text.h"

namespace profile {

namespace {

// The inline HTML read as marks; every other tag is text.
enum class HtmlTag { none, br, p, strong, emphasis, link };

HtmlTag html_tag_of(std::string_view name) {
    if (name == "br") return HtmlTag::br;
    if (name == "p") return HtmlTag::p;
    if (name == "b" || name == "strong") return HtmlTag::strong;
    if (name == "i" || name == "em") return HtmlTag::emphasis;
    if (name == "a") return HtmlTag::link;
    return HtmlTag::none;
}

struct ParsedTag {
    HtmlTag tag = HtmlTag::none;
    bool closing = false;
    std::string href;  // <a href="...">, entities in it decoded
};

std::string decode_entities(std::string_view s);

// One tag as md4c reports raw inline HTML ("<a href='x'>", "</b>", "<br />").
ParsedTag parse_tag(std::string_view raw) {
    ParsedTag t;
    if (raw.size() < 3 || raw.front() != '<' || raw.back() != '>') return t;
    std::size_t i = 1;
    if (raw[i] == '/') {
        t.closing = true;
        ++i;
    }
    std::string name;
    while (i < raw.size() && std::isalnum(static_cast<unsigned char>(raw[i])))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(raw[i++])));
    t.tag = html_tag_of(name);
    if (t.tag == HtmlTag::none) return t;
    std::string_view rest = raw.substr(i, raw.size() - 1 - i);
    if (t.closing) {
        if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos) t.tag = HtmlTag::none;
        return t;
    }
    if (t.tag != HtmlTag::link) {
        // No attributes on the others (a "<b onclick=...>" stays text); "<br/>" and "<br />" are fine.
        std::size_t j = rest.find_first_not_of(" \t\r\n");
        if (j != std::string_view::npos && !(rest.substr(j) == "/" && t.tag == HtmlTag::br)) t.tag = HtmlTag::none;
        return t;
    }
    // <a ...>: only its href matters; other attributes (title, target, rel) are dropped with the tag.
    std::size_t at = 0;
    while (at < rest.size()) {
        std::size_t b = rest.find_first_not_of(" \t\r\n", at);
        if (b == std::string_view::npos) break;
        std::size_t e = b;
        while (e < rest.size() && rest[e] != '=' && rest[e] != ' ' && rest[e] != '\t' && rest[e] != '\n' && rest[e] != '\r')
            ++e;
        std::string attr;
        for (std::size_t k = b; k < e; ++k) attr += static_cast<char>(std::tolower(static_cast<unsigned char>(rest[k])));
        std::size_t v = rest.find_first_not_of(" \t\r\n", e);
        std::string_view value;
        at = e;
        if (v != std::string_view::npos && rest[v] == '=') {
            v = rest.find_first_not_of(" \t\r\n", v + 1);
            if (v == std::string_view::npos) break;
            if (rest[v] == '"' || rest[v] == '\'') {
                std::size_t close = rest.find(rest[v], v + 1);
                if (close == std::string_view::npos) break;
                value = rest.substr(v + 1, close - v - 1);
                at = close + 1;
            } else {
                std::size_t close = rest.find_first_of(" \t\r\n", v);
                if (close == std::string_view::npos) close = rest.size();
                value = rest.substr(v, close - v);
                at = close;
            }
        }
        if (attr == "href") t.href = decode_entities(value);
    }
    return t;
}

bool decode_entity(std::string_view e, std::string& out) {
    if (e.size() < 3 || e.front() != '&' || e.back() != ';') return false;
    std::string_view body = e.substr(1, e.size() - 2);
    if (body[0] == '#') {
        std::uint32_t cp = 0;
        bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        std::size_t i = hex ? 2 : 1;
        if (i >= body.size() || body.size() - i > 7) return false;
        for (; i < body.size(); ++i) {
            char c = body[i];
            int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return false;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        utf8_append(out, static_cast<char32_t>(cp));
        return true;
    }
    struct Named {
        const char* name;
        const char* text;
    };
    static const Named named[] = {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\u00A0"}};
    for (const Named& n : named)
        if (body == n.name) {
            out += n.text;
            return true;
        }
    return false;
}

std::string decode_entities(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
        if (semi != std::string_view::npos && semi - i <= 10 && decode_entity(s.substr(i, semi - i + 1), out)) {
            i = semi + 1;
            continue;
        }
        out += s[i++];
    }
    return out;
}

struct Open {
    int mark;  // index into out.marks, or -1 for a link whose href was refused
    HtmlTag tag;
};

struct Reader {
    RichString out;
    int pending_break = 0;      // 1: a line break, 2: a paragraph break, before the next text
    bool pending_bullet = false;
    std::vector<bool> tight;    // per open list: its items are lines, not paragraphs
    std::vector<int> spans;     // md4c's open spans: indices into out.marks (-1: no mark)
    std::vector<Open> html;     // open inline HTML tags
    std::vector<std::string>* refused = nullptr;

    bool safe(const std::string& href) {
        if (is_safe_url(href)) return true;
        if (refused) refused->push_back(href);
        return false;
    }

    std::uint32_t at() const { return static_cast<std::uint32_t>(out.text.size()); }

    void request_break(int kind) { pending_break = std::max(pending_break, kind); }

    // Writes the breaks and bullet asked for, now that something follows them.
    void flush() {
        if (!out.text.empty() && pending_break > 0) out.text += pending_break == 1 ? "\n" : "\n\n";
        pending_break = 0;
        if (pending_bullet) out.text += "\u2022 ";
        pending_bullet = false;
    }

    void append(std::string_view s) {
        if (s.empty()) return;
        flush();
        out.text += s;
    }

    int open_mark(MarkKind kind, std::string href = {}) {
        flush();
        Mark m;
        m.begin = m.end = at();
        m.kind = kind;
        m.href = std::move(href);
        out.marks.push_back(std::move(m));
        return static_cast<int>(out.marks.size()) - 1;
    }

    void close_mark(int mark) {
        if (mark >= 0) out.marks[static_cast<std::size_t>(mark)].end = at();
    }

    // A block ends: inline HTML left open ends with it.
    void close_html() {
        for (const Open& o : html) close_mark(o.mark);
        html.clear();
    }

    void tag(std::string_view raw) {
        ParsedTag t = parse_tag(raw);
        switch (t.tag) {
            case HtmlTag::none: append(raw); return;
            case HtmlTag::br: request_break(1); return;
            case HtmlTag::p: request_break(2); return;
            default: break;
        }
        if (!t.closing) {
            MarkKind kind = t.tag == HtmlTag::strong ? MarkKind::strong : t.tag == HtmlTag::emphasis ? MarkKind::emphasis : MarkKind::link;
            int mark = kind == MarkKind::link && !safe(t.href) ? -1 : open_mark(kind, kind == MarkKind::link ? t.href : std::string());
            html.push_back(Open{mark, t.tag});
            return;
        }
        // A closing tag closes the innermost open one of its kind (and what was left open
        // inside it); with none open it is text.
        auto it = std::find_if(html.rbegin(), html.rend(), [&](const Open& o) { return o.tag == t.tag; });
        if (it == html.rend()) {
            append(raw);
            return;
        }
        std::size_t keep = static_cast<std::size_t>(html.rend() - it) - 1;
        for (std::size_t k = keep; k < html.size(); ++k) close_mark(html[k].mark);
        html.resize(keep);
    }

    // The finished text: no trailing breaks, marks inside it, empty ones dropped, in order.
    RichString finish() {
        close_html();
        while (!out.text.empty() && (out.text.back() == '\n' || out.text.back() == ' ')) out.text.pop_back();
        std::uint32_t n = at();
        for (Mark& m : out.marks) {
            m.begin = std::min(m.begin, n);
            m.end = std::min(m.end, n);
        }
        out.marks.erase(std::remove_if(out.marks.begin(), out.marks.end(), [](const Mark& m) { return m.begin >= m.end; }),
                        out.marks.end());
        std::stable_sort(out.marks.begin(), out.marks.end(), [](const Mark& a, const Mark& b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
        });
        return std::move(out);
    }
};

std::string attribute_text(const MD_ATTRIBUTE& a) {
    std::string out;
    for (unsigned i = 0; a.substr_offsets[i] < a.size; ++i) {
        std::string_view piece(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
        if (a.substr_types[i] == MD_TEXT_ENTITY) {
            if (!decode_entity(piece, out)) out += piece;
        } else if (a.substr_types[i] == MD_TEXT_NULLCHAR) {
            out += "\uFFFD";
        } else {
            out += piece;
        }
    }
    return out;
}

int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
    Reader& r = *static_cast<Reader*>(user);
    switch (type) {
        case MD_BLOCK_DOC: break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            r.tight.push_back(type == MD_BLOCK_UL ? static_cast<MD_BLOCK_UL_DETAIL*>(detail)->is_tight != 0
                                                  : static_cast<MD_BLOCK_OL_DETAIL*>(detail)->is_tight != 0);
            r.request_break(2);
            break;
        case MD_BLOCK_LI:
            r.request_break(!r.tight.empty() && r.tight.back() ? 1 : 2);
            r.pending_bullet = true;
            break;
        case MD_BLOCK_P:
            // The paragraph of a loose list item follows its bullet.
            if (!r.pending_bullet) r.request_break(2);
            break;
        default: r.request_break(2); break;
    }
    return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* user) {
    Reader& r = *static_cast<Reader*>(user);
    r.close_html();
    if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) {
        if (!r.tight.empty()) r.tight.pop_back();
        r.request_break(2);
    } else if (type != MD_BLOCK_LI && type != MD_BLOCK_DOC) {
        r.request_break(2);
    }
    return 0;
}

int enter_span(MD_SPANTYPE type, void* detail, void* user) {
    Reader& r = *static_cast<Reader*>(user);
    int mark = -1;
    switch (type) {
        case MD_SPAN_EM: mark = r.open_mark(MarkKind::emphasis); break;
        case MD_SPAN_STRONG: mark = r.open_mark(MarkKind::strong); break;
        case MD_SPAN_CODE: mark = r.open_mark(MarkKind::code); break;
        case MD_SPAN_A: {
            std::string href = attribute_text(static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
            if (r.safe(href)) mark = r.open_mark(MarkKind::link, std::move(href));
            break;
        }
        default: break;  // an image shows its alt text
    }
    r.spans.push_back(mark);
    return 0;
}

int leave_span(MD_SPANTYPE, void*, void* user) {
    Reader& r = *static_cast<Reader*>(user);
    if (r.spans.empty()) return 0;
    r.close_mark(r.spans.back());
    r.spans.pop_back();
    return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* user) {
    Reader& r = *static_cast<Reader*>(user);
    std::string_view s(data, size);
    switch (type) {
        case MD_TEXT_NULLCHAR: r.append("\uFFFD"); break;
        case MD_TEXT_BR: r.request_break(1); break;
        case MD_TEXT_SOFTBR: r.append(" "); break;
        case MD_TEXT_ENTITY: {
            std::string decoded;
            r.append(decode_entity(s, decoded) ? std::string_view(decoded) : s);
            break;
        }
        case MD_TEXT_HTML: r.tag(s); break;
        default: r.append(s); break;
    }
    return 0;
}

// Whether md4c could read anything in `s` differently from plain text.
bool plain(std::string_view s) {
    if (s.find_first_of("*_`[]<>&\\\n!~|") != std::string_view::npos) return false;
    if (s.find("://") != std::string_view::npos || s.find("  ") != std::string_view::npos) return false;
    if (s.empty()) return true;
    unsigned char c = static_cast<unsigned char>(s[0]);
    return !(c == '#' || c == '-' || c == '+' || c == '=' || c == ' ' || c == '\t' || (c >= '0' && c <= '9')) &&
           s.back() != ' ';
}

}  // namespace

RichString read_markdown(std::string_view s, std::vector<std::string>* refused) {
    if (plain(s)) return RichString{std::string(s), {}};
    Reader r;
    r.refused = refused;
    MD_PARSER parser{};
    parser.abi_version = 0;
    // Indented code blocks would turn an indented line of a bio into code, and HTML blocks
    // would pass <div>s through; both off, so every tag is read (or shown) inline.
    parser.flags = MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_NOHTMLBLOCKS | MD_FLAG_PERMISSIVEURLAUTOLINKS;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = text;
    if (md_parse(s.data(), static_cast<MD_SIZE>(s.size()), &parser, &r) != 0) return RichString{std::string(s), {}};
    return r.finish();
}

std::vector<RichString> split_paragraphs(const RichString& s) {
    std::vector<RichString> out;
    std::size_t from = 0;
    while (from <= s.text.size()) {
        std::size_t cut = s.text.find("\n\n", from);
        std::size_t to = cut == std::string::npos ? s.text.size() : cut;
        std::size_t b = from, e = to;
        while (b < e && s.text[b] == '\n') ++b;
        while (e > b && s.text[e - 1] == '\n') --e;
        if (b < e) {
            RichString piece;
            piece.text = s.text.substr(b, e - b);
            for (const Mark& m : s.marks) {
                if (m.end <= b || m.begin >= e) continue;
                Mark c = m;
                c.begin = static_cast<std::uint32_t>(std::max<std::size_t>(m.begin, b) - b);
                c.end = static_cast<std::uint32_t>(std::min<std::size_t>(m.end, e) - b);
                piece.marks.push_back(std::move(c));
            }
            out.push_back(std::move(piece));
        }
        if (cut == std::string::npos) break;
        from = cut + 2;
    }
    return out;
}

}  // namespace profile
