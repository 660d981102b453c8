// Live editing (issue 14): a save of the profile being viewed is shown in place.
#include <doctest/doctest.h>

#include <string>

#include "platform/desktop/files.h"
#include "ui/headless.h"

namespace {

std::optional<std::string> read_font(const std::string& file) {
    return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
}

std::string seed() { return *platform::read_file(IMFOLIO_SOURCE_DIR "/data/profile.json"); }

// Every `from` in `s` replaced by `to`.
std::string replaced(std::string s, const std::string& from, const std::string& to) {
    REQUIRE(s.find(from) != std::string::npos);
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

bool shows(const ui::Headless& h, const std::string& text) {
    for (const ui::Node& n : h.site.document().nodes())
        if (n.text.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a save keeps the section and the scroll position, and shows the new text") {
    ui::Headless h(1280, 800);
    h.site.load_profile(seed(), "profile.json");
    h.load_fonts(read_font);
    h.settle();
    h.site.navigate("publications", ui::NavigationCause::user);
    h.settle();
    h.site.scroll_to(h.site.page().scroll.y() + 240);
    h.settle();
    float scroll = h.site.page().scroll.y();
    REQUIRE(scroll > 0);
    std::string route = h.site.page().route;
    REQUIRE(route != "about");

    h.site.load_profile(replaced(seed(), "AI Infra Team Lead", "Edited Live Lead"), "profile.json", {}, true);
    h.load_fonts(read_font);
    h.settle();
    CHECK(h.site.page().route == route);
    CHECK(h.site.page().scroll.y() == doctest::Approx(scroll).epsilon(0.001));
    CHECK(shows(h, "Edited Live Lead"));
    CHECK_FALSE(shows(h, "AI Infra Team Lead"));
}

TEST_CASE("a save that cannot be read keeps the last profile, and the notice says where it broke") {
    ui::Headless h(1280, 800);
    h.site.set_owner_view(true);  // scripts/serve's page is the owner's
    h.site.load_profile(seed(), "profile.json");
    h.load_fonts(read_font);
    h.settle();
    h.site.load_profile(replaced(seed(), "\"basics\"", "\"basics\" ::"), "profile.json", {}, true);
    h.settle();
    CHECK(h.site.profile().ok);
    CHECK(shows(h, "Qizhen Weng"));
    bool located = false;
    for (const profile::Problem& p : h.site.profile().problems)
        if (p.severity == profile::Severity::error && p.line > 0) located = true;
    CHECK(located);
    CHECK(shows(h, "the saved file could not be read"));
    // Fixed: the notice goes with the problem.
    h.site.load_profile(seed(), "profile.json", {}, true);
    h.settle();
    CHECK_FALSE(shows(h, "the saved file could not be read"));
    CHECK(h.site.profile().problems.empty());
}
