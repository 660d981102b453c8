#include "profile/json_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "profile/text.h"

namespace profile {

namespace {

constexpr std::size_t kQuoteBytes = 48;  // how much of an offending token a message quotes

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The first byte at or after `i` that ends a plain run of string text: a quote, a
// backslash or a control character. Eight bytes at a time: strings are most of a
// profile's bytes.
std::size_t plain_run_end(std::string_view s, std::size_t i) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto has_byte = [](std::uint64_t x, std::uint64_t repeated) {
        std::uint64_t y = x ^ repeated;
        return (y - ones) & ~y & highs;
    };
    while (i + 8 <= s.size()) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        // Bytes below 0x20: (w - 0x20..) sets the high bit of each such byte unless it was set before.
        std::uint64_t control = (w - 0x2020202020202020ull) & ~w & highs;
        if (has_byte(w, 0x2222222222222222ull) || has_byte(w, 0x5C5C5C5C5C5C5C5Cull) || control) break;
        i += 8;
    }
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\' || c < 0x20) break;
        ++i;
    }
    return i;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Messages quote the text where something went wrong, piece by piece (a token, the byte
// after a backslash). Whatever a piece cut, the message a visitor sees must be valid
// UTF-8: a half character would reach the page and the page document as garbage.
std::string whole_characters(std::string message) {
    if (utf8_valid(message)) return message;
    std::string repaired;
    utf8_sanitize(message, repaired, nullptr);
    return repaired;
}

std::string escape_pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

}  // namespace

long long JsonValue::as_integer() const {
    if (type_ != JsonType::integer) return 0;
    long long v = 0;
    std::from_chars(text_.data(), text_.data() + text_.size(), v);
    return v;
}

double JsonValue::as_double() const {
    if (!is_number()) return 0;
    // strtod needs a terminated string; numbers are short (the longest that matter are dates).
    char buf[64];
    std::size_t n = std::min(text_.size(), sizeof buf - 1);
    std::memcpy(buf, text_.data(), n);
    buf[n] = 0;
    return std::strtod(buf, nullptr);
}

const JsonValue* JsonValue::find(std::string_view name) const {
    if (type_ != JsonType::object) return nullptr;
    for (const JsonValue& m : *this)
        if (m.key_ == name) return &m;
    return nullptr;
}

const char* json_type_phrase(const JsonValue& v) {
    switch (v.type()) {
        case JsonType::null: return "null";
        case JsonType::boolean: return "a boolean";
        case JsonType::string: return "a string";
        case JsonType::array: return "an array";
        case JsonType::object: return "an object";
        default: return "a number";
    }
}

class JsonReader {
public:
    JsonReader(std::string_view text, const Limits& limits, JsonSyntax syntax, JsonDocument& doc)
        : s_(text), limits_(limits), syntax_(syntax), doc_(doc) {}

    bool run() {
        for (;;) {
            Step step = read_value();
            if (step == Step::failed) return false;
            if (step == Step::opened) continue;  // the container's first member or element comes next
            // After a value: close containers, or move to the container's next member/element.
            for (;;) {
                skip_space();
                if (stack_.empty()) {
                    if (pos_ < s_.size()) return fail("unexpected text after the end of the JSON value: " + token());
                    return finish();
                }
                Frame& top = stack_.back();
                if (pos_ >= s_.size())
                    return fail(std::string("the file ends inside ") + (top.type == JsonType::object ? "an object" : "an array") +
                                ": expected '" + (top.type == JsonType::object ? '}' : ']') + "'");
                char c = s_[pos_];
                char closer = top.type == JsonType::array ? ']' : '}';
                if (c == closer) {
                    ++pos_;
                    close();
                    continue;
                }
                if (c != ',')
                    return fail(top.type == JsonType::array ? "expected ',' or ']' after an array element, found " + token()
                                                            : "expected ',' or '}' after an object member, found " + token());
                std::size_t comma = pos_++;
                if (syntax_ == JsonSyntax::jsonc && trailing_comma(comma, closer)) continue;
                if (top.type == JsonType::array) {
                    ++stack_.back().index;
                    break;  // the next element
                }
                if (!read_key(true)) return false;
                break;  // the member's value
            }
        }
    }

private:
    struct Frame {
        JsonType type;
        std::uint32_t pending_start;  // its children so far: pending_[pending_start..]
        std::uint32_t offset;         // where the container (or its member name) starts
        std::string_view key;         // its own name, when it is an object member
        std::uint32_t index = 0;      // arrays: the element being read
        std::string_view member;      // objects: the name of the member being read
        std::uint32_t member_offset = 0;
        bool skipping = false;        // deeper than the limit: nothing inside is kept
        bool drop_member = false;     // the member being read has a name over the limit
    };

