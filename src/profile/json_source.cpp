#include "profile/json_source.h"

#include <algorithm>
#include <unordered_map>

#include "profile/text.h"

namespace profile {

namespace {

using nlohmann::json;

// Builds the DOM from SAX events. It keeps the JSON pointer of the value being
// read, so that every problem it finds can name its place.
class DomBuilder {
public:
    DomBuilder(const Limits& limits, std::vector<Problem>& problems) : limits_(limits), problems_(problems) {}

    json root;
    std::size_t problems_dropped = 0;
    bool dropped_an_error = false;
    std::size_t error_offset = 0;
    std::string error_message;

    bool null() { return put(json(nullptr)); }
    bool boolean(bool v) { return put(json(v)); }
    bool number_integer(json::number_integer_t v) { return put(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
    bool number_float(json::number_float_t v, const std::string&) { return put(json(v)); }
    bool binary(json::binary_t&) { return put(json(nullptr)); }
    bool string(std::string& v) {
        if (skipping_ == 0 && dropping()) return true;
        if (v.size() > limits_.max_string_bytes) {
            if (skipping_ == 0 && room(Severity::error))
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
        Frame& f = stack_.back();
        if (k.size() > limits_.max_string_bytes) {
            // Nothing reads a member by a name that long; its value goes with it.
            if (room(Severity::error))
                report(frame_pointer(), "member name of " + std::to_string(k.size()) +
                                            " bytes is longer than the limit of " +
                                            std::to_string(limits_.max_string_bytes) + "; member dropped");
            f.drop_next = true;
            return true;
        }
        if (f.value->contains(k) && room(Severity::warning))
            report(pointer_child(frame_pointer(), k),
                   "duplicate key \"" + std::string(utf8_prefix(k, 60)) + "\"; the later value is used",
                   Severity::warning);
        f.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        error_offset = position > 0 ? position - 1 : 0;
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
        // The place is reported in our own format, so keep only what went wrong.
        std::string_view what = ex.what();
        std::size_t colon = what.find(": ");
        if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
        // Its "last read: '...'" quotes raw bytes, which can end inside a character.
        utf8_sanitize(what, error_message, nullptr);
        return false;
    }

private:
    struct Frame {
        json* value;
        std::string key;         // the member being read, for objects
        std::size_t index = 0;   // the next element, for arrays
        bool drop_next = false;  // the member being read is dropped (its name was too long)
    };

    // The value about to be read belongs to a dropped member: true once, then cleared.
    bool dropping() {
        if (stack_.empty() || !stack_.back().drop_next) return false;
        stack_.back().drop_next = false;
        return true;
    }

    bool open(json&& container) {
        if (skipping_ == 0 && dropping()) {
            skipping_ = 1;
            skip_leaves_null_ = false;
            return true;
        }
        if (skipping_ > 0 || static_cast<int>(stack_.size()) >= limits_.max_depth) {
            if (skipping_++ == 0) {
                skip_leaves_null_ = true;
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
            // A value too deep leaves a null, so the loader reports its member as empty.
            if (--skipping_ == 0 && skip_leaves_null_) place(json(nullptr));
            return true;
        }
        stack_.pop_back();
        return true;
    }

    bool put(json&& v) {
        if (skipping_ == 0 && !dropping()) place(std::move(v));
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

    // Whether another problem may be kept; counts it when not. Asked before building
    // a problem's pointer and message: a file of a million duplicate keys must not
    // cost a million pointers.
    bool room(Severity s) {
        if (problems_.size() < limits_.max_problems) return true;
        ++problems_dropped;
        dropped_an_error = dropped_an_error || s == Severity::error;
        return false;
    }

    void report(std::string pointer, std::string message, Severity s = Severity::error) {
        problems_.push_back(Problem{s, std::move(pointer), std::move(message)});
    }

    const Limits& limits_;
    std::vector<Problem>& problems_;
    std::vector<Frame> stack_;
    int skipping_ = 0;  // >0 while inside a value being dropped (too deep, or a dropped member's)
    bool skip_leaves_null_ = false;
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

void skip_space(std::string_view t, std::size_t& i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
}

}  // namespace

std::string pointer_child(const std::string& parent, std::string_view key) {
    std::string p = parent;
    p += '/';
    for (char c : key) {
        if (c == '~')
            p += "~0";
        else if (c == '/')
            p += "~1";
        else
            p += c;
    }
    return p;
}

std::string pointer_child(const std::string& parent, std::size_t index) {
    return parent + "/" + std::to_string(index);
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

    if (bytes.size() > limits.max_file_bytes) {
        std::string mib = limits.max_file_bytes >= (1u << 20) ? " (" + std::to_string(limits.max_file_bytes >> 20) + " MiB)" : "";
        return fatal(0, "file is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                            std::to_string(limits.max_file_bytes) + " bytes" + mib + "; it was not read");
    }

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
        src.problems.push_back(std::move(p));
    }
    if (bom)
        src.problems.push_back(Problem{Severity::warning, "",
                                       "file starts with a UTF-8 byte-order mark; it was ignored (JSON files should not have one)"});

    if (only_whitespace(src.text)) return fatal(0, "file is empty: expected a JSON object such as {\"basics\": {...}}");

    DomBuilder builder(limits, src.problems);
    bool parsed = nlohmann::json::sax_parse(src.text.begin(), src.text.end(), &builder,
                                            nlohmann::json::input_format_t::json, true, false);
    src.problems_dropped = builder.problems_dropped;
    src.dropped_an_error = builder.dropped_an_error;
    if (!parsed) return fatal(builder.error_offset, "not valid JSON: " + builder.error_message);

    src.root = std::move(builder.root);
    if (!src.root.is_object()) return fatal(0, "expected a JSON object at the top level, found " +
                                                   std::string(src.root.type_name()));
    src.ok = true;
    return src;
}

void locate_problems(std::string_view text, std::vector<Problem>& problems) {
    std::unordered_map<std::string, std::size_t> wanted;  // pointer -> offset (npos until found)
    std::size_t deepest = 0;  // segments in the longest wanted pointer
    for (const Problem& p : problems)
        if (p.offset == Problem::npos) {
            wanted.emplace(p.pointer, Problem::npos);
            deepest = std::max<std::size_t>(deepest, std::count(p.pointer.begin(), p.pointer.end(), '/'));
        }

    if (!wanted.empty()) {
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
        auto note = [&](std::size_t at) {
            auto it = wanted.find(pointer);
            if (it != wanted.end()) it->second = at;  // duplicate keys: the later one (the value in use) wins
        };
        note(0);
        while (i < text.size()) {
            skip_space(text, i);
            if (i >= text.size()) break;
            char c = text[i];
            // Below the deepest wanted pointer nothing can match: the pointer stops
            // growing there, or a deeply nested file would cost O(depth^2) here.
            bool tracked = stack.size() <= deepest;
            if (!stack.empty() && !stack.back().array && c == '"' && member_start == Problem::npos) {
                member_start = i;
                std::string key = read_string_literal(text, i);
                if (tracked) {
                    pointer.resize(stack.back().pointer_length);
                    pointer = pointer_child(pointer, key);
                    note(member_start);
                }
                skip_space(text, i);
                if (i < text.size() && text[i] == ':') ++i;
                continue;
            }
            if (!stack.empty() && stack.back().array && c != ']' && c != ',' && member_start == Problem::npos) {
                member_start = i;
                if (tracked) {
                    pointer.resize(stack.back().pointer_length);
                    pointer = pointer_child(pointer, stack.back().index);
                    note(i);
                }
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
                read_string_literal(text, i);
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
        if (at == Problem::npos) {
            auto it = wanted.find(p.pointer);
            if (it != wanted.end()) at = it->second;
        }
        if (at != Problem::npos) placed.emplace_back(at, &p);
    }
    std::sort(placed.begin(), placed.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    LineCounter counter(text);
    for (auto& [at, p] : placed) counter.advance_to(at, p->line, p->column);
}

}  // namespace profile
