// profile/translation.h: a profile's other languages ("translations": {"zh-Hans": {...}}).
//
// Each translation is an overlay on the profile as written: an object merges member by
// member, an array element by element by index, and a string (or any other scalar)
// replaces. What a translation leaves out is shown as the original has it. The loader
// (load.cpp) checks each overlay's shape against the profile, reporting a member the
// profile lacks, an element past the end of its array or a value of another type as a
// positioned problem, and reads each translated profile whole, so every view, search and
// export works on a translation as on the original.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "profile/json_reader.h"
#include "profile/problem.h"

namespace profile {

struct Profile;
struct LoadResult;

// `base` with `overlay` laid over it, as JSON text. Members named in `skip` (at the top
// level only: "translations") are left out. Never fails: a part of `overlay` whose shape
// does not match is ignored, and `base` is kept there.
std::string overlaid_json(const JsonValue& base, const JsonValue& overlay, const std::vector<std::string_view>& skip);

// Where `overlay` does not fit `base`: problems with the overlay value's pointer (below
// `pointer`, e.g. "/translations/zh-Hans") and byte offset.
void check_overlay_shape(const JsonValue& base, const JsonValue& overlay, const std::string& pointer,
                         std::vector<Problem>& out);

// The profile's languages: its own (meta.language, "en" when unset) first, then its
// translations' tags in the order written.
std::vector<std::string> profile_languages(const LoadResult& r);

// The profile in `tag` (one of profile_languages, compared without case); the original
// for any other tag.
const Profile& profile_in(const LoadResult& r, std::string_view tag);

// The language to show a visitor whose browser prefers `wanted` (navigator.languages, best
// first): the first that one of the profile's languages matches exactly (any case), else
// by its primary subtag ("zh-CN" finds "zh-Hans", "pt-BR" finds "pt"); the profile's own
// language when none does.
std::string pick_language(const std::vector<std::string>& languages, const std::vector<std::string>& wanted);

// The profile's language spelled as it lists it ("zh-hans" -> "zh-Hans"), or "" when
// it has none such.
std::string find_language(const std::vector<std::string>& languages, std::string_view tag);

}  // namespace profile
