#include <doctest/doctest.h>

#include "platform/desktop/files.h"
#include "profile/load.h"
#include "profile/search.h"

using namespace profile;

namespace {
Profile seed() { return load_profile(*platform::read_file(IMFOLIO_SOURCE_DIR "/data/profile.json"), "p").profile; }
}  // namespace

TEST_CASE("search: case and accents fold, other scripts match exactly") {
    CHECK(text_matches("Zürich, Switzerland", "zurich"));
    CHECK(text_matches("GPU cluster management", "gpu CLUSTER"));
    CHECK(text_matches("翁祈桢", "祈桢"));
    CHECK_FALSE(text_matches("Shanghai", "Beijing"));
    CHECK(text_matches("anything", ""));
}

TEST_CASE("search: hits name their section and entry, in page order") {
    Profile p = seed();
    auto hits = search(p, "GPU");
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].section == SectionId::about);
    CHECK(hits[0].title.find("GPU cluster management") != std::string::npos);  // a snippet, not "About"
    CHECK(hits[1].section == SectionId::interests);
    CHECK(hits[2].section == SectionId::experience);
    CHECK(hits[2].index == 2);
    CHECK(hits[2].title == "Research Intern, Alibaba Cloud & Alibaba Group");
    CHECK(search(p, "HKUST").size() == 0);  // the header's label is not an entry
    auto awards = search(p, "scholarship");
    REQUIRE(awards.size() == 1);
    CHECK(awards[0].section == SectionId::awards);
    CHECK(awards[0].index == 3);
}

TEST_CASE("filter keeps only matching entries and the header") {
    Profile p = seed();
    Profile f = filter(p, "Shanghai");
    CHECK(f.basics.name == p.basics.name);
    CHECK(f.work.size() == 1);        // Shanghai AI Laboratory
    CHECK(f.education.size() == 1);   // Shanghai Jiao Tong University
    CHECK(f.awards.size() == 1);      // Shanghai Outstanding Graduates
    CHECK(f.openings.size() == 1);    // interns in Shanghai
    CHECK(f.publications.empty());
    CHECK(filter(p, "").work.size() == 3);
}
