// tests/fuzz/profile_fuzzer.cpp: the path a stranger's profile takes, under libFuzzer.
//
// One input is the bytes of a profile, as `?profile=` could fetch them from anywhere.
// They go the whole way a visitor's browser takes them: bytes -> model + problems ->
// the glyphs the fonts must cover -> a real atlas -> headless ImGui frames of every
// view -> the page document -> the diff page.js parses and the static export. Besides
// crashes, leaks and undefined behaviour (the sanitizers), it checks what must hold
// for any input, and aborts when it does not:
//   - every link the page records is http, https, mailto, relative or "#/route":
//     judged as a browser's URL parser would, not with the loader's own is_safe_url;
//   - the document diff (what page.js hands to JSON.parse) is valid JSON, valid UTF-8;
//   - the static HTML holds no element the views did not mean to write, and the
//     JSON-LD cannot close the <script> it sits in;
//   - the glyph limit holds: the atlas never asks for more characters than allowed.
// About a quarter of the inputs (by length) go to a second site whose Latin font slices
// never arrive, as over a flaky network: the atlas is then built from what did.
// An input may hold a .bib file after a line "%%BIB%%": every bibliography the profile
// names is then those bytes, merged as the platforms merge them (profile/bibliography.h);
// without one, each bibliography it names is one that could not be read.
//
// The same file is linked with a plain main() as `fuzz_replay` (replay_main.cpp), which
// runs the regression inputs in every `scripts/test` run, sanitizers or not.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/static_html.h"
#include "platform/desktop/files.h"
#include "profile/bibliography.h"
#include "profile/json_reader.h"
#include "profile/text.h"
#include "ui/headless.h"

