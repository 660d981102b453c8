// Every limit in profile/limits.h: enforced, with a clear message at the right place,
// and costing no more than the value that broke it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <string>

#include "profile/load.h"
#include "profile/text.h"
#include "ui/fonts.h"

using namespace profile;

namespace {

const Problem* find_problem(const LoadResult& r, const std::string& needle) {
    for (const Problem& p : r.problems)
        if (p.message.find(needle) != std::string::npos) return &p;
    return nullptr;
}

std::string nested_arrays(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// Counts the bytes operator new hands out while one lives (this test binary replaces
// the global operator new; nothing else changes).
std::size_t g_allocated = 0;
bool g_counting = false;

struct AllocationCounter {
    AllocationCounter() {
        g_allocated = 0;
        g_counting = true;
    }
    ~AllocationCounter() { g_counting = false; }
    std::size_t bytes() const { return g_allocated; }
};

}  // namespace

void* operator new(std::size_t n) {
    if (g_counting) g_allocated += n;
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    if (g_counting) g_allocated += n;
    return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
// Every form of delete frees what the forms above allocated (the standard library's
// temporary buffers use the nothrow new; a sanitizer checks that the pairs match).
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

TEST_CASE("the limits are the documented ones") {
    const Limits& l = default_limits();
    CHECK(l.max_file_bytes == 16u * 1024 * 1024);
    CHECK(l.max_depth == 64);
    CHECK(l.max_string_bytes == 256u * 1024);
    CHECK(l.max_entries == 20000);
    CHECK(l.max_problems == 500);
    CHECK(l.max_glyphs == 4000);
}

TEST_CASE("file size: a file over 16 MiB is refused unread, with the limit") {
    std::string big = "{\"basics\": {\"name\": \"A\"}, \"pad\": \"" + std::string(16u << 20, 'x') + "\"}";
    LoadResult r = load_profile(big, "big.json");
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].severity == Severity::error);
    CHECK(r.problems[0].line == 1);
    CHECK(format_problem(r.problems[0], "big.json") ==
          "big.json:1:1: error: /: file is larger than the limit of 16777216 bytes (16 MiB); it was not read");
    // One byte under the limit is read.
    Limits l;
    l.max_file_bytes = 40;
    CHECK(load_profile(std::string("{\"basics\": {\"name\": \"Ada\"}}") + std::string(13, ' '), "f", l).ok);
    CHECK_FALSE(load_profile(std::string("{\"basics\": {\"name\": \"Ada\"}}") + std::string(14, ' '), "f", l).ok);
}

TEST_CASE("nesting depth: the deep value is dropped at its place; the rest of the profile stays") {
    std::string text = "{\"basics\": {\"name\": \"Ada\"},\n  \"work\": [{\"name\": \"X\", \"highlights\": " +
                       nested_arrays(70) + "}]}";
    LoadResult r = load_profile(text, "deep.json");
    REQUIRE(r.ok);
    CHECK(r.profile.basics.name == "Ada");
    REQUIRE(r.profile.work.size() == 1);
    CHECK(r.profile.work[0].organization == "X");
    const Problem* p = find_problem(r, "nested deeper than the limit of 64 levels; value dropped");
    REQUIRE(p);
    CHECK(p->severity == Severity::error);
    CHECK(p->line == 2);
    // /work/0/highlights is depth 3; the first array past 64 levels starts 62 arrays in.
    CHECK(p->pointer.rfind("/work/0/highlights/0/0/", 0) == 0);
    CHECK(p->column == static_cast<int>(std::string("  \"work\": [{\"name\": \"X\", \"highlights\": ").size()) + 62);
    // At the limit itself nothing is dropped.
    LoadResult at_limit = load_profile("{\"x\": " + nested_arrays(63) + "}", "f");
    CHECK_FALSE(find_problem(at_limit, "nested deeper"));
    // Tens of thousands of levels cost nothing more than a few.
    LoadResult very_deep = load_profile("{\"x\": " + nested_arrays(100000) + ", \"basics\": {\"name\": \"Ada\"}}", "f");
    CHECK(very_deep.profile.basics.name == "Ada");
    CHECK(find_problem(very_deep, "nested deeper"));
}

TEST_CASE("nesting depth: a million levels cost linear work, not quadratic") {
    // Placing the depth problem once walked the pointer of every level, building each
    // level's pointer from its parent's: 200 000 levels took 1.7 s and 16 MiB of them
    // hours. The work is measured as bytes allocated (deterministic, unlike a clock):
    // linear, ten times the levels cost about ten times the bytes; quadratic, a hundred.
    auto allocated = [](int depth) {
        std::string text = "{\"x\": " + nested_arrays(depth) + "}";
        AllocationCounter count;
        LoadResult r = load_profile(text, "deep.json");
        CHECK(find_problem(r, "nested deeper"));
        return count.bytes();
    };
    std::size_t small = allocated(100000), large = allocated(1000000);
    INFO("100k levels: ", small, " bytes; 1M levels: ", large, " bytes");
    CHECK(large < 256u * 1000000);  // a bounded cost per level
    CHECK(large < 15 * std::max<std::size_t>(small, 1));
}

