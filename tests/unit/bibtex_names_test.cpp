// BibTeX name lists -> authors (profile/bibtex_names.h).
#include <doctest/doctest.h>

#include "strings.h"

#include <string>
#include <vector>

#include "profile/bibtex_names.h"

using namespace profile;

namespace {

// "family|given|literal|marker" per name, "et al." when the list says "and others".
std::vector<std::string> names(const char* value) {
    NameList list = read_names(value);
    std::vector<std::string> out;
    for (const Author& a : list.names) out.push_back(a.family + "|" + a.given + "|" + a.literal + "|" + a.marker);
    if (list.others) out.push_back("et al.");
    return out;
}

using List = std::vector<std::string>;

}  // namespace

TEST_CASE("names: BibTeX's three forms, with von and Jr in the family name") {
    CHECK(names("Ada Lovelace") == List{"Lovelace|Ada||"});
    CHECK(names("Lovelace, Ada") == List{"Lovelace|Ada||"});
    CHECK(names("Ludwig van Beethoven") == List{"van Beethoven|Ludwig||"});
    CHECK(names("van Beethoven, Ludwig") == List{"van Beethoven|Ludwig||"});
    CHECK(names("van Rossem, Jr, Pieter") == List{"van Rossem, Jr|Pieter||"});
    CHECK(names("Jean de la Fontaine") == List{"de la Fontaine|Jean||"});
    CHECK(names("Charles Louis Xavier de la Vallée Poussin") == List{"de la Vallée Poussin|Charles Louis Xavier||"});
    CHECK(names("Jean-Baptiste Moreau-Lefèvre") == List{"Moreau-Lefèvre|Jean-Baptiste||"});
    CHECK(names("A. B. Smith") == List{"Smith|A. B.||"});
    CHECK(names("Plato") == List{"Plato|||"});
    CHECK(names("田中, 太郎") == List{"田中|太郎||"});
}

TEST_CASE("names: splitting on and, at brace depth 0, in any case and spacing") {
    CHECK(names("A One and B Two") == List{"One|A||", "Two|B||"});
    CHECK(names("A One AND B Two And C Three") == List{"One|A||", "Two|B||", "Three|C||"});
    CHECK(names("A One\n    and\tB Two") == List{"One|A||", "Two|B||"});
    CHECK(names("{Barnes and Noble} and Sandy Andrews") == List{"||Barnes and Noble|", "Andrews|Sandy||"});
    CHECK(names("Ann Anderson and Brandon Band") == List{"Anderson|Ann||", "Band|Brandon||"});
    CHECK(names("Ewa~Nowak and Kofi\u00A0Mensah and Yui\u2009Sato") == List{"Nowak|Ewa||", "Mensah|Kofi||", "Sato|Yui||"});
    CHECK(names("A One and ") == List{"One|A||"});
}

TEST_CASE("names: literals, and others, and the case of accented words") {
    CHECK(names("{The Invented Vision Consortium}") == List{"||The Invented Vision Consortium|"});
    CHECK(names("A One and others") == List{"One|A||", "et al."});
    CHECK(names("A One and Others") == List{"One|A||", "et al."});
    // {\"u}ber counts as lower case (a von part); {\'E}mile as upper case; {van} has no case.
    CHECK(names("Karl {\\\"u}ber Alles") == List{"über Alles|Karl||"});
    CHECK(names("{\\'E}mile d'Artagnan") == List{"d'Artagnan|Émile||"});
    CHECK(names("Ludwig {van} Aalst") == List{"Aalst|Ludwig van||"});
    CHECK(names("{\\relax Th}orvaldur Eir{\\'\\i}ksson") == List{"Eiríksson|Thorvaldur||"});
    CHECK(names("Ole r{\\o}mer") == List{"rømer|Ole||"});
    CHECK(names("Jan łukasiewicz") == List{"łukasiewicz|Jan||"});
    CHECK(names("Dvo{\\v{r}}{\\'a}k, Ond{\\v{r}}ej") == List{"Dvořák|Ondřej||"});
}

TEST_CASE("names: equal-contribution markers come off the name") {
    CHECK(names("Zhao*, Wen") == List{"Zhao|Wen||*"});
    CHECK(names("Wen Zhao*") == List{"Zhao|Wen||*"});
    CHECK(names("Wen Zhao**") == List{"Zhao|Wen||**"});
    CHECK(names("Li\\textsuperscript{\\dag}, Mei") == List{"Li|Mei||†"});
    CHECK(names("Mei Li\\textsuperscript{*,\\dag}") == List{"Li|Mei||*,†"});
    CHECK(names("Osei$^*$, Kojo") == List{"Osei|Kojo||*"});
    CHECK(names("Kojo Osei$^{\\dagger}$") == List{"Osei|Kojo||†"});
    CHECK(names("Kojo Osei\\dag") == List{"Osei|Kojo||†"});
    CHECK(names("Kojo Osei†") == List{"Osei|Kojo||†"});
    CHECK(names("Kojo Osei *") == List{"Osei|Kojo||*"});
    CHECK(names("{The Consortium}*") == List{"||The Consortium|*"});
    Author a = read_names("Zhao*, Wen").names[0];
    CHECK(display_name(a) == "Wen Zhao*");
    Basics owner;
    owner.name = "Wen Zhao";
    CHECK(is_owner(a, owner));
}

TEST_CASE("names: too many commas keep the rest as given names, with a note") {
    std::vector<LatexNote> notes;
    NameList list = read_names("A One and Two, Jr, B, extra", &notes);
    REQUIRE(list.names.size() == 2);
    CHECK(list.names[1].family == "Two, Jr");
    CHECK(list.names[1].given == "B, extra");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].offset == 10);
    CHECK(notes[0].message == "name \"Two, Jr, B, extra\" has more than two commas; the rest is read as given names");
}