namespace {

// Font slices, read once and shared by every run: reading 10-20 files per input would
// make the fuzzer measure the disk, not the code. $IMFOLIO_FONTS overrides the folder
// the build was configured with.
std::optional<std::string> read_font(const std::string& file) {
    static const std::string dir = std::getenv("IMFOLIO_FONTS") ? std::getenv("IMFOLIO_FONTS") : IMFOLIO_FONTS_DIR;
    static std::map<std::string, std::optional<std::string>> cache;
    auto it = cache.find(file);
    if (it == cache.end()) it = cache.emplace(file, platform::read_file(dir + "/files/" + file)).first;
    return it->second;
}

// The same, over a network that lost the Latin faces: the page then builds its atlas
// from whatever arrived (CJK, emoji, icons), a path the full set never takes.
std::optional<std::string> read_font_flaky(const std::string& file) {
    std::string name = file.substr(file.rfind('/') + 1);  // "<set hash>/sans-0000.otf"
    if (name.rfind("sans-", 0) == 0 || name.rfind("sans_bold-", 0) == 0) return std::nullopt;
    return read_font(file);
}

[[noreturn]] void broken(const char* what, std::string_view detail) {
    std::fprintf(stderr, "profile_fuzzer: invariant broken: %s: %.*s\n", what, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

// Whether a browser would run or load anything but a web page or a mail client from this
// href. Mirrors the WHATWG URL parser's leniency (leading controls and spaces dropped,
// tabs and newlines removed anywhere, scheme case-insensitive), so a scheme the loader
// missed shows up here.
bool browser_safe(std::string_view href) {
    std::string s;
    for (char c : href)
        if (c != '\t' && c != '\n' && c != '\r') s += c;
    std::size_t start = 0;
    while (start < s.size() && static_cast<unsigned char>(s[start]) <= 0x20) ++start;
    s.erase(0, start);
    std::size_t i = 0;
    auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (s.empty() || !alpha(s[0])) return true;  // no scheme: relative to the page or the profile
    while (i < s.size() && (alpha(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.'))
        ++i;
    if (i >= s.size() || s[i] != ':') return true;
    std::string scheme = profile::fold_case(s.substr(0, i));
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

void check_document(const ui::Document& doc) {
    for (const ui::Node& n : doc.nodes()) {
        if (n.role == ui::Role::link && !browser_safe(n.href)) broken("unsafe link in the page", n.href);
        std::string clean;
        if (profile::utf8_sanitize(n.text, clean, nullptr) > 0) broken("invalid UTF-8 in the page document", n.text);
    }
}

// The Markdown fields' marks (profile/markdown.h): inside their text, on character
// boundaries, in order, links only to what a browser would not run.
void check_rich(const profile::RichString& r) {
    auto boundary = [&](std::uint32_t at) {
        return at == r.text.size() || (at < r.text.size() && (static_cast<unsigned char>(r.text[at]) & 0xC0) != 0x80);
    };
    for (std::size_t i = 0; i < r.marks.size(); ++i) {
        const profile::Mark& m = r.marks[i];
        if (m.begin >= m.end || m.end > r.text.size()) broken("a Markdown mark outside its text", r.text);
        if (!boundary(m.begin) || !boundary(m.end)) broken("a Markdown mark inside a character", r.text);
        if (i > 0 && r.marks[i - 1].begin > m.begin) broken("Markdown marks out of order", r.text);
        if (m.kind == profile::MarkKind::link && !browser_safe(m.href)) broken("unsafe Markdown link", m.href);
    }
    std::string clean;
    if (profile::utf8_sanitize(r.text, clean, nullptr) > 0) broken("invalid UTF-8 from Markdown", r.text);
}

void check_markdown_fields(const profile::Profile& p) {
    check_rich(p.basics.summary);
    for (const auto* list : {&p.work, &p.volunteer})
        for (const profile::Position& w : *list) {
            check_rich(w.summary);
            check_rich(w.description);
            for (const auto& h : w.highlights) check_rich(h);
        }
    for (const profile::Education& e : p.education) {
        check_rich(e.summary);
        for (const auto& h : e.highlights) check_rich(h);
    }
    for (const profile::Award& a : p.awards) check_rich(a.summary);
    for (const profile::Project& x : p.projects) {
        check_rich(x.summary);
        check_rich(x.description);
        for (const auto& h : x.highlights) check_rich(h);
    }
    for (const profile::NewsItem& n : p.news) check_rich(n.text);
    for (const profile::Opening& o : p.openings) check_rich(o.summary);
}

void check_diff(const std::string& diff) {
    if (diff.empty()) return;
    // nlohmann rejects invalid UTF-8 as well as bad syntax.
    if (nlohmann::json::parse(diff, nullptr, false).is_discarded()) broken("document diff is not valid JSON", diff);
}

// Every '<' in the static HTML opens or closes an element the exporter writes.
void check_static_html(const std::string& html) {
    static const char* const kTags[] = {"header", "nav", "main", "section", "p",  "ul", "li", "a", "span", "div",
                                        "search", "strong", "img", "h1", "h2", "h3", "h4", "h5", "h6"};
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        std::size_t name = at + 1 + (at + 1 < html.size() && html[at + 1] == '/');
        std::size_t end = html.find_first_of(" >", name);
        if (end == std::string::npos) broken("unterminated tag in the static HTML", html.substr(at, 40));
        std::string_view tag(html.data() + name, end - name);
        bool known = false;
        for (const char* t : kTags) known = known || tag == t;
        if (!known) broken("unexpected element in the static HTML", html.substr(at, 40));
    }
}

// Every link the static page writes (its header's come from the profile, not the
// document) is one a browser would follow safely.
void check_static_links(const std::string& html) {
    for (std::size_t at = html.find("href=\""); at != std::string::npos; at = html.find("href=\"", at + 1)) {
        std::size_t begin = at + 6, end = html.find('"', begin);
        if (end == std::string::npos) broken("unterminated href in the static HTML", html.substr(at, 40));
        std::string href;
        for (std::size_t i = begin; i < end; ++i) {
            static const std::pair<const char*, char> kEntities[] = {
                {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}};
            bool entity = false;
            for (const auto& [text, c] : kEntities)
                if (html.compare(i, std::strlen(text), text) == 0) {
                    href += c;
                    i += std::strlen(text) - 1;
                    entity = true;
                    break;
                }
            if (!entity) href += html[i];
        }
        if (!browser_safe(href)) broken("unsafe link in the static HTML", href);
    }
}

void check_json_ld(const std::string& text) {
    if (text.find('<') != std::string::npos) broken("'<' in the JSON-LD", text);
    if (nlohmann::json::parse(text, nullptr, false).is_discarded()) broken("JSON-LD is not valid JSON", text);
}

// What nlohmann says of a text: "" when it is JSON, else its parse error.
std::string nlohmann_verdict(const std::string& text) {
    struct Sax : nlohmann::json_sax<nlohmann::json> {
        std::string error;
        bool null() override { return true; }
        bool boolean(bool) override { return true; }
        bool number_integer(number_integer_t) override { return true; }
        bool number_unsigned(number_unsigned_t) override { return true; }
        bool number_float(number_float_t, const string_t&) override { return true; }
        bool string(string_t&) override { return true; }
        bool binary(binary_t&) override { return true; }
        bool start_object(std::size_t) override { return true; }
        bool key(string_t&) override { return true; }
        bool end_object() override { return true; }
        bool start_array(std::size_t) override { return true; }
        bool end_array() override { return true; }
        bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
            error = e.what();
            return false;
        }
    } sax;
    bool ok = nlohmann::json::sax_parse(text, &sax);
    return ok ? std::string() : sax.error.empty() ? std::string("refused") : sax.error;
}

// The loader's JSON reader (profile/json_reader.h), on the text the loader parses (no
// byte-order mark, valid UTF-8): read strictly it must agree with nlohmann about what
// is JSON; read as JSONC (what the loader does) it must accept all of that, and more
// only with a warning that says why; what it returns must lie inside the text and be
// valid UTF-8.
void check_json_reader(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::string text;
    profile::utf8_sanitize(bytes, text, nullptr);
    profile::JsonDocument doc = profile::read_json(text, profile::default_limits(), profile::JsonSyntax::strict);
    profile::JsonDocument jsonc = profile::read_json(text);
    if (doc.ok && (!jsonc.ok || jsonc.nodes.size() != doc.nodes.size() || jsonc.problems.size() != doc.problems.size()))
        broken("JSONC read strict JSON differently", text.substr(0, 200));
    if (jsonc.ok && !doc.ok) {
        bool said_why = jsonc.overflow.count > 0;
        for (const profile::Problem& p : jsonc.problems) said_why = said_why || p.message.find("JSONC") != std::string::npos;
        if (!said_why) broken("JSONC accepted what is not JSON without a warning", text.substr(0, 200));
    }
    for (const profile::Problem& p : jsonc.problems) {
        std::string clean;
        if (profile::utf8_sanitize(p.message, clean, nullptr) > 0) broken("json_reader: invalid UTF-8 in a message", p.message);
    }
    std::string verdict = nlohmann_verdict(text);
    // Where RFC 8259 leaves the choice to the reader, nlohmann refuses and json_reader
    // (like browsers' JSON.parse) takes: unpaired surrogate escapes ("\ud800"), and
    // numbers beyond a double's range (1e400).
    bool lenient = verdict.find("surrogate") != std::string::npos || verdict.find("number overflow") != std::string::npos;
    // nlohmann's lexer takes a NUL byte for the end of the input, so it accepts
    // "{}\0anything"; json_reader rightly refuses that.
    bool nul_ends_it = text.find('\0') != std::string::npos;
    if (doc.ok != verdict.empty() && !(doc.ok && lenient) && !(!doc.ok && nul_ends_it))
        broken(doc.ok ? "json_reader accepted what nlohmann refuses" : "json_reader refused what nlohmann accepts",
               verdict + "\n" + text.substr(0, 200));
    if (!jsonc.ok) return;
    std::vector<const profile::JsonValue*> todo{jsonc.root};
    while (!todo.empty()) {
        const profile::JsonValue* v = todo.back();
        todo.pop_back();
        if (v->offset() > text.size()) broken("json_reader: an offset past the end", std::to_string(v->offset()));
        std::string clean;
        if (profile::utf8_sanitize(v->str(), clean, nullptr) || profile::utf8_sanitize(v->key(), clean, nullptr))
            broken("json_reader: invalid UTF-8 in a string", v->str());
        for (const profile::JsonValue& child : *v) todo.push_back(&child);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    constexpr std::string_view kBibliography = "\n%%BIB%%\n";
    std::size_t cut = input.find(kBibliography);
    std::string_view bytes = input.substr(0, cut);
    std::string_view bib = cut == std::string_view::npos ? std::string_view() : input.substr(cut + kBibliography.size());
    if (bytes.size() <= profile::default_limits().max_file_bytes) check_json_reader(bytes);
    // One site for the whole run, as a page that loads profile after profile (Retry,
    // another ?profile=): a new one per input would rasterise the font atlas every
    // time, and the fuzzer would spend its time in stb_truetype instead of our code.
    // The visitor's state is reset, so each input starts from the same page. The
    // input's length picks the site (every slice, or the flaky network's) and the
    // width (phone and desktop layouts take different paths: menu, header, badges).
    static ui::Headless full(1280, 800), flaky(1280, 800);
    bool lost_fonts = size % 4 == 3;
    ui::Headless& h = lost_fonts ? flaky : full;
    h.site.set_mirror(true);  // the diffs page.js parses, as on the web
    h.site.page() = ui::PageState{};
    h.resize(size % 3 == 0 ? 390.0f : 1280.0f, 800);
    profile::LoadResult loaded = profile::load_profile(bytes, "fuzz.json");
    for (std::size_t i = 0; i < loaded.bibliography.size(); ++i) {
        if (cut == std::string_view::npos)
            profile::bibliography_unreadable(loaded, i, "No such file or directory");
        else
            profile::add_bibliography(loaded, i, bib, "fuzz.bib");
    }
    check_markdown_fields(loaded.profile);
    h.site.show_profile(std::move(loaded), bytes);
    h.load_fonts(lost_fonts ? read_font_flaky : read_font);
    // Without the real fonts the frame would lay out imgui's fallback font and prove little.
    if (!lost_fonts && !h.site.fonts_ready())
        broken("the font slices did not load: run scripts/build-fonts", IMFOLIO_FONTS_DIR);
    std::size_t limit = profile::default_limits().max_glyphs;
    const ui::GlyphNeeds& needs = h.site.fonts().built_needs();
    if (needs.text.size() > limit || needs.name.size() > limit)
        broken("glyph limit exceeded", std::to_string(needs.text.size()));

    ui::FrameResult first = h.frame();
    check_document(h.site.document());
    check_diff(first.document_diff);
    // A second frame, scrolled and with the first section's toggles activated, takes
    // the incremental diff path and the expanded views.
    h.site.scroll_by(1200, false);
    for (const ui::Node* n : h.site.document().find(ui::Role::button)) {
        h.site.activate(n->id);
        break;
    }
    ui::FrameResult second = h.frame();
    check_document(h.site.document());
    check_diff(second.document_diff);

    if (h.site.profile().ok) {
        check_static_html(app::document_html(h.site.document()));
        std::string page = app::static_page_html(h.site.document(), h.site.profile().profile);
        check_static_html(page);
        check_static_links(page);
        check_json_ld(app::person_json_ld(h.site.profile().profile, ""));
    }
    return 0;
}
