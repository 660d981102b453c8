// Every kind of bad input the profile format promises to survive: each gets a problem
// with its place (line:column and JSON pointer) and costs nothing but the bad value.
// The small files live in tests/fixtures/; the huge ones are generated here.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include <unistd.h>

#include "platform/desktop/files.h"
#include "profile/load.h"

using namespace profile;

namespace {

std::string fixture(const std::string& name) {
    auto bytes = platform::read_file(IMFOLIO_SOURCE_DIR "/tests/fixtures/" + name);
    REQUIRE_MESSAGE(bytes, name);
    return *bytes;
}

LoadResult load_fixture(const std::string& name) { return load_profile(fixture(name), name); }

std::vector<std::string> lines(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems) out.push_back(format_problem(p, r.source));
    return out;
}

const Problem* at(const LoadResult& r, const std::string& pointer) {
    for (const Problem& p : r.problems)
        if (p.pointer == pointer) return &p;
    return nullptr;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// 1-based line and column of byte `offset` in ASCII text.
std::pair<int, int> place_of(const std::string& text, std::size_t offset) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    return {line, static_cast<int>(offset - line_start) + 1};
}

}  // namespace

TEST_CASE("an empty file gives one error at 1:1 and no profile") {
    for (const std::string& bytes : {std::string(), std::string(" \n\t\r\n")}) {
        LoadResult r = load_profile(bytes, "empty.json");
        CHECK_FALSE(r.ok);
        REQUIRE(r.problems.size() == 1);
        CHECK(starts_with(format_problem(r.problems[0], "empty.json"), "empty.json:1:1: error: /: file is empty"));
    }
    LoadResult r = load_fixture("empty.json");
    CHECK(lines(r) == std::vector<std::string>{
                          "empty.json:1:1: error: /: file is empty: expected a JSON object such as {\"basics\": {...}}"});
}

TEST_CASE("a syntax error is placed at the token that broke it") {
    LoadResult r = load_fixture("syntax-error.json");
    CHECK_FALSE(r.ok);
    CHECK(lines(r) == std::vector<std::string>{
                          "syntax-error.json:4:5: error: /: not valid JSON: expected ',' or '}' after an object "
                          "member, found the string \"label\""});
}

TEST_CASE("syntax errors of other kinds are placed and quoted briefly") {
    struct Case {
        const char* text;
        int line, column;
        const char* says;
    };
    const Case cases[] = {
        {"{\"a\": tru}", 1, 7, "expected a value, found 'tru'"},
        {"{\"a\": 1", 1, 8, "the file ends inside an object: expected '}'"},
        {"{\"a\": \"x\ny\"}", 1, 9, "control character U+000A inside a string"},
        {"\n\n  <html><body>Not found</body></html>", 3, 3, "expected a value, found '<html><body>Not'"},
        {"{\"basics\": {\"name\": \"A\",,}}", 1, 25, "expected a member name (a string in double quotes), found ','"},
        {"{\"a\": [1,,2]}", 1, 10, "expected a value, found ','"},
        {"{\"a\": 1 /* never closed", 1, 9, "the file ends inside a /* comment */ that is never closed"},
        {"{\"a\": 1 / 2}", 1, 9, "expected ',' or '}' after an object member, found '/'"},
        {"[1, 2]", 1, 1, "expected a JSON object at the top level, found an array"},
        {"\"just a string\"", 1, 1, "expected a JSON object at the top level, found a string"},
    };
    for (const Case& c : cases) {
        LoadResult r = load_profile(c.text, "f.json");
        CAPTURE(c.text);
        CHECK_FALSE(r.ok);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].severity == Severity::error);
        CHECK(r.problems[0].line == c.line);
        CHECK(r.problems[0].column == c.column);
        CHECK(r.problems[0].message.find(c.says) != std::string::npos);
    }
}

