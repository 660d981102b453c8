#include "profile/csl_markup.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace profile {

namespace {

// The tags of CSL's markup. `mark` is false for <span class="nocase">, which only
// protects case.
struct Tag {
    const char* open;
    const char* close;
    MarkKind kind;
    bool mark;
};

constexpr Tag kTags[] = {
    {"<i>", "</i>", MarkKind::emphasis, true},
    {"<b>", "</b>", MarkKind::strong, true},
    {"<sup>", "</sup>", MarkKind::superscript, true},
    {"<sub>", "</sub>", MarkKind::subscript, true},
    {"<sc>", "</sc>", MarkKind::small_caps, true},
    {"<span style=\"font-variant:small-caps;\">", "</span>", MarkKind::small_caps, true},
    {"<span style=\"font-variant: small-caps;\">", "</span>", MarkKind::small_caps, true},
    {"<span class=\"nocase\">", "</span>", MarkKind::emphasis, false},
};
constexpr std::size_t kTagCount = sizeof kTags / sizeof kTags[0];

struct Token {
    std::size_t at, length;
    std::size_t tag;  // index into kTags
    bool closing;
    bool matched = false;
};

}  // namespace

RichString read_csl_markup(std::string_view s) {
    RichString out;
    if (s.find('<') == std::string_view::npos) {
        out.text = std::string(s);
        return out;
    }
    // Every tag, then opening and closing ones paired like brackets: a closing tag pairs
    // with the innermost open one when that is the same tag, and is text otherwise.
    std::vector<Token> tokens;
    for (std::size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
        for (std::size_t t = 0; t < kTagCount; ++t) {
            std::string_view open(kTags[t].open), close(kTags[t].close);
            if (s.compare(i, open.size(), open) == 0) {
                tokens.push_back(Token{i, open.size(), t, false});
                break;
            }
            if (s.compare(i, close.size(), close) == 0) {
                tokens.push_back(Token{i, close.size(), t, true});
                break;
            }
        }
    }
    // A closing tag pairs with the nearest open tag it closes ("</span>" closes either
    // span); open tags left inside that pair were never closed and stay text.
    auto closer = [](std::size_t tag) { return std::string_view(kTags[tag].close); };
    std::vector<std::size_t> stack;  // open tokens waiting for their close
    std::size_t open_count[kTagCount] = {};  // per tag: how many on the stack, so a close with none open costs nothing
    auto index_of_closer = [&](std::string_view close) {
        for (std::size_t t = 0; t < kTagCount; ++t)
            if (closer(t) == close) return t;
        return kTagCount;
    };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        Token& t = tokens[k];
        std::size_t kind = index_of_closer(closer(t.tag));
        if (!t.closing) {
            stack.push_back(k);
            ++open_count[kind];
            continue;
        }
        if (open_count[kind] == 0) continue;
        while (!stack.empty()) {
            Token& o = tokens[stack.back()];
            stack.pop_back();
            std::size_t o_kind = index_of_closer(closer(o.tag));
            --open_count[o_kind];
            if (o_kind == kind) {
                t.tag = o.tag;
                t.matched = o.matched = true;
                break;
            }
        }
    }
    out.text.reserve(s.size());
    std::vector<std::size_t> open;  // indices into out.marks
    std::size_t from = 0;
    for (const Token& t : tokens) {
        if (!t.matched) continue;
        out.text.append(s.data() + from, t.at - from);
        from = t.at + t.length;
        const Tag& tag = kTags[t.tag];
        if (!tag.mark) continue;
        if (!t.closing) {
            Mark m;
            m.begin = m.end = static_cast<std::uint32_t>(out.text.size());
            m.kind = tag.kind;
            open.push_back(out.marks.size());
            out.marks.push_back(m);
        } else if (!open.empty()) {
            out.marks[open.back()].end = static_cast<std::uint32_t>(out.text.size());
            open.pop_back();
        }
    }
    out.text.append(s.data() + from, s.size() - from);
    out.marks.erase(std::remove_if(out.marks.begin(), out.marks.end(), [](const Mark& m) { return m.begin >= m.end; }),
                    out.marks.end());
    std::stable_sort(out.marks.begin(), out.marks.end(), [](const Mark& a, const Mark& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    return out;
}

}  // namespace profile
