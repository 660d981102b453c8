#include "profile/model.h"

#include <algorithm>
#include <cctype>

#include "profile/text.h"

namespace profile {

void for_each_text(const Profile& p, const std::function<void(const std::string&)>& visit) {
    auto all = [&](const std::vector<std::string>& v) {
        for (const std::string& s : v) visit(s);
    };
    auto all_rich = [&](const std::vector<RichString>& v) {
        for (const RichString& s : v) visit(s.text);
    };
    // What a date shows besides its numbers is the owner's text ("2019年", "Fall", a note).
    auto dates = [&](std::initializer_list<const Date*> list) {
        for (const Date* d : list) {
            visit(d->season);
            visit(d->note);
            visit(d->raw);
        }
    };
    const Basics& b = p.basics;
    for (const std::string* s : {&b.name, &b.label, &b.email, &b.email_text, &b.phone, &b.summary.text, &b.research_interests,
                                 &b.location.address, &b.location.city, &b.location.region, &b.location.country_code,
                                 &b.location.postal_code})
        visit(*s);
    for (const SocialProfile& s : b.profiles) {
        visit(s.network);
        visit(s.username);
    }
    for (const OtherName& o : b.other_names) visit(o.name);
    for (const auto* list : {&p.work, &p.volunteer})
        for (const Position& w : *list) {
            for (const std::string* s : {&w.organization, &w.position, &w.location, &w.description.text, &w.summary.text}) visit(*s);
            all_rich(w.highlights);
            dates({&w.start, &w.end});
        }
    for (const Education& e : p.education) {
        for (const std::string* s : {&e.institution, &e.area, &e.study_type, &e.score, &e.advisor, &e.location, &e.summary.text})
            visit(*s);
        all(e.courses);
        all_rich(e.highlights);
        dates({&e.start, &e.end});
    }
    for (const Award& a : p.awards) {
        for (const std::string* s : {&a.title, &a.awarder, &a.summary.text}) visit(*s);
        dates({&a.date});
    }
    for (const Certificate& c : p.certificates) {
        for (const std::string* s : {&c.name, &c.issuer}) visit(*s);
        dates({&c.date});
    }
    for (const Publication& x : p.publications) {
        for (const std::string* s : {&x.title.text, &x.venue, &x.venue_short, &x.publisher, &x.abstract, &x.summary,
                                     &x.award, &x.award_name, &x.volume, &x.issue, &x.pages, &x.doi, &x.arxiv})
            visit(*s);
        dates({&x.date});
        for (const auto* names : {&x.authors, &x.editors})
            for (const Author& a : *names) {
                visit(a.given);
                visit(a.family);
                visit(a.literal);
                visit(a.marker);
            }
    }
    for (const Skill& s : p.skills) {
        visit(s.name);
        visit(s.level);
        all(s.keywords);
    }
    for (const Language& l : p.languages) {
        visit(l.language);
        visit(l.fluency);
    }
    for (const Interest& i : p.interests) {
        visit(i.name);
        all(i.keywords);
    }
    for (const Reference& r : p.references) {
        visit(r.name);
        visit(r.reference);
    }
    for (const Project& x : p.projects) {
        for (const std::string* s : {&x.name, &x.summary.text, &x.description.text, &x.entity, &x.type}) visit(*s);
        all_rich(x.highlights);
        all(x.keywords);
        all(x.roles);
        dates({&x.start, &x.end});
    }
    for (const NewsItem& n : p.news) {
        visit(n.title);
        visit(n.text.text);
        dates({&n.date});
    }
    for (const Opening& o : p.openings) {
        for (const std::string* s : {&o.title, &o.summary.text, &o.location, &o.duration}) visit(*s);
        dates({&o.date});
    }
    for (const ExtraSection& x : p.extra_sections) {
        visit(x.title);
        for (const ExtraEntry& e : x.entries) {
            for (const std::string* s : {&e.title, &e.organization, &e.location, &e.summary}) visit(*s);
            all(e.highlights);
            for (const auto& [name, value] : e.details) {
                visit(name);
                visit(value);
            }
            dates({&e.start, &e.end});
        }
    }
}

std::string current_affiliation(const Profile& p) {
    for (const Position& w : p.work)
        if (!w.ended && !w.organization.empty()) return w.organization;
    return {};
}

std::string initials(const std::string& name) {
    std::string out;
    bool at_word_start = true;
    for (std::size_t i = 0; i < name.size();) {
        std::size_t len = utf8_length(name, i);
        bool space = name[i] == ' ' || name[i] == '-' || name[i] == '\t';
        if (!space && at_word_start && out.size() < 12) out.append(name, i, len);
        at_word_start = space;
        i += len;
    }
    // More than two words ("Ada King Lovelace"): first and last initials read best.
    std::size_t first = utf8_length(out, 0);
    if (out.size() > first) {
        std::size_t last = out.size() - 1;
        while (last > 0 && (static_cast<unsigned char>(out[last]) & 0xC0) == 0x80) --last;
        out = out.substr(0, first) + out.substr(last);
    }
    return out;
}

namespace {

// Han, kana and Hangul: names in these scripts are written family name first, with
// no space ("田辺浩"), as citation processors print them.
bool written_family_first(std::string_view s) {
    if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return false;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = utf8_next(s, i);
        if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
            (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF))
            return true;
    }
    return false;
}

}  // namespace

