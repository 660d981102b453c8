// The profile format as documented: the schema matches the loader, the complete example
// reads cleanly, dates show one way, lists sort newest first unless told otherwise,
// and CSL-JSON publications become what the page and BibTeX need.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/desktop/files.h"
#include "profile/bibtex.h"
#include "profile/date.h"
#include "profile/load.h"

using namespace profile;
using nlohmann::json;

namespace {

std::string source_file(const std::string& path) {
    auto bytes = platform::read_file(IMFOLIO_SOURCE_DIR "/" + path);
    REQUIRE_MESSAGE(bytes, path);
    return *bytes;
}

// The schema object that describes the values at `where` ("/work/*"): follows
// properties, "*" into items (or an object's additionalProperties: venues{}), $ref into
// definitions, and anyOf to its object branch.
const json* schema_at(const json& schema, const std::string& where) {
    auto resolve = [&](const json* node) -> const json* {
        for (int hops = 0; node && hops < 8; ++hops) {
            if (!node->is_object()) return nullptr;
            auto ref = node->find("$ref");
            if (ref != node->end() && ref->is_string()) {
                const std::string& target = ref->get_ref<const std::string&>();
                const std::string prefix = "#/definitions/";
                if (target.rfind(prefix, 0) != 0) return nullptr;
                auto defs = schema.find("definitions");
                if (defs == schema.end()) return nullptr;
                auto def = defs->find(target.substr(prefix.size()));
                node = def == defs->end() ? nullptr : &*def;
                continue;
            }
            auto any = node->find("anyOf");
            if (any != node->end() && any->is_array()) {
                const json* object_branch = nullptr;
                for (const json& branch : *any) {
                    const json* b = &branch;
                    auto bref = branch.find("$ref");
                    if (bref != branch.end() && bref->is_string()) {
                        std::string name = bref->get_ref<const std::string&>().substr(14);
                        b = &schema["definitions"][name];
                    }
                    if (b->contains("properties")) object_branch = b;
                }
                node = object_branch;
                continue;
            }
            return node;
        }
        return nullptr;
    };
    const json* node = resolve(&schema);
    std::size_t i = 1;
    while (node && i < where.size() + 1 && !where.empty()) {
        std::size_t next = where.find('/', i);
        std::string segment = where.substr(i, next == std::string::npos ? std::string::npos : next - i);
        i = next == std::string::npos ? where.size() + 1 : next + 1;
        if (segment == "*") {
            auto items = node->find("items");
            if (items == node->end()) items = node->find("additionalProperties");
            node = items == node->end() || !items->is_object() ? nullptr : resolve(&*items);
        } else {
            auto props = node->find("properties");
            if (props == node->end()) return nullptr;
            auto prop = props->find(segment);
            node = prop == props->end() ? nullptr : resolve(&*prop);
        }
    }
    return node;
}

std::vector<std::string> property_names(const json& object_schema) {
    std::vector<std::string> out;
    auto props = object_schema.find("properties");
    if (props == object_schema.end()) return out;
    for (auto it = props->begin(); it != props->end(); ++it) out.push_back(it.key());
    return out;
}

}  // namespace

TEST_CASE("data/profile.schema.json is JSON and knows exactly the fields the loader reads") {
    json schema = json::parse(source_file("data/profile.schema.json"), nullptr, false);
    REQUIRE_FALSE(schema.is_discarded());
    REQUIRE(schema.is_object());
    CHECK(schema.value("$schema", "") == "http://json-schema.org/draft-07/schema#");

    std::set<std::string> wheres;
    std::set<std::pair<std::string, std::string>> known;
    for (const auto& [where, key] : known_fields()) {
        wheres.insert(where);
        known.emplace(where, key);
    }
    CHECK(known.size() > 150);
    for (const auto& [where, key] : known) {
        const json* object = schema_at(schema, where);
        REQUIRE_MESSAGE(object, "the schema has no object at ", where);
        auto props = property_names(*object);
        CHECK_MESSAGE(std::find(props.begin(), props.end(), key) != props.end(), "schema lacks ", where, "/", key);
    }
    // And the other way: nothing in the schema that the loader would call unknown.
    for (const std::string& where : wheres) {
        const json* object = schema_at(schema, where);
        REQUIRE(object);
        CHECK_MESSAGE(object->value("additionalProperties", true) == false, where, " allows unknown fields");
        for (const std::string& key : property_names(*object))
            CHECK_MESSAGE(known.count({where, key}) == 1, "the loader does not read ", where, "/", key);
    }
}

