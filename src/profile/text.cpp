#include "profile/text.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace profile {

namespace {

// Length and validity of the sequence at s[i], per RFC 3629 (no overlongs, no
// surrogates, nothing above U+10FFFF). Returns 0 when malformed.
std::size_t valid_sequence(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    auto cont = [&](std::size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(i + 1) || !cont(i + 2)) return 0;
        unsigned char c1 = byte(i + 1);
        if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
        if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        unsigned char c1 = byte(i + 1);
        if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
        if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

}  // namespace

std::size_t utf8_length(std::string_view s, std::size_t i) {
    std::size_t n = valid_sequence(s, i);
    return n == 0 ? 1 : n;
}

char32_t utf8_next(std::string_view s, std::size_t& i) {
    std::size_t n = valid_sequence(s, i);
    auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    char32_t cp;
    switch (n) {
        case 1: cp = b(0); break;
        case 2: cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
        case 3: cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
        case 4: cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F); break;
        default: i += 1; return 0xFFFD;
    }
    i += n;
    return cp;
}

void utf8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool utf8_valid(std::string_view in) {
    std::size_t i = 0;
    while (i < in.size()) {
        for (std::uint64_t w; i + 8 <= in.size(); i += 8) {
            std::memcpy(&w, in.data() + i, 8);
            if (w & 0x8080808080808080ull) break;
        }
        while (i < in.size() && static_cast<unsigned char>(in[i]) < 0x80) ++i;
        if (i >= in.size()) break;
        std::size_t n = valid_sequence(in, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::size_t utf8_sanitize(std::string_view in, std::string& out, std::size_t* first_bad) {
    std::size_t bad = 0;
    out.clear();
    out.reserve(in.size());
    std::size_t i = 0;
    while (i < in.size()) {
        // Fast path: runs of ASCII, eight bytes at a time.
        std::size_t start = i;
        for (std::uint64_t w; i + 8 <= in.size(); i += 8) {
            std::memcpy(&w, in.data() + i, 8);
            if (w & 0x8080808080808080ull) break;
        }
        while (i < in.size() && static_cast<unsigned char>(in[i]) < 0x80) ++i;
        out.append(in.data() + start, i - start);
        if (i >= in.size()) break;
        std::size_t n = valid_sequence(in, i);
        if (n == 0) {
            if (bad == 0 && first_bad) *first_bad = i;
            ++bad;
            out += "\xEF\xBF\xBD";
            i += 1;
        } else {
            out.append(in.data() + i, n);
            i += n;
        }
    }
    return bad;
}

std::string shorten_text(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t keep = max_bytes > 3 ? max_bytes - 3 : 0;
    std::size_t end = 0;
    while (end < keep) {
        std::size_t n = utf8_length(s, end);
        if (end + n > keep) break;
        end += n;
    }
    return std::string(s.substr(0, end)) + "...";
}

std::string fold_case(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            std::size_t sub = diag + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({up + 1, row[j - 1] + 1, sub});
            diag = up;
        }
    }
    return row[b.size()];
}

void LineCounter::advance_to(std::size_t offset, int& line, int& column) {
    offset = std::min(offset, text_.size());
    for (; pos_ < offset; ++pos_)
        if (text_[pos_] == '\n') {
            ++line_;
            line_start_ = pos_ + 1;
        }
    // Minified files are one long line: count columns on from the last answer.
    if (column_pos_ < line_start_ || column_pos_ > offset) {
        column_pos_ = line_start_;
        column_ = 1;
    }
    while (column_pos_ < offset) {
        column_pos_ += utf8_length(text_, column_pos_);
        ++column_;
    }
    line = line_;
    column = column_;
}

}  // namespace profile
