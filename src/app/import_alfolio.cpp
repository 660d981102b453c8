// `imfolio import al-folio SITE_DIR OUT_DIR`: reads the files an al-folio site keeps its
// content in (_config.yml, the about page, _news, _bibliography/papers.bib, the CV in
// assets/json/resume.json or _data/cv.yml, _data/socials.yml, coauthors.yml, venues.yml)
// and writes OUT_DIR/profile.json, a byte copy of papers.bib, the schema, and the images
// and PDFs they name, keeping al-folio's relative layout. It reports what it imported,
// and by name what it did not (blog posts, project pages, other pages, Liquid it cannot
// evaluate, missing files); nothing is dropped silently.
//
// It does not render anything: Markdown stays Markdown, BibTeX stays BibTeX (the loader
// reads both), and al-folio's layouts and styles are not looked at. yaml-cpp throws on
// bad YAML: every file is read inside its own try block, so one bad file costs only its
// own content and becomes a positioned problem.
#include "app/import_alfolio.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <sys/stat.h>
#include <vector>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "app/alfolio_text.h"
#include "app/site_files.h"
#include "platform/desktop/files.h"
#include "profile/json_source.h"
#include "profile/text.h"

namespace app {

extern const std::string_view kProfileSchema;

namespace {

using Json = nlohmann::ordered_json;
namespace text = alfolio;

// Bounds on what a site may make the importer read and write.
constexpr std::size_t kMaxTextBytes = 1u << 20;    // one YAML or Markdown file
constexpr std::size_t kMaxDataBytes = 16u << 20;   // resume.json, papers.bib (the loader's own limit)
constexpr std::size_t kMaxCopyBytes = 64u << 20;   // one image or PDF
constexpr std::size_t kMaxCopyTotal = 1u << 30;    // everything copied
constexpr std::size_t kMaxListed = 5000;           // files read or listed per folder
constexpr std::size_t kMaxBibEntries = 20000;      // the loader's limit per section
constexpr std::size_t kMaxYamlValues = 200000;     // values visited per YAML file (aliases can make a small file huge)
constexpr std::size_t kMaxAboutCandidates = 50;    // pages looked at to find the about page
constexpr int kFolderDepth = 4;

// ---------------------------------------------------------------------------------------
// Tables: one per fact.

// al-folio's social keys (_data/socials.yml; top-level keys of _config.yml on older
// sites): the network's name as imfolio's header knows it, and its URL with {} for the
// id. `username`: the value is an id or a handle, not itself a URL.
struct Network {
    const char* key;
    const char* network;
    const char* url;
    bool username;
};
constexpr Network kNetworks[] = {
    {"scholar_userid", "Google Scholar", "https://scholar.google.com/citations?user={}", true},
    {"googlescholar_id", "Google Scholar", "https://scholar.google.com/citations?user={}", true},
    {"github_username", "GitHub", "https://github.com/{}", true},
    {"gitlab_username", "GitLab", "https://gitlab.com/{}", true},
    {"orcid_id", "ORCID", "https://orcid.org/{}", true},
    {"linkedin_username", "LinkedIn", "https://www.linkedin.com/in/{}", true},
    {"x_username", "X", "https://x.com/{}", true},
    {"twitter_username", "Twitter", "https://twitter.com/{}", true},
    {"mastodon_username", "Mastodon", "https://{}", true},
    {"bluesky_url", "Bluesky", "https://bsky.app/profile/{}", false},
    {"bluesky_username", "Bluesky", "https://bsky.app/profile/{}", true},
    {"research_gate_profile", "ResearchGate", "https://www.researchgate.net/profile/{}/", true},
    {"dblp_url", "DBLP", "{}", false},
    {"semanticscholar_id", "Semantic Scholar", "https://www.semanticscholar.org/author/{}", true},
    {"scopus_id", "Scopus", "https://www.scopus.com/authid/detail.uri?authorId={}", true},
    {"publons_id", "Publons", "https://publons.com/a/{}/", true},
    {"acm_id", "ACM DL", "https://dl.acm.org/profile/{}", true},
    {"ieee_id", "IEEE Xplore", "https://ieeexplore.ieee.org/author/{}", true},
    {"arxiv_id", "arXiv", "https://arxiv.org/a/{}.html", true},
    {"inspirehep_id", "Inspire HEP", "https://inspirehep.net/authors/{}", true},
    {"hal_id", "HAL", "https://cv.hal.science/{}", true},
    {"osf_id", "Open Science Framework", "https://osf.io/{}/", true},
    {"lattes_id", "Lattes", "http://lattes.cnpq.br/{}", true},
    {"medium_username", "Medium", "https://medium.com/@{}", true},
    {"quora_username", "Quora", "https://www.quora.com/profile/{}", true},
    {"stackoverflow_id", "Stack Overflow", "https://stackoverflow.com/users/{}", true},
    {"stack_overflow_id", "Stack Overflow", "https://stackoverflow.com/users/{}", true},
    {"kaggle_id", "Kaggle", "https://www.kaggle.com/{}", true},
    {"keybase_username", "Keybase", "https://keybase.io/{}", true},
    {"leetcode_id", "LeetCode", "https://leetcode.com/u/{}/", true},
    {"huggingface_id", "Hugging Face", "https://huggingface.co/{}", true},
    {"wikidata_id", "Wikidata", "https://www.wikidata.org/wiki/{}", true},
    {"wikipedia_id", "Wikipedia", "https://en.wikipedia.org/wiki/{}", true},
    {"youtube_id", "YouTube", "https://youtube.com/@{}", true},
    {"instagram_id", "Instagram", "https://instagram.com/{}", true},
    {"facebook_id", "Facebook", "https://facebook.com/{}", true},
    {"facebook_username", "Facebook", "https://www.facebook.com/{}", true},
    {"flickr_id", "Flickr", "https://www.flickr.com/photos/{}", true},
    {"pinterest_id", "Pinterest", "https://www.pinterest.com/{}", true},
    {"spotify_id", "Spotify", "https://open.spotify.com/user/{}", true},
    {"lastfm_id", "Last.fm", "https://www.last.fm/user/{}", true},
    {"unsplash_id", "Unsplash", "https://unsplash.com/@{}", true},
    {"strava_userid", "Strava", "https://www.strava.com/athletes/{}", true},
    {"strava_id", "Strava", "https://www.strava.com/athletes/{}", true},
    {"telegram_username", "Telegram", "https://telegram.me/{}", true},
    {"whatsapp_number", "WhatsApp", "https://wa.me/{}", true},
    {"discord_id", "Discord", "https://discord.com/users/{}", true},
    {"zotero_username", "Zotero", "https://www.zotero.org/{}", true},
    {"threads_username", "Threads", "https://www.threads.net/@{}", true},
    {"tiktok_username", "TikTok", "https://www.tiktok.com/@{}", true},
    {"twitch_username", "Twitch", "https://www.twitch.tv/{}", true},
    {"tumblr_username", "Tumblr", "https://{}.tumblr.com/", true},
    {"behance_username", "Behance", "https://www.behance.net/{}", true},
    {"goodreads_id", "Goodreads", "https://www.goodreads.com/user/show/{}", true},
    {"soundcloud_username", "SoundCloud", "https://soundcloud.com/{}", true},
    {"steam_id", "Steam", "https://steamcommunity.com/profiles/{}", true},
    {"blogger_url", "Blogger", "{}", false},
    {"work_url", "Work", "{}", false},
};

// Social keys that are not accounts elsewhere: what al-folio draws for them, to name in
// the report.
struct NotAProfile {
    const char* key;
    const char* what;
};
constexpr NotAProfile kNotProfiles[] = {
    {"rss_icon", "the blog's feed icon"},
    {"wechat_qr", "a WeChat QR-code image"},
};

// _data/cv.yml section titles (lower case, "&" read as "and") and the JSON Resume
// section each becomes. Any other title becomes a top-level array named after it.
enum class CvTarget { basics, work, volunteer, education, awards, certificates, projects, interests, skills, languages, references };
struct CvTitle {
    const char* title;
    CvTarget target;
};
constexpr CvTitle kCvTitles[] = {
    {"general information", CvTarget::basics},   {"personal information", CvTarget::basics},
    {"contact", CvTarget::basics},               {"contact information", CvTarget::basics},
    {"education", CvTarget::education},
    {"experience", CvTarget::work},              {"work experience", CvTarget::work},
    {"professional experience", CvTarget::work}, {"research experience", CvTarget::work},
    {"employment", CvTarget::work},              {"positions", CvTarget::work},
    {"academic positions", CvTarget::work},      {"academic appointments", CvTarget::work},
    {"awards", CvTarget::awards},                {"honors", CvTarget::awards},
    {"honors and awards", CvTarget::awards},     {"awards and honors", CvTarget::awards},
    {"honours and awards", CvTarget::awards},    {"awards and scholarships", CvTarget::awards},
    {"scholarships", CvTarget::awards},          {"fellowships", CvTarget::awards},
    {"grants", CvTarget::awards},
    {"certificates", CvTarget::certificates},    {"certifications", CvTarget::certificates},
    {"projects", CvTarget::projects},            {"open source projects", CvTarget::projects},
    {"selected projects", CvTarget::projects},   {"research projects", CvTarget::projects},
    {"interests", CvTarget::interests},          {"academic interests", CvTarget::interests},
    {"research interests", CvTarget::interests}, {"other interests", CvTarget::interests},
    {"skills", CvTarget::skills},                {"technical skills", CvTarget::skills},
    {"languages", CvTarget::languages},
    {"service", CvTarget::volunteer},            {"academic service", CvTarget::volunteer},
    {"professional service", CvTarget::volunteer}, {"volunteering", CvTarget::volunteer},
    {"references", CvTarget::references},
};

// JSON Resume's sections in its own order: how mapped CV sections are written.
constexpr const char* kSectionOrder[] = {"work",   "volunteer", "education", "awards",     "certificates", "publications",
                                         "skills", "languages", "interests", "references", "projects"};

const char* section_key(CvTarget t) {
    switch (t) {
        case CvTarget::work: return "work";
        case CvTarget::volunteer: return "volunteer";
        case CvTarget::education: return "education";
        case CvTarget::awards: return "awards";
        case CvTarget::certificates: return "certificates";
        case CvTarget::projects: return "projects";
        case CvTarget::interests: return "interests";
        case CvTarget::skills: return "skills";
        case CvTarget::languages: return "languages";
        case CvTarget::references: return "references";
        case CvTarget::basics: return "basics";
    }
    return "";
}

// The rows of cv.yml's "General Information" map that fit basics (by the row's name,
// lower case). Other rows are kept in a section of their own.
struct InfoRow {
    const char* name;
    const char* field;  // a basics member, or "address" (basics.location.address), or "languages"
};
constexpr InfoRow kInfoRows[] = {
    {"full name", "name"},   {"name", "name"},         {"email", "email"},        {"e-mail", "email"},
    {"phone", "phone"},      {"telephone", "phone"},   {"mobile", "phone"},       {"website", "url"},
    {"homepage", "url"},     {"web", "url"},           {"address", "address"},    {"location", "address"},
    {"title", "label"},      {"position", "label"},    {"languages", "languages"},
};

// Top-level folders of an al-folio site that hold the theme, not content.
constexpr const char* kThemeFolders[] = {"_includes", "_layouts", "_sass", "_plugins", "_site", "_scripts"};

// Markers of an al-folio site besides _config.yml: any one will do.
constexpr const char* kMarkers[] = {"_bibliography",         "_pages/about.md",   "_news",
                                    "_data/socials.yml",     "_data/cv.yml",      "_data/coauthors.yml",
                                    "_data/venues.yml",      "assets/json/resume.json", "_layouts/about.liquid",
                                    "_layouts/about.html"};

// Where al-folio looks for the files a .bib entry names.
struct BibFileField {
    const char* field;
    const char* folder;
};
constexpr BibFileField kBibFileFields[] = {
    {"preview", "assets/img/publication_preview/"}, {"pdf", "assets/pdf/"}, {"slides", "assets/pdf/"},
    {"poster", "assets/pdf/"},                      {"supp", "assets/pdf/"},
};

// Language values al-folio's own config comment suggests that are not BCP 47.
struct LanguageFix {
    const char* written;
    const char* tag;
};
constexpr LanguageFix kLanguageFixes[] = {{"cn", "zh"}, {"jp", "ja"}, {"kr", "ko"}, {"gr", "el"}, {"cz", "cs"}};

// ---------------------------------------------------------------------------------------

enum class Severity { warning, error };

struct Finding {
    Severity severity;
    std::string file;  // relative to the site; "" for the site itself
    text::Position at;
    std::string message;
};

std::string trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string_view s) { return profile::fold_case(s); }

bool is_url(std::string_view s) { return s.find("://") != std::string_view::npos || s.rfind("mailto:", 0) == 0; }

bool is_image(std::string_view path) {
    std::string l = lower(path);
    for (const char* ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff"})
        if (l.size() > std::strlen(ext) && l.compare(l.size() - std::strlen(ext), std::string::npos, ext) == 0) return true;
    return false;
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

// o[key] when o is an object holding a string there, else "": nlohmann's value() and
// get() abort on a wrong type in this build (JSON_NOEXCEPTION), and resume.json is not ours.
std::string str_member(const Json& o, const char* key) {
    if (!o.is_object()) return {};
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string plural(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// YAML helpers. Absent members and nulls read the same: al-folio's templates leave
// unused keys empty (`middle_name:`).
YAML::Node member(const YAML::Node& map, const std::string& key) {
    if (!map || !map.IsMap()) return YAML::Node();
    const YAML::Node& m = map;
    YAML::Node v = m[key];
    return v.IsDefined() ? v : YAML::Node();
}
bool present(const YAML::Node& n) { return n.IsDefined() && !n.IsNull(); }
std::string scalar(const YAML::Node& n) { return n && n.IsScalar() ? trim(n.Scalar()) : std::string(); }
bool truthy(const YAML::Node& n) {
    std::string s = lower(scalar(n));
    return s == "true" || s == "yes" || s == "on";
}

// Everything one import learns and decides, and the report it prints.
class Importer {
public:
    Importer(const std::string& site_dir, const std::string& out_dir, const ImportOptions& options)
        : site_(site_dir), out_(out_dir), options_(options) {
        while (out_.size() > 1 && out_.back() == '/') out_.pop_back();
    }

    int run();

private:
    // --- findings ---
    void report(Severity s, const std::string& file, text::Position at, std::string message) {
        findings_.push_back({s, file, at, std::move(message)});
    }
    void warn(const std::string& file, text::Position at, std::string m) { report(Severity::warning, file, at, std::move(m)); }
    void error(const std::string& file, text::Position at, std::string m) { report(Severity::error, file, at, std::move(m)); }
    text::Position at_node(const YAML::Node& n, int line_offset) const {
        YAML::Mark m = n.Mark();
        if (m.is_null()) return {};
        return {m.line + 1 + line_offset, m.column + 1};
    }

    // --- reading ---
    std::optional<std::string> read_text(const std::string& rel, std::size_t max);
    std::optional<YAML::Node> parse_yaml(const std::string& rel, std::string_view yaml, int line_offset);
    // Runs `body` for file `rel`, turning any exception it lets out into a problem (YAML
    // positions are `line_offset` lines into the file: front matter starts on line 2).
    void guarded(const std::string& rel, const std::function<void()>& body, int line_offset = 0);
    // Counts the YAML values a loop visits; false (once reported) when the file's budget
    // is spent. Aliases let a few hundred bytes of YAML stand for billions of values.
    bool spend(const std::string& rel);
    // Reads `_data/*.yml`-style file `rel`, a mapping, and calls `each` with every key and
    // value (bounded by spend()). False when the file is absent or could not be read.
    bool read_mapping(const std::string& rel, const char* expected,
                      const std::function<void(const YAML::Node& key, const YAML::Node& value)>& each);
    std::string strip_liquid(const std::string& rel, std::string_view file_text, std::string_view part,
                             std::size_t part_offset, const char* into);
    std::string strip_liquid_at(const std::string& rel, const std::string& value, text::Position at, const char* into);
    std::optional<std::string> evaluate_liquid(std::string_view expr) const;
    // A file the profile names: copied when it exists inside the site, else reported.
    bool want_file(const std::string& rel, const std::string& file, text::Position at, const std::string& named_by);
    void check_links(const std::string& rel, std::string_view file_text, std::string_view markdown, const char* into);

    // --- the parts of a site ---
    bool is_alfolio_site(std::string* why) const;
    void read_config();
    void read_about();
    void read_socials();
    void add_social(const std::string& key, const YAML::Node& value, const std::string& file, int line_offset, bool from_config);
    void read_news();
    void read_bibliography();
    void read_coauthors();
    void read_venues();
    void read_cv();
    void read_description();
    void read_resume_json(const std::string& rel);
    void read_cv_yml(const std::string& rel);
    void map_cv_section(const std::string& rel, const YAML::Node& section, std::size_t index);
    void list_unread();

    // --- output ---
    void set_basic(const std::string& key, const std::string& value, const std::string& from);
    Json assemble();
    bool write_outputs(const Json& profile);
    void print_report(bool wrote);

    SiteFiles site_;
    std::string out_;
    ImportOptions options_;
    std::vector<Finding> findings_;
    std::vector<std::string> imported_;      // report lines, in order
    std::vector<std::string> not_imported_;  // report lines, in order

    YAML::Node config_;
    std::string about_rel_;
    std::string baseurl_;
    std::set<std::string> read_files_;  // files read (not "not imported")

    Json basics_ = Json::object();
    std::map<std::string, std::string> basics_from_;  // basics member -> where it came from
    std::vector<std::string> address_lines_;
    std::string address_from_;
    Json profiles_ = Json::array();
    std::string profiles_from_;
    std::size_t profiles_from_site_ = 0;     // how many came from the site's own social ids
    std::string profiles_resume_;            // "assets/json/resume.json" when it added some
    Json news_ = Json::array();
    Json coauthors_ = Json::array();
    Json venues_ = Json::object();
    Json sections_ = Json::object();  // CV sections, in the order they are written
    Json meta_ = Json::object();
    std::string bib_bytes_;
    bool has_bib_ = false;
    std::set<std::string> copies_;  // files to copy, relative to the site
    std::map<std::string, std::size_t> budget_;  // YAML values each file may still visit
    std::set<std::string> budget_spent_;
};

std::optional<std::string> Importer::read_text(const std::string& rel, std::size_t max) {
    std::string why;
    auto bytes = site_.read(rel, max, &why);
    if (!bytes) {
        error(rel, {}, "cannot read: " + why);
        return std::nullopt;
    }
    read_files_.insert(rel);
    std::size_t first_bad = 0;
    std::string clean;
    if (std::size_t bad = profile::utf8_sanitize(*bytes, clean, &first_bad)) {
        warn(rel, text::position_of(*bytes, first_bad),
             plural(bad, "byte sequence", "byte sequences") + " that are not UTF-8 replaced by U+FFFD");
        return clean;
    }
    return bytes;
}

std::optional<YAML::Node> Importer::parse_yaml(const std::string& rel, std::string_view yaml, int line_offset) {
    try {
        return YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        text::Position at;
        if (!e.mark.is_null()) at = {e.mark.line + 1 + line_offset, e.mark.column + 1};
        error(rel, at, "YAML: " + e.msg);
    }
    return std::nullopt;
}

void Importer::guarded(const std::string& rel, const std::function<void()>& body, int line_offset) {
    try {
        body();
    } catch (const YAML::Exception& e) {
        text::Position at;
        if (!e.mark.is_null()) at = {e.mark.line + 1 + line_offset, e.mark.column + 1};
        error(rel, at, "YAML: " + e.msg);
    } catch (const std::exception& e) {
        error(rel, {}, std::string("cannot read: ") + e.what());
    }
}

bool Importer::spend(const std::string& rel) {
    std::size_t& left = budget_[rel];
    if (left == 0 && !budget_spent_.count(rel)) left = kMaxYamlValues;
    if (left == 1) {
        budget_spent_.insert(rel);
        left = 0;
        warn(rel, {}, "more than " + std::to_string(kMaxYamlValues) + " values: the rest are not read");
        return false;
    }
    if (left == 0) return false;
    --left;
    return true;
}

std::optional<std::string> Importer::evaluate_liquid(std::string_view expr) const {
    std::string e = trim(expr);
    // {{ site.email }}: a value straight from _config.yml.
    if (e.rfind("site.", 0) == 0) {
        std::string key = e.substr(5);
        if (key.empty() || key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
                               std::string::npos)
            return std::nullopt;
        std::string v = scalar(member(config_, key));
        if (v.empty()) return std::nullopt;
        return v;
    }
    // {{ 'assets/pdf/cv.pdf' | relative_url }}: the path itself, which means the same
    // relative to profile.json as it did on the site.
    if (!e.empty() && (e[0] == '\'' || e[0] == '"')) {
        std::size_t close = e.find(e[0], 1);
        if (close == std::string::npos) return std::nullopt;
        std::string rest = trim(std::string_view(e).substr(close + 1));
        if (rest == "| relative_url" || rest == "|relative_url") return e.substr(1, close - 1);
    }
    return std::nullopt;
}

std::string Importer::strip_liquid(const std::string& rel, std::string_view file_text, std::string_view part,
                                   std::size_t part_offset, const char* into) {
    text::LiquidResult r = text::strip_liquid(part, [this](std::string_view e) { return evaluate_liquid(e); });
    for (const text::LiquidFound& f : r.found) {
        text::Position at = text::position_of(file_text, part_offset + f.offset);
        std::string shown = profile::shorten_text(f.source, 80);
        if (f.evaluated)
            warn(rel, at, "Liquid " + shown + " replaced by \"" + profile::shorten_text(f.value, 60) + "\" in " + into);
        else
            warn(rel, at, "Liquid " + shown + " cannot be evaluated outside Jekyll; left out of " + into);
    }
    return r.text;
}

std::string Importer::strip_liquid_at(const std::string& rel, const std::string& value, text::Position at, const char* into) {
    text::LiquidResult r = text::strip_liquid(value, [this](std::string_view e) { return evaluate_liquid(e); });
    for (const text::LiquidFound& f : r.found) {
        std::string shown = profile::shorten_text(f.source, 80);
        if (f.evaluated)
            warn(rel, at, "Liquid " + shown + " replaced by \"" + profile::shorten_text(f.value, 60) + "\" in " + into);
        else
            warn(rel, at, "Liquid " + shown + " cannot be evaluated outside Jekyll; left out of " + into);
    }
    return r.text;
}

bool Importer::want_file(const std::string& rel, const std::string& file, text::Position at, const std::string& named_by) {
    std::string why;
    switch (site_.kind(rel, &why)) {
        case SiteFiles::Kind::file:
            copies_.insert(rel);
            return true;
        case SiteFiles::Kind::refused:
            error(file, at, named_by + " names " + rel + ", " + why + ": refused, not copied");
            return false;
        case SiteFiles::Kind::directory:
            warn(file, at, named_by + " names " + rel + ", which is a folder: not copied");
            return false;
        case SiteFiles::Kind::missing:
            warn(file, at, named_by + " names " + rel + ", which does not exist: the link will not resolve");
            return false;
    }
    return false;
}

void Importer::check_links(const std::string& rel, std::string_view file_text, std::string_view markdown, const char* into) {
    for (const text::LocalLink& link : text::local_links(markdown)) {
        std::string target = link.target;
        target = target.substr(0, target.find_first_of("?#"));
        std::string path = target;
        if (path.rfind("./", 0) == 0) path.erase(0, 2);
        if (!baseurl_.empty() && path.rfind(baseurl_ + "/", 0) == 0) path.erase(0, baseurl_.size());
        while (!path.empty() && path[0] == '/') path.erase(0, 1);
        std::size_t found = file_text.find(link.target);
        text::Position at = found == std::string_view::npos ? text::Position{} : text::position_of(file_text, found);
        if (path.empty()) continue;  // the site's home page
        std::string why;
        SiteFiles::Kind k = site_.kind(path, &why);
        if (k == SiteFiles::Kind::file) {
            copies_.insert(path);
        } else if (k == SiteFiles::Kind::refused) {
            error(rel, at, "link \"" + link.target + "\" in " + into + " is " + why + ": refused, not copied");
        } else {
            warn(rel, at, "link \"" + link.target + "\" in " + into + " names " +
                              (k == SiteFiles::Kind::directory ? "a folder" : "no file") +
                              " of the site (a page of the old site?): it will not resolve");
        }
    }
}

bool Importer::is_alfolio_site(std::string* why) const {
    if (!site_.is_directory()) {
        *why = "not a directory";
        return false;
    }
    if (site_.kind("_config.yml") != SiteFiles::Kind::file) {
        *why = "no _config.yml: not a Jekyll site";
        return false;
    }
    for (const char* m : kMarkers)
        if (site_.kind(m) != SiteFiles::Kind::missing) return true;
    std::vector<std::string> names(std::begin(kMarkers), std::end(kMarkers));
    *why = "a Jekyll site, but none of al-folio's files (" + joined(names, ", ") + ")";
    return false;
}

void Importer::set_basic(const std::string& key, const std::string& value, const std::string& from) {
    if (value.empty()) return;
    basics_[key] = value;
    basics_from_[key] = from;
}

void Importer::read_config() {
    const std::string rel = "_config.yml";
    auto bytes = read_text(rel, kMaxTextBytes);
    if (!bytes) return;
    auto root = parse_yaml(rel, *bytes, 0);
    if (!root) return;
    if (!root->IsMap()) {
        error(rel, {}, "expected a mapping of settings");
        return;
    }
    config_ = *root;
    guarded(rel, [&] {
        std::vector<std::string> parts, keys;
        for (const char* k : {"first_name", "middle_name", "last_name"}) {
            std::string v = scalar(member(config_, k));
            if (v.empty()) continue;
            parts.push_back(v);
            keys.push_back(k);
        }
        std::string name = joined(parts, " ");
        std::string from = "_config.yml " + joined(keys, ", ");
        std::string title = scalar(member(config_, "title"));
        if (name.empty() && !title.empty() && title != "blank") {
            name = title;
            from = "_config.yml title";
        }
        set_basic("name", name, from);

        set_basic("email", scalar(member(config_, "email")), "_config.yml email");

        std::string url = scalar(member(config_, "url"));
        baseurl_ = scalar(member(config_, "baseurl"));
        while (!baseurl_.empty() && baseurl_.back() == '/') baseurl_.pop_back();
        if (!baseurl_.empty() && baseurl_[0] != '/') baseurl_ = "/" + baseurl_;
        while (!url.empty() && url.back() == '/') url.pop_back();
        if (!url.empty()) set_basic("url", url + baseurl_, baseurl_.empty() ? "_config.yml url" : "_config.yml url and baseurl");

        YAML::Node lang = member(config_, "lang");
        std::string tag = scalar(lang);
        if (lang.IsSequence() && lang.size() > 0) {
            tag = scalar(lang[0]);
            warn(rel, at_node(lang, 0), "lang lists " + plural(lang.size(), "language", "languages") + "; the first, \"" + tag +
                                            "\", is the profile's language");
        }
        for (const LanguageFix& f : kLanguageFixes)
            if (lower(tag) == f.written) {
                warn(rel, at_node(lang, 0), "lang \"" + tag + "\" is not a BCP 47 tag; written as \"" + f.tag + "\"");
                tag = f.tag;
            }
        if (!tag.empty()) meta_["language"] = tag;

        std::string contact = scalar(member(config_, "contact_note"));
        if (!contact.empty())
            not_imported_.push_back("_config.yml contact_note (the note under the social icons: \"" +
                                    profile::shorten_text(contact, 60) + "\")");
    });
}

void Importer::read_about() {
    // The page with `layout: about`: _pages/about.md on every al-folio version, else any page.
    std::vector<std::string> candidates;
    if (site_.kind("_pages/about.md") == SiteFiles::Kind::file) candidates.push_back("_pages/about.md");
    for (const std::string& name : site_.entries("_pages", kMaxAboutCandidates))
        if (name != "about.md") candidates.push_back("_pages/" + name);
    for (const std::string& rel : candidates) {
        if (site_.kind(rel) != SiteFiles::Kind::file) continue;
        std::string why;
        auto peek = site_.read(rel, kMaxTextBytes, &why);
        if (!peek) continue;
        text::FrontMatter fm = text::split_front_matter(*peek);
        if (rel == "_pages/about.md" || fm.yaml.find("layout: about") != std::string_view::npos) {
            about_rel_ = rel;
            break;
        }
    }
    if (about_rel_.empty()) {
        not_imported_.push_back("about page: none found (_pages/about.md or a page with layout: about); no summary");
        return;
    }
    const std::string rel = about_rel_;
    auto bytes = read_text(rel, kMaxTextBytes);
    if (!bytes) return;
    const std::string& file = *bytes;
    text::FrontMatter fm = text::split_front_matter(file);
    const int offset = fm.yaml_line - 1;
    YAML::Node front;
    if (fm.found) {
        auto parsed = parse_yaml(rel, fm.yaml, offset);
        if (parsed) front = *parsed;
    }
    guarded(rel, [&] {
        // Older sites call the line under the name `description`, newer ones `subtitle`.
        for (const char* key : {"subtitle", "description"}) {
            YAML::Node n = member(front, key);
            std::string html = scalar(n);
            if (html.empty()) continue;
            std::string label = text::html_to_markdown_line(strip_liquid_at(rel, html, at_node(n, offset), "basics.label"));
            set_basic("label", label, rel + " " + key);
            break;
        }
        YAML::Node profile = member(front, "profile");
        YAML::Node image = member(profile, "image");
        std::string img = scalar(image);
        if (!img.empty()) {
            if (is_url(img)) {
                set_basic("image", img, rel + " profile.image");
            } else {
                std::string path = "assets/img/" + img;
                if (want_file(path, rel, at_node(image, offset), "profile.image"))
                    set_basic("image", path, rel + " profile.image");
            }
        }
        YAML::Node more = member(profile, "more_info");
        if (std::string html = scalar(more); !html.empty())
        {
            address_lines_ = text::html_to_lines(strip_liquid_at(rel, html, at_node(more, offset), "basics.location.address"));
            address_from_ = rel + " profile.more_info";
        }

        std::vector<std::string> flags;
        for (const char* key : {"selected_papers", "social", "news", "announcements", "latest_posts"})
            if (present(member(front, key))) flags.push_back(key);
        for (const char* key : {"align", "image_circular"})
            if (present(member(profile, key))) flags.push_back(std::string("profile.") + key);
        if (!flags.empty())
            not_imported_.push_back(rel + " " + joined(flags, ", ") +
                                    " (layout switches: imfolio shows every section that has entries, in its own layout)");
    }, offset);

    std::string body = trim(strip_liquid(rel, file, fm.body, fm.body_offset, "basics.summary"));
    if (!body.empty()) {
        check_links(rel, file, body, "basics.summary");
        set_basic("summary", body, rel);
    }
}

std::optional<SocialProfile> social_profile_for(std::string_view key, std::string_view value) {
    for (const Network& n : kNetworks) {
        if (key != n.key) continue;
        SocialProfile p;
        p.network = n.network;
        std::string v(value);
        if (is_url(v)) {
            p.url = v;  // people paste whole addresses into id fields
        } else {
            std::string url = n.url;
            url.replace(url.find("{}"), 2, v);
            p.url = url;
            if (n.username) p.username = v;
        }
        return p;
    }
    return std::nullopt;
}

void Importer::add_social(const std::string& key, const YAML::Node& value, const std::string& file, int line_offset,
                          bool from_config) {
    text::Position at = at_node(value, line_offset);
    std::string v = scalar(value);
    if (key == "email") {
        if (!basics_.contains("email")) set_basic("email", v, file + " email");
        return;
    }
    if (key == "cv_pdf" && !v.empty()) {
        std::string path = v;
        while (!path.empty() && path[0] == '/') path.erase(0, 1);
        if (is_url(v)) {
            profiles_.push_back(Json{{"network", "CV"}, {"url", v}});
        } else if (want_file(path, file, at, "cv_pdf")) {
            profiles_.push_back(Json{{"network", "CV"}, {"url", path}});
        }
        return;
    }
    for (const NotAProfile& n : kNotProfiles)
        if (key == n.key) {
            if (!v.empty() && v != "false") not_imported_.push_back(file + " " + key + " (" + n.what + ")");
            return;
        }
    if (value.IsMap()) {
        // A custom entry ({logo, title, url}) or academia_edu ({organization, username}).
        std::string url = scalar(member(value, "url"));
        std::string title = scalar(member(value, "title"));
        if (key == "academia_edu") {
            std::string org = scalar(member(value, "organization")), user = scalar(member(value, "username"));
            if (!org.empty() && !user.empty()) {
                profiles_.push_back(
                    Json{{"network", "Academia.edu"}, {"username", user}, {"url", "https://" + org + ".academia.edu/" + user}});
                return;
            }
        }
        if (url.empty()) {
            warn(file, at, "social entry \"" + key + "\" has no url: not imported");
            return;
        }
        profiles_.push_back(Json{{"network", title.empty() ? key : title}, {"url", url}});
        if (present(member(value, "logo"))) not_imported_.push_back(file + " " + key + ".logo (its own icon: imfolio draws a link icon)");
        return;
    }
    if (v.empty()) return;
    if (auto p = social_profile_for(key, v)) {
        Json j{{"network", p->network}};
        if (!p->username.empty()) j["username"] = p->username;
        j["url"] = p->url;
        profiles_.push_back(std::move(j));
        return;
    }
    if (!from_config) warn(file, at, "unknown social key \"" + key + "\": not imported");
}

void Importer::read_socials() {
    const std::string rel = "_data/socials.yml";
    if (site_.kind(rel) == SiteFiles::Kind::file) {
        if (!read_mapping(rel, "social keys to ids", [&](const YAML::Node& key, const YAML::Node& value) {
                add_social(scalar(key), value, rel, 0, false);
            }))
            return;
        profiles_from_ = rel;
        // Newer al-folio reads only socials.yml: ids left in _config.yml show nowhere.
        std::vector<std::string> stale;
        if (config_.IsMap())
            for (const auto& kv : config_)
                for (const Network& n : kNetworks)
                    if (scalar(kv.first) == n.key && !scalar(kv.second).empty()) stale.push_back(n.key);
        if (!stale.empty())
            not_imported_.push_back("_config.yml " + joined(stale, ", ") +
                                    " (al-folio takes social ids from _data/socials.yml when it exists)");
        return;
    }
    if (!config_.IsMap()) return;
    guarded("_config.yml", [&] {
        for (const auto& kv : config_) {
            std::string key = scalar(kv.first);
            bool social = key == "cv_pdf" || std::any_of(std::begin(kNetworks), std::end(kNetworks), [&](const Network& n) {
                return key == n.key;
            });
            social = social || std::any_of(std::begin(kNotProfiles), std::end(kNotProfiles),
                                           [&](const NotAProfile& n) { return key == n.key; });
            if (!social) continue;
            add_social(key, kv.second, "_config.yml", 0, true);
        }
        profiles_from_ = "_config.yml";
    });
}

void Importer::read_news() {
    std::vector<std::string> refused;
    bool truncated = false;
    std::vector<std::string> files = site_.list("_news", kFolderDepth, kMaxListed, &refused, &truncated);
    for (const std::string& r : refused) error("_news", {}, "refused " + r);
    if (truncated) warn("_news", {}, "more than " + std::to_string(kMaxListed) + " files: the rest are not read");
    std::size_t inline_count = 0, titled = 0;
    struct Item {
        std::string date, path;
        Json json;
    };
    std::vector<Item> items;
    for (const std::string& rel : files) {
        std::string l = lower(rel);
        bool markdown = false;
        for (const char* ext : {".md", ".markdown", ".html", ".htm", ".txt"})
            if (l.size() > std::strlen(ext) && l.compare(l.size() - std::strlen(ext), std::string::npos, ext) == 0) markdown = true;
        if (!markdown) {
            not_imported_.push_back(rel + " (not a Markdown or HTML news item)");
            continue;
        }
        auto bytes = read_text(rel, kMaxTextBytes);
        if (!bytes) continue;
        const std::string& file = *bytes;
        text::FrontMatter fm = text::split_front_matter(file);
        const int offset = fm.yaml_line - 1;
        YAML::Node front;
        if (fm.found) {
            auto parsed = parse_yaml(rel, fm.yaml, offset);
            if (!parsed) continue;
            front = *parsed;
        }
        guarded(rel, [&] {
            std::string date;
            YAML::Node d = member(front, "date");
            if (std::string written = scalar(d); !written.empty()) {
                // "2022-07-20 19:00:00-0400": the day is what news shows.
                auto c = text::canonical_date(written.substr(0, 10));
                if (!c) c = text::canonical_date(written);
                if (c)
                    date = *c;
                else
                    warn(rel, at_node(d, offset), "date \"" + written + "\" is not a date: the item is undated");
            }
            std::string name = rel.substr(rel.rfind('/') + 1);
            if (date.empty() && name.size() > 10 && name[10] == '-')
                if (auto c = text::canonical_date(name.substr(0, 10))) date = *c;  // Jekyll's YYYY-MM-DD-title.md
            if (date.empty() && !present(d)) warn(rel, {}, "no date in its front matter or its name: the item is undated");
            bool is_inline = truthy(member(front, "inline"));
            std::string title = scalar(member(front, "title"));
            std::string body = trim(strip_liquid(rel, file, fm.body, fm.body_offset, "news"));
            if (body.empty() && (is_inline || title.empty())) {
                warn(rel, {}, "an empty news item: not imported");
                return;
            }
            check_links(rel, file, body, "news");
            Json item = Json::object();
            if (!date.empty()) item["date"] = date;
            if (!is_inline && !title.empty()) {
                item["title"] = strip_liquid_at(rel, title, at_node(member(front, "title"), offset), "news");
                ++titled;
            } else {
                ++inline_count;
            }
            if (!body.empty()) item["text"] = body;
            items.push_back({date, rel, std::move(item)});
        }, offset);
    }
    // Newest first, as the page shows them; ties (and undated items) by file name.
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        if (a.date != b.date) return a.date > b.date;
        return a.path < b.path;
    });
    for (Item& i : items) news_.push_back(std::move(i.json));
    if (!files.empty())
        imported_.push_back("news " + std::to_string(items.size()) + " (_news: " + std::to_string(inline_count) + " inline, " +
                            std::to_string(titled) + " with a title and text)");
}

void Importer::read_bibliography() {
    std::string name = "papers.bib";
    if (std::string configured = scalar(member(member(config_, "scholar"), "bibliography")); !configured.empty())
        name = configured;
    const std::string rel = "_bibliography/" + name;
    if (site_.kind(rel) != SiteFiles::Kind::file) {
        if (site_.kind("_bibliography") == SiteFiles::Kind::directory || name != "papers.bib")
            warn(rel, {}, "not found: no publications imported");
        return;
    }
    // Read without UTF-8 repair: the copy must be byte for byte (the loader reports bad bytes).
    std::string why;
    auto bytes = site_.read(rel, kMaxDataBytes, &why);
    if (!bytes) {
        error(rel, {}, "cannot read: " + why);
        return;
    }
    read_files_.insert(rel);
    bib_bytes_ = *bytes;
    has_bib_ = true;
    std::vector<text::BibEntry> entries = text::scan_bibtex(bib_bytes_, kMaxBibEntries);
    // Fields come in file order, so one line counter places them all.
    profile::LineCounter lines(bib_bytes_);
    for (const text::BibEntry& e : entries)
        for (const text::BibField& f : e.fields)
            for (const BibFileField& ff : kBibFileFields) {
                if (f.name != ff.field || f.value.empty() || is_url(f.value)) continue;
                text::Position at;
                lines.advance_to(f.offset, at.line, at.column);
                std::string named = std::string(ff.field) + "={" + f.value + "} in " + (e.key.empty() ? "an entry" : e.key);
                if (!is_contained_path(f.value)) {
                    error(rel, at, named + " is " + (f.value[0] == '/' ? "an absolute path" : "a path with \"..\"") +
                                       ": refused, not copied");
                    continue;
                }
                want_file(ff.folder + f.value, rel, at, named);
            }
    imported_.push_back("publications " + std::to_string(entries.size()) + " (papers.bib)");
}

bool Importer::read_mapping(const std::string& rel, const char* expected,
                            const std::function<void(const YAML::Node& key, const YAML::Node& value)>& each) {
    if (site_.kind(rel) != SiteFiles::Kind::file) return false;
    auto bytes = read_text(rel, kMaxTextBytes);
    if (!bytes) return false;
    auto root = parse_yaml(rel, *bytes, 0);
    if (!root) return false;
    guarded(rel, [&] {
        if (root->IsNull()) return;
        if (!root->IsMap()) {
            error(rel, at_node(*root, 0), std::string("expected a mapping of ") + expected);
            return;
        }
        for (const auto& kv : *root) {
            if (!spend(rel)) break;
            each(kv.first, kv.second);
        }
    });
    return true;
}

void Importer::read_coauthors() {
    const std::string rel = "_data/coauthors.yml";
    bool read = read_mapping(rel, "family names to lists of {firstname, url}", [&](const YAML::Node& key, const YAML::Node& list) {
        std::string family = scalar(key);
        std::vector<YAML::Node> people;
        if (list.IsSequence())
            for (const YAML::Node& p : list) {
                if (!spend(rel)) break;
                people.push_back(p);
            }
        else if (list.IsMap())
            people.push_back(list);
        else {
            warn(rel, at_node(key, 0), "co-author \"" + family + "\" is not a list of {firstname, url}: not imported");
            return;
        }
        for (const YAML::Node& p : people) {
            if (!p.IsMap()) {
                warn(rel, at_node(p, 0), "an entry under \"" + family + "\" is not {firstname, url}: not imported");
                continue;
            }
            Json given = Json::array();
            YAML::Node first = member(p, "firstname");
            if (first.IsSequence()) {
                for (const YAML::Node& g : first) {
                    if (!spend(rel)) break;
                    if (std::string s = scalar(g); !s.empty()) given.push_back(s);
                }
            } else if (std::string s = scalar(first); !s.empty()) {
                given.push_back(s);
            }
            std::string url = scalar(member(p, "url"));
            if (given.empty()) {
                warn(rel, at_node(p, 0), "co-author \"" + family + "\" has no firstname: no author can match; not imported");
                continue;
            }
            Json c{{"family", family}, {"given", given}};
            if (!url.empty()) c["url"] = url;
            coauthors_.push_back(std::move(c));
        }
    });
    if (read) imported_.push_back("coauthors " + std::to_string(coauthors_.size()) + " (" + rel + ")");
}

void Importer::read_venues() {
    const std::string rel = "_data/venues.yml";
    bool read = read_mapping(rel, "badge texts to {url, color}", [&](const YAML::Node& key, const YAML::Node& value) {
        std::string abbr = scalar(key);
        if (!value.IsMap()) {
            warn(rel, at_node(key, 0), "venue \"" + abbr + "\" is not {url, color}: not imported");
            return;
        }
        Json v = Json::object();
        if (std::string url = scalar(member(value, "url")); !url.empty()) v["url"] = url;
        YAML::Node colour = member(value, "color");
        std::string c = scalar(colour);
        bool hex = (c.size() == 4 || c.size() == 7) && c[0] == '#' &&
                   c.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
        if (hex)
            v["color"] = c;
        else if (!c.empty())
            warn(rel, at_node(colour, 0), "venue \"" + abbr + "\": colour \"" + c + "\" is not #RGB or #RRGGBB: left out");
        venues_[abbr] = std::move(v);
    });
    if (read) imported_.push_back("venues " + std::to_string(venues_.size()) + " (" + rel + ")");
}

// resume.json's JSON as nlohmann's, members in file order.
Json to_json(const profile::JsonValue& v) {
    switch (v.type()) {
        case profile::JsonType::null: return nullptr;
        case profile::JsonType::boolean: return v.as_bool();
        case profile::JsonType::integer: return v.as_integer();
        case profile::JsonType::real: return v.as_double();
        case profile::JsonType::string: return std::string(v.str());
        case profile::JsonType::array: {
            Json a = Json::array();
            for (const profile::JsonValue& e : v) a.push_back(to_json(e));
            return a;
        }
        case profile::JsonType::object: {
            Json o = Json::object();
            for (const profile::JsonValue& m : v) o[std::string(m.key())] = to_json(m);
            return o;
        }
    }
    return nullptr;
}

std::string shown_value(const Json& v) {
    std::string s = v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, Json::error_handler_t::replace);
    return profile::shorten_text(s, 50);
}

void Importer::read_resume_json(const std::string& rel) {
    auto bytes = read_text(rel, kMaxDataBytes);
    if (!bytes) return;
    std::vector<std::size_t> removed;
    std::string repaired = text::remove_trailing_commas(*bytes, &removed);
    std::vector<text::Position> comma_at = text::positions_of(*bytes, removed);
    for (const text::Position& at : comma_at) warn(rel, at, "trailing comma left out (JSON allows none before '}' or ']')");
    // Offsets in the repaired text, back in the file as written.
    // Comma k sat at removed[k] - k in the repaired text: those at or before an offset shift it.
    std::vector<std::size_t> shifted(removed.size());
    for (std::size_t k = 0; k < removed.size(); ++k) shifted[k] = removed[k] - k;
    auto original = [&](std::size_t offset) {
        return offset + static_cast<std::size_t>(std::upper_bound(shifted.begin(), shifted.end(), offset) - shifted.begin());
    };
    profile::JsonSource src = profile::parse_json(repaired);
    std::vector<std::size_t> offsets;
    for (const profile::Problem& p : src.problems)
        offsets.push_back(p.offset == profile::Problem::npos ? std::size_t(0) : original(p.offset));
    std::vector<text::Position> problem_at = text::positions_of(*bytes, offsets);
    for (std::size_t i = 0; i < src.problems.size(); ++i) {
        const profile::Problem& p = src.problems[i];
        text::Position at = p.offset == profile::Problem::npos ? text::Position{} : problem_at[i];
        report(p.severity == profile::Severity::error ? Severity::error : Severity::warning, rel, at,
               (p.pointer.empty() ? std::string() : p.pointer + ": ") + p.message);
    }
    if (!src.ok) return;
    Json resume = to_json(src.root());
    std::vector<std::string> counts;
    for (auto& [key, value] : resume.items()) {
        if (key == "$schema") continue;  // replaced by imfolio's own
        if (key == "basics") {
            if (!value.is_object()) {
                warn(rel, {}, "/basics is not an object: not imported");
                continue;
            }
            // The site's own pages win (they are what visitors saw); resume.json fills the rest.
            for (auto& [field, v] : value.items()) {
                if (field == "profiles" && v.is_array()) {
                    std::size_t added = 0;
                    for (Json& p : v) {
                        std::string url = str_member(p, "url");
                        std::string network = lower(str_member(p, "network"));
                        bool known = std::any_of(profiles_.begin(), profiles_.end(), [&](const Json& q) {
                            return (!url.empty() && str_member(q, "url") == url) ||
                                   (!network.empty() && lower(str_member(q, "network")) == network);
                        });
                        if (known) continue;
                        profiles_.push_back(p);
                        ++added;
                    }
                    if (added) profiles_resume_ = std::to_string(added) + " from " + rel;
                    continue;
                }
                if (field == "location" && v.is_object()) {
                    if (!basics_.contains("location") || !basics_["location"].is_object()) basics_["location"] = Json::object();
                    for (auto& [lk, lv] : v.items()) {
                        if (lk == "address" && !address_lines_.empty()) {
                            if (lv != Json(joined(address_lines_, "\n")))
                                not_imported_.push_back(rel + " basics.location.address \"" + shown_value(lv) + "\" (" +
                                                        about_rel_ + " profile.more_info is used)");
                            continue;
                        }
                        basics_["location"][lk] = lv;
                    }
                    continue;
                }
                if (!basics_.contains(field)) {
                    basics_[field] = v;
                    basics_from_[field] = rel;
                } else if (basics_[field] != v) {
                    not_imported_.push_back(rel + " basics." + field + " \"" + shown_value(v) + "\" (" + basics_from_[field] +
                                            " is used)");
                }
            }
            continue;
        }
        if (key == "meta") {
            if (value.is_object())
                for (auto& [mk, mv] : value.items())
                    if (!meta_.contains(mk)) meta_[mk] = mv;
            continue;
        }
        if (key == "publications" && has_bib_) {
            not_imported_.push_back(rel + " publications " + std::to_string(value.is_array() ? value.size() : 0) +
                                    " (papers.bib is the publication list)");
            continue;
        }
        if (key == "news" && value.is_array()) {
            for (Json& n : value) news_.push_back(n);
            counts.push_back("news " + std::to_string(value.size()));
            continue;
        }
        counts.push_back(key + " " + std::to_string(value.is_array() ? value.size() : 1));
        sections_[key] = value;
    }
    imported_.push_back("cv sections: " + (counts.empty() ? std::string("none") : joined(counts, ", ")) + " (" + rel + ")");
}

// A cv.yml item (a string, or {title, contents: [...]}) as lines of text; `spend` bounds
// the values visited.
std::vector<std::string> item_lines(const YAML::Node& items, const std::function<bool()>& spend) {
    std::vector<std::string> out;
    auto add = [&](const YAML::Node& item) {
        if (item.IsScalar()) {
            if (std::string s = scalar(item); !s.empty()) out.push_back(s);
        } else if (item.IsMap()) {
            std::string title = scalar(member(item, "title"));
            std::vector<std::string> subs;
            YAML::Node contents = member(item, "contents");
            if (contents.IsSequence())
                for (const YAML::Node& c : contents) {
                    if (!spend()) break;
                    if (std::string s = scalar(c); !s.empty()) subs.push_back(s);
                }
            if (!title.empty() || !subs.empty())
                out.push_back(title + (title.empty() || subs.empty() ? "" : ": ") + joined(subs, "; "));
        }
    };
    if (items.IsSequence())
        for (const YAML::Node& i : items) {
            if (!spend()) break;
            add(i);
        }
    else
        add(items);
    return out;
}

void Importer::read_cv_yml(const std::string& rel) {
    auto bytes = read_text(rel, kMaxTextBytes);
    if (!bytes) return;
    auto root = parse_yaml(rel, *bytes, 0);
    if (!root) return;
    guarded(rel, [&] {
        if (root->IsMap() && present(member(*root, "cv"))) {
            warn(rel, at_node(*root, 0), "RenderCV's format (a \"cv:\" mapping) is not read by this importer: no CV imported");
            return;
        }
        if (!root->IsSequence()) {
            error(rel, at_node(*root, 0), "expected a list of sections ({title, type, contents})");
            return;
        }
        for (std::size_t i = 0; i < root->size() && spend(rel); ++i) map_cv_section(rel, (*root)[i], i);
    });
    // Mapped sections in JSON Resume's order, then the others as the CV had them.
    Json ordered = Json::object();
    for (const char* k : kSectionOrder)
        if (sections_.contains(k)) ordered[k] = sections_[k];
    for (auto& [k, v] : sections_.items())
        if (!ordered.contains(k)) ordered[k] = v;
    sections_ = std::move(ordered);
    std::vector<std::string> counts;
    for (auto& [key, value] : sections_.items()) counts.push_back(key + " " + std::to_string(value.size()));
    imported_.push_back("cv sections: " + (counts.empty() ? std::string("none") : joined(counts, ", ")) + " (" + rel + ")");
}

void Importer::map_cv_section(const std::string& rel, const YAML::Node& section, std::size_t index) {
    text::Position at = at_node(section, 0);
    if (!section.IsMap()) {
        warn(rel, at, "section " + std::to_string(index + 1) + " is not {title, type, contents}: not imported");
        return;
    }
    std::string title = scalar(member(section, "title"));
    std::string type = lower(scalar(member(section, "type")));
    YAML::Node contents = member(section, "contents");
    // "Honors &  Awards" -> "honors and awards".
    std::string spaced;
    for (char c : lower(title)) spaced += c == '&' ? std::string(" and ") : std::string(1, c == '\t' ? ' ' : c);
    std::string folded;
    for (char c : trim(spaced))
        if (c != ' ' || folded.back() != ' ') folded += c;
    std::optional<CvTarget> target;
    for (const CvTitle& t : kCvTitles)
        if (folded == t.title) target = t.target;
    if (!contents.IsSequence()) {
        if (present(contents)) warn(rel, at, "section \"" + title + "\": contents is not a list: not imported");
        return;
    }

    // The date columns of a time_table entry.
    auto dates = [&](const YAML::Node& entry, Json& out, bool single_is_end) {
        YAML::Node year = member(entry, "year");
        std::string written = scalar(year);
        if (written.empty()) return;
        text::CvDates d = text::parse_cv_dates(written);
        if (!d.parsed) {
            warn(rel, at_node(year, 0), "year \"" + written + "\" is not a date or a range of dates: written as is");
            out["startDate"] = d.start;
            return;
        }
        if (!d.range && !d.ongoing) {
            if (single_is_end) {
                out["endDate"] = d.start;
            } else {
                out["startDate"] = d.start;
                out["endDate"] = d.start;
            }
            return;
        }
        if (!d.start.empty()) out["startDate"] = d.start;
        if (!d.end.empty()) out["endDate"] = d.end;
    };
    // Keys a time_table entry may have; anything else is reported.
    static const std::set<std::string> kEntryKeys = {"title", "institution", "department", "year", "location",
                                                     "description", "items", "maindescription", "linkitems"};
    auto unknown_keys = [&](const YAML::Node& entry) {
        if (!entry.IsMap()) return;
        for (const auto& kv : entry) {
            if (!spend(rel)) break;
            std::string k = scalar(kv.first);
            if (!kEntryKeys.count(k)) warn(rel, at_node(kv.first, 0), "\"" + k + "\" in section \"" + title + "\": not imported");
        }
    };
    auto budget = [&] { return spend(rel); };
    auto highlights = [&](const YAML::Node& entry) {
        std::vector<std::string> h = item_lines(member(entry, "description"), budget);
        for (std::string& s : item_lines(member(entry, "items"), budget)) h.push_back(std::move(s));
        return h;
    };
    auto first_link = [&](const YAML::Node& entry) {
        YAML::Node links = member(entry, "linkitems");
        if (links.IsSequence())
            for (const YAML::Node& l : links) {
                if (!spend(rel)) break;
                if (std::string s = scalar(member(l, "link")); !s.empty()) return s;
            }
        return std::string();
    };
    auto put = [](Json& o, const char* key, const std::string& v) {
        if (!v.empty()) o[key] = v;
    };
    auto put_list = [](Json& o, const char* key, const std::vector<std::string>& v) {
        if (!v.empty()) o[key] = v;
    };

    Json out = Json::array();
    std::string key;
    if (target == CvTarget::basics && type == "map") {
        Json rest = Json::array();
        for (const YAML::Node& row : contents) {
            if (!spend(rel)) break;
            std::string name = scalar(member(row, "name")), value = scalar(member(row, "value"));
            if (name.empty() && value.empty()) continue;
            const InfoRow* fit = nullptr;
            for (const InfoRow& r : kInfoRows)
                if (lower(name) == r.name) fit = &r;
            std::string field = fit ? fit->field : "";
            if (field == "address") {
                if (address_lines_.empty()) {
                    address_lines_ = {value};
                    address_from_ = rel + " " + title + " " + name;
                }
                else not_imported_.push_back(rel + " " + title + " " + name + " \"" + profile::shorten_text(value, 50) + "\" (" +
                                             about_rel_ + " profile.more_info is used)");
            } else if (field == "languages") {
                // "English (native), French (fluent)" -> languages[].
                Json langs = sections_.contains("languages") ? sections_["languages"] : Json::array();
                int depth = 0;
                std::string part;
                auto flush = [&] {
                    std::string p = trim(part);
                    part.clear();
                    if (p.empty()) return;
                    std::size_t open = p.find('(');
                    Json l = Json::object();
                    if (open != std::string::npos && p.back() == ')') {
                        l["language"] = trim(p.substr(0, open));
                        l["fluency"] = trim(p.substr(open + 1, p.size() - open - 2));
                    } else {
                        l["language"] = p;
                    }
                    langs.push_back(std::move(l));
                };
                for (char c : value) {
                    if (c == '(') ++depth;
                    if (c == ')') --depth;
                    if ((c == ',' || c == ';') && depth <= 0) flush();
                    else part += c;
                }
                flush();
                sections_["languages"] = langs;
            } else if (!field.empty()) {
                if (!basics_.contains(field)) set_basic(field, value, rel + " " + title);
                else if (basics_[field] != Json(value))
                    not_imported_.push_back(rel + " " + title + " " + name + " \"" + profile::shorten_text(value, 50) + "\" (" +
                                            basics_from_[field] + " is used)");
            } else {
                rest.push_back(Json{{"title", name}, {"description", value}});
            }
        }
        if (rest.empty()) return;
        out = std::move(rest);
        key = text::snake_key(title);
    } else if (target && *target != CvTarget::basics) {
        key = section_key(*target);
        for (const YAML::Node& entry : contents) {
            if (!spend(rel)) break;
            unknown_keys(entry);
            if (entry.IsScalar() || type == "list") {
                std::string s = scalar(entry);
                if (s.empty()) continue;
                switch (*target) {
                    case CvTarget::languages: out.push_back(Json{{"language", s}}); break;
                    case CvTarget::references: out.push_back(Json{{"reference", s}}); break;
                    case CvTarget::awards: out.push_back(Json{{"title", s}}); break;
                    case CvTarget::certificates:
                    case CvTarget::projects:
                    case CvTarget::interests:
                    case CvTarget::skills: out.push_back(Json{{"name", s}}); break;
                    case CvTarget::education: out.push_back(Json{{"institution", s}}); break;
                    case CvTarget::work:
                    case CvTarget::volunteer: out.push_back(Json{{"position", s}}); break;
                    case CvTarget::basics: break;
                }
                continue;
            }
            if (!entry.IsMap()) continue;
            std::string t = scalar(member(entry, "title")), inst = scalar(member(entry, "institution"));
            std::string dept = scalar(member(entry, "department")), loc = scalar(member(entry, "location"));
            std::string main = scalar(member(entry, "maindescription"));
            std::vector<std::string> h = highlights(entry);
            Json e = Json::object();
            switch (*target) {
                case CvTarget::education:
                    put(e, "institution", inst);
                    put(e, "area", dept);
                    put(e, "studyType", t);
                    dates(entry, e, true);
                    put(e, "location", loc);
                    put(e, "summary", main);
                    put_list(e, "highlights", h);
                    break;
                case CvTarget::work:
                case CvTarget::volunteer:
                    put(e, *target == CvTarget::work ? "name" : "organization", inst);
                    put(e, "position", t);
                    put(e, "location", loc);
                    put(e, "description", dept);
                    dates(entry, e, false);
                    put(e, "summary", main);
                    put_list(e, "highlights", h);
                    break;
                case CvTarget::awards: {
                    Json when = Json::object();
                    dates(entry, when, false);
                    std::string date = str_member(when, "startDate");
                    if (date.empty()) date = str_member(when, "endDate");
                    std::string until = str_member(when, "endDate");
                    // al-folio's awards are often a year with a list of items: one award each.
                    std::vector<std::string> names = t.empty() ? h : std::vector<std::string>{t};
                    std::vector<std::string> notes = t.empty() ? std::vector<std::string>{} : h;
                    if (!main.empty()) notes.insert(notes.begin(), main);
                    if (!until.empty() && until != date) notes.push_back("until " + until);
                    for (const std::string& name : names) {
                        Json a{{"title", name}};
                        put(a, "date", date);
                        put(a, "awarder", inst);
                        put(a, "summary", joined(notes, "; "));
                        out.push_back(std::move(a));
                    }
                    continue;
                }
                case CvTarget::certificates: {
                    put(e, "name", t);
                    put(e, "issuer", inst);
                    Json when = Json::object();
                    dates(entry, when, false);
                    put(e, "date", str_member(when, "startDate"));
                    put(e, "url", first_link(entry));
                    break;
                }
                case CvTarget::projects:
                    put(e, "name", t);
                    put(e, "entity", inst);
                    put(e, "description", main);
                    dates(entry, e, false);
                    put_list(e, "highlights", h);
                    put(e, "url", first_link(entry));
                    break;
                case CvTarget::interests:
                case CvTarget::skills:
                    put(e, "name", t);
                    put_list(e, "keywords", h);
                    break;
                case CvTarget::languages:
                    put(e, "language", t.empty() ? scalar(member(entry, "name")) : t);
                    put(e, "fluency", scalar(member(entry, "value")));
                    break;
                case CvTarget::references:
                    put(e, "name", t.empty() ? scalar(member(entry, "name")) : t);
                    put(e, "reference", scalar(member(entry, "value")));
                    break;
                case CvTarget::basics: break;
            }
            if (!e.empty()) out.push_back(std::move(e));
        }
    } else {
        // A section imfolio has no place for: an array of plain objects, titled by its key.
        key = text::snake_key(title);
        for (const YAML::Node& entry : contents) {
            if (!spend(rel)) break;
            if (entry.IsScalar()) {
                if (std::string s = scalar(entry); !s.empty()) out.push_back(Json{{"title", s}});
                continue;
            }
            if (!entry.IsMap()) continue;
            if (type == "map") {
                out.push_back(Json{{"title", scalar(member(entry, "name"))}, {"description", scalar(member(entry, "value"))}});
                continue;
            }
            unknown_keys(entry);
            Json e = Json::object();
            put(e, "title", scalar(member(entry, "title")));
            put(e, "institution", scalar(member(entry, "institution")));
            put(e, "department", scalar(member(entry, "department")));
            put(e, "location", scalar(member(entry, "location")));
            dates(entry, e, false);
            put(e, "description", scalar(member(entry, "maindescription")));
            put_list(e, "highlights", highlights(entry));
            put(e, "url", first_link(entry));
            if (!e.empty()) out.push_back(std::move(e));
        }
    }
    if (out.empty()) return;
    // A title that collides with a section of the profile itself keeps its own array.
    static const std::set<std::string> kReserved = {"$schema", "basics", "news", "openings", "coauthors", "venues",
                                                    "bibliography", "meta"};
    bool mapped = target && *target != CvTarget::basics;
    if (!mapped && (kReserved.count(key) || std::any_of(std::begin(kSectionOrder), std::end(kSectionOrder),
                                                         [&](const char* s) { return key == s; })))
        key = "cv_" + key;
    if (!sections_.contains(key)) sections_[key] = Json::array();
    for (Json& e : out) sections_[key].push_back(std::move(e));
    if (target == CvTarget::basics) {
        std::vector<std::string> names;
        for (const Json& row : sections_[key]) names.push_back(str_member(row, "title"));
        warn(rel, at, "rows of \"" + title + "\" that fit no basics field (" + joined(names, ", ") +
                          "): written as the top-level array \"" + key + "\"");
    } else if (!mapped) {
        warn(rel, at, "section \"" + title + "\" has no JSON Resume counterpart: written as the top-level array \"" + key + "\"");
    }
}

// _config.yml's description is the site's one-line description: the label when neither
// the about page nor resume.json gives a better title line.
void Importer::read_description() {
    YAML::Node n = member(config_, "description");
    std::string description = trim(scalar(n));
    if (description.empty()) return;
    std::string label = text::html_to_markdown_line(strip_liquid_at("_config.yml", description, at_node(n, 0), "basics.label"));
    // al-folio's own sample text, left in place by many sites.
    if (label.find("whitespace theme for academics") != std::string::npos) {
        not_imported_.push_back("_config.yml description (al-folio's sample text)");
        return;
    }
    if (basics_.contains("label")) {
        if (str_member(basics_, "label") != label)
            not_imported_.push_back("_config.yml description \"" + profile::shorten_text(label, 50) + "\" (" +
                                    basics_from_["label"] + " is the label)");
        return;
    }
    set_basic("label", label, "_config.yml description");
}

void Importer::read_cv() {
    std::string resume;
    for (const char* rel : {"assets/json/resume.json", "_data/resume.json"})
        if (site_.kind(rel) == SiteFiles::Kind::file) {
            resume = rel;
            break;
        }
    bool has_cv_yml = site_.kind("_data/cv.yml") == SiteFiles::Kind::file;
    if (!resume.empty()) {
        read_resume_json(resume);
        if (has_cv_yml) {
            not_imported_.push_back("_data/cv.yml (" + resume + " is the CV)");
            read_files_.insert("_data/cv.yml");  // accounted for: not listed again as an unread data file
        }
    } else if (has_cv_yml) {
        read_cv_yml("_data/cv.yml");
    }
}

void Importer::list_unread() {
    auto names_of = [&](const std::string& folder, const std::function<bool(const std::string&)>& skip) {
        std::vector<std::string> refused;
        bool truncated = false;
        std::vector<std::string> files = site_.list(folder, kFolderDepth, kMaxListed, &refused, &truncated);
        std::vector<std::string> out;
        for (const std::string& f : files)
            if (!skip(f) && !read_files_.count(f)) out.push_back(f);
        if (truncated) out.push_back("… (more than " + std::to_string(kMaxListed) + ")");
        return out;
    };
    auto none = [](const std::string&) { return false; };
    struct Folder {
        const char* folder;
        const char* what;
    };
    static const Folder kFolders[] = {{"_posts", "blog posts"},       {"_drafts", "blog drafts"},
                                      {"_projects", "project pages"}, {"_teachings", "teaching pages"},
                                      {"_teaching", "teaching pages"}, {"_pages", "pages"},
                                      {"_data", "data files"},         {"_bibliography", "bibliography files"}};
    std::set<std::string> known;
    for (const Folder& f : kFolders) {
        known.insert(f.folder);
        std::vector<std::string> names = names_of(f.folder, none);
        if (!names.empty()) not_imported_.push_back(std::string(f.what) + " " + std::to_string(names.size()) + ": " + joined(names, ", "));
    }
    // Other collections (_books, _talks, ...): anything that is not the theme's own.
    for (const std::string& name : site_.entries("", kMaxListed)) {
        if (name.empty() || name[0] != '_' || known.count(name) || name == "_news" || name == "_config.yml") continue;
        if (std::any_of(std::begin(kThemeFolders), std::end(kThemeFolders), [&](const char* t) { return name == t; })) continue;
        if (site_.kind(name) != SiteFiles::Kind::directory) continue;
        std::vector<std::string> names = names_of(name, none);
        if (!names.empty())
            not_imported_.push_back("collection " + name + " " + std::to_string(names.size()) + ": " + joined(names, ", "));
    }
}

Json Importer::assemble() {
    Json p = Json::object();
    p["$schema"] = "./profile.schema.json";
    if (!address_lines_.empty()) {
        if (!basics_.contains("location")) basics_["location"] = Json::object();
        if (basics_["location"].is_object())
            basics_["location"]["address"] = joined(address_lines_, "\n");
        else
            not_imported_.push_back("the address (" + about_rel_ + " profile.more_info): resume.json's basics.location is not an object");
    }
    if (!profiles_.empty()) basics_["profiles"] = profiles_;
    // JSON Resume's order for basics, then whatever else resume.json had.
    Json basics = Json::object();
    for (const char* k : {"name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"})
        if (basics_.contains(k)) basics[k] = basics_[k];
    for (auto& [k, v] : basics_.items())
        if (!basics.contains(k)) basics[k] = v;
    if (!basics.empty()) p["basics"] = basics;
    for (auto& [k, v] : sections_.items()) p[k] = v;
    if (!news_.empty()) p["news"] = news_;
    if (!coauthors_.empty()) p["coauthors"] = coauthors_;
    if (!venues_.empty()) p["venues"] = venues_;
    if (has_bib_) p["bibliography"] = "papers.bib";
    if (!meta_.empty()) p["meta"] = meta_;
    return p;
}

bool Importer::write_outputs(const Json& profile) {
    std::string why;
    if (!make_directories(out_, &why)) {
        error("", {}, "cannot create " + out_ + ": " + why);
        return false;
    }
    std::size_t images = 0, others = 0, total = 0;
    for (const std::string& rel : copies_) {
        struct stat st;
        std::string path = site_.shown(rel);
        if (stat(path.c_str(), &st) == 0) total += static_cast<std::size_t>(st.st_size);
        if (total > kMaxCopyTotal) {
            error(rel, {}, "not copied: the files to copy exceed " + std::to_string(kMaxCopyTotal >> 20) + " MiB");
            continue;
        }
        if (!site_.copy_to(rel, out_, kMaxCopyBytes, &why)) {
            error(rel, {}, "cannot copy: " + why);
            continue;
        }
        ++(is_image(rel) ? images : others);
    }
    if (images) imported_.push_back("images " + std::to_string(images) + " copied");
    if (others) imported_.push_back("files " + std::to_string(others) + " copied");
    std::string json = profile.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    bool ok = platform::write_file(out_ + "/profile.json", json, &why) &&
              platform::write_file(out_ + "/profile.schema.json", std::string(kProfileSchema), &why) &&
              (!has_bib_ || platform::write_file(out_ + "/papers.bib", bib_bytes_, &why));
    if (!ok) error("", {}, "cannot write into " + out_ + ": " + why);
    return ok;
}

void Importer::print_report(bool wrote) {
    std::printf("imported %s into %s\n", site_.root().c_str(), out_.c_str());
    for (const std::string& line : imported_) std::printf("%s\n", line.c_str());
    for (const std::string& line : not_imported_) std::printf("not imported: %s\n", line.c_str());
    std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.at.line != b.at.line) return a.at.line < b.at.line;
        return a.at.column < b.at.column;
    });
    int errors = 0, warnings = 0;
    for (const Finding& f : findings_) {
        ++(f.severity == Severity::error ? errors : warnings);
        std::string where = f.file.empty() ? site_.root() : site_.shown(f.file);
        if (f.at.line > 0) where += ":" + std::to_string(f.at.line) + ":" + std::to_string(f.at.column);
        std::printf("%s: %s: %s\n", where.c_str(), f.severity == Severity::error ? "error" : "warning", f.message.c_str());
    }
    if (wrote) {
        std::string files = out_ + "/profile.json, " + (has_bib_ ? out_ + "/papers.bib, " : "") + out_ + "/profile.schema.json";
        std::printf("wrote %s\n", files.c_str());
    }
    std::printf("import: %d error%s, %d warning%s\n", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
}