TEST_CASE("both shipped profiles point editors at the schema") {
    for (const char* path : {"data/profile.json", "data/examples/complete-resume.json"}) {
        json j = json::parse(source_file(path), nullptr, false);
        REQUIRE(j.is_object());
        std::string ref = j.value("$schema", "");
        CHECK_MESSAGE(ref.size() > 0, path);
        CHECK(ref.find("profile.schema.json") != std::string::npos);
    }
}

TEST_CASE("the complete example has every section and one warning (the javascript: link)") {
    LoadResult r = load_profile(source_file("data/examples/complete-resume.json"), "complete-resume.json");
    REQUIRE(r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0], r.source) ==
          "complete-resume.json:26:50: warning: /basics/profiles/3/url: link \"javascript:alert(document.domain)\" is "
          "not http, https or mailto; it is shown as text, not as a link");
    std::vector<std::pair<std::string, std::size_t>> expected = {
        {"basics", 1},     {"profiles", 4},  {"interests", 3}, {"news", 4},         {"work", 3},
        {"education", 3},  {"awards", 3},    {"publications", 5}, {"projects", 3},  {"volunteer", 3},
        {"certificates", 2}, {"skills", 3},  {"languages", 4},  {"references", 2},  {"openings", 2}};
    CHECK(section_counts(r.profile) == expected);

    const Profile& p = r.profile;
    CHECK(p.basics.name == "Élodie Marchand-Sato");
    REQUIRE(p.basics.other_names.size() == 2);
    CHECK(p.basics.other_names[1].lang == "el");
    CHECK(p.basics.profiles[3].network == "Blog");
    CHECK(p.basics.profiles[3].url.empty());
    CHECK(p.meta.version == "v1.2.1");
    // Authors: the owner in each form the file uses.
    auto owner_count = [&](const Publication& x) {
        return std::count_if(x.authors.begin(), x.authors.end(), [&](const Author& a) { return is_owner(a, p.basics); });
    };
    for (const Publication& x : p.publications)
        if (!x.authors.empty()) CHECK_MESSAGE(owner_count(x) == 1, x.title.text);
    const Publication& borders = p.publications[0];
    CHECK(borders.title.text.rfind("Morphology Without Borders", 0) == 0);
    CHECK(borders.doi == "10.5555/fcl.2025.0142");
    CHECK(borders.selected);
    CHECK(borders.award == "Best Paper");
    CHECK(borders.venue_short == "FCL");
    CHECK_FALSE(borders.pdf.empty());
    CHECK_FALSE(borders.code.empty());
    CHECK_FALSE(borders.slides.empty());
    CHECK(display_name(borders.authors[3]) == "The MORPHÉ Consortium");
    CHECK(display_name(p.publications[1].authors[1]) == "田辺浩");  // family name first, no space
}

TEST_CASE("BibTeX from a CSL item") {
    LoadResult r = load_profile(source_file("data/examples/complete-resume.json"), "x.json");
    const Publication* journal = nullptr;
    for (const Publication& x : r.profile.publications)
        if (x.id == "marchandsato2024segment") journal = &x;
    REQUIRE(journal);
    CHECK(to_bibtex(*journal) ==
          "@article{marchandsato2024segment,\n"
          "  title = {Segmenting the Unsegmented: Unsupervised Morphology for Polysynthetic Languages},\n"
          "  author = {Marchand-Sato, Élodie and Соколова, Ирина and Tanabe, Hiroshi},\n"
          "  journal = {Journal of Imaginary Linguistics},\n"
          "  volume = {12},\n"
          "  number = {3},\n"
          "  pages = {201-230},\n"
          "  year = {2024},\n"
          "  month = {3},\n"
          "  doi = {10.5555/jil.2024.0012}\n"
          "}\n");
    // A literal author keeps its protecting braces; special characters in names are escaped.
    Publication group;
    group.title.text = "G";
    group.authors = {Author{"", "", "The R&D Consortium"}, Author{"O'Neil_Smith", "Pat", ""}};
    CHECK(to_bibtex(group).find("  author = {{The R\\&D Consortium} and O'Neil\\_Smith, Pat}\n}\n") != std::string::npos);
    Publication plain;
    plain.title.text = "On 50% & more_things";
    plain.authors = {Author{"Lovelace", "Ada", ""}};
    plain.date = Date{1843, 0, 0};
    CHECK(to_bibtex(plain) ==
          "@inproceedings{lovelace1843on,\n  title = {On 50\\% \\& more\\_things},\n  author = {Lovelace, Ada},\n"
          "  year = {1843}\n}\n");
}

