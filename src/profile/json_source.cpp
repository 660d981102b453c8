#include "profile/json_source.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "profile/text.h"

namespace profile {

namespace {

using nlohmann::json;

// Builds the DOM from SAX events. It keeps the JSON pointer of the value being
// read, so that every problem it finds can name its place.
class DomBuilder {
public:
    DomBuilder(const Limits& limits, std::vector<Problem>& problems, Overflow& overflow, std::string_view text)
        : limits_(limits), problems_(problems), overflow_(overflow), text_(text) {}

    json root;
    std::size_t error_offset = 0;
    std::string error_message;

    bool null() { return put(json(nullptr)); }
    bool boolean(bool v) { return put(json(v)); }
    bool number_integer(json::number_integer_t v) { return put(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
    bool number_float(json::number_float_t v, const std::string&) { return put(json(v)); }
    bool binary(json::binary_t&) { return put(json(nullptr)); }
    bool string(std::string& v) {
        if (v.size() > limits_.max_string_bytes) {
            if (skipping_ == 0 && !drop_member_ && room(Severity::error))
                report(current_pointer(), "string of " + std::to_string(v.size()) + " bytes is longer than the limit of " +
                                              std::to_string(limits_.max_string_bytes) + "; value dropped");
            return put(json(nullptr));
        }
        return put(json(std::move(v)));
    }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& k) {
        if (skipping_ > 0) return true;
        if (k.size() > limits_.max_string_bytes) {
            // Named by its object: a pointer holding the whole key would be as large as it.
            if (room(Severity::error))
                report(frame_pointer(), "a key of " + std::to_string(k.size()) + " bytes is longer than the limit of " +
                                            std::to_string(limits_.max_string_bytes) + "; that member is dropped");
            drop_member_ = true;
            return true;
        }
        Frame& f = stack_.back();
        if (f.value->contains(k) && room(Severity::warning))
            report(pointer_child(frame_pointer(), k),
                   "duplicate key \"" + shorten_text(k, 60) + "\"; the later value is used", Severity::warning);
        f.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
        error_message = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
        // The place is reported in our own format, so keep only what went wrong.
        std::size_t colon = error_message.find(": ");
        if (colon != std::string::npos) error_message.erase(0, colon + 2);
        std::size_t last_read = error_message.find("; last read: ");
        if (last_read != std::string::npos) error_message.erase(last_read);

        // Place it at the start of the token that could not be read, as a compiler does.
        // `position` counts the end of input as a character read, hence the clamp. The
        // lexer's token text runs from the start of the last string or number it began
        // (for other tokens it holds more), so it measures only those two.
        std::size_t end = std::min(position, text_.size());
        std::size_t start = end;
        std::string read = error_message.substr(0, error_message.find("; expected"));  // what was found
        bool string_or_number = read.find("string") != std::string::npos || read.find("number") != std::string::npos;
        if (error_message.find("end of input") != std::string::npos) {
            start = end;
        } else if (string_or_number && raw_token_length(last_token) <= end) {
            start = end - raw_token_length(last_token);
        } else if (end > 0) {
            start = end - 1;  // the character that broke it; a misspelt literal starts earlier
            while (start > 0 && std::isalpha(static_cast<unsigned char>(text_[start - 1]))) --start;
        }
        error_offset = start;
        if (end > start) {
            // Whole characters only: the byte that broke the parse can be the middle of
            // one, and a quote ending inside it is not UTF-8 (the page and the console
            // would show garbage; found by the fuzzer).
            auto continuation = [&](std::size_t at) { return (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80; };
            while (start > 0 && continuation(start)) --start;
            while (end < text_.size() && continuation(end)) ++end;
            error_offset = start;
            // Quote what was read, in our words: an unterminated string can be megabytes.
            std::string shown;
            for (char c : shorten_text(text_.substr(start, end - start), 48))
                shown += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
            error_message += "; read: '" + shown + "'";
        }
        return false;
    }

private:
    struct Frame {
        json* value;
        std::string key;        // the member being read, for objects
        std::size_t index = 0;  // the next element, for arrays
    };

    bool open(json&& container) {
        if (skipping_ == 0 && drop_member_) {
            drop_member_ = false;
            place_after_skip_ = false;
            ++skipping_;
            return true;
        }
        if (skipping_ > 0 || static_cast<int>(stack_.size()) >= limits_.max_depth) {
            if (skipping_++ == 0) {
                // A null stays in its place, so the member is still there (and ignored).
                place_after_skip_ = true;
                if (room(Severity::error))
                    report(current_pointer(), "nested deeper than the limit of " + std::to_string(limits_.max_depth) +
                                                  " levels; value dropped");
            }
            return true;
        }
        json* slot = place(std::move(container));
        stack_.push_back(Frame{slot, {}, 0});
        return true;
    }

    bool close() {
        if (skipping_ > 0) {
            if (--skipping_ == 0 && place_after_skip_) place(json(nullptr));
            return true;
        }
        stack_.pop_back();
        return true;
    }

    bool put(json&& v) {
        if (skipping_ > 0) return true;
        if (drop_member_) {
            drop_member_ = false;
            return true;
        }
        place(std::move(v));
        return true;
    }

    json* place(json&& v) {
        if (stack_.empty()) {
            root = std::move(v);
            return &root;
        }
        Frame& f = stack_.back();
        if (f.value->is_array()) {
            f.value->push_back(std::move(v));
            ++f.index;
            return &f.value->back();
        }
        json& slot = (*f.value)[f.key];
        slot = std::move(v);
        return &slot;
    }

    // The pointer of the innermost open container.
    std::string frame_pointer() const {
        std::string p;
        for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            p = f.value->is_array() ? pointer_child(p, f.index - 1) : pointer_child(p, f.key);
        }
        return p;
    }

    // The pointer of the value about to be placed.
    std::string current_pointer() const {
        if (stack_.empty()) return {};
        const Frame& f = stack_.back();
        std::string p = frame_pointer();
        return f.value->is_array() ? pointer_child(p, f.index) : pointer_child(p, f.key);
    }

    // Whether another problem may be kept; when not, it is counted here. Asked before a
    // problem's pointer and message are built: a file of a million duplicate keys
    // would otherwise build a million pointers only to count them (6 s for 16 MiB).
    bool room(Severity s) {
        if (problems_.size() < limits_.max_problems) return true;
        add_problem(problems_, Problem{s, {}, {}}, limits_.max_problems, overflow_);
        return false;
    }

    void report(std::string pointer, std::string message, Severity s = Severity::error) {
        add_problem(problems_, Problem{s, std::move(pointer), std::move(message)}, limits_.max_problems, overflow_);
    }

    // The token as it stood in the text: the lexer shows control characters as "<U+000A>".
    static std::size_t raw_token_length(const std::string& shown) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < shown.size(); ++n) {
            bool escape = shown.compare(i, 3, "<U+") == 0 && i + 8 <= shown.size() && shown[i + 7] == '>';
            i += escape ? 8 : 1;
        }
        return n;
    }

