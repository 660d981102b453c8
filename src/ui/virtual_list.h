// ui/virtual_list.h: long lists that cost what is on screen, not what is in them.
//
// A profile with thousands of publications must scroll as smoothly as one with four.
// virtual_list() draws only the entries near the viewport; the others are skipped by
// their measured height (cached by entry key and layout, see layout_cache.h), so the
// page has its true height and every entry its true place. Entries are measured by
// laying them out off screen the first time the list is shown at a width, and again
// whenever they are drawn (an expanded abstract changes a height at once).
//
// Short lists are drawn whole: below kVirtualizeFrom entries the page document stays
// complete (screen readers, tests and the static export see every entry).
//
// The contract for draw(i): it draws entry i at the cursor, leaves the cursor below it,
// and records exactly one node in the open container (its list item), whose id thus
// stays the same whether or not the entries before it were drawn.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace ui {

constexpr std::size_t kVirtualizeFrom = 100;

// `name` identifies the list's cache. `list_keys` fills the entries' stable identities
// (e.g. their index in the profile) in display order; it runs only when `signature`
// changes (the caller's summary of what decides the entries: the profile shown, a
// filter), so a long list costs nothing per frame for entries off screen. `gap` is the
// space between entries; `draw(key)` draws one.
void virtual_list(std::string_view name, std::uint64_t signature,
                  const std::function<void(std::vector<std::uint32_t>&)>& list_keys, float gap,
                  const std::function<void(std::uint32_t)>& draw);

}  // namespace ui
