// tests/ui/document_checks.h: assertions about the shape of a page document that
// several UI tests make.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "ui/document.h"

namespace {

// Paragraph pairs (outside the fixed top bar) that share some of their height: text
// side by side. Tiles of one grid (different items of the same list) do not count.
int side_by_side(const ui::Document& d) {
    const auto& n = d.nodes();
    auto item_of = [&](std::size_t i) {
        for (int p = n[i].parent; p >= 0; p = n[static_cast<std::size_t>(p)].parent)
            if (n[static_cast<std::size_t>(p)].role == ui::Role::list_item) return p;
        return -1;
    };
    std::vector<std::size_t> paragraphs;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (n[i].role == ui::Role::paragraph && !n[i].fixed && n[i].rect.h > 0) paragraphs.push_back(i);
    int found = 0;
    for (std::size_t a = 0; a < paragraphs.size(); ++a)
        for (std::size_t b = a + 1; b < paragraphs.size(); ++b) {
            const ui::Rect& x = n[paragraphs[a]].rect;
            const ui::Rect& y = n[paragraphs[b]].rect;
            if (std::min(x.y + x.h, y.y + y.h) - std::max(x.y, y.y) <= 1) continue;
            int ia = item_of(paragraphs[a]), ib = item_of(paragraphs[b]);
            bool tiles = ia >= 0 && ib >= 0 && ia != ib && n[static_cast<std::size_t>(ia)].parent == n[static_cast<std::size_t>(ib)].parent;
            if (tiles) continue;
            INFO(n[paragraphs[a]].text, " | ", n[paragraphs[b]].text);
            ++found;
        }
    return found;
}

// One column: every section spans the content column, below the one before it, and
// no text stands beside other text (but tiles of a grid).
void check_one_column(const ui::Document& d, float column_x, float column_w) {
    float bottom = 0;
    for (const ui::Node* s : d.find(ui::Role::section)) {
        CHECK_MESSAGE(s->rect.x == column_x, s->anchor);
        CHECK_MESSAGE(s->rect.w == column_w, s->anchor);
        CHECK_MESSAGE(s->rect.y >= bottom, s->anchor);
        bottom = s->rect.y + s->rect.h;
    }
    CHECK(side_by_side(d) == 0);
}

}  // namespace
