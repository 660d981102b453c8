// The pieces of `imfolio import al-folio` that read al-folio's text formats (front
// matter, HTML in front matter, Liquid, cv.yml dates, BibTeX file fields, trailing
// commas, links to the site's files), the social-id table, and the file access that
// never leaves the site. The whole verb is held to fixture sites by tests/cli.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

#include "app/alfolio_text.h"
#include "app/import_alfolio.h"
#include "app/site_files.h"
#include "platform/desktop/files.h"

using namespace app::alfolio;

namespace {

std::optional<std::string> no_liquid(std::string_view) { return std::nullopt; }

}  // namespace

TEST_CASE("front matter: the YAML between the first two --- lines, then the body") {
    FrontMatter fm = split_front_matter("---\nlayout: about\ntitle: x\n---\n\nBody text.\n");
    CHECK(fm.found);
    CHECK(fm.yaml == "layout: about\ntitle: x\n");
    CHECK(fm.body == "\nBody text.\n");
    CHECK(fm.yaml_line == 2);
    CHECK(fm.body_offset == 31);

    FrontMatter empty = split_front_matter("---\n---\n@article{a,}\n");  // papers.bib's Jekyll header
    CHECK(empty.found);
    CHECK(empty.yaml.empty());
    CHECK(empty.body == "@article{a,}\n");

    FrontMatter none = split_front_matter("Just text\n---\n");
    CHECK_FALSE(none.found);
    CHECK(none.body == "Just text\n---\n");
    FrontMatter open = split_front_matter("---\nlayout: post\nnever closed\n");
    CHECK_FALSE(open.found);
    CHECK(open.body == "---\nlayout: post\nnever closed\n");
    FrontMatter crlf = split_front_matter("\xEF\xBB\xBF---\r\ninline: true\r\n---\r\nHi\r\n");
    CHECK(crlf.found);
    CHECK(crlf.yaml == "inline: true\r\n");
    CHECK(crlf.body == "Hi\r\n");
}

TEST_CASE("a subtitle's HTML becomes one line of text with Markdown links") {
    CHECK(html_to_markdown_line("PhD student at <a href='https://uni.example.org'>Example U</a>.") ==
          "PhD student at [Example U](https://uni.example.org).");
    CHECK(html_to_markdown_line("Lecturer<br />  Fellow, <em>Society</em> &amp; <b>Club</b>") ==
          "Lecturer \u00B7 Fellow, *Society* & **Club**");
    CHECK(html_to_markdown_line("<span class=\"x\">Plain</span> <a>no href</a> &#233;&#x4E2D; 3 < 4") ==
          "Plain no href \u00E9\u4E2D 3 < 4");
    CHECK(html_to_markdown_line("<p>One</p><p>Two</p>") == "One \u00B7 Two");
}

TEST_CASE("more_info's HTML becomes its lines") {
    CHECK(html_to_lines("<p>Room 4.12</p>\n<p>1 Example  Road</p> <p></p><p>Exampleton</p>") ==
          std::vector<std::string>{"Room 4.12", "1 Example Road", "Exampleton"});
    CHECK(html_to_lines("A street<br>A city<br/>") == std::vector<std::string>{"A street", "A city"});
    CHECK(html_to_lines("").empty());
}

TEST_CASE("Liquid: evaluated where possible, else left out and listed; comments go, raw stays") {
    auto site = [](std::string_view e) -> std::optional<std::string> {
        if (e == "site.email") return std::string("a@example.org");
        return std::nullopt;
    };
    LiquidResult r = strip_liquid("Mail {{ site.email }} or {{site.phone}}.\n\n{% include figure.liquid path=\"x\" %}\n\nEnd.", site);
    CHECK(r.text == "Mail a@example.org or .\n\nEnd.");
    REQUIRE(r.found.size() == 3);
    CHECK(r.found[0].source == "{{ site.email }}");
    CHECK(r.found[0].evaluated);
    CHECK(r.found[0].offset == 5);
    CHECK(r.found[1].source == "{{site.phone}}");
    CHECK_FALSE(r.found[1].evaluated);
    CHECK(r.found[2].source == "{% include figure.liquid path=\"x\" %}");
    CHECK(r.found[2].offset == 42);

    LiquidResult c = strip_liquid("a {% comment %}secret {{ x }}{% endcomment %}b {% raw %}{{ kept }}{% endraw %}", no_liquid);
    CHECK(c.text == "a b {{ kept }}");
    REQUIRE(c.found.size() == 1);
    CHECK(c.found[0].source == "{% comment %}secret {{ x }}{% endcomment %}");

    LiquidResult inline_tag = strip_liquid("text {%- if a -%}shown{% endif %} more", no_liquid);
    CHECK(inline_tag.text == "text shown more");
    CHECK(inline_tag.found.size() == 2);

    LiquidResult unclosed = strip_liquid("braces {{ not closed", no_liquid);
    CHECK(unclosed.text == "braces {{ not closed");
    CHECK(unclosed.found.empty());
}