int Importer::run() {
    std::string why;
    if (!is_alfolio_site(&why)) {
        std::fprintf(stderr, "imfolio: %s is not an al-folio site: %s\n", site_.root().c_str(), why.c_str());
        return 2;
    }
    struct stat st;
    if (!options_.force && stat((out_ + "/profile.json").c_str(), &st) == 0) {
        std::fprintf(stderr, "imfolio: %s/profile.json exists; pass --force to replace it\n", out_.c_str());
        return 1;
    }
    read_config();
    read_about();
    read_socials();
    profiles_from_site_ = profiles_.size();
    read_news();
    read_bibliography();
    read_coauthors();
    read_venues();
    read_cv();
    read_description();
    list_unread();

    // The summary lines, in the order of the page.
    std::vector<std::string> head;
    auto from = [&](const char* k) { return basics_from_.count(k) ? " (" + basics_from_[k] + ")" : std::string(); };
    if (basics_.contains("name")) head.push_back("name: " + str_member(basics_, "name") + from("name"));
    if (basics_.contains("label")) head.push_back("label: 1" + from("label"));
    if (basics_.contains("summary")) {
        std::string s = str_member(basics_, "summary");
        std::size_t paragraphs = 1;
        for (std::size_t at = s.find("\n\n"); at != std::string::npos; at = s.find("\n\n", at + 2)) {
            while (at + 2 < s.size() && s[at + 2] == '\n') ++at;
            ++paragraphs;
        }
        head.push_back("summary: 1" + (basics_from_["summary"] == about_rel_ ? " (" + about_rel_ + ", " + plural(paragraphs, "paragraph", "paragraphs") + ")" : from("summary")));
    }
    if (basics_.contains("email")) head.push_back("email: 1" + from("email"));
    if (basics_.contains("url")) head.push_back("url: " + str_member(basics_, "url") + from("url"));
    if (basics_.contains("image")) head.push_back("image: " + str_member(basics_, "image") + from("image"));
    if (!address_lines_.empty())
        head.push_back("address: " + plural(address_lines_.size(), "line", "lines") + " (" + address_from_ + ", as basics.location.address)");
    if (meta_.contains("language")) head.push_back("language: " + str_member(meta_, "language") + " (_config.yml lang)");
    if (!profiles_.empty()) {
        std::vector<std::string> sources;
        if (profiles_from_site_) sources.push_back(std::to_string(profiles_from_site_) + " from " + profiles_from_);
        if (!profiles_resume_.empty()) sources.push_back(profiles_resume_);
        head.push_back("profiles " + std::to_string(profiles_.size()) + " (" + joined(sources, ", ") + ")");
    }
    imported_.insert(imported_.begin(), head.begin(), head.end());

    Json profile = assemble();
    bool wrote = write_outputs(profile);
    print_report(wrote);
    bool failed = std::any_of(findings_.begin(), findings_.end(), [](const Finding& f) { return f.severity == Severity::error; });
    return failed || !wrote ? 1 : 0;
}

}  // namespace

std::optional<SocialProfile> social_profile(std::string_view key, std::string_view value) {
    return social_profile_for(key, value);
}

int import_alfolio(const std::string& site_dir, const std::string& out_dir, const ImportOptions& options) {
    Importer importer(site_dir, out_dir, options);
    return importer.run();
}

}  // namespace app
