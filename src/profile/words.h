// profile/words.h: the page's own words in the languages imfolio knows.
//
// Keys: a section's heading and top-bar label (sections.def: title_<id>, nav_<id>) and
// every other word the page shows (words.def). Text: one table per language in words.cpp
// (English from the two .def files themselves). A profile in a language imfolio does not
// know is shown with English words around it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "profile/date.h"
#include "profile/section_table.h"
#include "profile/words.def"

namespace profile {

enum class Word : std::uint16_t {
#define IMFOLIO_SECTION_WORDS(id, member, key, title, nav, icon) title_##id, nav_##id,
    IMFOLIO_SECTIONS(IMFOLIO_SECTION_WORDS)
#undef IMFOLIO_SECTION_WORDS
#define IMFOLIO_WORD_KEY(key, english) key,
    IMFOLIO_WORDS(IMFOLIO_WORD_KEY)
#undef IMFOLIO_WORD_KEY
    count
};
constexpr std::size_t kWordCount = static_cast<std::size_t>(Word::count);

// A section's heading and top-bar label: the enum holds them in the table's order, in pairs.
constexpr Word title_word(SectionId id) { return static_cast<Word>(2 * static_cast<std::size_t>(id)); }
constexpr Word nav_word(SectionId id) { return static_cast<Word>(2 * static_cast<std::size_t>(id) + 1); }
static_assert(title_word(SectionId::openings) == Word::title_openings && nav_word(SectionId::news) == Word::nav_news,
              "section words follow sections.def");

// One entry of a language's table.
struct WordText {
    Word key;
    const char* text;
};

// A language's words, every key filled (a table's gaps, which the test forbids, read as English).
struct Words {
    std::string_view tag;    // "zh-Hans"
    std::string_view name;   // the language in itself, for the switcher: "简体中文"
    std::array<std::string_view, kWordCount> text;

    std::string_view operator[](Word w) const { return text[static_cast<std::size_t>(w)]; }
};

// A built-in language's table, as written, for the test that holds each to every key.
struct WordTable {
    std::string_view tag;
    std::string_view name;
    const WordText* entries;
    std::size_t size;
};
const std::vector<WordTable>& word_tables();  // English first

// The words for `tag`: an exact match (any case), then by script for Chinese ("zh-TW" ->
// zh-Hant, "zh" -> zh-Hans), then by primary subtag ("pt-BR" -> pt); English otherwise.
const Words& words_for(std::string_view tag);
const Words& english_words();

// The key's name ("title_about", "present"), for messages.
std::string_view word_key(Word w);

// Dates in these words: "Jun 2025" / "2025年6月"; ranges as format_range (date.h) makes them.
std::string format_date(const Date& d, const Words& w);
std::string format_range(const Date& start, const Date& end, bool ended, const Words& w);

// `pattern` with its first "%s" replaced by `value`.
std::string fill(std::string_view pattern, std::string_view value);

}  // namespace profile
