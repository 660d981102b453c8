// tests/unit/strings.h: doctest prints a list of strings (problem lines, names) in full
// when a comparison of two fails, one per line, instead of "{?}".
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "{";
        for (const std::string& s : v) out += "\n  \"" + s + "\"";
        out += v.empty() ? "}" : "\n}";
        return String(out.c_str());
    }
};
}  // namespace doctest
