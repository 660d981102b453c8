// profile/json_source.h: bytes -> JSON document, with limits and positions.
//
// Before the JSON reader (json_reader.h) sees the bytes: the file-size limit, a
// byte-order mark (dropped, with a warning), invalid UTF-8 (replaced by U+FFFD, with a
// warning naming the string), an empty file. After it: the top level must be an object.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "profile/json_reader.h"
#include "profile/limits.h"
#include "profile/problem.h"

namespace profile {

struct JsonSource {
    // The bytes as parsed (BOM removed, bad UTF-8 replaced by U+FFFD): the caller's bytes
    // when they needed no repair, else a copy kept on the heap, so that `doc`, whose
    // strings point into the text, stays valid when the JsonSource moves.
    std::unique_ptr<std::string> storage = std::make_unique<std::string>();
    std::string_view text;
    JsonDocument doc;     // doc.root is an object when `ok`
    bool ok = false;      // false: the bytes are not a JSON document at all
    std::vector<Problem> problems;
    Overflow overflow;    // problems beyond limits.max_problems

    const JsonValue& root() const { return *doc.root; }
};

// `bytes` must outlive the result (its strings may point into them).
JsonSource parse_json(std::string_view bytes, const Limits& limits = default_limits());

// Appends "/key" or "/index" to a JSON pointer, escaping '~' and '/' (RFC 6901).
std::string pointer_child(const std::string& parent, std::string_view key);
std::string pointer_child(const std::string& parent, std::size_t index);

// Fills line and column of each problem: from its byte offset when known, otherwise
// by finding its pointer in `text` (the member's key for object members). Problems
// marked pointer_from_offset also get the pointer of the string holding their offset.
// One pass.
void locate_problems(std::string_view text, std::vector<Problem>& problems);

}  // namespace profile
