// LaTeX in BibTeX values -> Unicode text and marks (profile/latex.h).
#include <doctest/doctest.h>

#include "strings.h"

#include <string>
#include <vector>

#include "profile/latex.h"

using namespace profile;

namespace {

std::string text(const char* s) { return latex_to_text(s); }

Mark mark(std::uint32_t b, std::uint32_t e, MarkKind k, std::string href = {}) {
    Mark m;
    m.begin = b;
    m.end = e;
    m.kind = k;
    m.href = std::move(href);
    return m;
}

std::vector<std::string> notes_of(const char* s) {
    std::vector<LatexNote> notes;
    latex_to_rich(s, &notes);
    std::vector<std::string> out;
    for (const LatexNote& n : notes) out.push_back(std::to_string(n.offset) + ": " + n.message);
    return out;
}

}  // namespace

TEST_CASE("latex: an accent in every spelling gives one NFC character") {
    // {\"u}, \"{u}, \"u, {\"{u}} and \" u all mean ü.
    for (const char* s : {"{\\\"u}", "\\\"{u}", "\\\"u", "{\\\"{u}}", "\\\" u"}) CHECK_MESSAGE(text(s) == "ü", s);
    for (const char* s : {"\\'e", "{\\'e}", "\\'{e}", "{\\'{e}}"}) CHECK_MESSAGE(text(s) == "é", s);
    // The dotless i takes the accent as i does.
    for (const char* s : {"{\\'\\i}", "\\'{\\i}", "\\'\\i", "\\'i"}) CHECK_MESSAGE(text(s) == "í", s);
    CHECK(text("na{\\\"\\i}ve") == "naïve");
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"\\`a", "à"},       {"\\^o", "ô"},       {"\\~n", "ñ"},       {"\\=o", "ō"},       {"\\.z", "ż"},
        {"\\u{a}", "ă"},     {"\\H{o}", "ő"},     {"\\r{u}", "ů"},     {"\\k{a}", "ą"},     {"\\c{c}", "ç"},
        {"\\c c", "ç"},      {"\\v{s}", "š"},     {"\\v{c}", "č"},     {"\\v s", "š"},      {"\\v{Z}", "Ž"},
        {"\\d{a}", "ạ"},     {"\\b{b}", "ḇ"},     {"{\\~N}", "Ñ"},     {"\\'{\\\"u}", "ǘ"}, {"\\'{}", "´"},
        {"\\~{}", "~"},      {"\\^{}", "^"},      {"\\o", "ø"},        {"\\O", "Ø"},        {"\\ss", "ß"},
        {"\\aa", "å"},       {"\\AA", "Å"},       {"\\l", "ł"},        {"\\L", "Ł"},        {"\\i", "ı"},
        {"\\ae", "æ"},       {"\\AE", "Æ"},       {"\\oe", "œ"},       {"\\OE", "Œ"},       {"\\dh", "ð"},
        {"\\th", "þ"},       {"\\ng", "ŋ"},       {"\\dj", "đ"},       {"Stra\\ss e", "Straße"},
        {"{\\o}re", "øre"},  {"\\t{oo}", "o\u0361o"},
    };
    for (const Case& c : cases) CHECK_MESSAGE(text(c.in) == c.out, c.in);
}

TEST_CASE("latex: decomposed accents are composed and raw UTF-8 passes through") {
    CHECK(text("Zu\xCC\x88rich") == "Zürich");                  // u + U+0308
    CHECK(text("Sa\xCC\x83o Paulo") == "São Paulo");             // a + U+0303
    CHECK(text("e\xCC\xA3\xCC\x82") == "ệ");                     // two marks, composed in turn
    CHECK(text("Gödel, Škoda, 東京, Ελλάδα") == "Gödel, Škoda, 東京, Ελλάδα");
    CHECK(text("q\xCC\x81") == "q\xCC\x81");                     // no precomposed form: kept as written
}

TEST_CASE("latex: ligatures, ties, spaces and escaped specials") {
    CHECK(text("10--20") == "10–20");
    CHECK(text("a---b") == "a—b");
    CHECK(text("----") == "—-");
    CHECK(text("``quoted'' and `single' don't") == "“quoted” and ‘single’ don’t");
    CHECK(text("Fig.~1") == "Fig.\u00A01");
    CHECK(text("5\\,km and a\\ b and c\\\\d") == "5\u2009km and a b and c d");
    CHECK(text("\\& \\% \\_ \\$ \\# \\{ \\}") == "& % _ $ # { }");
    CHECK(text("  many \n\t spaces  ") == "many spaces");
    CHECK(text("raw\u00A0no-break\u2009thin") == "raw\u00A0no-break\u2009thin");
    CHECK(text("{Protected Case} {\\relax}x") == "Protected Case x");
    CHECK(text("\\LaTeX{} and \\TeX\\ and \\ldots") == "LaTeX and TeX and …");
    CHECK(text("hy\\-phen\\/ated") == "hyphenated");
    CHECK(text("a\\noopsort{zz}b") == "ab");
    CHECK(text("\\textdegree C, \\S 2, \\dag, \\copyright") == "°C, §2, †, ©");
    CHECK(text("trailing\\") == "trailing\\");
    CHECK(text("a $5 fee") == "a $5 fee");  // a dollar sign that nothing closes is one
}