    const Limits& limits_;
    std::vector<Problem>& problems_;
    Overflow& overflow_;
    std::string_view text_;
    std::vector<Frame> stack_;
    int skipping_ = 0;               // >0 while inside a value that is being dropped
    bool place_after_skip_ = false;  // the dropped value leaves a null (depth) or nothing (bad key)
    bool drop_member_ = false;       // the next value belongs to a key that was refused
};

bool only_whitespace(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

// Decodes a JSON string literal starting at text[i] (the opening quote); advances i
// past the closing quote.
std::string read_string_literal(std::string_view text, std::size_t& i) {
    std::string out;
    ++i;
    while (i < text.size() && text[i] != '"') {
        char c = text[i++];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (i >= text.size()) break;
        char e = text[i++];
        switch (e) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                auto hex4 = [&](std::size_t at) -> long {
                    if (at + 4 > text.size()) return -1;
                    return std::strtol(std::string(text.substr(at, 4)).c_str(), nullptr, 16);
                };
                long cp = hex4(i);
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= text.size() && text[i] == '\\' && text[i + 1] == 'u') {
                    long lo = hex4(i + 2);
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        i += 6;
                    }
                }
                utf8_append(out, cp < 0 ? 0xFFFD : static_cast<char32_t>(cp));
                break;
            }
            default: out += e;  // \" \\ \/
        }
    }
    ++i;
    return out;
}