TEST_CASE("the fuzzer's invalid escape before a multi-byte character: a whole-character message, placed") {
    auto bytes = platform::read_file(IMFOLIO_SOURCE_DIR "/tests/fuzz/regressions/invalid-escape-message-splits-a-character.json");
    REQUIRE(bytes);
    LoadResult r = load_profile(*bytes, "f.json");
    CHECK_FALSE(r.ok);
    CHECK(lines(r) == std::vector<std::string>{"f.json:27:20: error: /: not valid JSON: invalid escape \\\uFFFD in a string"});
}

TEST_CASE("one stray comma or a comment never blanks the profile: JSONC is read, with a warning each") {
    LoadResult r = load_profile("{\n  // mine\n  \"basics\": {\"name\": \"Ada\", \"label\": \"L\",},\n"
                                "  \"work\": [{\"name\": \"W\", \"startDate\": \"2020\"},],\n}\n",
                                "f.json");
    REQUIRE(r.ok);
    CHECK(r.profile.basics.name == "Ada");
    CHECK(r.profile.work.size() == 1);
    const std::string tail = " is not JSON; read as JSONC (JSON with comments), which strict JSON readers refuse";
    CHECK(lines(r) == std::vector<std::string>{"f.json:2:3: warning: /: a // comment" + tail,
                                               "f.json:3:41: warning: /basics: trailing comma before '}'" + tail,
                                               "f.json:4:46: warning: /work: trailing comma before ']'" + tail,
                                               "f.json:4:48: warning: /: trailing comma before '}'" + tail});
    // A quote or brace inside a comment does not confuse naming the string that holds bad UTF-8.
    LoadResult bad = load_profile("{\"basics\": {\"name\": \"A\"}, /* \"x\": {[ */ \"work\": [{\"name\": \"\xFF\"}]}", "g.json");
    REQUIRE(bad.ok);
    const Problem* utf8 = nullptr;
    for (const Problem& p : bad.problems)
        if (p.message.find("invalid UTF-8") != std::string::npos) utf8 = &p;
    REQUIRE(utf8);
    CHECK(utf8->pointer == "/work/0/name");
}

TEST_CASE("a truncated file is placed at the unterminated string's opening quote") {
    LoadResult r = load_fixture("truncated.json");
    CHECK_FALSE(r.ok);
    CHECK(lines(r) == std::vector<std::string>{
                          "truncated.json:8:43: error: /: not valid JSON: the file ends inside the string "
                          "\"Notes on the Engi: it has no closing '\"'"});

    // Cut inside a 10 MB string: the message still quotes only its beginning.
    std::string text = "{\"basics\": {\"summary\": \"" + std::string(10u << 20, 'x');
    LoadResult big = load_profile(text, "big.json");
    REQUIRE(big.problems.size() == 1);
    CHECK(big.problems[0].line == 1);
    CHECK(big.problems[0].column == 24);
    CHECK(big.problems[0].message.size() < 200);
}