    // --- values ----------------------------------------------------------------------------
    enum class Step { failed, done, opened };

    // Reads a scalar, or opens a container ("opened": its first member or element is next;
    // an empty container is closed at once and counts as "done").
    Step read_value() {
        skip_space();
        if (pos_ >= s_.size()) return fail_step("the file ends where a value should be");
        char c = s_[pos_];
        std::uint32_t at = static_cast<std::uint32_t>(pos_);
        if (c == '{' || c == '[') return open(c == '{' ? JsonType::object : JsonType::array, at);
        JsonValue v;
        v.offset_ = at;
        if (c == '"') {
            std::string_view str;
            if (!read_string(str)) return Step::failed;
            if (str.size() > limits_.max_string_bytes) {
                if (room(Severity::error))
                    report(Severity::error, current_pointer(), place_of(at),
                       "string of " + std::to_string(str.size()) + " bytes is longer than the limit of " +
                           std::to_string(limits_.max_string_bytes) + "; value dropped");
            } else {
                v.type_ = JsonType::string;
                v.text_ = str;
            }
        } else if (c == '-' || is_digit(c)) {
            if (!read_number(v)) return Step::failed;
        } else if (literal("true")) {
            v.type_ = JsonType::boolean;
            v.boolean_ = true;
        } else if (literal("false")) {
            v.type_ = JsonType::boolean;
        } else if (literal("null")) {
            v.type_ = JsonType::null;
        } else {
            return fail_step("expected a value, found " + token());
        }
        place(v);
        return Step::done;
    }

    Step fail_step(std::string message) {
        fail(std::move(message));
        return Step::failed;
    }

    bool literal(const char* word) {
        std::size_t n = std::strlen(word);
        if (s_.compare(pos_, n, word) != 0) return false;
        // "nullx" is not null followed by garbage: the garbage is reported where it starts.
        pos_ += n;
        return true;
    }