TEST_CASE("dates are shown one way everywhere") {
    auto d = [](const char* s) { return *parse_date(s); };
    CHECK(format_date(d("2025")) == "2025");
    CHECK(format_date(d("2025-06")) == "Jun 2025");
    CHECK(format_date(d("2025-06-15")) == "Jun 15, 2025");
    CHECK(format_range(d("2020"), d("2022"), true) == "2020 \u2013 2022");
    CHECK(format_range(d("2024"), Date{}, false) == "2024 \u2013 present");
    CHECK(format_range(d("2020-02"), d("2021-03"), true) == "Feb 2020 \u2013 Mar 2021");
    CHECK(format_range(d("2015"), d("2015"), true) == "2015");
    CHECK(format_range(d("2022"), Date{}, true) == "from 2022");
    CHECK(format_range(Date{}, d("2017"), true) == "2017");
    for (const char* bad : {"2025-00", "2025-1", "2025-02-30", "99", "2025/06", "2025-06-15x", ""})
        CHECK_MESSAGE(!parse_date(bad), bad);

    // CSL dates read to the same values, and are checked the same way.
    LoadResult r = load_profile(R"({"publications": [
        {"title": "a", "issued": {"date-parts": [[2024, 2, 29]]}},
        {"title": "b", "issued": {"date-parts": [["2023", "7"]]}},
        {"title": "c", "issued": {"raw": "2022-05"}},
        {"title": "d", "issued": "2021"},
        {"title": "e", "issued": {"date-parts": [[2023, 2, 29]]}},
        {"title": "f", "issued": {"date-parts": [[2020]], "circa": true}},
        {"title": "g", "issued": {"date-parts": [[2019]], "seasn": 1}}]})",
                                "f.json");
    std::vector<std::string> shown;
    for (const Publication& x : r.profile.publications) shown.push_back(x.title.text + " " + format_date(x.date));
    CHECK(shown == std::vector<std::string>{"a Feb 29, 2024", "b Jul 2023", "c May 2022", "d 2021", "f 2020", "g 2019",
                                            "e "});
    std::vector<std::string> problems;
    for (const Problem& p : r.problems) problems.push_back(p.pointer);
    // "/basics/name" is missing, so it is placed at the nearest object that exists: the top, 1:1.
    CHECK(problems == std::vector<std::string>{"/basics/name", "/publications/4/issued/date-parts",
                                               "/publications/6/issued/seasn"});
    CHECK(r.problems[0].line == 1);
    CHECK(r.problems[0].column == 1);
}

