#include "app/static_html.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include <imstb_rectpack.h>
#include <imstb_truetype.h>
#include <nlohmann/json.hpp>

#include "profile/limits.h"
#include "profile/text.h"
#include "profile/words.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/sections.h"

namespace app {

namespace {

const char* tag_for(const ui::Node& n) {
    switch (n.role) {
        case ui::Role::banner: return "header";
        case ui::Role::navigation: return "nav";
        case ui::Role::main: return "main";
        case ui::Role::section: return "section";
        case ui::Role::paragraph: return "p";
        case ui::Role::list: return "ul";
        case ui::Role::list_item: return "li";
        case ui::Role::link: return "a";
        case ui::Role::text: return "span";
        case ui::Role::search: return "search";
        default: return nullptr;
    }
}

struct Writer {
    const std::vector<ui::Node>& nodes;
    std::string_view picture_base;
    std::vector<std::vector<int>> children;
    std::string out;
    const std::string* banner = nullptr;  // written in place of the document's banner, when given

    void write(int i, int depth) {
        const ui::Node& n = nodes[static_cast<std::size_t>(i)];
        // Interactive-only and canvas-only parts have no static form.
        if (n.fixed || n.collapsed || n.role == ui::Role::button || n.role == ui::Role::alert) return;
        if (n.role == ui::Role::image) {
            if (n.href.empty()) return;
            indent(depth);
            out += "<img src=\"" + html_escape(picture_address(n.href, picture_base)) + "\" alt=\"" + html_escape(n.text) +
                   "\" width=\"" + std::to_string(static_cast<int>(n.rect.w + 0.5f)) + "\" height=\"" +
                   std::to_string(static_cast<int>(n.rect.h + 0.5f)) + "\" loading=\"lazy\" decoding=\"async\">\n";
            return;
        }
        const char* keep = n.no_translate ? " translate=\"no\"" : "";
        if (n.role == ui::Role::banner && banner) {
            out += *banner;
            return;
        }
        if (n.role == ui::Role::heading) {
            std::string h = "h" + std::to_string(n.level ? n.level : 2);
            indent(depth);
            out += "<" + h + keep + ">" + html_escape(n.text) + "</" + h + ">\n";
            return;
        }
        if (n.role == ui::Role::text) {
            if (n.emphasised)
                out += std::string("<strong") + keep + ">" + html_escape(n.text) + "</strong>";
            else if (n.no_translate)
                out += std::string("<span") + keep + ">" + html_escape(n.text) + "</span>";
            else
                out += html_escape(n.text);
            return;
        }
        if (n.role == ui::Role::link) {
            out += "<a href=\"" + html_escape(n.href) + "\"" + keep;
            if (n.href.rfind("http", 0) == 0) out += " rel=\"noopener\"";
            out += ">" + html_escape(n.text) + "</a>";
            return;
        }
        const char* tag = tag_for(n);
        if (!tag) return;
        bool inline_children = n.role == ui::Role::paragraph;
        indent(depth);
        out += "<";
        out += tag;
        if (n.role == ui::Role::section && !n.anchor.empty()) out += " id=\"" + html_escape(n.anchor) + "\"";
        if ((n.role == ui::Role::list || n.role == ui::Role::navigation) && !n.text.empty())
            out += " aria-label=\"" + html_escape(n.text) + "\"";
        out += ">";
        if (!inline_children) out += "\n";
        for (int c : children[static_cast<std::size_t>(i)]) write(c, inline_children ? 0 : depth + 1);
        if (!inline_children) indent(depth);
        out += "</";
        out += tag;
        out += ">\n";
    }