std::string display_name(const Author& a) {
    if (!a.literal.empty()) return a.literal + a.marker;
    if (a.given.empty()) return a.family + a.marker;
    if (a.family.empty()) return a.given + a.marker;
    bool family_first = written_family_first(a.family);
    std::string out;
    out.reserve(a.given.size() + a.family.size() + a.marker.size() + 1);
    if (family_first) {
        out += a.family;
        out += a.given;
    } else {
        out += a.given;
        out += ' ';
        out += a.family;
    }
    out += a.marker;
    return out;
}

std::string arxiv_url(const Publication& p) { return p.arxiv.empty() ? std::string() : "https://arxiv.org/abs/" + p.arxiv; }

std::string arxiv_id(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    for (std::string_view prefix : {"https://arxiv.org/abs/", "http://arxiv.org/abs/", "https://arxiv.org/pdf/",
                                    "http://arxiv.org/pdf/", "arxiv.org/abs/", "arxiv:"})
        if (fold_case(s.substr(0, prefix.size())) == prefix) {
            s.remove_prefix(prefix.size());
            break;
        }
    if (s.size() > 4 && fold_case(s.substr(s.size() - 4)) == ".pdf") s.remove_suffix(4);
    bool digit = false;
    for (char c : s) {
        bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '/' ||
                  c == '-';
        if (!ok) return {};
        digit = digit || (c >= '0' && c <= '9');
    }
    return digit && s.size() <= 64 ? std::string(s) : std::string();
}

namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_folded(std::string_view a, std::string_view folded) {
    if (a.size() != folded.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (fold(a[i]) != folded[i]) return false;
    return true;
}

}  // namespace

OwnerMatcher::OwnerMatcher(const Basics& owner) : name_(fold_case(owner.name)) {
    for (const OtherName& o : owner.other_names)
        if (!o.name.empty()) others_.push_back(o.name);
}

bool OwnerMatcher::operator()(const Author& a) const {
    if (name_.empty()) return false;
    std::string shown = a.shown.empty() ? display_name(a) : std::string();
    std::string_view name = a.shown.empty() ? std::string_view(shown) : std::string_view(a.shown);
    // "Wei Zhao*" is Wei Zhao: the marker is not part of the name.
    if (!a.marker.empty() && name.size() >= a.marker.size() &&
        name.substr(name.size() - a.marker.size()) == a.marker)
        name.remove_suffix(a.marker.size());
    if (equal_folded(name, name_)) return true;
    for (const std::string& o : others_)
        if (name == o) return true;
    // "Weng, Q." style entries: same family name and matching first initial.
    if (!a.family.empty() && !a.given.empty() && name_.size() > a.family.size() &&
        name_[name_.size() - a.family.size() - 1] == ' ' &&
        equal_folded(a.family, std::string_view(name_).substr(name_.size() - a.family.size())))
        return fold(a.given[0]) == name_[0];
    return false;
}

bool is_owner(const Author& a, const Basics& owner) { return OwnerMatcher(owner)(a); }

}  // namespace profile