TEST_CASE("dates as cv.yml and news write them, in the canonical form") {
    CHECK(canonical_date("2019") == "2019");
    CHECK(canonical_date("2019-6") == "2019-06");
    CHECK(canonical_date("06/2019") == "2019-06");
    CHECK(canonical_date("2019/06/15") == "2019-06-15");
    CHECK(canonical_date("Jun 2019") == "2019-06");
    CHECK(canonical_date("Jun. 2019") == "2019-06");
    CHECK(canonical_date("September 2020") == "2020-09");
    CHECK(canonical_date("Sept. 2020") == "2020-09");
    CHECK(canonical_date("June 15, 2019") == "2019-06-15");
    CHECK(canonical_date("15 June 2019") == "2019-06-15");
    CHECK_FALSE(canonical_date("2019-13"));
    CHECK_FALSE(canonical_date("2023-02-29"));
    CHECK_FALSE(canonical_date("Summer 2020"));
    CHECK_FALSE(canonical_date("'19"));
    CHECK_FALSE(canonical_date("19"));

    CvDates open = parse_cv_dates("2019 - Present");
    CHECK(open.parsed);
    CHECK(open.start == "2019");
    CHECK(open.end.empty());
    CHECK(open.ongoing);
    CvDates closed = parse_cv_dates("2012 - 2017");
    CHECK((closed.parsed && closed.range && closed.start == "2012" && closed.end == "2017" && !closed.ongoing));
    CvDates tight = parse_cv_dates("2017-2019");
    CHECK((tight.parsed && tight.start == "2017" && tight.end == "2019"));
    CvDates month = parse_cv_dates("2019-06");
    CHECK((month.parsed && !month.range && month.start == "2019-06"));
    CvDates words = parse_cv_dates("Jun. 2019 \u2013 Aug. 2020");
    CHECK((words.parsed && words.start == "2019-06" && words.end == "2020-08"));
    CvDates now = parse_cv_dates("2021-now");
    CHECK((now.parsed && now.start == "2021" && now.ongoing));
    CvDates to = parse_cv_dates("2015 to 2016");
    CHECK((to.parsed && to.start == "2015" && to.end == "2016"));
    CvDates odd = parse_cv_dates("Summer 2020 - Fall 2021");
    CHECK_FALSE(odd.parsed);
    CHECK(odd.start == "Summer 2020 - Fall 2021");  // written as is, for the lenient loader
    CHECK(odd.end.empty());
}

TEST_CASE("BibTeX scan: entries, keys and field values, through al-folio's quirks") {
    std::string bib =
        "---\n---\n"
        "@string{fcl = {Fictional Conference}}\n"
        "junk between entries\n"
        "@INPROCEEDINGS{quill2024,\n"
        "\tTITLE = {A {Nested} Title},\n"
        "  author = \"Quill, Ada and N{\\'u}{\\~n}ez, Jos{\\'e}\",\n"
        "  booktitle = fcl # { 2024},\n"
        "  url={https://x.example.org/}\n"   // no comma before the next field
        "  pdf={quill2024.pdf}\n"
        "}\n"
        "@article{open2023,\n"
        "  title = {Never closed},\n"
        "  preview = {open.png},\n"
        "@misc{after, year = 2023, slides = {s.pdf}}\n"
        "@comment{not an entry}\n";
    std::vector<BibEntry> e = scan_bibtex(bib, 100);
    REQUIRE(e.size() == 3);
    CHECK(e[0].type == "inproceedings");
    CHECK(e[0].key == "quill2024");
    REQUIRE(e[0].fields.size() == 5);
    CHECK(e[0].fields[0].name == "title");
    CHECK(e[0].fields[0].value == "A {Nested} Title");
    CHECK(e[0].fields[1].value == "Quill, Ada and N{\\'u}{\\~n}ez, Jos{\\'e}");
    CHECK(e[0].fields[2].value == "fcl 2024");
    CHECK(e[0].fields[4].name == "pdf");
    CHECK(e[0].fields[4].value == "quill2024.pdf");
    CHECK(bib.compare(e[0].fields[4].offset, 3, "pdf") == 0);
    CHECK(e[1].key == "open2023");
    REQUIRE(e[1].fields.size() == 2);
    CHECK(e[1].fields[1].value == "open.png");
    CHECK(e[2].key == "after");
    REQUIRE(e[2].fields.size() == 2);
    CHECK(e[2].fields[0].value == "2023");
    CHECK(e[2].fields[1].value == "s.pdf");
    CHECK(scan_bibtex(bib, 2).size() == 2);
}

