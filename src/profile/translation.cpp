#include "profile/translation.h"

#include <algorithm>

#include "profile/json_reader.h"
#include "profile/json_source.h"
#include "profile/load.h"
#include "profile/text.h"

namespace profile {

namespace {

// Containers match containers of their kind; scalars replace scalars (a number where the
// profile has a string reads as text, as the loader reads it anyway); null never replaces.
bool fits(const JsonValue& base, const JsonValue& overlay) {
    if (base.is_object() || overlay.is_object()) return base.is_object() && overlay.is_object();
    if (base.is_array() || overlay.is_array()) return base.is_array() && overlay.is_array();
    return !overlay.is_null() || base.is_null();
}

void write(const JsonValue& base, const JsonValue* overlay, std::string& out,
           const std::vector<std::string_view>* skip) {
    if (overlay && !fits(base, *overlay)) overlay = nullptr;
    const JsonValue& v = overlay && !base.is_object() && !base.is_array() ? *overlay : base;
    switch (v.type()) {
        case JsonType::null: out += "null"; return;
        case JsonType::boolean: out += v.as_bool() ? "true" : "false"; return;
        case JsonType::integer:
        case JsonType::real: out += v.number_text(); return;
        case JsonType::string: append_json_string(out, v.str()); return;
        case JsonType::array:
            out += '[';
            for (std::size_t i = 0; i < base.size(); ++i) {
                if (i) out += ',';
                write(base[i], overlay && i < overlay->size() ? &(*overlay)[i] : nullptr, out, nullptr);
            }
            out += ']';
            return;
        case JsonType::object: {
            out += '{';
            bool first = true;
            for (const JsonValue& m : base) {
                if (skip && std::find(skip->begin(), skip->end(), m.key()) != skip->end()) continue;
                if (!first) out += ',';
                first = false;
                append_json_string(out, m.key());
                out += ':';
                write(m, overlay ? overlay->find(m.key()) : nullptr, out, nullptr);
            }
            out += '}';
            return;
        }
    }
}

const char* shape_phrase(const JsonValue& v) {
    if (v.is_object()) return "object";
    if (v.is_array()) return "array";
    return "value";
}

// A tag's parts in lower case, for comparing: "zh-Hans" -> "zh-hans".
std::string folded(std::string_view tag) { return fold_case(tag); }

std::string primary(std::string_view tag) { return folded(tag.substr(0, tag.find('-'))); }

// Chinese is chosen by script: regions that write Traditional characters, and the rest.
std::string chinese_script(std::string_view tag) {
    std::string t = folded(tag);
    if (t.find("hant") != std::string::npos || t.find("-tw") != std::string::npos ||
        t.find("-hk") != std::string::npos || t.find("-mo") != std::string::npos)
        return "zh-hant";
    return "zh-hans";
}

}  // namespace

std::string overlaid_json(const JsonValue& base, const JsonValue& overlay, const std::vector<std::string_view>& skip) {
    std::string out;
    if (!base.is_object() || !overlay.is_object()) {
        write(base, nullptr, out, &skip);
        return out;
    }
    write(base, &overlay, out, &skip);
    return out;
}

void check_overlay_shape(const JsonValue& base, const JsonValue& overlay, const std::string& pointer,
                         std::vector<Problem>& out) {
    auto report = [&](const std::string& at, const JsonValue& v, std::string message) {
        Problem p{Severity::error, at, std::move(message)};
        p.offset = v.offset();
        out.push_back(std::move(p));
    };
    if (!fits(base, overlay)) {
        report(pointer, overlay,
               std::string("the profile has ") + json_type_phrase(base) + " here, the translation " +
                   json_type_phrase(overlay) + "; the original is shown");
        return;
    }
    if (overlay.is_object()) {
        for (const JsonValue& m : overlay) {
            std::string at = pointer_child(pointer, m.key());
            const JsonValue* b = base.find(m.key());
            if (!b) {
                report(at, m, "\"" + shorten_text(std::string(m.key()), 60) +
                                  "\" is not in the profile: a translation only translates what the profile has");
                continue;
            }
            check_overlay_shape(*b, m, at, out);
        }
    } else if (overlay.is_array()) {
        for (std::size_t i = 0; i < overlay.size(); ++i) {
            std::string at = pointer_child(pointer, i);
            if (i >= base.size()) {
                report(at, overlay[i],
                       "the profile's array has " + std::to_string(base.size()) + " element" +
                           (base.size() == 1 ? "" : "s") + "; this " + shape_phrase(overlay[i]) +
                           " past its end translates none of them");
                continue;
            }
            check_overlay_shape(base[i], overlay[i], at, out);
        }
    }
}

std::vector<std::string> profile_languages(const LoadResult& r) {
    std::vector<std::string> out{r.profile.meta.language.empty() ? std::string("en") : r.profile.meta.language};
    for (const Translation& t : r.translations) out.push_back(t.tag);
    return out;
}

const Profile& profile_in(const LoadResult& r, std::string_view tag) {
    std::string want = folded(tag);
    for (const Translation& t : r.translations)
        if (folded(t.tag) == want) return t.profile;
    return r.profile;
}

std::string find_language(const std::vector<std::string>& languages, std::string_view tag) {
    std::string want = folded(tag);
    for (const std::string& l : languages)
        if (folded(l) == want) return l;
    return {};
}

std::string pick_language(const std::vector<std::string>& languages, const std::vector<std::string>& wanted) {
    if (languages.empty()) return {};
    for (const std::string& w : wanted) {
        if (std::string exact = find_language(languages, w); !exact.empty()) return exact;
        std::string p = primary(w);
        if (p == "zh")
            if (std::string script = find_language(languages, chinese_script(w)); !script.empty()) return script;
        for (const std::string& l : languages)
            if (primary(l) == p) return l;
    }
    return languages.front();
}

}  // namespace profile