TEST_CASE("string length: a string over 256 KiB is dropped with its size; one at the limit is kept") {
    std::string at = std::string(256u << 10, 'a');
    LoadResult kept = load_profile("{\"basics\": {\"name\": \"Ada\", \"summary\": \"" + at + "\"}}", "f");
    CHECK(kept.profile.basics.summary.text.size() == at.size());
    CHECK(kept.problems.empty());

    LoadResult r = load_profile("{\"basics\": {\"name\": \"Ada\",\n \"summary\": \"" + at + "b\"}}", "long.json");
    REQUIRE(r.ok);
    CHECK(r.profile.basics.name == "Ada");
    CHECK(r.profile.basics.summary.empty());
    const Problem* p = find_problem(r, "string of 262145 bytes is longer than the limit of 262144; value dropped");
    REQUIRE(p);
    CHECK(p->pointer == "/basics/summary");
    CHECK(p->line == 2);
    CHECK(p->column == 2);
}

TEST_CASE("string length: a member name over 256 KiB is dropped with its value, whatever the value") {
    std::string key(257u << 10, 'k');
    for (const char* value : {"1", "\"text\"", "{\"a\": [1, 2, {\"b\": 3}]}", "[[[]]]"}) {
        LoadResult r = load_profile("{\"basics\": {\"name\": \"Ada\",\n  \"" + key + "\": " + value +
                                        ", \"label\": \"L\"}}",
                                    "key.json");
        REQUIRE(r.ok);
        CHECK(r.profile.basics.name == "Ada");
        CHECK(r.profile.basics.label == "L");  // the member after it is read
        REQUIRE(r.problems.size() == 1);       // no "unknown field" for it: it never reached the loader
        CHECK(r.problems[0].message == "a key of 263168 bytes is longer than the limit of 262144; that member is dropped");
        CHECK(r.problems[0].pointer == "/basics");
        CHECK(r.problems[0].line == 1);
    }
}

TEST_CASE("entries per section: the first 20000 are kept, the rest dropped with one error") {
    std::string text = "{\"basics\": {\"name\": \"Ada\"}, \"news\": [";
    for (int i = 0; i < 20003; ++i) text += (i ? ",\n" : "") + std::string("{\"title\": \"n") + std::to_string(i) + "\"}";
    text += "]}";
    LoadResult r = load_profile(text, "many.json");
    REQUIRE(r.ok);
    CHECK(r.profile.news.size() == 20000);
    const Problem* p = find_problem(r, "more than 20000 entries; the rest of this section is dropped");
    REQUIRE(p);
    CHECK(p->pointer == "/news/20000");
    CHECK(p->line == 20001);
    CHECK(std::count_if(r.problems.begin(), r.problems.end(),
                        [](const Problem& q) { return q.message.find("entries") != std::string::npos; }) == 1);
}

TEST_CASE("problems: 500 are listed, and one more line counts the rest") {
    std::string text = "{\"basics\": {\"name\": \"Ada\"";
    for (int i = 0; i < 800; ++i) text += ", \"unknown" + std::to_string(i) + "\": 1";
    text += "}}";
    LoadResult r = load_profile(text, "noisy.json");
    REQUIRE(r.ok);
    REQUIRE(r.problems.size() == 501);
    CHECK(r.problems.back().message == "300 more problems not listed");
    CHECK(r.problems.back().severity == Severity::warning);  // every one dropped was a warning
}

TEST_CASE("glyphs: at most 4000 distinct characters get glyphs; the rest are counted and reported") {
    std::string many;
    for (char32_t cp = 0x4E00; cp < 0x4E00 + 5000; ++cp) utf8_append(many, cp);
    std::string text = "{\"basics\": {\"name\": \"Ada\",\n  \"summary\": \"" + many + "\"}}";
    LoadResult r = load_profile(text, "cjk.json");
    REQUIRE(r.ok);
    std::size_t max = default_limits().max_glyphs;
    ui::GlyphNeeds needs = ui::glyph_needs(r.profile, max);
    CHECK(needs.text.size() == max);
    // The UI's own glyphs (icons, punctuation) are never the ones dropped.
    for (char32_t cp : ui::ui_glyphs()) CHECK(std::binary_search(needs.text.begin(), needs.text.end(), cp));
    // Every CJK character is either kept or counted.
    std::size_t kept = static_cast<std::size_t>(std::count_if(
        needs.text.begin(), needs.text.end(), [](char32_t cp) { return cp >= 0x4E00 && cp < 0x4E00 + 5000; }));
    CHECK(kept + needs.dropped == 5000);
    CHECK(needs.first_dropped == 0x4E00 + kept);

    auto p = ui::glyph_limit_problem(needs, text, max);
    REQUIRE(p);
    CHECK(p->severity == Severity::error);
    CHECK(p->message.find("limit of 4000") != std::string::npos);
    CHECK(p->message.find(std::to_string(needs.dropped) + " of them are drawn as boxes") != std::string::npos);
    // Placed at the first character left out: line 2, after `  "summary": "` and the kept ones.
    CHECK(p->line == 2);
    CHECK(p->column == 15 + static_cast<int>(kept));

    // Under the limit: no problem, nothing dropped.
    LoadResult small = load_profile("{\"basics\": {\"name\": \"\u7FC1\u7948\u6862\"}}", "f");
    ui::GlyphNeeds few = ui::glyph_needs(small.profile, max);
    CHECK(few.dropped == 0);
    CHECK_FALSE(ui::glyph_limit_problem(few, "", max));
}
