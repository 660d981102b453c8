#include "profile/json_source.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "profile/text.h"

namespace profile {

namespace {

bool only_whitespace(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

// Decodes a JSON string literal starting at text[i] (the opening quote) as the reader
// does; advances i past the closing quote.
std::string read_string_literal(std::string_view text, std::size_t& i) {
    std::string out;
    ++i;
    while (i < text.size() && text[i] != '"') {
        if (text[i] != '\\') {
            out += text[i++];
        } else if (std::size_t n = decode_json_escape(text, i, out)) {
            i += n;
        } else {
            // Not reached for text the reader accepted; never loop forever on text it refused.
            i += i + 1 < text.size() ? 2 : 1;
        }
    }
    ++i;
    return out;
}

std::string parent_pointer(const std::string& pointer) {
    std::size_t slash = pointer.rfind('/');
    return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

// Spaces and JSONC comments (the reader accepted them): a quote or brace inside a
// comment must not move the walk's idea of where it is.
void skip_space(std::string_view t, std::size_t& i) {
    for (;;) {
        while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
        if (i + 1 >= t.size() || t[i] != '/' || (t[i + 1] != '/' && t[i + 1] != '*')) return;
        std::size_t end = t[i + 1] == '/' ? t.find('\n', i + 2) : t.find("*/", i + 2);
        i = end == std::string_view::npos ? t.size() : end + (t[i + 1] == '/' ? 1 : 2);
    }
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
        src.problems.clear();
        src.problems.push_back(std::move(p));
        src.ok = false;
        src.doc = JsonDocument{};
        return std::move(src);
    };

    if (bytes.size() > limits.max_file_bytes)
        // Only the size is known to be too much: native reads stop one byte past the
        // limit, so the message never claims how large the whole file is.
        return fatal(0, "file is larger than the limit of " + std::to_string(limits.max_file_bytes) +
                            " bytes (" +
                            std::to_string(limits.max_file_bytes >> 20) + " MiB); it was not read");

    bool bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
    if (bom) bytes.remove_prefix(3);

    // Valid UTF-8 (the usual case) is read where it lies; otherwise a repaired copy.
    std::size_t first_bad = 0;
    std::size_t bad = 0;
    if (utf8_valid(bytes)) {
        src.text = bytes;
    } else {
        bad = utf8_sanitize(bytes, *src.storage, &first_bad);
        src.text = *src.storage;
    }
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

    src.doc = read_json(src.text, limits);
    if (!src.doc.ok) {
        Problem error = src.doc.problems.front();
        return fatal(error.offset, error.message);
    }
    if (!src.doc.root->is_object())
        return fatal(src.doc.root->offset(),
                     std::string("expected a JSON object at the top level, found ") + json_type_phrase(*src.doc.root));
    for (Problem& p : src.doc.problems) add_problem(src.problems, std::move(p), limits.max_problems, src.overflow);
    src.overflow.count += src.doc.overflow.count;
    src.overflow.any_error = src.overflow.any_error || src.doc.overflow.any_error;
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
            std::size_t scalar = i;
            while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
                   text[i] != '\n' && text[i] != '\r' && text[i] != '\t' && text[i] != '/')
                ++i;
            if (i == scalar) ++i;  // a lone '/': always move on
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