TEST_CASE("lists are newest first with ongoing entries on top unless meta.order is \"as-written\"") {
    const std::string body = R"("work": [
        {"name": "old", "startDate": "2010", "endDate": "2012"},
        {"name": "now", "startDate": "2020"},
        {"name": "undated"},
        {"name": "recent", "startDate": "2015", "endDate": "2019-06"},
        {"name": "ended", "startDate": "2016", "current": false}],
      "education": [
        {"institution": "BSc", "startDate": "2005", "endDate": "2009"},
        {"institution": "PhD", "startDate": "2021"},
        {"institution": "MSc", "startDate": "2009", "endDate": "2011"}],
      "news": [{"date": "2024-01", "text": "a"}, {"date": "2025", "text": "b"}, {"date": "2024-12-31", "text": "c"}],
      "awards": [{"title": "x", "date": "2001"}, {"title": "y", "date": "2003"}],
      "certificates": [{"name": "p", "date": "2018"}, {"name": "q", "date": "2019-02"}],
      "projects": [{"name": "done", "endDate": "2019"}, {"name": "live", "startDate": "2018"}],
      "volunteer": [{"organization": "v1", "startDate": "2000", "endDate": "2001"}, {"organization": "v2", "startDate": "2010", "endDate": "2011"}],
      "openings": [{"title": "o1", "date": "2024"}, {"title": "o2", "date": "2025"}])";
    auto names = [](const auto& list, auto field) {
        std::vector<std::string> out;
        for (const auto& e : list) out.push_back(e.*field);
        return out;
    };
    auto texts = [](const auto& list, auto field) {
        std::vector<std::string> out;
        for (const auto& e : list) out.push_back((e.*field).text);
        return out;
    };

    LoadResult sorted = load_profile("{" + body + "}", "f.json");
    const Profile& s = sorted.profile;
    CHECK(names(s.work, &Position::organization) == std::vector<std::string>{"now", "recent", "ended", "old", "undated"});
    CHECK(names(s.education, &Education::institution) == std::vector<std::string>{"PhD", "MSc", "BSc"});
    CHECK(texts(s.news, &NewsItem::text) == std::vector<std::string>{"b", "c", "a"});
    CHECK(names(s.awards, &Award::title) == std::vector<std::string>{"y", "x"});
    CHECK(names(s.certificates, &Certificate::name) == std::vector<std::string>{"q", "p"});
    CHECK(names(s.projects, &Project::name) == std::vector<std::string>{"live", "done"});
    CHECK(names(s.volunteer, &Position::organization) == std::vector<std::string>{"v2", "v1"});
    CHECK(names(s.openings, &Opening::title) == std::vector<std::string>{"o2", "o1"});

    LoadResult kept = load_profile("{" + body + R"(, "meta": {"order": "as-written"}})", "f.json");
    const Profile& k = kept.profile;
    CHECK(names(k.work, &Position::organization) == std::vector<std::string>{"old", "now", "undated", "recent", "ended"});
    CHECK(names(k.education, &Education::institution) == std::vector<std::string>{"BSc", "PhD", "MSc"});
    CHECK(texts(k.news, &NewsItem::text) == std::vector<std::string>{"a", "b", "c"});
    CHECK(names(k.openings, &Opening::title) == std::vector<std::string>{"o1", "o2"});
}

TEST_CASE("CSL-JSON as reference managers export it reads without errors") {
    // The shape Zotero and doi.org content negotiation produce, extra variables included.
    LoadResult r = load_profile(R"({"basics": {"name": "Ada Lovelace"}, "publications": [{
        "id": "http://zotero.org/users/1/items/ABC", "type": "article-journal", "title": "T",
        "container-title": "J", "container-title-short": "J.", "ISSN": "1234-5678", "language": "en",
        "source": "Crossref", "publisher": "P", "page": 12, "volume": 3, "issue": "4",
        "author": [{"family": "Lovelace", "given": "Ada", "sequence": "first", "affiliation": [{"name": "X"}]},
                   {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
                   {"family": "King", "given": "Martin Luther", "suffix": "Jr."}],
        "editor": [{"family": "E"}], "issued": {"date-parts": [[1843, 9]]}, "accessed": {"date-parts": [[2025, 1, 1]]},
        "DOI": "doi:10.5555/x", "URL": "https://example.org/t", "note": "n", "citation-key": "k"}]})",
                                "csl.json");
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    const Publication& x = r.profile.publications[0];
    CHECK(x.pages == "12");
    CHECK(x.volume == "3");
    CHECK(x.doi == "10.5555/x");
    REQUIRE(x.authors.size() == 3);
    CHECK(display_name(x.authors[1]) == "Vincent van Gogh");
    CHECK(display_name(x.authors[2]) == "Martin Luther King, Jr.");
    CHECK(is_owner(x.authors[0], r.profile.basics));
}