TEST_CASE("wrong types each cost only their value and have a pointer and a place") {
    LoadResult r = load_fixture("wrong-types.json");
    REQUIRE(r.ok);
    CHECK(lines(r) ==
          std::vector<std::string>{
              "wrong-types.json:4:5: error: /basics/label: expected a string, found an array; value ignored",
              "wrong-types.json:5:5: warning: /basics/email: \"42\" does not look like an email address; shown as "
              "written, not as a link",
              "wrong-types.json:6:5: error: /basics/profiles: expected an array, found an object; value ignored",
              "wrong-types.json:9:59: warning: /work/0/startDate: dates are strings: write \"1843\"",
              "wrong-types.json:10:5: error: /work/1: expected an object, found a string; value ignored",
              "wrong-types.json:11:32: warning: /work/2/startdate: unknown field \"startdate\"; did you mean \"startDate\"?",
              // Once an error; one string is read as one highlight now.
              "wrong-types.json:11:56: warning: /work/2/highlights: expected an array of strings, found a string; read "
              "as one item: write [\"Notes\"]",
              // Once an error ("not a date"); a month name is read now, with the canonical form suggested.
              "wrong-types.json:12:46: warning: /work/3/startDate: \"June 1842\": write \"1842-06\"",
              "wrong-types.json:12:72: error: /work/3/current: expected true or false, found a string; value ignored",
              "wrong-types.json:14:3: error: /education: expected an array, found an object; value ignored",
              "wrong-types.json:18:7: error: /publications/0/author: expected an array of names, found a string; value "
              "ignored",
              "wrong-types.json:19:19: error: /publications/0/issued/date-parts: expected [[year, month, day]] with a "
              "year first and a real date",
              "wrong-types.json:20:19: error: /publications/0/custom/selected: expected true or false, found a string; "
              "value ignored",
              "wrong-types.json:24:55: error: /skills/0/keywords/1: expected a string, found a boolean; value ignored",
              "wrong-types.json:25:13: error: /meta/order: expected \"newest-first\" or \"as-written\"",
          });
    // Everything else is there.
    const Profile& p = r.profile;
    CHECK(p.basics.name == "Ada Lovelace");
    CHECK(p.basics.label.empty());
    REQUIRE(p.work.size() == 3);  // the string entry is the only one lost
    std::vector<std::string> orgs;
    for (const Position& w : p.work) orgs.push_back(w.organization);
    CHECK(orgs == std::vector<std::string>{"Analytical Society", "London Mathematical Society", "Babbage & Co."});
    CHECK(p.work[0].start.year == 1843);
    CHECK(p.work[0].position == "Member");
    REQUIRE(p.publications.size() == 2);
    CHECK(p.publications[0].title.text == "Notes by the Translator");  // 1843-09 sorts before the undated one
    CHECK(p.publications[1].title.text == "Sketch of the Analytical Engine");
    CHECK(p.publications[1].venue_short == "7");
    REQUIRE(p.skills.size() == 1);
    CHECK(p.skills[0].keywords == std::vector<std::string>{"1", "analysis"});
}

TEST_CASE("invalid UTF-8 is replaced and named by the string that holds it") {
    LoadResult r = load_fixture("invalid-utf8.json");
    REQUIRE(r.ok);
    CHECK(lines(r) == std::vector<std::string>{"invalid-utf8.json:5:20: warning: /work/1/name: 3 invalid UTF-8 byte "
                                               "sequences replaced by U+FFFD (first shown here)"});
    REQUIRE(r.profile.work.size() == 2);
    CHECK(r.profile.basics.name == "Ada Lovelace");
    const Position* royale = nullptr;
    for (const Position& w : r.profile.work)
        if (w.summary.text.find("au lait") != std::string::npos) royale = &w;
    REQUIRE(royale);
    CHECK(royale->organization == "Soci\uFFFDt\uFFFD Royale");
    CHECK(royale->summary.text == "caf\uFFFD au lait");
}

TEST_CASE("a byte-order mark is a warning at 1:1 and the profile reads as usual") {
    LoadResult r = load_fixture("bom.json");
    REQUIRE(r.ok);
    CHECK(lines(r) == std::vector<std::string>{"bom.json:1:1: warning: /: file starts with a UTF-8 byte-order mark; it "
                                               "was ignored (JSON files should not have one)"});
    CHECK(r.profile.basics.name == "Ada Lovelace");
    REQUIRE(r.profile.awards.size() == 1);
    CHECK(r.profile.awards[0].title == "Fellow");
}

TEST_CASE("duplicate keys warn at the later key whose value is used") {
    LoadResult r = load_fixture("duplicate-keys.json");
    REQUIRE(r.ok);
    CHECK(lines(r) == std::vector<std::string>{
                          "duplicate-keys.json:5:5: warning: /basics/name: duplicate key \"name\"; the later value is used",
                          "duplicate-keys.json:9:3: warning: /awards: duplicate key \"awards\"; the later value is used"});
    CHECK(r.profile.basics.name == "Ada Lovelace");
    CHECK(r.profile.basics.label == "Analyst");
    REQUIRE(r.profile.awards.size() == 2);
    CHECK(r.profile.awards[0].title == "Medal");
    CHECK(r.profile.awards[1].title == "Fellow");
    CHECK(r.profile.work.size() == 1);
}

