// The profile's JSON reader: the grammar, positions, limits and duplicate names.
#include <doctest/doctest.h>

#include <string>

#include "profile/json_reader.h"
#include "profile/load.h"
#include "profile/text.h"

using namespace profile;

namespace {

// "line:column: message" of a document's first problem.
std::string first_problem(std::string_view text, const Limits& limits = default_limits(),
                          JsonSyntax syntax = JsonSyntax::jsonc) {
    JsonDocument d = read_json(text, limits, syntax);
    if (d.problems.empty()) return "";
    int line = 0, column = 0;
    LineCounter(text).advance_to(d.problems[0].offset, line, column);
    return std::to_string(line) + ":" + std::to_string(column) + ": " + d.problems[0].message;
}

}  // namespace

TEST_CASE("json: values, nesting, order, positions") {
    std::string text = R"({"a": [1, -2.5e3, "x\u00e9\ud83d\ude00", true, null], "b": {"c": false}, "d": ""})";
    JsonDocument d = read_json(text);
    REQUIRE(d.ok);
    const JsonValue& r = *d.root;
    REQUIRE(r.is_object());
    REQUIRE(r.size() == 3);
    CHECK(r[0].key() == "a");
    CHECK(r[1].key() == "b");
    CHECK(r[2].key() == "d");
    const JsonValue& a = *r.find("a");
    REQUIRE(a.size() == 5);
    CHECK(a[0].is_number_integer());
    CHECK(a[0].as_integer() == 1);
    CHECK(a[1].is_number_float());
    CHECK(a[1].as_double() == doctest::Approx(-2500.0));
    CHECK(a[1].number_text() == "-2.5e3");
    CHECK(a[2].str() == "x\u00e9\U0001F600");
    CHECK(a[3].as_bool());
    CHECK(a[4].is_null());
    CHECK(r.find("b")->find("c")->is_boolean());
    CHECK(r.find("d")->str().empty());
    CHECK(r.find("zz") == nullptr);
    // Members are placed at their names, array elements at their values.
    CHECK(r.find("b")->offset() == text.find("\"b\""));
    CHECK(a[1].offset() == text.find("-2.5e3"));
    CHECK(json_type_phrase(r) == std::string("an object"));
}

TEST_CASE("json: syntax errors name the token and its place") {
    CHECK(first_problem("{\"a\": 1") == "1:8: not valid JSON: the file ends inside an object: expected '}'");
    // Strict JSON refuses a trailing comma (JSONC, the default, reads it: below).
    CHECK(first_problem("{\"a\": 1,}", default_limits(), JsonSyntax::strict) ==
          "1:9: not valid JSON: expected a member name after ',', found '}': remove the trailing comma");
    CHECK(first_problem("[1,]", default_limits(), JsonSyntax::strict) == "1:4: not valid JSON: expected a value, found ']'");
    CHECK(first_problem("{\"a\": 1} // c", default_limits(), JsonSyntax::strict) ==
          "1:10: not valid JSON: unexpected text after the end of the JSON value: '//'");
    CHECK(first_problem("{\"a\" 1}") == "1:6: not valid JSON: expected ':' after the member name, found '1'");
    CHECK(first_problem("{\n  \"a\": tru\n}") == "2:8: not valid JSON: expected a value, found 'tru'");
    CHECK(first_problem("[1 2]") == "1:4: not valid JSON: expected ',' or ']' after an array element, found '2'");
    CHECK(first_problem("{\"a\": \"b\" \"c\": 1}") ==
          "1:11: not valid JSON: expected ',' or '}' after an object member, found the string \"c\"");
    CHECK(first_problem("{\"a\": 01}") == "1:8: not valid JSON: expected ',' or '}' after an object member, found '1'");
    CHECK(first_problem("{\"a\": 1.}") == "1:7: not valid JSON: invalid number '1.': digits must follow the '.'");
    CHECK(first_problem("{\"a\": \"x\ny\"}") ==
          "1:9: not valid JSON: control character U+000A inside a string: write it as an escape (\\n, \\t, \\u000A)");
    CHECK(first_problem("{\"a\": \"x\\q\"}") == "1:9: not valid JSON: invalid escape \\q in a string");
    CHECK(first_problem("{\"a\": \"never closed") == "1:7: not valid JSON: the file ends inside the string \"never closed: it has no closing '\"'");
    CHECK(first_problem("{} x") == "1:4: not valid JSON: unexpected text after the end of the JSON value: 'x'");
    CHECK(first_problem("nullx") == "1:5: not valid JSON: unexpected text after the end of the JSON value: 'x'");
    // A long offending token is quoted briefly.
    std::string longword(500, 'z');
    CHECK(first_problem("{\"a\": " + longword + "}").size() < 120);
}

