// profile/json_reader.h: untrusted bytes -> a read-only JSON tree, fast and bounded.
//
// Why not nlohmann's parser: on a 12 MB profile (10,000 publications) its lexer alone
// costs ~1.2 billion instructions (a call per character appended to a token buffer),
// and its std::map tree two allocations per value. This reader scans once, keeps every
// string that has no escapes as a view into the text, and stores each container's
// children contiguously, so the same file reads in a fraction of the time. Every value
// also carries its byte offset, which is how problems get their line and column.
// nlohmann/json remains the project's JSON library for writing (JSON-LD, manifests).
//
// Limits (profile/limits.h) are applied while reading, each as a positioned problem
// that costs only the value concerned: values nested deeper than the limit and strings
// longer than the limit are dropped (read as null); a member whose name is too long is
// dropped whole. Duplicate member names are reported; the later one is kept, as every
// mainstream JSON parser does. Comments and trailing commas (JSONC, below) are read
// with a warning each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "profile/limits.h"
#include "profile/problem.h"

namespace profile {

enum class JsonType : std::uint8_t { null, boolean, integer, real, string, array, object };

class JsonValue {
public:
    JsonType type() const { return type_; }
    bool is_null() const { return type_ == JsonType::null; }
    bool is_boolean() const { return type_ == JsonType::boolean; }
    bool is_number() const { return type_ == JsonType::integer || type_ == JsonType::real; }
    bool is_number_integer() const { return type_ == JsonType::integer; }
    bool is_number_float() const { return type_ == JsonType::real; }
    bool is_string() const { return type_ == JsonType::string; }
    bool is_array() const { return type_ == JsonType::array; }
    bool is_object() const { return type_ == JsonType::object; }

    bool as_bool() const { return boolean_; }
    long long as_integer() const;        // integers; 0 otherwise
    double as_double() const;            // numbers; 0 otherwise
    std::string_view number_text() const { return is_number() ? text_ : std::string_view(); }
    std::string_view str() const { return is_string() ? text_ : std::string_view(); }
    std::string_view key() const { return key_; }  // an object member's name

    // Arrays and objects: the children, in the order written.
    std::size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    const JsonValue& operator[](std::size_t i) const { return children_[i]; }
    const JsonValue* begin() const { return children_; }
    const JsonValue* end() const { return children_ + count_; }
    // Objects: the member with this name, or nullptr.
    const JsonValue* find(std::string_view name) const;

    // Byte offset in the text: of the member's name for object members, else of the value.
    std::size_t offset() const { return offset_; }

private:
    friend class JsonReader;
    std::string_view text_;  // strings: the value (decoded); numbers: as written
    std::string_view key_;
    const JsonValue* children_ = nullptr;
    std::uint32_t count_ = 0;
    std::uint32_t first_ = 0;  // while reading: index of the first child in the node array
    std::uint32_t offset_ = 0;
    JsonType type_ = JsonType::null;
    bool boolean_ = false;
};

// The JSON type in words, for messages: "a string", "an object", "null".
const char* json_type_phrase(const JsonValue& v);

// Holds the values and the decoded strings they point into: movable, not copyable.
struct JsonDocument {
    JsonDocument() = default;
    JsonDocument(JsonDocument&&) = default;
    JsonDocument& operator=(JsonDocument&&) = default;
    JsonDocument(const JsonDocument&) = delete;
    JsonDocument& operator=(const JsonDocument&) = delete;

    bool ok = false;                   // false: not JSON; problems hold the first syntax error
    const JsonValue* root = nullptr;   // valid while this object lives
    std::vector<Problem> problems;     // limits and duplicate names (with offsets)
    Overflow overflow;                 // problems beyond limits.max_problems

    std::vector<JsonValue> nodes;      // every value; containers' children contiguous
    std::deque<std::string> decoded;   // strings that had escapes (stable addresses)
};

// Decodes the escape sequence at text[at] (a backslash) onto `out`: the one decoder the
// reader and locate_problems() (json_source.h) share, so a key reads the same to both.
// A \u escape of a lone surrogate is U+FFFD. Returns how many bytes the escape took
// (2, 6 or 12), or 0 when it is not a valid JSON escape.
std::size_t decode_json_escape(std::string_view text, std::size_t at, std::string& out);

// Appends `s` as a JSON string (quoted, escaped): the one encoder the page document, the
// mirror's messages and the translated profile's JSON share.
void append_json_string(std::string& out, std::string_view s);

// What the reader accepts beyond RFC 8259. JSONC (what editors call "JSON with
// comments": VS Code's settings, tsconfig) adds // and /* */ comments and trailing
// commas; real resume.json files have them, and one stray comma must not blank a site.
// Each is accepted with a positioned warning. `strict` is RFC 8259 alone (the fuzzer
// holds it to another parser).
enum class JsonSyntax { jsonc, strict };

// Reads `text`, which must be valid UTF-8 (see utf8_sanitize) and must outlive the result.
JsonDocument read_json(std::string_view text, const Limits& limits = default_limits(),
                       JsonSyntax syntax = JsonSyntax::jsonc);

}  // namespace profile
