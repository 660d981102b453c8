// profile/text.h: small UTF-8 helpers shared by loading, checking and the views.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace profile {

// Byte length of the UTF-8 sequence starting at s[i] (1 for a stray byte).
std::size_t utf8_length(std::string_view s, std::size_t i);

// Decodes the code point at s[i] and advances i; U+FFFD for a malformed sequence.
char32_t utf8_next(std::string_view s, std::size_t& i);

void utf8_append(std::string& out, char32_t cp);

// Whether `s` is valid UTF-8 (most files are: then nothing needs copying).
bool utf8_valid(std::string_view s);

// Replaces every malformed UTF-8 sequence with U+FFFD. Returns how many were
// replaced and, through first_bad, the byte offset (in `in`) of the first one.
std::size_t utf8_sanitize(std::string_view in, std::string& out, std::size_t* first_bad);

// At most `max_bytes` of `s`, cut at a character boundary, with "..." when cut: for
// quoting a user's value in a message without quoting all of a huge one.
std::string shorten_text(std::string_view s, std::size_t max_bytes);

// ASCII lower-casing; enough for comparing field names and Latin names.
std::string fold_case(std::string_view s);

// Edit distance, for "did you mean" suggestions on misspelt field names.
std::size_t edit_distance(std::string_view a, std::string_view b);

// 1-based line and column (in code points) of byte offsets, visited in increasing
// order, so that placing many problems in a large file is one pass.
class LineCounter {
public:
    explicit LineCounter(std::string_view text) : text_(text) {}
    void advance_to(std::size_t offset, int& line, int& column);

private:
    std::string_view text_;
    std::size_t pos_ = 0, line_start_ = 0, column_pos_ = 0;
    int line_ = 1, column_ = 1;
};

}  // namespace profile
