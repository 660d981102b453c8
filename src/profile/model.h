// profile/model.h: the researcher's profile as plain data.
//
// The model mirrors JSON Resume v1.2.1 (https://jsonresume.org/schema) where that format
// has a field, plus the few extensions documented in docs/profile-format.md (news,
// openings, names in other scripts, research summary, CSL-JSON publications, co-authors'
// pages, venue badges, the profile's language).
// It knows nothing of JSON, ImGui or the browser: loading lives in load.h, drawing in ui/.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "profile/rich_text.h"

namespace profile {

// A calendar date that may be partial: "2025", "2025-06" or "2025-06-15", and what the
// owner wrote around it that the page shows too (date.h reads the forms people use).
struct Date {
    int year = 0;   // 0 when absent (or not understood: see raw)
    int month = 0;  // 1-12, 0 when not given
    int day = 0;    // 1-31, 0 when not given
    std::string season;  // "Fall" of "2024 Fall", as written: shown before the year
    std::string note;    // "(Discontinued)" of "2024-09-01 (Discontinued)": shown after the date
    std::string raw;     // a value not understood ("submitted"): shown verbatim; the parts are 0
    bool empty() const { return year == 0 && raw.empty(); }  // nothing to show
};
// Orders by the calendar parts only: a date not understood sorts as undated.
bool operator<(const Date& a, const Date& b);
bool operator==(const Date& a, const Date& b);

// A link target. Only http, https and mailto survive loading; anything else is
// reported as a warning and left empty, so the views never make it clickable.
using Url = std::string;

struct Location {
    std::string address, postal_code, city, country_code, region;
};

// basics.profiles[]: an account elsewhere (GitHub, Google Scholar, ORCID, ...).
struct SocialProfile {
    std::string network;
    std::string username;
    Url url;
};

// basics.otherNames[] (extension): the name written in another script.
struct OtherName {
    std::string name;
    std::string lang;  // BCP 47 tag such as "zh-Hans"; may be empty
};

struct Basics {
    std::string name;
    std::string label;  // the title line under the name
    Url image;
    std::string email;       // an address: a mailto link
    std::string email_text;  // what "email" held when not an address ("name at example dot org"): shown as text
    std::string phone;
    Url url;
    RichString summary;              // "About": Markdown paragraphs (markdown.h), separated by "\n\n"
    std::string research_interests;  // extension: the research-interests paragraph
    Location location;
    std::vector<SocialProfile> profiles;
    std::vector<OtherName> other_names;
};

// work[] and volunteer[] share a shape: an organisation and a role over a period.
struct Position {
    std::string organization;  // work.name / volunteer.organization
    std::string position;
    Url url;
    std::string location;
    RichString description;  // Markdown, like every summary and highlight (markdown.h)
    Date start, end;
    bool ended = false;  // endDate given, or the extension "current": false
    RichString summary;
    std::vector<RichString> highlights;
};

struct Education {
    std::string institution;
    Url url;
    std::string area;
    std::string study_type;
    Date start, end;
    std::string score;
    std::vector<std::string> courses;
    std::string advisor;   // extension
    std::string location;  // al-folio's CV shows it
    RichString summary;
    std::vector<RichString> highlights;  // al-folio's CV lists them after the courses
};

struct Award {
    std::string title;
    Date date;
    std::string awarder;
    RichString summary;
    Url url;  // al-folio's CV links the title
};

// al-folio's CV draws an "icon" before skills, languages, interests, certificates and
// references: a Font Awesome class ("fa-solid fa-hashtag"), kept as written, and the
// icon font's glyph for it (0: none, or not in the font; see profile/icons.h).
struct Certificate {
    std::string name;
    Date date;
    std::string issuer;
    Url url;
    std::string icon;
    char32_t icon_glyph = 0;
};

struct Author {
    std::string family;
    std::string given;
    std::string literal;  // a name that is not split into family/given
    // What the owner wrote after the name to mark equal contribution and the like
    // ("*", "†"): shown after it, never compared with the owner's name.
    std::string marker;
    // Set when the profile is loaded, so views drawing thousands of author names each
    // frame need not recompute them: display_name(*this), and is_owner(*this, basics).
    std::string shown;
    bool owner = false;
    int coauthor = -1;  // index into Profile::coauthors when a co-author entry matches, else -1
};

// A publication, from a JSON Resume entry, a CSL-JSON item (see read_publication in load.cpp) or a
// BibTeX entry (bibtex_reader.h).
struct Publication {
    std::string id;             // CSL "id" or the BibTeX citation key, used as the BibTeX key
    std::string type;           // CSL type: "paper-conference", "article-journal", ...
    RichString title;           // CSL's <i>/<b>/<sup>... and BibTeX's \emph... as marks
    std::vector<Author> authors;
    bool more_authors = false;  // BibTeX "and others": the list goes on ("et al.")
    std::vector<Author> editors;
    bool more_editors = false;
    std::string venue;          // container-title / publisher; journal / booktitle
    std::string venue_short;    // custom.abbr: the badge text ("ATC")
    std::string publisher;
    Date date;
    std::string volume, issue, pages;
    std::string doi;
    Url url;
    std::string abstract;
    std::string summary;        // JSON Resume summary; BibTeX note
    std::string award;          // custom.award: "Best Paper"
    std::string award_name;     // al-folio's award_name: the award's name when `award` describes it
    bool selected = false;      // custom.selected
    bool bibtex_show = false;   // al-folio's bibtex_show: the owner wants the BibTeX shown
    Url pdf, code, slides;      // custom.pdf / code / slides
    int venue_entry = -1;       // index into Profile::venues when venue_short has an entry, else -1
    Url html, website, poster, video, blog, supp;  // al-folio's other link buttons
    Url preview;                // al-folio's preview image (a thumbnail)
    std::string arxiv;          // an arXiv identifier ("2101.00001"); see arxiv_url()
    // The entry as its owner wrote it in a .bib file, minus al-folio's private keys
    // (abbr, selected, pdf...): what "Copy BibTeX" gives. Empty for JSON entries.
    std::string bibtex;
};

// https://arxiv.org/abs/ID for a publication's arXiv identifier, "" without one.
std::string arxiv_url(const Publication& p);

// The identifier in what an owner wrote for arXiv: "2101.00001", "arXiv:2101.00001v2",
// "https://arxiv.org/abs/2101.00001" and "cs/0101001" give the identifier; anything
// else (spaces, other characters) gives "".
std::string arxiv_id(std::string_view written);

struct Skill {
    std::string name;
    std::string level;
    std::vector<std::string> keywords;
    std::string icon;
    char32_t icon_glyph = 0;
};

struct Language {
    std::string language;
    std::string fluency;
    std::string icon;
    char32_t icon_glyph = 0;
};

struct Interest {
    std::string name;
    std::vector<std::string> keywords;
    std::string icon;
    char32_t icon_glyph = 0;
};

struct Reference {
    std::string name;
    std::string reference;
    std::string icon;
    char32_t icon_glyph = 0;
};

struct Project {
    std::string name;
    RichString summary;  // al-folio's CV shows it under the name
    RichString description;
    std::vector<RichString> highlights;
    std::vector<std::string> keywords;
    Date start, end;
    bool ended = false;
    Url url;
    std::vector<std::string> roles;
    std::string entity;
    std::string type;
    Url image;  // extension (al-folio's project cards have one): drawn beside the project
};

// news[] (extension): a dated line, optionally with a lead-in title and a link.
struct NewsItem {
    Date date;
    std::string title;
    RichString text;
    Url url;
};

// openings[] (extension): a call for students, interns or staff.
struct Opening {
    std::string title;
    RichString summary;
    std::string location;
    std::string duration;
    Date date;
    Url url;
};

// coauthors[] (extension): a co-author's page, so their name links to it in author
// lists. An author matches when the family name and one given-name variant match.
struct Coauthor {
    std::string family;
    std::vector<std::string> given;  // "Edwin", "E. P.": the forms the author lists use
    Url url;
};

// venues{} (extension): what a venue badge ("ATC") links to and the colour it is drawn in.
struct Venue {
    std::string abbr;
    Url url;
    std::uint32_t color = 0;  // 0xRRGGBB
    bool has_color = false;
};

// An entry of a top-level section JSON Resume lacks ("teaching", "honors_and_awards"):
// what most such entries have, picked by member name, and every other member as
// written, so that nothing the owner wrote is lost.
struct ExtraEntry {
    std::string title;         // title, name, position, role, course...
    std::string organization;  // organization, institution, company, awarder...
    std::string location;
    Date start, end;           // a single "date" is both
    bool ended = false;
    Url url;
    std::string summary;       // summary, description...
    std::vector<std::string> highlights;  // highlights, details, items...
    std::vector<std::pair<std::string, std::string>> details;  // (member name, value as text), in file order
};

// A top-level array (or object) JSON Resume lacks, shown as a section of its own.
struct ExtraSection {
    std::string key;    // as written: "research experience"
    std::string title;  // from the key: "Research experience"
    std::string slug;   // "research-experience": ASCII, unique among the extra sections
    std::vector<ExtraEntry> entries;
};

struct Meta {
    Url canonical;
    std::string version;
    std::string last_modified;
    std::string language;  // extension: the profile's language, a BCP 47 tag ("en", "pt-BR")
};

struct Profile {
    Basics basics;
    std::vector<Position> work;
    std::vector<Position> volunteer;
    std::vector<Education> education;
    std::vector<Award> awards;
    std::vector<Certificate> certificates;
    std::vector<Publication> publications;
    std::vector<Skill> skills;
    std::vector<Language> languages;
    std::vector<Interest> interests;
    std::vector<Reference> references;
    std::vector<Project> projects;
    std::vector<NewsItem> news;
    std::vector<Opening> openings;
    std::vector<Coauthor> coauthors;
    std::vector<Venue> venues;  // in file order
    std::vector<ExtraSection> extra_sections;  // in file order
    Meta meta;
};

// Calls `visit` with every piece of text a profile may show (not URLs). Used to find
// the characters fonts must cover and to build the search index.
void for_each_text(const Profile& p, const std::function<void(const std::string&)>& visit);

// The organisation of the current position (no end date), for the header line.
std::string current_affiliation(const Profile& p);

// Initials for the monogram shown when there is no photo ("Qizhen Weng" -> "QW").
std::string initials(const std::string& name);

// How an author's name is shown: "Given Family", or "FamilyGiven" for names in
// Chinese, Japanese or Korean script; then the marker, if any ("Wei Zhao*").
std::string display_name(const Author& a);

// Whether an author is the profile's owner (so the views can highlight them).
bool is_owner(const Author& a, const Basics& owner);

// is_owner() for many authors: what it compares against is prepared once.
class OwnerMatcher {
public:
    explicit OwnerMatcher(const Basics& owner);
    bool operator()(const Author& a) const;

private:
    std::string name_;                   // the owner's name, ASCII-folded
    std::vector<std::string> others_;    // names in other scripts, as written
};

}  // namespace profile
