// app/alfolio_text.h: the text formats inside an al-folio site, as `imfolio import
// al-folio` needs them: Jekyll front matter, the bits of HTML al-folio's front matter
// holds (subtitle, more_info), Liquid tags, the free-text dates of _data/cv.yml, the
// BibTeX fields that name files, trailing commas in resume.json, and links to the
// site's own files in Markdown.
//
// Pure functions on strings: no files, no YAML library, no exceptions. They read only
// what the importer maps; they are not a Markdown, HTML, Liquid or BibTeX implementation
// (the BibTeX reader that turns entries into publications lives in the loader).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app::alfolio {

// A Markdown file's front matter: the YAML between a first line "---" and the next line
// "---" (or "..."), and the body after it. Without front matter, all of it is body.
struct FrontMatter {
    bool found = false;
    std::string_view yaml;
    std::string_view body;
    int yaml_line = 1;          // the file line the YAML starts on (for positions)
    std::size_t body_offset = 0;  // where the body starts in the file
};
FrontMatter split_front_matter(std::string_view file);

// One line of HTML (al-folio's subtitle) as text: links become Markdown links
// ("[text](url)"), <b>/<strong> and <i>/<em> Markdown emphasis, <br> " · ", other tags
// are dropped keeping their text, entities are decoded, whitespace collapsed.
std::string html_to_markdown_line(std::string_view html);

// HTML lines (al-folio's more_info under the photo: usually an address in <p>s or
// <br>-separated) as text lines: one per paragraph or break, empty ones dropped.
std::vector<std::string> html_to_lines(std::string_view html);

// A Liquid tag or output found in text, and what became of it.
struct LiquidFound {
    std::size_t offset = 0;  // in the text given to strip_liquid
    std::string source;      // as written ("{{ site.email }}", "{% include x.liquid %}")
    bool evaluated = false;  // replaced by `value`; otherwise left out
    std::string value;
};
struct LiquidResult {
    std::string text;
    std::vector<LiquidFound> found;
};
// Text with its Liquid gone: each `{{ expr }}` that `evaluate` can give a value for is
// replaced by it, every other tag and output is left out (a tag alone on its line takes
// the line with it); `{% comment %}` blocks go with their content; `{% raw %}` blocks keep
// theirs as written. A Liquid page cannot be evaluated outside Jekyll, and a visitor
// should not see `{% include ... %}`: the report lists each one for the owner.
LiquidResult strip_liquid(std::string_view text,
                          const std::function<std::optional<std::string>(std::string_view expr)>& evaluate);

// "2019", "2019-06", "2019-06-15": a date written in one of the common ways ("2019",
// "2019-6", "06/2019", "Jun 2019", "Jun. 2019", "June 2019", "2019-06-15"), or nullopt.
std::optional<std::string> canonical_date(std::string_view text);

// A cv.yml `year` ("2019 - Present", "2012 - 2017", "2017-2019", "Jun. 2019 – Aug. 2020",
// "2015"). `parsed` is false when a part is not a date; then `start` holds the text as
// written and `end` is empty.
struct CvDates {
    std::string start, end;
    bool ongoing = false;  // "Present", "now", "current", ...
    bool range = false;    // two parts were written
    bool parsed = false;
};
CvDates parse_cv_dates(std::string_view text);

// Just enough BibTeX to count entries and find the fields that name files: entries
// (not @string, @preamble or @comment), their key, and each field's value without its
// outer braces or quotes. Junk between entries, front matter and an entry left open
// before the next "@type{" at the start of a line are tolerated.
struct BibField {
    std::string name;  // lower case
    std::string value;
    std::size_t offset = 0;  // of the field name
};
struct BibEntry {
    std::string type;  // lower case
    std::string key;
    std::size_t offset = 0;
    std::vector<BibField> fields;
};
std::vector<BibEntry> scan_bibtex(std::string_view text, std::size_t max_entries);

// JSON with the commas before a '}' or ']' removed (3 in 30 real resume.json files have
// one); `removed` gets their offsets. Strings and comments are left alone.
std::string remove_trailing_commas(std::string_view json, std::vector<std::size_t>* removed);

// Links in Markdown or HTML text that point at the site's own files: `](target)`,
// `href="target"`, `src="target"` whose target has no scheme and is not an anchor.
struct LocalLink {
    std::string target;  // as written
    std::size_t offset = 0;
};
std::vector<LocalLink> local_links(std::string_view text);

// A section title as a JSON key: "Invited Talks" -> "invited_talks", "Teaching" -> "teaching".
std::string snake_key(std::string_view title);

// Lines and the character column (1-based) of `offset` in `text`.
struct Position {
    int line = 0, column = 0;
};
Position position_of(std::string_view text, std::size_t offset);
// The same for many offsets in one pass over the text (a 16 MiB papers.bib with thousands
// of missing files must not be rescanned from its start for each), in the order given.
std::vector<Position> positions_of(std::string_view text, const std::vector<std::size_t>& offsets);

}  // namespace app::alfolio
