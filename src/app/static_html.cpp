#include "app/static_html.h"

#include <vector>

#include <nlohmann/json.hpp>

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

std::string document_html(const ui::Document& doc, std::string_view picture_base) {
    Writer w{doc.nodes(), picture_base, std::vector<std::vector<int>>(doc.nodes().size()), {}};
    std::vector<int> roots;
    for (std::size_t i = 0; i < doc.nodes().size(); ++i) {
        int p = doc.nodes()[i].parent;
        (p < 0 ? roots : w.children[static_cast<std::size_t>(p)]).push_back(static_cast<int>(i));
    }
    for (int r : roots) w.write(r, 0);
    return w.out;
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
