#include "ui/text_flow.h"

#include <cfloat>
#include <cmath>

#include <imgui.h>

#include "profile/text.h"

namespace ui {

namespace {

// Scripts written without spaces: a line may break before or after any of these.
bool breaks_anywhere(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

enum class TokenKind { word, space, newline };

struct Token {
    TokenKind kind;
    std::uint32_t begin, end;
};

// Splits text into words, runs of spaces and line breaks; CJK characters are words of one.
void tokenize(std::string_view s, std::vector<Token>& out) {
    out.clear();
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        char c = s[i];
        if (c == '\n') {
            ++i;
            out.push_back({TokenKind::newline, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)});
            continue;
        }
        if (c == ' ' || c == '\t') {
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
            out.push_back({TokenKind::space, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)});
            continue;
        }
        std::size_t j = i;
        char32_t cp = profile::utf8_next(s, j);
        if (breaks_anywhere(cp)) {
            // Keep a following closing punctuation mark with its character.
            std::size_t k = j;
            if (k < s.size()) {
                char32_t next = profile::utf8_next(s, k);
                if (next == 0x3001 || next == 0x3002 || next == 0xFF0C || next == 0xFF0E || next == 0xFF01 ||
                    next == 0xFF1F)
                    j = k;
            }
            i = j;
        } else {
            i = j;
            while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') {
                std::size_t k = i;
                if (breaks_anywhere(profile::utf8_next(s, k))) break;
                i = k;
            }
        }
        out.push_back({TokenKind::word, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)});
    }
}

}  // namespace

float text_width(ImFont* font, float size, std::string_view text) {
    if (!font || text.empty()) return 0;
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

FlowLayout layout_flow(const std::vector<FlowSpan>& spans, float wrap_width) {
    FlowLayout out;
    float x = 0;
    int line = 0;
    bool line_empty = true;
    float pending_space = 0;  // a space is only placed once a word follows it on the same line
    int space_span = 0;       // ... and it may belong to an earlier span than that word
    std::uint32_t space_begin = 0;
    std::vector<Token> tokens;

    auto emit = [&](int span, std::uint32_t b, std::uint32_t e, float w) {
        // Extend the previous piece when it is the same span, contiguous, on the same line.
        if (!out.pieces.empty()) {
            FlowPiece& last = out.pieces.back();
            if (last.span == span && last.line == line && last.end == b) {
                last.end = e;
                last.width = x + w - last.x;
                return;
            }
        }
        out.pieces.push_back(FlowPiece{span, b, e, x, w, line});
    };
    auto new_line = [&]() {
        out.width = std::max(out.width, x);
        ++line;
        x = 0;
        line_empty = true;
        pending_space = 0;
    };

    for (int si = 0; si < static_cast<int>(spans.size()); ++si) {
        const FlowSpan& span = spans[static_cast<std::size_t>(si)];
        tokenize(span.text, tokens);
        for (const Token& t : tokens) {
            std::string_view piece = span.text.substr(t.begin, t.end - t.begin);
            if (t.kind == TokenKind::newline) {
                new_line();
                continue;
            }
            if (t.kind == TokenKind::space) {
                if (!line_empty) {
                    pending_space = text_width(span.font, span.size, " ");
                    space_span = si;
                    space_begin = t.begin;
                }
                continue;
            }
            float w = text_width(span.font, span.size, piece);
            if (!line_empty && x + pending_space + w > wrap_width) new_line();
            if (pending_space > 0) {
                emit(space_span, space_begin, space_begin + 1, pending_space);
                x += pending_space;
                pending_space = 0;
            }
            if (w <= wrap_width - x || !line_empty) {
                emit(si, t.begin, t.end, w);
                x += w;
                line_empty = false;
                continue;
            }
            // A word wider than the whole line: split it between characters.
            std::size_t i = 0;
            std::uint32_t chunk = t.begin;
            float chunk_w = 0;
            while (i < piece.size()) {
                std::size_t j = i;
                profile::utf8_next(piece, j);
                float cw = text_width(span.font, span.size, piece.substr(i, j - i));
                if (x + chunk_w + cw > wrap_width && chunk_w > 0) {
                    emit(si, chunk, t.begin + static_cast<std::uint32_t>(i), chunk_w);
                    x += chunk_w;
                    new_line();
                    chunk = t.begin + static_cast<std::uint32_t>(i);
                    chunk_w = 0;
                }
                chunk_w += cw;
                i = j;
            }
            emit(si, chunk, t.end, chunk_w);
            x += chunk_w;
            line_empty = false;
        }
    }
    out.width = std::max(out.width, x);
    out.lines = line + 1;
    // imgui starts drawing each run at a whole pixel, truncating its position; rounded here
    // first, a run starts where a browser puts the same text's first glyph (on whole pixels
    // too, at a pixel ratio of 1), so the static page and the canvas draw words alike.
    for (FlowPiece& p : out.pieces) p.x = std::round(p.x);
    return out;
}

}  // namespace ui