    bool read_number(JsonValue& v) {
        std::size_t start = pos_;
        bool real = false;
        if (s_[pos_] == '-') ++pos_;
        if (pos_ < s_.size() && s_[pos_] == '0') {
            ++pos_;
        } else if (pos_ < s_.size() && is_digit(s_[pos_])) {
            while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
        } else {
            pos_ = start;
            return fail("invalid number " + token());
        }
        if (pos_ < s_.size() && s_[pos_] == '.') {
            real = true;
            ++pos_;
            if (pos_ >= s_.size() || !is_digit(s_[pos_])) {
                pos_ = start;
                return fail("invalid number " + token() + ": digits must follow the '.'");
            }
            while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
        }
        if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
            real = true;
            ++pos_;
            if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
            if (pos_ >= s_.size() || !is_digit(s_[pos_])) {
                pos_ = start;
                return fail("invalid number " + token() + ": digits must follow the exponent");
            }
            while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
        }
        v.text_ = s_.substr(start, pos_ - start);
        long long ignored;
        auto r = std::from_chars(v.text_.data(), v.text_.data() + v.text_.size(), ignored);
        v.type_ = !real && r.ec == std::errc() ? JsonType::integer : JsonType::real;
        return true;
    }

    // Reads a string literal at pos_ (the opening quote). Strings without escapes stay
    // views into the text; others are decoded into the document's own storage.
    bool read_string(std::string_view& out) {
        std::size_t quote = pos_;
        std::size_t i = plain_run_end(s_, ++pos_);
        if (i < s_.size() && s_[i] == '"') {
            out = s_.substr(pos_, i - pos_);
            pos_ = i + 1;
            return true;
        }
        std::string decoded(s_.substr(pos_, i - pos_));
        while (i < s_.size()) {
            char c = s_[i];
            if (c == '"') {
                pos_ = i + 1;
                doc_.decoded.push_back(std::move(decoded));
                out = doc_.decoded.back();
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                pos_ = i;
                char name[8];
                std::snprintf(name, sizeof name, "%04X", static_cast<unsigned>(c));
                return fail(std::string("control character U+") + name + " inside a string: write it as an escape (\\n, \\t, \\u" +
                            name + ")");
            }
            if (c != '\\') {
                decoded += c;
                ++i;
                continue;
            }
            if (i + 1 >= s_.size()) break;
            if (std::size_t n = decode_json_escape(s_, i, decoded)) {
                i += n;
                continue;
            }
            pos_ = i;
            char e = s_[i + 1];
            if (e == 'u') return fail("invalid \\u escape in a string: four hexadecimal digits must follow \\u");
            return fail(std::string("invalid escape \\") + (static_cast<unsigned char>(e) >= 0x20 ? std::string(1, e) : std::string()) +
                        " in a string");
        }
        pos_ = quote;
        return fail("the file ends inside " + token() + ": it has no closing '\"'");
    }

    // Reads "name": in an object (pos_ at the name, or at '}' right after '{').
    bool read_key(bool after_comma) {
        skip_space();
        if (pos_ >= s_.size()) return fail("the file ends inside an object: expected a member name");
        if (s_[pos_] != '"') {
            if (s_[pos_] == '}' && after_comma)
                return fail("expected a member name after ',', found '}': remove the trailing comma");
            return fail("expected a member name (a string in double quotes), found " + token());
        }
        Frame& top = stack_.back();
        std::uint32_t at = static_cast<std::uint32_t>(pos_);
        std::string_view name;
        if (!read_string(name)) return false;
        top.member = name;
        top.member_offset = at;
        top.drop_member = false;
        if (name.size() > limits_.max_string_bytes && !top.skipping) {
            top.drop_member = true;
            top.member = std::string_view();
            // Named and placed by its object: a pointer holding the whole name would be as large as it.
            if (room(Severity::error))
                report(Severity::error, frame_pointer(stack_.size()), top.offset,
                       "a key of " + std::to_string(name.size()) + " bytes is longer than the limit of " +
                           std::to_string(limits_.max_string_bytes) + "; that member is dropped");
        }
        skip_space();
        if (pos_ >= s_.size()) return fail("the file ends after a member name: expected ':'");
        if (s_[pos_] != ':') return fail("expected ':' after the member name, found " + token());
        ++pos_;
        return true;
    }

    // --- containers ----------------------------------------------------------------------
    Step open(JsonType type, std::uint32_t at) {
        bool parent_skipping = !stack_.empty() && (stack_.back().skipping || stack_.back().drop_member);
        bool too_deep = static_cast<int>(stack_.size()) >= limits_.max_depth;
        if (too_deep && !parent_skipping && room(Severity::error))
            report(Severity::error, current_pointer(), place_of(at),
                   "nested deeper than the limit of " + std::to_string(limits_.max_depth) + " levels; value dropped");
        Frame f{type, static_cast<std::uint32_t>(pending_.size()), at};
        if (!stack_.empty()) {
            const Frame& parent = stack_.back();
            if (parent.type == JsonType::object) {
                f.key = parent.member;
                f.offset = parent.member_offset;
            }
        }
        f.skipping = parent_skipping || too_deep;
        stack_.push_back(f);
        ++pos_;
        skip_space();
        if (type == JsonType::object) {
            if (pos_ < s_.size() && s_[pos_] == '}') {
                ++pos_;
                close();
                return Step::done;
            }
            return read_key(false) ? Step::opened : Step::failed;
        }
        if (pos_ < s_.size() && s_[pos_] == ']') {
            ++pos_;
            close();
            return Step::done;
        }
        return Step::opened;
    }

    void close() {
        Frame f = stack_.back();
        stack_.pop_back();
        if (f.skipping) {
            pending_.resize(f.pending_start);
            // The container at the limit itself is read as null; deeper ones vanish with it.
            bool parent_skipping = !stack_.empty() && stack_.back().skipping;
            if (!parent_skipping) {
                JsonValue v;
                v.offset_ = f.offset;
                place(v);
            }
            return;
        }
        if (f.type == JsonType::object) drop_earlier_duplicates(f);
        JsonValue v;
        v.type_ = f.type;
        v.offset_ = f.offset;
        v.first_ = static_cast<std::uint32_t>(doc_.nodes.size());
        v.count_ = static_cast<std::uint32_t>(pending_.size() - f.pending_start);
        doc_.nodes.insert(doc_.nodes.end(), pending_.begin() + f.pending_start, pending_.end());
        pending_.resize(f.pending_start);
        place(v);
    }

    // A name given twice: the later member is used (reported), the earlier one removed.
    void drop_earlier_duplicates(const Frame& f) {
        std::size_t n = pending_.size() - f.pending_start;
        if (n < 2) return;
        JsonValue* first = pending_.data() + f.pending_start;
        // The common case, small objects without duplicates, costs no allocation.
        if (n <= 24) {
            bool any_duplicate = false;
            for (std::size_t i = 1; i < n && !any_duplicate; ++i)
                for (std::size_t j = 0; j < i && !any_duplicate; ++j) any_duplicate = first[j].key_ == first[i].key_;
            if (!any_duplicate) return;
        }
        std::vector<bool> dropped(n, false);
        bool any = false;
        auto duplicate = [&](std::size_t later, std::size_t earlier) {
            dropped[earlier] = true;
            any = true;
            if (!room(Severity::warning)) return;
            std::string pointer = frame_pointer(stack_.size() + 1, f) + "/" + escape_pointer_token(first[later].key_);
            report(Severity::warning, pointer, first[later].offset_,
                   "duplicate key \"" + shorten_text(std::string(first[later].key_), 60) + "\"; the later value is used");
        };
        if (n <= 24) {
            for (std::size_t i = 1; i < n; ++i)
                for (std::size_t j = i; j-- > 0;)
                    if (!dropped[j] && first[j].key_ == first[i].key_) {
                        duplicate(i, j);
                        break;
                    }
        } else {
            std::unordered_map<std::string_view, std::size_t> last;
            for (std::size_t i = 0; i < n; ++i) {
                auto [it, fresh] = last.emplace(first[i].key_, i);
                if (!fresh) {
                    duplicate(i, it->second);
                    it->second = i;
                }
            }
        }
        if (!any) return;
        std::size_t out = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (!dropped[i]) first[out++] = first[i];
        pending_.resize(f.pending_start + out);
    }

    // Adds a finished value to its container (or makes it the root).
    void place(JsonValue v) {
        if (stack_.empty()) {
            doc_.nodes.push_back(v);
            root_placed_ = true;
            return;
        }
        Frame& parent = stack_.back();
        if (parent.skipping || parent.drop_member) return;
        if (parent.type == JsonType::object) {
            v.key_ = parent.member;
            v.offset_ = parent.member_offset;
        }
        pending_.push_back(v);
    }

    bool finish() {
        if (!root_placed_) return fail("no JSON value");
        // Containers' children were appended as blocks; pointers to them are safe now.
        for (JsonValue& v : doc_.nodes)
            if (v.count_ > 0) v.children_ = doc_.nodes.data() + v.first_;
        doc_.root = &doc_.nodes.back();
        doc_.ok = true;
        return true;
    }

    // --- places and problems -------------------------------------------------------------
    // The pointer of the container at depth `depth` (1 = the root), built only for problems.
    std::string frame_pointer(std::size_t depth, const Frame& innermost) const {
        std::string p;
        for (std::size_t k = 1; k < depth; ++k) {
            const Frame& parent = stack_[k - 1];
            const Frame& child = k < stack_.size() ? stack_[k] : innermost;
            if (parent.type == JsonType::object)
                p += "/" + escape_pointer_token(child.key);
            else
                p += "/" + std::to_string(parent.index);
        }
        return p;
    }
    std::string frame_pointer(std::size_t depth) const { return frame_pointer(depth, stack_.back()); }

    // Where a problem with the value about to be read is shown: at its member name when it
    // is an object member (the name is what an editor's eye finds), else at the value.
    std::size_t place_of(std::size_t value_offset) const {
        if (!stack_.empty() && stack_.back().type == JsonType::object) return stack_.back().member_offset;
        return value_offset;
    }

    // The pointer of the value about to be read.
    std::string current_pointer() const {
        if (stack_.empty()) return {};
        const Frame& top = stack_.back();
        std::string p = frame_pointer(stack_.size());
        if (top.type == JsonType::object) return p + "/" + escape_pointer_token(top.member);
        return p + "/" + std::to_string(top.index);
    }

    // Whether another problem may be kept; when not, it is only counted. Asked before a
    // problem's pointer and message are built: a hostile file can hold a million of them.
    bool room(Severity s) {
        if (doc_.problems.size() < limits_.max_problems) return true;
        ++doc_.overflow.count;
        doc_.overflow.any_error = doc_.overflow.any_error || s == Severity::error;
        return false;
    }

    void report(Severity s, std::string pointer, std::size_t offset, std::string message) {
        Problem p{s, std::move(pointer), whole_characters(std::move(message))};
        p.offset = offset;
        doc_.problems.push_back(std::move(p));
    }

    // Not JSON at all: the syntax error is the one thing to say (limits met before it
    // concerned values that will not be read anyway).
    bool fail(std::string message) {
        if (unclosed_comment_ != std::string_view::npos) {
            message = "the file ends inside a /* comment */ that is never closed";
            pos_ = unclosed_comment_;
        }
        doc_.problems.clear();
        doc_.overflow = Overflow{};
        Problem p{Severity::error, "", "not valid JSON: " + whole_characters(std::move(message))};
        p.offset = std::min(pos_, s_.size());
        doc_.problems.push_back(std::move(p));
        doc_.ok = false;
        return false;
    }

    // The token at pos_, quoted briefly for messages.
    std::string token() const {
        if (pos_ >= s_.size()) return "the end of the file";
        std::size_t end = pos_;
        if (s_[pos_] == '"') {
            end = pos_ + 1;
            while (end < s_.size() && s_[end] != '"' && end - pos_ < kQuoteBytes) end += s_[end] == '\\' ? 2 : 1;
            end = std::min(end + 1, s_.size());
            return (end - pos_ >= kQuoteBytes ? "a string starting " : "the string ") +
                   shorten_text(std::string(s_.substr(pos_, end - pos_)), kQuoteBytes);
        }
        if (std::strchr("{}[],:", s_[pos_])) return std::string("'") + s_[pos_] + "'";
        while (end < s_.size() && !is_space(s_[end]) && !std::strchr("{}[],:\"", s_[end]) && end - pos_ < kQuoteBytes)
            end += utf8_length(s_, end);
        if (end == pos_) end = pos_ + utf8_length(s_, pos_);
        return "'" + shorten_text(std::string(s_.substr(pos_, end - pos_)), kQuoteBytes) + "'";
    }

    // Spaces, and in JSONC comments. Each comment is a warning at its start: a file that
    // has them is refused by strict JSON tools (jq, Python's json, JSON Resume's own).
    void skip_space() {
        for (;;) {
            while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
            if (syntax_ != JsonSyntax::jsonc || pos_ + 1 >= s_.size() || s_[pos_] != '/') return;
            char kind = s_[pos_ + 1];
            if (kind != '/' && kind != '*') return;
            std::size_t start = pos_;
            if (kind == '/') {
                std::size_t eol = s_.find('\n', pos_ + 2);
                pos_ = eol == std::string_view::npos ? s_.size() : eol + 1;
            } else {
                std::size_t close = s_.find("*/", pos_ + 2);
                if (close == std::string_view::npos) {
                    // Whatever fails next (the end of the file) is reported as this comment.
                    unclosed_comment_ = start;
                    pos_ = s_.size();
                    return;
                }
                pos_ = close + 2;
            }
            if (room(Severity::warning))
                report(Severity::warning, container_pointer(), start,
                       std::string(kind == '/' ? "a // comment" : "a /* comment */") +
                           " is not JSON; read as JSONC (JSON with comments), which strict JSON readers refuse");
        }
    }

    // After the ',' at `comma`: when the container closes right away, the comma was a
    // trailing one (",}" ",]"): JSONC allows it, with a warning at the comma.
    bool trailing_comma(std::size_t comma, char closer) {
        skip_space();
        if (pos_ >= s_.size() || s_[pos_] != closer) return false;
        if (room(Severity::warning))
            report(Severity::warning, container_pointer(), comma,
                   std::string("trailing comma before '") + closer +
                       "' is not JSON; read as JSONC (JSON with comments), which strict JSON readers refuse");
        ++pos_;
        close();
        return true;
    }

    // The pointer of the innermost open container ("" at the top level).
    std::string container_pointer() const { return stack_.empty() ? std::string() : frame_pointer(stack_.size()); }

    std::string_view s_;
    const Limits& limits_;
    JsonSyntax syntax_;
    JsonDocument& doc_;
    std::size_t unclosed_comment_ = std::string_view::npos;
    std::size_t pos_ = 0;
    std::vector<Frame> stack_;
    std::vector<JsonValue> pending_;
    bool root_placed_ = false;
};