std::string parent_pointer(const std::string& pointer) {
    std::size_t slash = pointer.rfind('/');
    return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

void skip_space(std::string_view t, std::size_t& i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
}

}  // namespace

namespace {

// In place, so a walk through deep nesting does not copy the whole pointer at each level.
void append_child(std::string& pointer, std::string_view key) {
    pointer += '/';
    for (char c : key) {
        if (c == '~')
            pointer += "~0";
        else if (c == '/')
            pointer += "~1";
        else
            pointer += c;
    }
}

void append_child(std::string& pointer, std::size_t index) {
    pointer += '/';
    pointer += std::to_string(index);
}

}  // namespace

std::string pointer_child(const std::string& parent, std::string_view key) {
    std::string p = parent;
    append_child(p, key);
    return p;
}

std::string pointer_child(const std::string& parent, std::size_t index) {
    std::string p = parent;
    append_child(p, index);
    return p;
}

JsonSource parse_json(std::string_view bytes, const Limits& limits) {
    JsonSource src;
    auto fatal = [&](std::size_t offset, std::string message) {
        Problem p{Severity::error, "", std::move(message)};
        p.offset = offset;
        src.problems.push_back(std::move(p));
        src.ok = false;
        src.root = nullptr;
        return std::move(src);
    };

    if (bytes.size() > limits.max_file_bytes)
        return fatal(0, "file is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                            std::to_string(limits.max_file_bytes) + " bytes (16 MiB)");

    bool bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
    if (bom) bytes.remove_prefix(3);

    std::size_t first_bad = 0;
    std::size_t bad = utf8_sanitize(bytes, src.text, &first_bad);
    if (bad > 0) {
        Problem p{Severity::warning, "",
                  std::to_string(bad) + " invalid UTF-8 byte sequence" + (bad > 1 ? "s" : "") +
                      " replaced by U+FFFD (first shown here)"};
        // No replacement comes before the first, so its offset is the same in src.text.
        p.offset = first_bad;
        p.pointer_from_offset = true;
        src.problems.push_back(std::move(p));
    }
    if (bom)
        src.problems.push_back(Problem{Severity::warning, "",
                                       "file starts with a UTF-8 byte-order mark; it was ignored (JSON files should not have one)"});

    if (only_whitespace(src.text)) return fatal(0, "file is empty: expected a JSON object such as {\"basics\": {...}}");

    DomBuilder builder(limits, src.problems, src.overflow, src.text);
    bool parsed = nlohmann::json::sax_parse(src.text.begin(), src.text.end(), &builder,
                                            nlohmann::json::input_format_t::json, true, false);
    if (!parsed) return fatal(builder.error_offset, "not valid JSON: " + builder.error_message);

    src.root = std::move(builder.root);
    if (!src.root.is_object()) return fatal(0, "expected a JSON object at the top level, found " +
                                                   std::string(src.root.type_name()));
    src.ok = true;
    return src;
}

void locate_problems(std::string_view text, std::vector<Problem>& problems) {
    std::unordered_map<std::string, std::size_t> wanted;  // pointer -> offset (npos until found)
    std::vector<std::pair<std::size_t, Problem*>> want_pointer;  // offset -> problem to name
    for (Problem& p : problems) {
        if (p.offset == Problem::npos) {
            // Ancestors too: a missing member ("/basics/name") is placed at its object.
            for (std::string ptr = p.pointer;; ptr = parent_pointer(ptr)) {
                wanted.emplace(ptr, Problem::npos);
                if (ptr.empty()) break;
            }
        } else if (p.pointer_from_offset) {
            want_pointer.emplace_back(p.offset, &p);
        }
    }
    std::sort(want_pointer.begin(), want_pointer.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });

    if (!wanted.empty() || !want_pointer.empty()) {
        // An iterative walk of the (already valid) JSON text, keeping the current pointer.
        struct Level {
            bool array;
            std::size_t pointer_length;
            std::size_t index;
        };
        std::vector<Level> stack;
        std::string pointer;
        std::size_t i = 0;
        std::size_t member_start = Problem::npos;  // where the current member's key began
        std::size_t next_named = 0;                // the first of want_pointer not yet named
        // Deeper than any wanted pointer there is nothing to note: skipping the lookup
        // keeps 200,000 levels of nesting linear.
        std::size_t longest = 0;
        for (const auto& w : wanted) longest = std::max(longest, w.first.size());
        auto note = [&](std::size_t at) {
            if (pointer.size() > longest) return;
            auto it = wanted.find(pointer);
            if (it != wanted.end()) it->second = at;  // duplicate keys: the later one (the value in use) wins
        };
        // Only strings can hold the bytes want_pointer asks about (elsewhere they would be a syntax error).
        auto name_string = [&](std::size_t begin, std::size_t end) {
            while (next_named < want_pointer.size() && want_pointer[next_named].first < begin) ++next_named;
            // A string nested thousands deep is named by the document rather than a huge pointer.
            for (; next_named < want_pointer.size() && want_pointer[next_named].first < end; ++next_named)
                want_pointer[next_named].second->pointer = pointer.size() <= 1024 ? pointer : std::string();
        };
        note(0);
        while (i < text.size()) {
            skip_space(text, i);
            if (i >= text.size()) break;
            char c = text[i];
            if (!stack.empty() && !stack.back().array && c == '"' && member_start == Problem::npos) {
                member_start = i;
                std::string key = read_string_literal(text, i);
                pointer.resize(stack.back().pointer_length);
                append_child(pointer, key);
                note(member_start);
                name_string(member_start, i);
                skip_space(text, i);
                if (i < text.size() && text[i] == ':') ++i;
                continue;
            }
            if (!stack.empty() && stack.back().array && c != ']' && c != ',' && member_start == Problem::npos) {
                pointer.resize(stack.back().pointer_length);
                append_child(pointer, stack.back().index);
                member_start = i;
                note(i);
            }
            member_start = Problem::npos;
            if (c == '{' || c == '[') {
                stack.push_back(Level{c == '[', pointer.size(), 0});
                ++i;
                continue;
            }
            if (c == '}' || c == ']') {
                if (!stack.empty()) {
                    pointer.resize(stack.back().pointer_length);
                    stack.pop_back();
                }
                ++i;
                continue;
            }
            if (c == ',') {
                if (!stack.empty() && stack.back().array) ++stack.back().index;
                ++i;
                continue;
            }
            if (c == '"') {
                std::size_t begin = i;
                read_string_literal(text, i);
                name_string(begin, i);
                continue;
            }
            while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
                   text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
                ++i;
        }
    }

    std::vector<std::pair<std::size_t, Problem*>> placed;
    for (Problem& p : problems) {
        std::size_t at = p.offset;
        for (std::string ptr = p.pointer; at == Problem::npos; ptr = parent_pointer(ptr)) {
            auto it = wanted.find(ptr);
            if (it != wanted.end()) at = it->second;
            if (ptr.empty()) break;
        }
        if (at != Problem::npos) placed.emplace_back(at, &p);
    }
    std::sort(placed.begin(), placed.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    LineCounter counter(text);
    for (auto& [at, p] : placed) counter.advance_to(at, p->line, p->column);
}

}  // namespace profile