    void indent(int depth) {
        if (!out.empty() && out.back() != '\n') return;
        out.append(static_cast<std::size_t>(depth) * 2, ' ');
    }
};

}  // namespace

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string picture_address(std::string_view url, std::string_view picture_base, std::string_view site_url) {
    bool relative = url.find("://") == std::string_view::npos && url.rfind("/", 0) != 0 && url.rfind("mailto:", 0) != 0;
    std::string out = relative ? std::string(picture_base) + std::string(url) : std::string(url);
    if (!site_url.empty() && out.find("://") == std::string::npos) {
        std::string base(site_url);
        if (base.back() != '/') base += '/';
        out = out.rfind("/", 0) == 0 ? base.substr(0, base.find('/', base.find("://") + 3)) + out : base + out;
    }
    return out;
}

namespace {

std::string write_document(const ui::Document& doc, const std::string* banner, std::string_view picture_base) {
    Writer w{doc.nodes(), picture_base, std::vector<std::vector<int>>(doc.nodes().size()), {}, banner};
    std::vector<int> roots;
    for (std::size_t i = 0; i < doc.nodes().size(); ++i) {
        int p = doc.nodes()[i].parent;
        (p < 0 ? roots : w.children[static_cast<std::size_t>(p)]).push_back(static_cast<int>(i));
    }
    for (int r : roots) w.write(r, 0);
    return w.out;
}

std::string icon(char32_t cp) {
    std::string s = "<span class=\"i\" aria-hidden=\"true\">";
    profile::utf8_append(s, cp);
    return s + "</span>";
}

// The top bar as the canvas draws it (Site::draw_top_bar): the owner's name, the sections
// (web/site.css hides them where the canvas shows its menu button instead), and the
// search, menu and theme buttons, which need the app and so are pictures here.
std::string static_bar(const profile::Profile& p, const std::vector<StaticLink>& extra) {
    auto views = ui::visible_sections(p);
    std::string first = views.empty() ? std::string("about") : std::string(views.front().route);
    std::string out = "<div class=\"static-bar\">\n<nav aria-label=\"Sections\"><a class=\"static-home\" translate=\"no\" href=\"#" +
                      html_escape(first) + "\">" + html_escape(p.basics.name.empty() ? "Home" : p.basics.name) +
                      "</a><ul>";
    for (std::size_t i = 0; i < views.size(); ++i) {
        out += "<li><a href=\"#" + html_escape(views[i].route) + "\"";
        if (i == 0) out += " aria-current=\"location\"";
        out += ">" + html_escape(views[i].nav) + "</a></li>";
    }
    for (const StaticLink& l : extra) {
        out += "<li><a href=\"" + html_escape(l.href) + "\"";
        if (!l.hreflang.empty()) out += " hreflang=\"" + html_escape(l.hreflang) + "\" lang=\"" + html_escape(l.hreflang) + "\"";
        out += ">" + html_escape(l.label) + "</a></li>";
    }
    out += "</ul></nav>\n<span class=\"static-tools\" aria-hidden=\"true\"><span class=\"static-tool static-menu\">" +
           icon(ui::icon::bars) + "</span><span class=\"static-tool static-search\">" + icon(ui::icon::search) +
           "</span><span class=\"static-tool static-theme\"><span class=\"static-moon\">" + icon(ui::icon::moon) +
           "</span><span class=\"static-sun\">" + icon(ui::icon::sun) + "</span></span></span>\n</div>\n";
    return out;
}

std::string pill(const std::string& label, char32_t glyph, const std::string& href) {
    if (href.empty())  // a refused link is named, as plain text, as the canvas does
        return "<span class=\"static-pill static-soft\">" + icon(glyph) + html_escape(label) + "</span>";
    std::string out = "<a class=\"static-pill\" href=\"" + html_escape(href) + "\"";
    if (href.rfind("http", 0) == 0) out += " rel=\"noopener\"";
    return out + ">" + icon(glyph) + html_escape(label) + "</a>";
}

// The header as ui::render_header draws it, from the same fields in the same order.
std::string static_header(const profile::Profile& p, std::string_view picture_base) {
    const profile::Basics& b = p.basics;
    std::string out = "  <header class=\"static-header";
    if (!b.image.empty())
        // The photo in the monogram's place, at the size the canvas draws it.
        out += " static-with-monogram\">\n    <img class=\"static-monogram static-photo\" src=\"" +
               html_escape(picture_address(b.image, picture_base)) + "\" alt=\"" +
               html_escape(b.name.empty() ? std::string("Photo") : "Photo of " + b.name) +
               "\" width=\"104\" height=\"104\" decoding=\"async\">\n";
    else
        out += b.name.empty() ? "\">\n" : " static-with-monogram\">\n    <span class=\"static-monogram\" aria-hidden=\"true\">" +
                                             html_escape(profile::initials(b.name)) + "</span>\n";
    // Names are not translated (translate="no"), as in the mirror.
    out += "    <div class=\"static-who\"><h1 translate=\"no\">" + html_escape(b.name) + "</h1>";
    if (!b.other_names.empty()) {
        std::string others;
        for (const profile::OtherName& o : b.other_names) others += (others.empty() ? "" : "  ") + o.name;
        out += "<p class=\"static-others\" translate=\"no\"";
        if (b.other_names.size() == 1 && !b.other_names[0].lang.empty())
            out += " lang=\"" + html_escape(b.other_names[0].lang) + "\"";
        out += ">" + html_escape(others) + "</p>";
    }
    out += "</div>\n    <div class=\"static-details\">\n";
    if (!b.label.empty()) out += "      <p class=\"static-label\">" + html_escape(b.label) + "</p>\n";
    std::string affiliation = profile::current_affiliation(p);
    std::string place;
    for (const std::string* s : {&b.location.city, &b.location.region, &b.location.country_code})
        if (!s->empty()) place += (place.empty() ? "" : ", ") + *s;
    if (!affiliation.empty() || !place.empty()) {
        out += "      <p class=\"static-meta\">";
        if (!affiliation.empty()) out += icon(ui::icon::university) + " " + html_escape(affiliation);
        if (!affiliation.empty() && !place.empty()) out += " ";
        if (!place.empty()) out += icon(ui::icon::map_marker) + " " + html_escape(place);
        out += "</p>\n";
    }
    if (!b.email.empty() || !b.url.empty() || !b.profiles.empty()) {
        out += "      <ul class=\"static-links\" aria-label=\"Links\">";
        if (!b.email.empty())
            out += "<li>" + pill(b.email, ui::icon::envelope, "mailto:" + b.email) +
                   "<span class=\"static-pill static-soft\" aria-hidden=\"true\">" + icon(ui::icon::copy) +
                   "Copy email</span></li>";
        if (!b.url.empty())
            out += "<li>" + pill(std::string(profile::words_for(p.meta.language)[profile::Word::homepage]), ui::icon::home, b.url) + "</li>";
        for (const profile::SocialProfile& s : b.profiles)
            out += "<li>" + pill(s.network.empty() ? s.username : s.network, ui::network_icon(s.network), s.url) + "</li>";
        out += "</ul>\n";
    }
    out += "    </div>\n  </header>\n";
    return out;
}

}  // namespace

std::string document_html(const ui::Document& doc, std::string_view picture_base) {
    return write_document(doc, nullptr, picture_base);
}

std::string static_page_html(const ui::Document& doc, const profile::Profile& p, std::string_view picture_base,
                             const std::vector<StaticLink>& bar_links) {
    std::string header = static_header(p, picture_base);
    return static_bar(p, bar_links) + write_document(doc, &header, picture_base);
}

std::vector<std::string> font_face_files(const profile::Profile& p) {
    ui::FontLibrary library;
    std::vector<std::string> out;
    for (std::string& f : library.files_for(ui::glyph_needs(p, profile::default_limits().max_glyphs)))
        if (f.find("/emoji-") == std::string::npos) out.push_back(std::move(f));  // pictures: no @font-face
    return out;
}

std::string font_face_css(const profile::Profile& p,
                          const std::function<std::optional<std::string>(const std::string& file)>& read) {
    struct Face {
        const ui::FontSlice* slice;
        float em_per_px;  // imgui's scale, em per pixel of ascender minus descender
    };
    std::vector<Face> faces;
    float inter = 0;
    for (const std::string& file : font_face_files(p)) {
        auto it = std::find_if(ui::font_slices().begin(), ui::font_slices().end(),
                               [&](const ui::FontSlice& s) { return s.file == file; });
        auto bytes = it == ui::font_slices().end() ? std::nullopt : read(file);
        if (!bytes) continue;
        stbtt_fontinfo info;
        const auto* data = reinterpret_cast<const unsigned char*>(bytes->data());
        int offset = stbtt_GetFontOffsetForIndex(data, 0);
        if (offset < 0 || !stbtt_InitFont(&info, data, offset)) continue;
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
        float em_per_px = stbtt_ScaleForPixelHeight(&info, 1.0f) / stbtt_ScaleForMappingEmToPixels(&info, 1.0f);
        faces.push_back(Face{&*it, em_per_px});
        if (it->family == ui::Family::sans) inter = em_per_px;
    }
    if (inter <= 0) return {};
    // Later rules win where ranges overlap: the canvas prefers Inter, then CJK, then icons.
    std::stable_sort(faces.begin(), faces.end(), [](const Face& a, const Face& b) {
        auto rank = [](ui::Family f) { return f == ui::Family::icons ? 0 : f == ui::Family::cjk ? 1 : 2; };
        return rank(a.slice->family) < rank(b.slice->family);
    });
    std::string out = "/* Generated by imfolio font-css: the font slices the profile's text needs. */\n";
    char buf[512];
    for (const Face& f : faces) {
        bool inter_face = f.slice->family == ui::Family::sans || f.slice->family == ui::Family::sans_bold;
        // Inter: the ascender imgui rounds up and the browser to the nearest pixel, so the
        // overrides put the browser's baseline where imgui's is at 13-40 px (a pixel ratio
        // of 1; higher ratios stay within a device pixel or two). Others: glyphs scaled as
        // imgui scales them, icons a little smaller than the text (ui::FontLibrary).
        float adjust = f.em_per_px / inter * (f.slice->family == ui::Family::icons ? 0.92f : 1.0f);
        std::string metrics = inter_face ? " ascent-override: 100%; descent-override: 21%; line-gap-override: 0%;"
                                         : std::string(" size-adjust: ") + std::to_string(adjust * 100.0f).substr(0, 6) + "%;";
        for (int weight : {400, 700}) {
            if ((f.slice->family == ui::Family::sans && weight == 700) ||
                (f.slice->family == ui::Family::sans_bold && weight == 400))
                continue;
            std::snprintf(buf, sizeof buf,
                          "@font-face { font-family: imfolio; src: url(\"fonts/%s\"); font-weight: %d; font-display: "
                          "block; unicode-range: U+%X-%X;%s }\n",
                          f.slice->file.c_str(), weight, static_cast<unsigned>(f.slice->first),
                          static_cast<unsigned>(f.slice->last), metrics.c_str());
            out += buf;
        }
    }
    return out;
}

std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t open = text.find("{{", at);
        std::size_t close = open == std::string_view::npos ? open : text.find("}}", open + 2);
        if (close == std::string_view::npos) break;
        auto it = values.find(std::string(text.substr(open + 2, close - open - 2)));
        out.append(text, at, open - at);
        if (it != values.end()) {
            out += it->second;
            at = close + 2;
        } else {
            out += "{{";
            at = open + 2;
        }
    }
    out.append(text, at, std::string_view::npos);
    return out;
}

