// The "translations" member: overlay rules, shape problems with their places, and the
// choice of a language for a visitor.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "profile/load.h"
#include "profile/translation.h"

using namespace profile;

namespace {

const char* const kTwoLanguages = R"({
  "basics": {"name": "Mira Okonkwo-Lind", "label": "Glaciologist", "summary": "Ice sheets and their sounds.",
             "location": {"city": "Tromsø", "countryCode": "NO"}},
  "work": [
    {"name": "Arctic Listening Station", "position": "Researcher", "startDate": "2021-03"},
    {"name": "Fjord Institute", "position": "Intern", "startDate": "2019-06", "endDate": "2020-08"}
  ],
  "skills": [{"name": "Acoustics", "keywords": ["hydrophones", "spectral analysis"]}],
  "translations": {
    "zh-Hans": {
      "basics": {"label": "冰川学家", "location": {"city": "特罗姆瑟"}},
      "work": [{"position": "研究员"}],
      "skills": [{"keywords": ["水听器"]}]
    }
  }
})";

const Problem* find_problem(const LoadResult& r, const std::string& pointer) {
    auto it = std::find_if(r.problems.begin(), r.problems.end(), [&](const Problem& p) { return p.pointer == pointer; });
    return it == r.problems.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a translation overlays the profile: objects by member, arrays by index, strings replace") {
    LoadResult r = load_profile(kTwoLanguages, "two.json");
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    REQUIRE(r.translations.size() == 1);
    const Profile& zh = r.translations[0].profile;
    CHECK(r.translations[0].tag == "zh-Hans");
    CHECK(zh.meta.language == "zh-Hans");
    CHECK(zh.basics.label == "冰川学家");
    CHECK(zh.basics.location.city == "特罗姆瑟");
    CHECK(zh.basics.location.country_code == "NO");            // missing member: the original's
    CHECK(zh.basics.name == "Mira Okonkwo-Lind");              // missing member: the original's
    CHECK(zh.basics.summary.text == "Ice sheets and their sounds.");
    REQUIRE(zh.work.size() == 2);
    CHECK(zh.work[0].position == "研究员");                     // element 0 merged
    CHECK(zh.work[0].organization == "Arctic Listening Station");
    CHECK(zh.work[1].position == "Intern");                     // element 1 untouched
    REQUIRE(zh.skills.size() == 1);
    REQUIRE(zh.skills[0].keywords.size() == 2);
    CHECK(zh.skills[0].keywords[0] == "水听器");
    CHECK(zh.skills[0].keywords[1] == "spectral analysis");
    // The original is untouched by its translation.
    CHECK(r.profile.basics.label == "Glaciologist");
    CHECK(r.profile.work[0].position == "Researcher");
}

TEST_CASE("a translated name that otherNames lists is shown once: the original becomes the other name") {
    LoadResult r = load_profile(R"({"basics": {"name": "Tomasz Lin", "label": "Researcher", "otherNames": [{"name": "林拓马", "lang": "zh-Hans"},
                                                                                    {"name": "T. Lin"}]},
                                    "meta": {"language": "en"},
                                    "translations": {"zh-Hans": {"basics": {"name": "林拓马"}},
                                                     "de": {"basics": {"label": "Forscher"}}}})",
                                "names.json");
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    const Profile& zh = profile_in(r, "zh-Hans");
    CHECK(zh.basics.name == "林拓马");
    REQUIRE(zh.basics.other_names.size() == 2);
    CHECK(zh.basics.other_names[0].name == "Tomasz Lin");
    CHECK(zh.basics.other_names[0].lang == "en");
    CHECK(zh.basics.other_names[1].name == "T. Lin");
    // A translation that keeps the name keeps the other names as written; so does the original.
    CHECK(profile_in(r, "de").basics.other_names[0].name == "林拓马");
    CHECK(r.profile.basics.other_names[0].name == "林拓马");
}