TEST_CASE("trailing commas are removed outside strings and comments only") {
    std::vector<std::size_t> removed;
    std::string fixed = remove_trailing_commas("{\"a\": [1, 2,], \"b\": \"x,]\", /* ,} */ \"c\": {\"d\": 1, // c\n },}", &removed);
    CHECK(fixed == "{\"a\": [1, 2], \"b\": \"x,]\", /* ,} */ \"c\": {\"d\": 1 // c\n }}");
    CHECK(removed == std::vector<std::size_t>{11, 48, 57});
    std::vector<std::size_t> none;
    CHECK(remove_trailing_commas("{\"a\": \"\\\",}\"}", &none) == "{\"a\": \"\\\",}\"}");
    CHECK(none.empty());
}

TEST_CASE("positions of many offsets in one pass, in the order asked") {
    std::string text = "ab\ncd\n\xC3\xA9" "f\n";
    std::vector<Position> at = positions_of(text, {9, 0, 4, 8});
    REQUIRE(at.size() == 4);
    CHECK((at[0].line == 3 && at[0].column == 3));  // columns count characters: é is one
    CHECK((at[1].line == 1 && at[1].column == 1));
    CHECK((at[2].line == 2 && at[2].column == 2));
    CHECK((at[3].line == 3 && at[3].column == 2));
    Position one = position_of(text, 4);
    CHECK((one.line == 2 && one.column == 2));
}

TEST_CASE("links to the site's own files in Markdown and HTML") {
    std::vector<LocalLink> links = local_links(
        "See [cv](/assets/pdf/cv.pdf \"CV\"), [web](https://x.example.org/), [top](#about), "
        "<a href=\"./assets/pdf/talk.pdf\">talk</a>, <img src='assets/img/lab.jpg'>, [mail](mailto:a@b.org), "
        "[liquid]({{ '/x' | relative_url }}) and [page](/publications/).");
    std::vector<std::string> targets;
    for (const LocalLink& l : links) targets.push_back(l.target);
    CHECK(targets == std::vector<std::string>{"/assets/pdf/cv.pdf", "./assets/pdf/talk.pdf", "assets/img/lab.jpg", "/publications/"});
}

TEST_CASE("a cv.yml section title as a JSON key") {
    CHECK(snake_key("Teaching") == "teaching");
    CHECK(snake_key("Invited Talks & Seminars") == "invited_talks_seminars");
    CHECK(snake_key("  Service (2020-2024) ") == "service_2020_2024");
    CHECK(snake_key("Über uns") == "\xC3\x9C" "ber_uns");
    CHECK(snake_key("***") == "section");
}

TEST_CASE("social ids become the networks' real addresses") {
    auto url = [](const char* key, const char* value) {
        auto p = app::social_profile(key, value);
        REQUIRE_MESSAGE(p, key);
        return p->url;
    };
    CHECK(url("scholar_userid", "AbC123xyzJ") == "https://scholar.google.com/citations?user=AbC123xyzJ");
    CHECK(url("github_username", "octo") == "https://github.com/octo");
    CHECK(url("orcid_id", "0000-0002-1825-0097") == "https://orcid.org/0000-0002-1825-0097");
    CHECK(url("linkedin_username", "ada-q") == "https://www.linkedin.com/in/ada-q");
    CHECK(url("x_username", "ada") == "https://x.com/ada");
    CHECK(url("twitter_username", "ada") == "https://twitter.com/ada");
    CHECK(url("mastodon_username", "lex.example.social/@ada") == "https://lex.example.social/@ada");
    CHECK(url("research_gate_profile", "Ada-Quill") == "https://www.researchgate.net/profile/Ada-Quill/");
    CHECK(url("dblp_url", "https://dblp.example.org/pid/1") == "https://dblp.example.org/pid/1");
    CHECK(url("semanticscholar_id", "12345") == "https://www.semanticscholar.org/author/12345");
    CHECK(url("tumblr_username", "ada") == "https://ada.tumblr.com/");
    // A whole address pasted where an id belongs is used as it is.
    CHECK(url("github_username", "https://github.com/octo") == "https://github.com/octo");
    auto p = app::social_profile("scholar_userid", "AbC123xyzJ");
    CHECK(p->network == "Google Scholar");
    CHECK(p->username == "AbC123xyzJ");
    CHECK(app::social_profile("dblp_url", "https://dblp.example.org/pid/1")->username.empty());
    CHECK_FALSE(app::social_profile("myspace_id", "x"));
}