TEST_CASE("nesting 200000 deep drops the value at the depth limit and keeps the rest") {
    const std::size_t depth = 200000;
    std::string text = "{\n  \"basics\": {\"name\": \"Ada Lovelace\"},\n  \"projects\": [{\"name\": \"Deep\", \"description\": ";
    std::size_t first_bracket = text.size();
    text += std::string(depth, '[') + std::string(depth, ']');
    text += "}],\n  \"work\": [{\"name\": \"Analytical Society\"}]\n}\n";
    LoadResult r = load_profile(text, "deep.json");
    REQUIRE(r.ok);

    // The top object, the projects array, the entry and the description's first 60
    // arrays make 64 levels: the 62nd bracket of the description is the one dropped.
    const int limit = default_limits().max_depth;
    const std::size_t dropped = static_cast<std::size_t>(limit) - 3;
    std::string pointer = "/projects/0/description";
    for (std::size_t i = 0; i < dropped; ++i) pointer += "/0";
    const Problem* deep = at(r, pointer);
    REQUIRE(deep);
    CHECK(deep->severity == Severity::error);
    CHECK(deep->message == "nested deeper than the limit of 64 levels; value dropped");
    auto [line, column] = place_of(text, first_bracket + dropped);
    CHECK(deep->line == line);
    CHECK(deep->column == column);
    const Problem* type = at(r, "/projects/0/description");
    REQUIRE(type);
    CHECK(type->line == 3);
    CHECK(r.problems.size() == 2);

    REQUIRE(r.profile.projects.size() == 1);
    CHECK(r.profile.projects[0].name == "Deep");
    CHECK(r.profile.basics.name == "Ada Lovelace");
    REQUIRE(r.profile.work.size() == 1);

    // Unclosed, and at the top level: a positioned error, no crash.
    std::string open_only = std::string(depth, '[');
    LoadResult unclosed = load_profile(open_only, "unclosed.json");
    CHECK_FALSE(unclosed.ok);
    REQUIRE_FALSE(unclosed.problems.empty());
    const Problem& last = unclosed.problems.back();
    CHECK(last.message.find("the file ends where a value should be") != std::string::npos);
    CHECK(last.line == 1);
    CHECK(last.column == static_cast<int>(depth) + 1);
}

TEST_CASE("a 20 MB string is refused with its file or dropped alone under a larger file limit") {
    std::string text = "{\n  \"basics\": {\n    \"name\": \"Ada Lovelace\",\n    \"summary\": \"" + std::string(20u << 20, 'a') +
                       "\"\n  },\n  \"work\": [{\"name\": \"Analytical Society\"}]\n}\n";
    LoadResult refused = load_profile(text, "huge.json");
    CHECK_FALSE(refused.ok);
    REQUIRE(refused.problems.size() == 1);
    CHECK(format_problem(refused.problems[0], "huge.json") ==
          "huge.json:1:1: error: /: file is larger than the limit of 16777216 bytes (16 MiB); it was not read");

    Limits roomy;
    roomy.max_file_bytes = 64u << 20;
    LoadResult r = load_profile(text, "huge.json", roomy);
    REQUIRE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0], "huge.json") ==
          "huge.json:4:5: error: /basics/summary: string of 20971520 bytes is longer than the limit of 262144; value "
          "dropped");
    CHECK(r.profile.basics.name == "Ada Lovelace");
    CHECK(r.profile.basics.summary.empty());
    CHECK(r.profile.work.size() == 1);

    // The same size as a key: the member goes, named by its object, and the key appears nowhere.
    std::string key_text = "{\"basics\": {\"name\": \"Ada\", \"" + std::string(20u << 20, 'k') + "\": 1, \"label\": \"L\"}}";
    LoadResult k = load_profile(key_text, "key.json", roomy);
    REQUIRE(k.ok);
    REQUIRE(k.problems.size() == 1);
    CHECK(k.problems[0].pointer == "/basics");
    CHECK(k.problems[0].message.find("a key of 20971520 bytes is longer than the limit") == 0);
    CHECK(k.profile.basics.label == "L");
}