namespace {

long hex4(std::string_view s, std::size_t at) {
    if (at + 4 > s.size()) return -1;
    long v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
        char c = s[k];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied: plain text is copied in runs
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

std::size_t decode_json_escape(std::string_view text, std::size_t at, std::string& out) {
    if (at + 1 >= text.size() || text[at] != '\\') return 0;
    switch (text[at + 1]) {
        case '"': out += '"'; return 2;
        case '\\': out += '\\'; return 2;
        case '/': out += '/'; return 2;
        case 'b': out += '\b'; return 2;
        case 'f': out += '\f'; return 2;
        case 'n': out += '\n'; return 2;
        case 'r': out += '\r'; return 2;
        case 't': out += '\t'; return 2;
        case 'u': break;
        default: return 0;
    }
    long cp = hex4(text, at + 2);
    if (cp < 0) return 0;
    std::size_t used = 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && at + used + 1 < text.size() && text[at + used] == '\\' &&
        text[at + used + 1] == 'u') {
        long low = hex4(text, at + used + 2);
        if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            used += 6;
        }
    }
    // A surrogate without its pair encodes nothing: shown as U+FFFD.
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    utf8_append(out, static_cast<char32_t>(cp));
    return used;
}

JsonDocument read_json(std::string_view text, const Limits& limits, JsonSyntax syntax) {
    JsonDocument doc;
    // Roughly one value per 24 bytes of typical profile JSON: avoids most regrowth.
    doc.nodes.reserve(text.size() / 24 + 16);
    JsonReader reader(text, limits, syntax, doc);
    if (!reader.run()) {
        doc.root = nullptr;
        doc.nodes.clear();
    }
    return doc;
}

}  // namespace profile
