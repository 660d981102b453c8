#include "profile/bibtex.h"

#include <cctype>

#include "profile/text.h"

namespace profile {

namespace {

// Escapes the characters BibTeX treats specially; keeps Unicode as is (biber and
// modern BibTeX read UTF-8).
std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '{': case '}': out += '\\'; out += c; break;
            case '&': out += "\\&"; break;
            case '%': out += "\\%"; break;
            case '$': out += "\\$"; break;
            case '#': out += "\\#"; break;
            case '_': out += "\\_"; break;
            case '\\': out += "\\textbackslash{}"; break;
            case '\n': out += ' '; break;
            default: out += c;
        }
    }
    return out;
}

std::string entry_type(const std::string& csl) {
    if (csl == "paper-conference") return "inproceedings";
    if (csl == "article-journal" || csl == "article" || csl == "article-magazine") return "article";
    if (csl == "book") return "book";
    if (csl == "chapter") return "incollection";
    if (csl == "thesis") return "phdthesis";
    if (csl == "report") return "techreport";
    return csl.empty() ? "inproceedings" : "misc";
}

std::string key_word(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!out.empty())
            break;
    }
    return out;
}

}  // namespace

std::string to_bibtex(const Publication& p) {
    // An entry read from the owner's .bib file is given back as they wrote it.
    if (!p.bibtex.empty()) return p.bibtex.back() == '\n' ? p.bibtex : p.bibtex + "\n";
    std::string type = entry_type(p.type);
    std::string key;
    for (char c : p.id)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' || c == '.') key += c;
    if (key.empty()) {
        if (!p.authors.empty()) key = key_word(p.authors[0].family.empty() ? display_name(p.authors[0]) : p.authors[0].family);
        if (p.date.year) key += std::to_string(p.date.year);
        key += key_word(p.title.text);
        if (key.empty()) key = "publication";
    }
    std::string out = "@" + type + "{" + key;
    // `value` is BibTeX already (escaped, braces meant as braces).
    auto raw_field = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        out += ",\n  ";
        out += name;
        out += " = {" + value + "}";
    };
    auto field = [&](const char* name, const std::string& value) { raw_field(name, escape(value)); };
    field("title", p.title.text);
    std::string authors;
    for (const Author& a : p.authors) {
        if (!authors.empty()) authors += " and ";
        // A literal name ("The X Consortium") is braced so BibTeX does not split it.
        if (!a.literal.empty())
            authors += "{" + escape(a.literal) + "}";
        else if (!a.given.empty())
            authors += escape(a.family) + ", " + escape(a.given);
        else
            authors += escape(a.family);
    }
    raw_field("author", authors);
    if (type == "article")
        field("journal", p.venue);
    else if (type == "inproceedings" || type == "incollection")
        field("booktitle", p.venue);
    else
        field("howpublished", p.venue);
    if (type != "misc" || p.venue != p.publisher) field("publisher", p.publisher == p.venue ? std::string() : p.publisher);
    field("volume", p.volume);
    field("number", p.issue);
    field("pages", p.pages);
    if (p.date.year) field("year", std::to_string(p.date.year));
    if (p.date.month) field("month", std::to_string(p.date.month));
    field("doi", p.doi);
    field("url", p.url);
    out += "\n}\n";
    return out;
}

}  // namespace profile