TEST_CASE("latex: font commands become marks on character boundaries") {
    RichString r = latex_to_rich("The \\emph{Emphasis} of \\textbf{Strong} and \\textsc{Caps}");
    CHECK(r.text == "The Emphasis of Strong and Caps");
    CHECK(r.marks == std::vector<Mark>{mark(4, 12, MarkKind::emphasis), mark(16, 22, MarkKind::strong),
                                       mark(27, 31, MarkKind::small_caps)});
    r = latex_to_rich("{\\em old style} and {\\bf bold \\it both} x");
    CHECK(r.text == "old style and bold both x");
    CHECK(r.marks == std::vector<Mark>{mark(0, 9, MarkKind::emphasis), mark(14, 23, MarkKind::strong),
                                       mark(19, 23, MarkKind::emphasis)});
    r = latex_to_rich("\\textit{É}\\textsuperscript{2} H\\textsubscript{2}O \\texttt{code}");
    CHECK(r.text == "É2 H2O code");
    CHECK(r.marks == std::vector<Mark>{mark(0, 2, MarkKind::emphasis), mark(2, 3, MarkKind::superscript),
                                       mark(5, 6, MarkKind::subscript), mark(8, 12, MarkKind::code)});
    // A mark's start skips the space before it; an empty mark says nothing.
    r = latex_to_rich("a \\emph{ b} \\emph{}c");
    CHECK(r.text == "a b c");
    CHECK(r.marks == std::vector<Mark>{mark(2, 3, MarkKind::emphasis)});
}

TEST_CASE("latex: \\url and \\href become links only when the link is safe") {
    RichString r = latex_to_rich("see \\url{https://x.example/a\\_b} or \\href{https://y.example/}{the \\emph{site}}");
    CHECK(r.text == "see https://x.example/a_b or the site");
    CHECK(r.marks == std::vector<Mark>{mark(4, 25, MarkKind::link, "https://x.example/a_b"),
                                       mark(29, 37, MarkKind::link, "https://y.example/"),
                                       mark(33, 37, MarkKind::emphasis)});
    r = latex_to_rich("\\href{javascript:alert(1)}{click} \\url{data:text/html,x}");
    CHECK(r.text == "click data:text/html,x");
    CHECK(r.marks.empty());
    CHECK(notes_of("\\href{javascript:alert(1)}{click}") ==
          std::vector<std::string>{"0: link \"javascript:alert(1)\" is not http, https or mailto; it is shown as text, not as a link"});
}

TEST_CASE("latex: math in Unicode where it has a form, else as written") {
    CHECK(text("$\\alpha$-trees and $\\Omega(n)$") == "α-trees and Ω(n)");
    CHECK(text("$x^2$, $x^{10}$, CO$_2$, $a_{ij}$") == "x², x¹⁰, CO₂, aij");
    CHECK(text("90$^\\circ$ and $f'$ and $\\mathbb{R}^n$") == "90° and f′ and ℝⁿ");
    CHECK(text("$O(n \\log n)$ and $a \\leq b \\times c$") == "O(n log n) and a ≤ b × c");
    CHECK(text("$\\hat{x}$ $\\bar{a}$") == "x̂ ā");
    CHECK(text("\\(\\beta\\) and \\ensuremath{\\gamma}") == "β and γ");
    // No Unicode form: the math is shown as its source, whole.
    CHECK(text("a $\\frac{1}{2}$ b") == "a $\\frac{1}{2}$ b");
    CHECK(text("$\\mathcal{O}(1)$") == "$\\mathcal{O}(1)$");
    RichString r = latex_to_rich("the 19$^{th}$ century, $^*$ and $x_{max}$");
    CHECK(r.text == "the 19th century, * and xmax");
    CHECK(r.marks == std::vector<Mark>{mark(6, 8, MarkKind::superscript), mark(18, 19, MarkKind::superscript),
                                       mark(25, 28, MarkKind::subscript)});
}

TEST_CASE("latex: an unknown command keeps its text and is reported where it is") {
    CHECK(text("a \\foo{bar} b") == "a bar b");
    CHECK(text("a \\baz b") == "a \\baz b");
    CHECK(notes_of("a \\foo{bar} \\baz") ==
          std::vector<std::string>{"2: unknown command \"\\foo\": its argument is shown as plain text",
                                   "12: unknown command \"\\baz\": shown as written"});
    // Offsets are in the value as written, also after decomposed accents are composed.
    CHECK(notes_of("u\xCC\x88 \\foo{x}") ==
          std::vector<std::string>{"4: unknown command \"\\foo\": its argument is shown as plain text"});
}

TEST_CASE("latex: unbalanced input still gives valid text") {
    CHECK(text("}}a{{b") == "ab");
    CHECK(text("\\emph{open") == "open");
    CHECK(latex_to_rich("\\emph{open").marks == std::vector<Mark>{mark(0, 4, MarkKind::emphasis)});
    CHECK(text("$x^{$") == "$x^{$");
    CHECK(text("\\'") == "´");
}
