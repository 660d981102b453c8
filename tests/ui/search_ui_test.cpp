// The search panel, driven through imgui's input queue like a visitor's keyboard.
#include <doctest/doctest.h>

#include <imgui.h>

#include "platform/desktop/files.h"
#include "ui/headless.h"

namespace {

std::optional<std::string> read_font(const std::string& file) {
    return platform::read_file(std::string(IMFOLIO_FONTS_DIR) + "/files/" + file);
}

void press(ImGuiKey key, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
}

}  // namespace

TEST_CASE("Ctrl+K, typing and Enter: the page filters, then jumps to the chosen entry") {
    ui::Headless h(1280, 800);
    h.site.load_profile(*platform::read_file(IMFOLIO_SOURCE_DIR "/data/profile.json"), "profile.json");
    h.load_fonts(read_font);
    h.settle();
    press(ImGuiKey_K, true);
    h.frame();
    CHECK(h.site.page().search_open);
    h.frame();  // the field takes the caret on the frame after it appears
    ImGui::GetIO().AddInputCharactersUTF8("Shanghai Outstanding");
    h.settle();
    CHECK(h.site.page().search_query == "Shanghai Outstanding");
    // Only the matching section is on the page while searching.
    auto sections = h.site.document().find(ui::Role::section);
    REQUIRE(sections.size() == 1);
    CHECK(sections[0]->anchor == "awards");
    press(ImGuiKey_Enter);
    h.settle();
    CHECK_FALSE(h.site.page().search_open);
    CHECK(h.site.page().route == "awards");
    const ui::Node* item = ui::entry_node(h.site.document(), "awards", 2);
    REQUIRE(item);
    float on_screen = item->rect.y - h.site.page().scroll.y();
    float max_scroll = h.site.content_height() - 800;
    bool at_top = on_screen > 40 && on_screen < 120;
    bool page_ended = h.site.page().scroll.y() >= max_scroll - 1;
    CHECK_MESSAGE((at_top || page_ended), "entry at ", on_screen, " scroll ", h.site.page().scroll.y(), " max ", max_scroll);
}

TEST_CASE("a search that changes at once never draws one paper with another's authors") {
    // Author lines were cached by the address of a publication in the filtered profile,
    // and a new filter can put another paper at the same address.
    ui::Headless h(1280, 800);
    h.site.load_profile(R"({"basics": {"name": "Owner"}, "publications": [
        {"title": "Paper Alpha", "issued": {"date-parts": [[2020]]}, "author": [{"family": "One", "given": "Author"}]},
        {"title": "Paper Beta", "issued": {"date-parts": [[2021]]}, "author": [{"family": "Two", "given": "Author"}]}]})",
                        "two.json");
    h.load_fonts(read_font);
    h.settle();
    auto publications = [&]() {
        const ui::Document& d = h.site.document();
        for (std::size_t i = 0; i < d.nodes().size(); ++i)
            if (d.nodes()[i].role == ui::Role::section && d.nodes()[i].anchor == "publications")
                return d.text_of(static_cast<int>(i));
        return std::string();
    };
    h.site.page().search_open = true;
    for (const char* query : {"Beta", "Bet", "Alph"}) {
        h.site.page().search_query = query;
        h.frame();
    }
    std::string shown = publications();
    CHECK(shown.find("Paper Alpha") != std::string::npos);
    CHECK(shown.find("Author One") != std::string::npos);
    CHECK(shown.find("Author Two") == std::string::npos);
    CHECK(shown.find("Paper Beta") == std::string::npos);
}

TEST_CASE("a publication's title is drawn with its marks, never its tags; a cut author list ends in et al.") {
    ui::Headless h(1280, 2000);
    h.site.load_profile(R"({"basics": {"name": "Owner"}, "publications": [
        {"title": "Ch’ing Inner Asia <i>c</i>. 1800 and H<sub>2</sub>O", "author": [{"family": "One", "given": "Ann"}],
         "issued": {"date-parts": [[2020]]}}]})",
                        "rich.json");
    h.load_fonts(read_font);
    h.settle();
    const ui::Document& d = h.site.document();
    std::string shown;
    for (std::size_t i = 0; i < d.nodes().size(); ++i)
        if (d.nodes()[i].role == ui::Role::section && d.nodes()[i].anchor == "publications") shown = d.text_of(static_cast<int>(i));
    INFO(shown);
    CHECK(shown.find("Ch’ing Inner Asia c. 1800 and H2O") != std::string::npos);
    CHECK(shown.find("<i>") == std::string::npos);
    CHECK(shown.find("<sub>") == std::string::npos);

    // BibTeX's "and others".
    ui::Headless b(1280, 2000);
    b.site.load_profile("@article{k, title={A Study}, author={One, Ann and Two, Bo and others}, year={2021}}", "p.bib");
    b.load_fonts(read_font);
    b.settle();
    std::string authors;
    for (const ui::Node& n : b.site.document().nodes())
        if (n.role == ui::Role::paragraph) {
            std::string t = b.site.document().text_of(static_cast<int>(&n - &b.site.document().nodes()[0]));
            if (t.find("Ann One") != std::string::npos) authors = t;
        }
    CHECK(authors == "Ann One, Bo Two, et al.");
}