TEST_CASE("a 16 MiB file loads whole and one byte more is refused with a positioned error") {
    // 16 MiB of real content: publications with long abstracts, padded to the exact size.
    const std::size_t limit = default_limits().max_file_bytes;
    std::string text = "{\"basics\": {\"name\": \"Ada Lovelace\"}, \"publications\": [\n";
    const std::string abstract(1500, 'w');
    std::size_t count = 0;
    while (text.size() < limit - 4096) {
        text += count ? ",\n" : "";
        text += "{\"type\": \"paper-conference\", \"title\": \"Paper " + std::to_string(count) +
                "\", \"issued\": {\"date-parts\": [[" + std::to_string(1900 + count % 120) + "]]}, \"abstract\": \"" +
                abstract + "\"}";
        ++count;
    }
    text += "]}";
    text += std::string(limit - text.size(), ' ');
    REQUIRE(text.size() == limit);
    LoadResult r = load_profile(text, "big.json");
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    CHECK(r.profile.publications.size() == count);
    CHECK(count > 10000);

    text += ' ';
    LoadResult over = load_profile(text, "big.json");
    CHECK_FALSE(over.ok);
    REQUIRE(over.problems.size() == 1);
    CHECK(format_problem(over.problems[0], "big.json") ==
          "big.json:1:1: error: /: file is larger than the limit of 16777216 bytes (16 MiB); it was not read");
}

TEST_CASE("problems beyond the list limit are counted and an error among them still counts") {
    std::string text = "{\"basics\": {\"name\": \"A\"}, \"work\": [";
    for (int i = 0; i < 700; ++i) text += std::string(i ? "," : "") + "{\"nmae\": \"x\"}";
    text += "], \"education\": 3}";
    LoadResult r = load_profile(text, "many.json");
    REQUIRE(r.ok);
    const std::size_t kept = default_limits().max_problems;
    REQUIRE(r.problems.size() == kept + 1);
    const Problem& summary = r.problems.back();
    CHECK(summary.severity == Severity::error);
    CHECK(summary.message == "201 more problems not listed, errors among them");
    CHECK(count(r.problems, Severity::error) == 1);
    CHECK(r.profile.work.size() == 700);
}

TEST_CASE("messages quote long values cut at a character boundary") {
    std::string key;
    for (int i = 0; i < 40; ++i) key += "\u00E9";  // 80 bytes of two-byte characters
    LoadResult r = load_profile("{\"basics\": {\"name\": \"A\", \"" + key + "\": 1}}", "f.json");
    REQUIRE(r.problems.size() == 1);
    const std::string& m = r.problems[0].message;
    std::size_t open = m.find('"'), close = m.find("...\"");
    REQUIRE(close != std::string::npos);
    std::string quoted = m.substr(open + 1, close - open - 1);
    CHECK(quoted.size() == 56);  // 28 whole characters: 57 bytes would split one
    CHECK(quoted.size() % 2 == 0);
}

TEST_CASE("a profile file far over the limit is read only one byte past it, then refused") {
    // A sparse 1 GiB file: no disk is used, but reading it whole would take 1 GiB of memory.
    std::string path = "/tmp/imfolio-sparse-" + std::to_string(::getpid()) + ".json";
    FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(::ftruncate(::fileno(f), 1ll << 30) == 0);
    std::fclose(f);
    std::string error;
    auto bytes = platform::read_profile_file(path, &error);
    std::remove(path.c_str());
    REQUIRE(bytes.has_value());
    CHECK(bytes->size() == default_limits().max_file_bytes + 1);
    LoadResult r = load_profile(*bytes, "sparse.json");
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0], "sparse.json") ==
          "sparse.json:1:1: error: /: file is larger than the limit of 16777216 bytes (16 MiB); it was not read");

    // A file within the limit is read whole, and the plain read has no cap.
    auto seed = platform::read_profile_file(IMFOLIO_SOURCE_DIR "/data/profile.json", &error);
    REQUIRE(seed.has_value());
    CHECK(*seed == *platform::read_file(IMFOLIO_SOURCE_DIR "/data/profile.json"));
    CHECK(platform::read_file("/dev/zero", &error, 100)->size() == 100);
}
