#include "ui/virtual_list.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <imgui.h>

#include "ui/layout_cache.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// Entries are measured this far above the screen: nothing there is drawn, and a float
// still resolves 1/256 px at this distance.
constexpr float kMeasureY = -50000.0f;
// Drawn beyond the viewport's edges, like visible() in widgets.cpp.
constexpr float kOverscan = 200.0f;

std::uint64_t layout_key(const Ctx& c, std::uint32_t generation) {
    std::uint32_t w;
    std::memcpy(&w, &c.column_w, sizeof w);
    return (static_cast<std::uint64_t>(w) << 32) ^ (static_cast<std::uint64_t>(generation) << 1) ^ (c.touch ? 1u : 0u);
}

void rebuild_tops(ListHeights& l, float gap) {
    static std::uint64_t versions = 0;
    std::size_t n = l.keys.size();
    l.top.assign(n + 1, 0.0f);
    auto held = std::make_shared<std::vector<HeldEntry>>(n);
    float y = 0;
    for (std::size_t i = 0; i < n; ++i) {
        l.top[i] = y;
        float h = l.measured[l.keys[i]];
        (*held)[i] = HeldEntry{y, h, l.texts[l.keys[i]]};
        y += h + gap;
    }
    l.top[n] = y;  // one gap past the last entry; subtracted where the list ends
    l.held = std::move(held);
    l.held_version = ++versions;
}

}  // namespace

void virtual_list(std::string_view name, std::uint64_t signature,
                  const std::function<void(std::vector<std::uint32_t>&)>& list_keys, float gap,
                  const std::function<void(std::uint32_t)>& draw_key) {
    Ctx& c = ctx();
    std::vector<std::uint32_t> uncached;
    ListHeights* cached = c.layout ? &c.layout->lists[std::string(name)] : nullptr;
    if (cached && (!cached->has_keys || cached->keys_signature != signature)) {
        cached->keys.clear();
        list_keys(cached->keys);
        cached->keys_signature = signature;
        cached->has_keys = true;
        cached->tops_valid = false;
    } else if (!cached) {
        list_keys(uncached);
    }
    const std::vector<std::uint32_t>& keys = cached ? cached->keys : uncached;
    auto draw = [&](std::size_t i) { draw_key(keys[i]); };
    const std::size_t n = keys.size();
    if (n < kVirtualizeFrom || !c.layout || !c.layout->virtualize) {
        for (std::size_t i = 0; i < n; ++i) {
            if (i) vspace(gap);
            draw(i);
        }
        return;
    }

    ListHeights& l = *cached;
    Document& doc = c.doc;
    const std::uint32_t base = doc.next_ordinal();
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    auto measure = [&](std::size_t i) {
        std::size_t mark = doc.size();
        doc.set_next_ordinal(base + static_cast<std::uint32_t>(i));
        ImGui::SetCursorScreenPos(ImVec2(origin.x, kMeasureY));
        draw(i);
        l.measured[keys[i]] = ImGui::GetCursorScreenPos().y - kMeasureY;
        l.texts[keys[i]] = std::make_shared<const std::string>(mark < doc.size() ? doc.text_of(static_cast<int>(mark)) : std::string());
        doc.truncate(mark);
    };

    std::uint64_t key = layout_key(c, c.layout->generation);
    if (l.layout_key != key || !l.tops_valid) {
        if (l.layout_key != key) {
            l.measured.clear();
            l.texts.clear();
        }
        l.layout_key = key;
        l.tops_valid = true;
        for (std::size_t i = 0; i < n; ++i)
            if (!l.measured.count(keys[i])) measure(i);
        rebuild_tops(l, gap);
    }

    // The entries that meet the viewport (screen space), by binary search on their tops.
    float lo = -kOverscan - origin.y, hi = c.viewport_h + kOverscan - origin.y;
    std::size_t first = static_cast<std::size_t>(std::upper_bound(l.top.begin(), l.top.begin() + n, lo) - l.top.begin());
    first = first > 0 ? first - 1 : 0;
    std::size_t last = static_cast<std::size_t>(std::lower_bound(l.top.begin(), l.top.begin() + n, hi) - l.top.begin());
    last = std::max(last, std::min(n, first + 1));

    float y = origin.y + l.top[first];
    bool changed = false;
    for (std::size_t i = first; i < last; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        doc.set_next_ordinal(base + static_cast<std::uint32_t>(i));
        draw(i);
        float h = ImGui::GetCursorScreenPos().y - y;
        float& known = l.measured[keys[i]];
        if (std::fabs(h - known) > 0.01f) {
            known = h;
            changed = true;
        }
        y += h + gap;
    }
    // Whatever follows moves by as much as the drawn entries grew or shrank.
    float end = origin.y + l.top[n] - gap + (y - (origin.y + l.top[last]));
    if (changed) rebuild_tops(l, gap);
    // The entries not laid out, held by the web page for find in page (document.h).
    if (int list = doc.open_container(); list >= 0)
        doc.held.push_back(HeldList{doc.node(list).id, l.held_version, origin.y + c.scroll_y,
                                    static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(last), l.held});
    doc.set_next_ordinal(base + static_cast<std::uint32_t>(n));
    ImGui::SetCursorScreenPos(ImVec2(origin.x, end));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace ui
