// The page's own words: every key in every built-in language, and dates in each.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "profile/date.h"
#include "profile/words.h"

using namespace profile;

TEST_CASE("every word in every language") {
    const std::set<std::string> required = {"en", "zh-Hans", "zh-Hant", "ja", "ko", "es", "fr", "de", "pt"};
    std::set<std::string> present;
    for (const WordTable& t : word_tables()) {
        present.insert(std::string(t.tag));
        std::set<std::size_t> keys;
        for (std::size_t i = 0; i < t.size; ++i) {
            const WordText& e = t.entries[i];
            INFO(t.tag, ": ", word_key(e.key));
            CHECK(keys.insert(static_cast<std::size_t>(e.key)).second);  // once each
            CHECK(std::string(e.text).size() > 0);
        }
        for (std::size_t k = 0; k < kWordCount; ++k) {
            INFO(t.tag, " lacks ", word_key(static_cast<Word>(k)));
            CHECK(keys.count(k) == 1);
        }
        CHECK(!t.name.empty());
    }
    CHECK(present == required);
}

TEST_CASE("patterns keep their placeholders in every language") {
    for (const WordTable& t : word_tables()) {
        const Words& w = words_for(t.tag);
        INFO(t.tag);
        CHECK(w.tag == t.tag);
        for (Word k : {Word::from_date, Word::posted, Word::updated, Word::problems_summary, Word::errors_many,
                       Word::warnings_many})
            CHECK(std::string(w[k]).find("%s") != std::string::npos);
        CHECK(std::string(w[Word::date_month]).find("%M") != std::string::npos);
        CHECK(std::string(w[Word::date_month]).find("%Y") != std::string::npos);
        CHECK(std::string(w[Word::date_day]).find("%D") != std::string::npos);
    }
}

TEST_CASE("dates and ranges in the page's languages") {
    Date jun2025{2025, 6, 0};
    Date day{2025, 6, 15};
    Date y2019{2019, 0, 0};
    CHECK(format_date(jun2025, words_for("en")) == "Jun 2025");
    CHECK(format_date(day, words_for("en")) == "Jun 15, 2025");
    CHECK(format_date(jun2025, words_for("zh-Hans")) == "2025年6月");
    CHECK(format_date(day, words_for("ja")) == "2025年6月15日");
    CHECK(format_date(day, words_for("ko")) == "2025년 6월 15일");
    CHECK(format_date(jun2025, words_for("de")) == "Juni 2025");
    CHECK(format_date(day, words_for("fr")) == "15 juin 2025");
    CHECK(format_range(jun2025, Date{}, false, words_for("zh-Hans")) == "2025年6月 \u2013 至今");
    CHECK(format_range(jun2025, Date{}, false, words_for("es")) == "jun 2025 \u2013 actualidad");
    CHECK(format_range(y2019, Date{}, true, words_for("de")) == "seit 2019");
    CHECK(format_range(y2019, jun2025, true, words_for("pt")) == "2019 \u2013 jun 2025");
    // The English words are the ones the page has always used.
    CHECK(format_range(jun2025, Date{}, false) == "Jun 2025 \u2013 present");
    CHECK(format_range(y2019, Date{}, true) == "from 2019");
    CHECK(words_for("en")[Word::title_interests] == "Research interests");
    CHECK(words_for("zh-Hans")[Word::title_publications] == "发表论文");
}

TEST_CASE("a tag finds its words by script and primary subtag; an unknown one is English") {
    CHECK(words_for("zh-CN").tag == "zh-Hans");
    CHECK(words_for("zh-TW").tag == "zh-Hant");
    CHECK(words_for("zh-Hant-HK").tag == "zh-Hant");
    CHECK(words_for("pt-BR").tag == "pt");
    CHECK(words_for("DE").tag == "de");
    CHECK(words_for("it").tag == "en");
    CHECK(words_for("").tag == "en");
}
