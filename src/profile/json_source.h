// profile/json_source.h: bytes -> JSON document, with limits and positions.
//
// nlohmann/json does the lexing; a SAX handler of ours builds the DOM so that limits
// (depth, string size), duplicate keys and invalid UTF-8 become problems instead of
// failures. Nothing here throws: the library is built with JSON_NOEXCEPTION, and
// Emscripten's default build would abort on any throw (see ../shared/toolchain.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "profile/limits.h"
#include "profile/problem.h"

namespace profile {

struct JsonSource {
    std::string text;     // the bytes as parsed: BOM removed, bad UTF-8 replaced by U+FFFD
    nlohmann::json root;  // discarded (null) when `ok` is false
    bool ok = false;      // false: the bytes are not a JSON document at all
    std::vector<Problem> problems;
    Overflow overflow;    // problems beyond limits.max_problems
};

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