TEST_CASE("json: a message quoting an invalid escape never splits the character after the backslash") {
    // "\ß": the escape's second byte is the first of a two-byte character. The message
    // once quoted that byte alone (tests/fuzz/regressions/invalid-escape-message-splits-a-character.json).
    JsonDocument d = read_json("{\"a\": \"x\\\u00DFy\"}");
    REQUIRE_FALSE(d.ok);
    REQUIRE(d.problems.size() == 1);
    CHECK(utf8_valid(d.problems[0].message));
    CHECK(d.problems[0].message == "not valid JSON: invalid escape \\\uFFFD in a string");
    CHECK(d.problems[0].offset == 8);
    // A three-byte character and a four-byte one: the same.
    for (const char* text : {"{\"a\": \"\\\u4E2D\"}", "{\"a\": \"\\\U0001F600\"}"}) {
        JsonDocument e = read_json(text);
        REQUIRE(e.problems.size() == 1);
        CHECK_MESSAGE(utf8_valid(e.problems[0].message), text);
    }
}

TEST_CASE("json: a later duplicate wins and is reported at its place") {
    std::string text = "{\"a\": 1, \"b\": 2, \"a\": 3}";
    JsonDocument d = read_json(text);
    REQUIRE(d.ok);
    CHECK(d.root->size() == 2);
    CHECK(d.root->find("a")->as_integer() == 3);
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].severity == Severity::warning);
    CHECK(d.problems[0].pointer == "/a");
    CHECK(d.problems[0].offset == text.rfind("\"a\""));
    // Large objects take another path to find duplicates: same answer.
    std::string big = "{";
    for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    big += "\"k7\": \"again\"}";
    JsonDocument b = read_json(big);
    REQUIRE(b.ok);
    CHECK(b.root->size() == 40);
    CHECK(b.root->find("k7")->str() == "again");
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].pointer == "/k7");
}

TEST_CASE("json: limits drop only the value concerned") {
    Limits tight;
    tight.max_depth = 3;
    tight.max_string_bytes = 8;
    std::string text = R"({"a": {"b": {"c": {"d": 1}}, "keep": 1}, "s": "123456789", "ok": "12345678", "123456789": {"x": 1}, "z": 2})";
    JsonDocument d = read_json(text, tight);
    REQUIRE(d.ok);
    const JsonValue& r = *d.root;
    CHECK(r.find("a")->find("b")->find("c")->is_null());  // the fourth level is dropped
    CHECK(r.find("a")->find("keep")->as_integer() == 1);
    CHECK(r.find("s")->is_null());
    CHECK(r.find("ok")->str() == "12345678");
    CHECK(r.find("123456789") == nullptr);  // the member with the long name is gone whole
    CHECK(r.find("z")->as_integer() == 2);
    REQUIRE(d.problems.size() == 3);
    CHECK(d.problems[0].pointer == "/a/b/c");
    CHECK(d.problems[0].message.find("nested deeper than the limit of 3") != std::string::npos);
    CHECK(d.problems[1].pointer == "/s");
    CHECK(d.problems[2].message.find("a key of 9 bytes") == 0);
    CHECK(d.problems[2].pointer.empty());  // named by its object: here the top level
}

TEST_CASE("json: deep nesting and long inputs take linear time and no stack") {
    std::string deep(200000, '[');
    deep += std::string(200000, ']');
    JsonDocument d = read_json(deep);
    REQUIRE(d.ok);
    CHECK(d.problems.size() == 1);  // one report for the dropped subtree, not one per level
    std::string truncated(200000, '[');
    JsonDocument t = read_json(truncated);
    CHECK_FALSE(t.ok);
    CHECK(t.problems[0].message == "not valid JSON: the file ends where a value should be");
}

TEST_CASE("json: a key with a lone surrogate is found again by its own pointer") {
    // The reader and locate_problems() once decoded \ud800 differently (U+FFFD against
    // the surrogate's own bytes), so the warning about this key had no line or column.
    std::string text = "{\"basics\": {\"name\": \"Ada\",\n  \"na\\ud800me\": 1}}";
    LoadResult r = load_profile(text, "f.json");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/basics/na\xEF\xBF\xBDme");
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].column == 3);
    std::string decoded;
    CHECK(decode_json_escape("\\ud800x", 0, decoded) == 6);
    CHECK(decoded == "\xEF\xBF\xBD");
    decoded.clear();
    CHECK(decode_json_escape("\\ud83d\\ude00", 0, decoded) == 12);
    CHECK(decoded == "\xF0\x9F\x98\x80");
    CHECK(decode_json_escape("\\q", 0, decoded) == 0);
    CHECK(decode_json_escape("\\u12g4", 0, decoded) == 0);
}

