// tests/unit/print.h: how doctest shows a list of strings when a comparison fails
// (one per line), so that a wrong problem list says which line differs.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "{";
        for (const std::string& s : v) out += "\n    \"" + s + "\"";
        out += v.empty() ? "}" : "\n}";
        return String(out.c_str());
    }
};
}  // namespace doctest