TEST_CASE("profile_in, profile_languages and pick_language") {
    LoadResult r = load_profile(kTwoLanguages, "two.json");
    CHECK(profile_languages(r) == std::vector<std::string>{"en", "zh-Hans"});
    CHECK(profile_in(r, "zh-hans").basics.label == "冰川学家");
    CHECK(profile_in(r, "en").basics.label == "Glaciologist");
    CHECK(profile_in(r, "fr").basics.label == "Glaciologist");  // no such translation: the original
    std::vector<std::string> langs = {"en", "zh-Hans", "pt"};
    CHECK(pick_language(langs, {"zh-CN", "en"}) == "zh-Hans");
    CHECK(pick_language(langs, {"pt-BR"}) == "pt");
    CHECK(pick_language(langs, {"de-DE", "fr"}) == "en");
    CHECK(pick_language(langs, {"ZH-HANS"}) == "zh-Hans");
    CHECK(pick_language({"en", "zh-Hant"}, {"zh-TW"}) == "zh-Hant");
    CHECK(pick_language({"en", "zh-Hans", "zh-Hant"}, {"zh-HK"}) == "zh-Hant");
    CHECK(find_language(langs, "ZH-hans") == "zh-Hans");
    CHECK(find_language(langs, "ja").empty());
}

TEST_CASE("a translation whose shape does not match the profile is a positioned problem") {
    const std::string text = R"({
  "basics": {"name": "Mira", "label": "Glaciologist"},
  "work": [{"name": "Station", "position": "Researcher"}],
  "translations": {
    "zh-Hans": {
      "basics": {"label": ["not", "a", "string"], "nickname": "米拉"},
      "work": [{"position": "研究员"}, {"position": "实习生"}],
      "teaching": []
    },
    "not a tag!": {},
    "en": {"basics": {"label": "twice"}},
    "es": "Glacióloga"
  }
})";
    LoadResult r = load_profile(text, "bad.json");
    REQUIRE(r.ok);
    const Problem* label = find_problem(r, "/translations/zh-Hans/basics/label");
    REQUIRE(label);
    CHECK(label->severity == Severity::error);
    CHECK(label->line == 6);
    CHECK(label->column == 18);
    CHECK(label->message.find("a string") != std::string::npos);
    const Problem* nick = find_problem(r, "/translations/zh-Hans/basics/nickname");
    REQUIRE(nick);
    CHECK(nick->line == 6);
    CHECK(nick->message.find("not in the profile") != std::string::npos);
    const Problem* extra = find_problem(r, "/translations/zh-Hans/work/1");
    REQUIRE(extra);
    CHECK(extra->line == 7);
    CHECK(extra->message.find("1 element") != std::string::npos);
    CHECK(find_problem(r, "/translations/zh-Hans/teaching"));
    CHECK(find_problem(r, "/translations/not a tag!"));
    const Problem* own = find_problem(r, "/translations/en");
    REQUIRE(own);
    CHECK(own->message.find("own language") != std::string::npos);
    const Problem* es = find_problem(r, "/translations/es");
    REQUIRE(es);
    CHECK(es->line == 12);
    CHECK(format_problem(*label, "bad.json") ==
          "bad.json:6:18: error: /translations/zh-Hans/basics/label: the profile has a string here, the translation "
          "an array; the original is shown");
    // What fits is still read; what does not keeps the original.
    REQUIRE(r.translations.size() == 1);
    const Profile& zh = r.translations[0].profile;
    CHECK(zh.basics.label == "Glaciologist");
    REQUIRE(zh.work.size() == 1);
    CHECK(zh.work[0].position == "研究员");
}

TEST_CASE("overlaid_json writes the merged document") {
    const std::string base_text = R"({"a": {"b": "x", "c": [1, "y", {"d": "z"}]}, "translations": {}, "e": true})";
    const std::string over_text = R"({"a": {"c": [2, "Y", {"d": "Z\"\n"}]}, "e": null})";
    JsonDocument base = read_json(base_text);
    JsonDocument over = read_json(over_text);
    REQUIRE(base.ok);
    REQUIRE(over.ok);
    CHECK(overlaid_json(*base.root, *over.root, {"translations"}) ==
          R"({"a":{"b":"x","c":[2,"Y",{"d":"Z\"\n"}]},"e":true})");
}