namespace {

// "line:column pointer: message" of every problem, in order.
std::vector<std::string> placed(std::string_view text, const JsonDocument& d) {
    std::vector<std::string> out;
    for (const Problem& p : d.problems) {
        int line = 0, column = 0;
        LineCounter(text).advance_to(p.offset, line, column);
        out.push_back(std::to_string(line) + ":" + std::to_string(column) + " " + p.pointer + ": " + p.message);
    }
    return out;
}

const char* const kJsonc = "; read as JSONC (JSON with comments), which strict JSON readers refuse";

}  // namespace

TEST_CASE("jsonc: trailing commas are read, each a warning at its comma naming its container") {
    std::string text = "{\n  \"basics\": {\"name\": \"A\",},\n  \"work\": [{\"name\": \"W\"}, ],\n  \"skills\": [[1, 2,],],\n}";
    JsonDocument d = read_json(text);
    REQUIRE(d.ok);
    CHECK(d.root->find("basics")->find("name")->str() == "A");
    CHECK(d.root->find("basics")->size() == 1);
    CHECK(d.root->find("work")->size() == 1);
    const JsonValue& skills = *d.root->find("skills");
    REQUIRE(skills.size() == 1);
    CHECK(skills[0].size() == 2);
    CHECK(placed(text, d) == std::vector<std::string>{
                                 "2:25 /basics: trailing comma before '}' is not JSON" + std::string(kJsonc),
                                 "3:25 /work: trailing comma before ']' is not JSON" + std::string(kJsonc),
                                 "4:19 /skills/0: trailing comma before ']' is not JSON" + std::string(kJsonc),
                                 "4:21 /skills: trailing comma before ']' is not JSON" + std::string(kJsonc),
                                 "4:23 : trailing comma before '}' is not JSON" + std::string(kJsonc)});
    // Still not JSON: a comma with nothing before it, or two in a row.
    for (const char* bad : {"{,}", "[,]", "[1,,]", "{\"a\": 1,,}"}) CHECK_MESSAGE(!read_json(bad).ok, bad);
}

TEST_CASE("jsonc: // and /* */ comments are read, each a warning at its start; strings keep theirs") {
    std::string text =
        "// Ada's profile\n{\n  \"basics\": { /* who */ \"name\": \"A\" },  // the header\n"
        "  \"url\": \"https://example.org/a//b/*c*/\",\n  \"work\": [1 /* one */, 2]\n}\n/* end */";
    JsonDocument d = read_json(text);
    REQUIRE(d.ok);
    CHECK(d.root->find("basics")->find("name")->str() == "A");
    CHECK(d.root->find("url")->str() == "https://example.org/a//b/*c*/");
    CHECK(d.root->find("work")->size() == 2);
    CHECK(placed(text, d) == std::vector<std::string>{
                                 "1:1 : a // comment is not JSON" + std::string(kJsonc),
                                 "3:15 /basics: a /* comment */ is not JSON" + std::string(kJsonc),
                                 "3:41 : a // comment is not JSON" + std::string(kJsonc),
                                 "5:14 /work: a /* comment */ is not JSON" + std::string(kJsonc),
                                 "7:1 : a /* comment */ is not JSON" + std::string(kJsonc)});
    // The strict reader refuses the same text at its first comment.
    CHECK(first_problem(text, default_limits(), JsonSyntax::strict) == "1:1: not valid JSON: expected a value, found '//'");
    // Comment markers that are not comments stay errors.
    CHECK(first_problem("{\"a\": 1 / 2}") == "1:9: not valid JSON: expected ',' or '}' after an object member, found '/'");
    CHECK(first_problem("{\"a\": /* open") == "1:7: not valid JSON: the file ends inside a /* comment */ that is never closed");
}

TEST_CASE("jsonc: a million comments take linear time and cost only a count past the problem limit") {
    std::string text = "{\"a\": [";
    for (int i = 0; i < 1000000; ++i) text += i ? ",/**/1" : "1";
    text += ",]}";
    JsonDocument d = read_json(text);
    REQUIRE(d.ok);
    CHECK(d.root->find("a")->size() == 1000000);
    CHECK(d.problems.size() == default_limits().max_problems);
    CHECK(d.overflow.count == 1000000 - default_limits().max_problems);  // 999,999 comments and the trailing comma
    CHECK_FALSE(d.overflow.any_error);
}
