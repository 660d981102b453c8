// platform/web/web_fetch.cpp: fetching what the page shows: the profile, the BibTeX
// files it names, and the font slices its characters need.
//
// Implements the requests (through web/page.js's fetch, with a timeout and a byte
// limit) and hands each answer to the Site. How often to retry and what a failure
// says are decided in ui/fetch_policy.h, the same on every platform.
// Does not implement: reading bytes in chunks, caching (the browser's HTTP cache does).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <emscripten.h>

#include "platform/web/web_bridge.h"
#include "platform/web/web_state.h"
#include "profile/limits.h"
#include "ui/fetch_policy.h"
#include "ui/site.h"

namespace platform::web {

namespace {

void fetch_bibliographies();

constexpr int kProfileFetch = 1;
constexpr int kFirstBibliographyFetch = 10;  // + the file's index in the profile's list
constexpr int kMaxBibliographyFetch = 99;
constexpr int kFirstFontFetch = 100;  // font fetch ids count up from here

const ui::FetchPolicy kPolicy;

// A slice's size, from the manifest: no font file may be larger (add_file checks it exactly).
std::size_t slice_bytes(const std::string& file) {
    for (const ui::FontSlice& s : ui::font_slices())
        if (file == s.file) return s.bytes;
    return 0;
}

// Returns false when the answer only means "try again" (nothing changed yet).
bool profile_answered(int status, std::string bytes, const char* content_type) {
    Web& w = web();
    if (kPolicy.retry(status, w.profile_attempts)) {
        emscripten_set_timeout([](void*) { fetch_profile(); }, kPolicy.delay_ms(w.profile_attempts), nullptr);
        return false;
    }
    bool reload = w.reloading;
    w.reloading = false;
    if (status == 200)
        w.site->load_profile(bytes, w.profile_url, ui::html_answer_note(content_type ? content_type : ""), reload);
    else if (reload)
        return true;  // a save that could not be fetched: the page keeps what it shows
    else
        w.site->fail_profile(
            ui::profile_fetch_failure(status, w.profile_attempts, profile::default_limits().max_file_bytes),
            w.profile_url);
    fetch_bibliographies();
    fetch_fonts();
    return true;
}

// The BibTeX files the profile names, beside it, with the profile's own limits and retries.
void fetch_bibliography(std::size_t index) {
    Web& w = web();
    auto& b = w.bibliographies[index];
    ++b.attempts;
    js_fetch(kFirstBibliographyFetch + static_cast<int>(index), b.url, js_fetch_timeout_ms(),
             profile::default_limits().max_file_bytes);
}

void fetch_bibliographies() {
    Web& w = web();
    std::vector<std::string> paths = w.site->bibliography_needed();
    for (std::size_t i = 0; i < paths.size() && kFirstBibliographyFetch + static_cast<int>(i) <= kMaxBibliographyFetch; ++i) {
        std::string url = js_beside_profile(paths[i]);
        if (url.empty()) {
            w.site->bibliography_answered(i, 0, {}, paths[i]);
            continue;
        }
        w.bibliographies[i] = Web::Request{url, 0};
        fetch_bibliography(i);
    }
}

void bibliography_answered(std::size_t index, int status, const std::string& bytes) {
    Web& w = web();
    auto it = w.bibliographies.find(index);
    if (it == w.bibliographies.end()) return;
    if (kPolicy.retry(status, it->second.attempts)) {
        // The timer carries the file's index as its user data.
        emscripten_set_timeout([](void* i) { fetch_bibliography(reinterpret_cast<std::uintptr_t>(i)); },
                               kPolicy.delay_ms(it->second.attempts), reinterpret_cast<void*>(std::uintptr_t{index}));
        return;
    }
    std::string url = it->second.url;
    w.bibliographies.erase(it);
    w.site->bibliography_answered(index, status, bytes, url);
    fetch_fonts();  // the profile shows once the last one answers: its characters need fonts
}

}  // namespace

void fetch_profile() {
    Web& w = web();
    ++w.profile_attempts;
    js_fetch(kProfileFetch, w.profile_url, js_fetch_timeout_ms(), profile::default_limits().max_file_bytes);
}

void fetch_fonts() {
    Web& w = web();
    if (w.next_fetch < kFirstFontFetch) w.next_fetch = kFirstFontFetch;
    for (const std::string& file : w.site->font_files_needed()) {
        bool in_flight = std::any_of(w.font_fetches.begin(), w.font_fetches.end(),
                                     [&](const auto& e) { return e.second == file; });
        if (in_flight) continue;
        int id = w.next_fetch++;
        w.font_fetches[id] = file;
        js_fetch(id, js_site_root() + "fonts/" + file, js_fetch_timeout_ms(), slice_bytes(file));
    }
}

}  // namespace platform::web

using namespace platform::web;

extern "C" {

// A fetch finished: status as ui/fetch_policy.h says; `data` (malloc'd by page.js, or
// null) becomes ours. `content_type` helps explain non-JSON answers.
EMSCRIPTEN_KEEPALIVE void imfolio_fetch_done(int id, int status, char* data, int len, const char* content_type) {
    Web& w = web();
    std::string bytes = data ? std::string(data, static_cast<std::size_t>(len)) : std::string();
    std::free(data);
    if (id == kProfileFetch) {
        if (!profile_answered(status, std::move(bytes), content_type)) return;
    } else if (id >= kFirstBibliographyFetch && id <= kMaxBibliographyFetch) {
        bibliography_answered(static_cast<std::size_t>(id - kFirstBibliographyFetch), status, bytes);
    } else if (picture_fetched(id, status, bytes)) {
        // a picture: decoding goes on in the browser
    } else if (auto it = w.font_fetches.find(id); it != w.font_fetches.end()) {
        if (status == 200)
            w.site->add_font_file(it->second, std::move(bytes));
        else
            w.site->font_file_failed(it->second);
        w.font_fetches.erase(it);
    } else {
        return;
    }
    wake(2);
}

// scripts/serve saw the owner save the profile (or a file it names): fetch it again and
// show it where the owner is reading.
EMSCRIPTEN_KEEPALIVE void imfolio_reload() {
    Web& w = web();
    if (w.profile_url.empty() || !w.site->has_profile()) return;
    w.reloading = true;
    w.profile_attempts = 0;
    fetch_profile();
}

// The failure notice's Retry button: the profile again, from its first attempt.
EMSCRIPTEN_KEEPALIVE void imfolio_retry() {
    Web& w = web();
    if (w.profile_url.empty()) return;
    w.profile_attempts = 0;
    w.failed_sent = false;
    fetch_profile();
}

}  // extern "C"
