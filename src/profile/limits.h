// profile/limits.h: every limit on untrusted input, in one place.
//
// A profile can come from any https URL, so each of these bounds memory or time.
// Exceeding one is a clear, positioned problem; it never aborts and (except for
// the file size) never loses more than the value that broke it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace profile {

struct Limits {
    std::size_t max_file_bytes = 16u << 20;    // 16 MiB: larger files are refused unread
    int max_depth = 64;                        // deeper values are dropped (JSON Resume needs 5)
    std::size_t max_string_bytes = 256u << 10; // per string value; longer ones are dropped
    std::size_t max_entries = 20000;           // per section; later entries are dropped
    std::size_t max_problems = 500;            // problems kept; the rest are counted
    std::size_t max_glyphs = 4000;             // distinct characters given glyphs (fonts)
    std::size_t max_bibliographies = 8;        // .bib files a profile may name; each has the limits above
    std::size_t max_picture_bytes = 8u << 20;      // per picture (photo, preview): larger ones are not shown
    std::uint64_t max_picture_pixels = 24000000;  // per picture, width x height, checked before decoding
    std::size_t max_fields = 1000;             // per BibTeX entry (real ones have a few dozen); the rest is skipped
};

inline const Limits& default_limits() {
    static const Limits limits;
    return limits;
}

}  // namespace profile