TEST_CASE("site files: nothing outside the root is read, whatever the path or symlink says") {
    char dir_template[] = "/tmp/imfolio-site-XXXXXX";
    REQUIRE(mkdtemp(dir_template));
    std::string dir = dir_template;
    REQUIRE(app::make_directories(dir + "/site/assets/pdf", nullptr));
    REQUIRE(platform::write_file(dir + "/site/assets/pdf/in.pdf", "inside"));
    REQUIRE(platform::write_file(dir + "/outside.txt", "outside"));
    REQUIRE(symlink((dir + "/outside.txt").c_str(), (dir + "/site/assets/pdf/out.pdf").c_str()) == 0);
    REQUIRE(symlink("in.pdf", (dir + "/site/assets/pdf/alias.pdf").c_str()) == 0);
    REQUIRE(symlink((dir + "/site/assets").c_str(), (dir + "/site/loop").c_str()) == 0);

    app::SiteFiles site(dir + "/site/");
    CHECK(site.is_directory());
    CHECK(site.shown("assets/pdf/in.pdf") == dir + "/site/assets/pdf/in.pdf");
    std::string why;
    CHECK(site.read("assets/pdf/in.pdf", 100, &why) == std::optional<std::string>("inside"));
    CHECK(site.read("assets/pdf/alias.pdf", 100, &why) == std::optional<std::string>("inside"));
    CHECK_FALSE(site.read("assets/pdf/out.pdf", 100, &why));
    CHECK(why == "a symlink to " + dir + "/outside.txt, outside the site");
    CHECK(site.kind("../outside.txt", &why) == app::SiteFiles::Kind::refused);
    CHECK(why == "a path with \"..\"");
    CHECK(site.kind("/etc/passwd", &why) == app::SiteFiles::Kind::refused);
    CHECK(why == "an absolute path");
    CHECK(site.kind("assets/../assets/pdf/in.pdf") == app::SiteFiles::Kind::refused);
    CHECK(site.kind("assets/pdf/none.pdf") == app::SiteFiles::Kind::missing);
    CHECK(site.kind("assets") == app::SiteFiles::Kind::directory);
    CHECK_FALSE(site.read("assets/pdf/in.pdf", 3, &why));  // bigger than allowed: refused, not cut
    CHECK(why == "larger than 3 bytes");

    std::vector<std::string> refused;
    bool truncated = false;
    std::vector<std::string> files = site.list("assets", 4, 100, &refused, &truncated);
    CHECK(files == std::vector<std::string>{"assets/pdf/alias.pdf", "assets/pdf/in.pdf"});
    REQUIRE(refused.size() == 1);
    CHECK(refused[0] == "assets/pdf/out.pdf: a symlink to " + dir + "/outside.txt, outside the site");
    CHECK_FALSE(truncated);
    CHECK(site.list("assets", 4, 1, nullptr, &truncated).size() == 1);
    CHECK(truncated);

    CHECK(site.copy_to("assets/pdf/alias.pdf", dir + "/out", 100, &why));
    CHECK(platform::read_file(dir + "/out/assets/pdf/alias.pdf") == std::optional<std::string>("inside"));
    CHECK_FALSE(site.copy_to("assets/pdf/out.pdf", dir + "/out", 100, &why));
    CHECK_FALSE(platform::read_file(dir + "/out/assets/pdf/out.pdf"));
    // Copying a file onto itself (OUT_DIR is the site) leaves it whole.
    CHECK(site.copy_to("assets/pdf/in.pdf", dir + "/site", 100, &why));
    CHECK(platform::read_file(dir + "/site/assets/pdf/in.pdf") == std::optional<std::string>("inside"));

    CHECK_FALSE(app::SiteFiles(dir + "/outside.txt").is_directory());
    CHECK(app::is_contained_path("a/b.pdf"));
    CHECK_FALSE(app::is_contained_path(""));
    CHECK_FALSE(app::is_contained_path("a/../b"));
    CHECK(app::is_contained_path("a/..b"));
    std::string cleanup = "rm -rf '" + dir + "'";
    CHECK(std::system(cleanup.c_str()) == 0);
}
