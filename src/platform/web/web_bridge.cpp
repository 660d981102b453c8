// The EM_JS half of the bridge: each body calls into `imfolioPage` (web/page.js, linked
// with --post-js so it shares the module's scope). No string is ever eval'd, so the page
// runs under a Content-Security-Policy without 'unsafe-eval' (-sDYNAMIC_EXECUTION=0).
#include "platform/web/web_bridge.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>

#include <emscripten.h>

// clang-format off
EM_JS(void, imfolio_js_fetch, (int id, const char* url, int timeout_ms, int max_bytes), {
    imfolioPage.fetch(id, UTF8ToString(url), timeout_ms, max_bytes);
});
EM_JS(void, imfolio_js_post_task, (int fn, void* arg), {
    imfolioPage.postTask(function () { callUserCallback(function () { getWasmTableEntry(fn)(arg); }); });
});
EM_JS(void, imfolio_js_document, (const char* json, int len), {
    imfolioPage.mirror.apply(UTF8ToString(json, len));
});
EM_JS(void, imfolio_js_scroll, (float y, float height), { imfolioPage.mirror.scroll(y, height); });
EM_JS(void, imfolio_js_zoom, (float zoom), { imfolioPage.mirror.zoom(zoom); });
EM_JS(void, imfolio_js_history, (const char* route, int push), {
    imfolioPage.history(UTF8ToString(route), !!push);
});
EM_JS(void, imfolio_js_ready, (), { imfolioPage.ready(); });
EM_JS(void, imfolio_js_failed, (const char* message), { imfolioPage.failed(UTF8ToString(message)); });
EM_JS(void, imfolio_js_unsupported, (const char* message), { imfolioPage.unsupported(UTF8ToString(message)); });
EM_JS(void, imfolio_js_copy, (const char* text), { imfolioPage.copy(UTF8ToString(text)); });
EM_JS(void, imfolio_js_cursor, (int pointer), { imfolioPage.cursor(!!pointer); });
EM_JS(void, imfolio_js_store_theme, (int theme), { imfolioPage.storeTheme(theme); });
EM_JS(char*, imfolio_js_profile_url, (), { return imfolioPage.cString(imfolioPage.profileUrl()); });
EM_JS(char*, imfolio_js_foreign_host, (), { return imfolioPage.cString(imfolioPage.foreignHost()); });
EM_JS(char*, imfolio_js_beside_profile, (const char* path), {
    return imfolioPage.cString(imfolioPage.besideProfile(UTF8ToString(path)));
});
EM_JS(char*, imfolio_js_initial_route, (), { return imfolioPage.cString(imfolioPage.route()); });
EM_JS(int, imfolio_js_stored_theme, (), { return imfolioPage.storedTheme(); });
EM_JS(char*, imfolio_js_wanted_languages, (), { return imfolioPage.cString(imfolioPage.wantedLanguages()); });
EM_JS(void, imfolio_js_language, (const char* tag, int chosen), { imfolioPage.language(UTF8ToString(tag), !!chosen); });
EM_JS(int, imfolio_js_prefers_dark, (), { return imfolioPage.prefersDark() ? 1 : 0; });
EM_JS(int, imfolio_js_coarse_pointer, (), { return imfolioPage.coarsePointer() ? 1 : 0; });
EM_JS(char*, imfolio_js_site_root, (), { return imfolioPage.cString(imfolioPage.siteRoot()); });
EM_JS(int, imfolio_js_own_profile, (), { return imfolioPage.ownProfile() ? 1 : 0; });
EM_JS(int, imfolio_js_owner_view, (), { return imfolioPage.ownerView() ? 1 : 0; });
EM_JS(int, imfolio_js_fetch_timeout_ms, (), { return imfolioPage.fetchTimeout(); });
EM_JS(void, imfolio_js_canvas_css_size, (double* w, double* h), {
    const r = imfolioPage.canvasSize();
    HEAPF64[w >> 3] = r[0];
    HEAPF64[h >> 3] = r[1];
});
// clang-format on

namespace platform::web {

namespace {
std::string take(char* s) {
    std::string out = s ? s : "";
    std::free(s);
    return out;
}
}  // namespace

void js_fetch(int id, const std::string& url, int timeout_ms, std::size_t max_bytes) {
    imfolio_js_fetch(id, url.c_str(), timeout_ms, static_cast<int>(std::min<std::size_t>(max_bytes, INT_MAX)));
}
// A function pointer is its index in the wasm table.
void post_task(void (*fn)(void*), void* arg) { imfolio_js_post_task(static_cast<int>(reinterpret_cast<std::uintptr_t>(fn)), arg); }
void js_document(const std::string& diff) { imfolio_js_document(diff.data(), static_cast<int>(diff.size())); }
void js_scroll(float y, float height) { imfolio_js_scroll(y, height); }
void js_zoom(float zoom) { imfolio_js_zoom(zoom); }
void js_history(const std::string& route, bool push) { imfolio_js_history(route.c_str(), push ? 1 : 0); }
void js_ready() { imfolio_js_ready(); }
void js_failed(const std::string& message) { imfolio_js_failed(message.c_str()); }
void js_unsupported(const std::string& message) { imfolio_js_unsupported(message.c_str()); }
void js_copy(const std::string& text) { imfolio_js_copy(text.c_str()); }
void js_cursor(bool pointer) { imfolio_js_cursor(pointer ? 1 : 0); }
void js_store_theme(int theme) { imfolio_js_store_theme(theme); }

std::string js_profile_url(std::string* error) {
    // page.js answers "!message" when the ?profile= URL is refused.
    std::string s = take(imfolio_js_profile_url());
    if (!s.empty() && s[0] == '!') {
        if (error) *error = s.substr(1);
        return {};
    }
    return s;
}
std::string js_foreign_host() { return take(imfolio_js_foreign_host()); }
std::string js_beside_profile(const std::string& path) { return take(imfolio_js_beside_profile(path.c_str())); }
std::string js_initial_route() { return take(imfolio_js_initial_route()); }
int js_stored_theme() { return imfolio_js_stored_theme(); }
std::vector<std::string> js_wanted_languages() {
    std::string all = take(imfolio_js_wanted_languages());
    std::vector<std::string> out;
    for (std::size_t start = 0; start < all.size();) {
        std::size_t end = all.find('\n', start);
        if (end == std::string::npos) end = all.size();
        if (end > start) out.push_back(all.substr(start, end - start));
        start = end + 1;
    }
    return out;
}
void js_language(const std::string& tag, bool chosen) { imfolio_js_language(tag.c_str(), chosen ? 1 : 0); }
bool js_prefers_dark() { return imfolio_js_prefers_dark() != 0; }
bool js_coarse_pointer() { return imfolio_js_coarse_pointer() != 0; }
std::string js_site_root() { return take(imfolio_js_site_root()); }
bool js_own_profile() { return imfolio_js_own_profile() != 0; }
bool js_owner_view() { return imfolio_js_owner_view() != 0; }
int js_fetch_timeout_ms() { return imfolio_js_fetch_timeout_ms(); }
void js_canvas_css_size(double* w, double* h) { imfolio_js_canvas_css_size(w, h); }

}  // namespace platform::web