std::string person_json_ld(const profile::Profile& p, const std::string& site_url, std::string_view picture_base) {
    using nlohmann::json;
    const profile::Basics& b = p.basics;
    json person = {{"@context", "https://schema.org"}, {"@type", "Person"}};
    if (!b.name.empty()) person["name"] = b.name;
    if (!b.other_names.empty()) {
        json names = json::array();
        for (const auto& o : b.other_names) names.push_back(o.name);
        person["alternateName"] = names.size() == 1 ? names[0] : names;
    }
    if (!b.label.empty()) person["jobTitle"] = b.label;
    if (!b.image.empty()) person["image"] = picture_address(b.image, picture_base, site_url);
    if (!b.email.empty()) person["email"] = "mailto:" + b.email;
    std::string url = !site_url.empty() ? site_url : b.url;
    if (!url.empty()) person["url"] = url;
    std::string description = !b.research_interests.empty() ? b.research_interests : b.summary.text;
    if (!description.empty()) person["description"] = description;
    std::string affiliation = profile::current_affiliation(p);
    if (!affiliation.empty()) person["affiliation"] = {{"@type", "Organization"}, {"name", affiliation}};
    json alumni = json::array();
    for (const auto& e : p.education)
        if (!e.institution.empty()) alumni.push_back({{"@type", "EducationalOrganization"}, {"name", e.institution}});
    if (!alumni.empty()) person["alumniOf"] = alumni;
    json awards = json::array();
    for (const auto& a : p.awards)
        if (!a.title.empty()) awards.push_back(a.awarder.empty() ? a.title : a.title + " (" + a.awarder + ")");
    if (!awards.empty()) person["award"] = awards;
    json same = json::array();
    if (!b.url.empty() && b.url != url) same.push_back(b.url);
    for (const auto& s : b.profiles)
        if (!s.url.empty() && s.url.rfind("http", 0) == 0) same.push_back(s.url);
    if (!same.empty()) person["sameAs"] = same;
    json knows = json::array();
    for (const auto& i : p.interests)
        if (!i.name.empty()) knows.push_back(i.name);
    if (!knows.empty()) person["knowsAbout"] = knows;

    // Never throws (invalid UTF-8 is replaced); <, > and & are escaped so the text can
    // never close the <script> element it sits in.
    std::string text = person.dump(1, ' ', false, json::error_handler_t::replace);
    std::string out;
    for (char c : text) {
        if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else
            out += c;
    }
    return out;
}

}  // namespace app
