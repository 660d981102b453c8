// ui/layout_cache.h: layout that survives from one frame to the next.
//
// An immediate-mode page lays itself out every frame it draws. Two results are worth
// keeping: the line breaks of paragraphs (most frames show the same text at the same
// width), and the measured heights of entries in long lists, which let virtual_list()
// skip the entries off screen without changing where anything lands. The Site owns
// one cache and clears it when what layout depends on changes (profile, fonts);
// column width and touch targets are part of the keys.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "ui/document.h"
#include "ui/text_flow.h"

namespace ui {

// The heights of one long list's entries, and where each entry starts.
struct ListHeights {
    std::uint64_t layout_key = 0;                       // column width, touch, ... they were measured at
    std::unordered_map<std::uint32_t, float> measured;  // entry key -> height
    std::uint64_t keys_signature = 0;                   // what the caller said decides the entries
    bool has_keys = false;
    bool tops_valid = false;
    std::vector<std::uint32_t> keys;                    // the entries, in order
    std::vector<float> top;                             // top[i]: entry i's offset from the list top; top[n]: the end
    std::unordered_map<std::uint32_t, std::shared_ptr<const std::string>> texts;  // entry key -> its text, as measured
    // The entries as the web page holds them for find in page (HeldList), rebuilt with the
    // tops; `held_version` is new each time.
    std::shared_ptr<const std::vector<HeldEntry>> held;
    std::uint64_t held_version = 0;
};

struct LayoutCache {
    std::uint32_t generation = 0;  // bumped whenever cached layout may be stale
    bool virtualize = true;        // false: long lists are drawn whole (the static export needs every entry)
    std::unordered_map<std::string, ListHeights> lists;

    struct Paragraph {
        std::vector<std::uint32_t> span_bytes;  // checked on a hit: a hash collision must not misplace text
        FlowLayout layout;
    };
    std::unordered_map<std::uint64_t, Paragraph> paragraphs;

    // A publication's author list joined once ("A, B, and C"), with where the profile's
    // owner is in it: drawn as three runs instead of two per author; and where the
    // co-authors with a page are (byte ranges, in order, each with its coauthors index).
    struct AuthorLine {
        std::string text;
        std::size_t owner_begin = std::string::npos, owner_end = std::string::npos;
        struct Linked {
            std::size_t begin, end;
            int coauthor;
        };
        std::vector<Linked> links;
    };
    // The line of the `index`-th publication of the profile shown, whose generation
    // (ProfileFacts::generation) is `generation`: a search shows another profile, in
    // which the same index (or address) is another paper.
    AuthorLine& author_line(std::uint32_t shown_generation, std::uint32_t index) {
        if (shown_generation != author_lines_generation) {
            author_lines.clear();
            author_lines_generation = shown_generation;
        }
        return author_lines[index];
    }

    void clear() {
        ++generation;
        lists.clear();
        paragraphs.clear();
        author_lines.clear();
    }

private:
    std::uint32_t author_lines_generation = 0;
    std::unordered_map<std::uint32_t, AuthorLine> author_lines;
};

}  // namespace ui
