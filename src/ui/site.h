// ui/site.h: the whole site as the platforms drive it.
//
// A platform (web, desktop, headless) owns one Site. It hands in bytes (the profile,
// font slices) and input, calls frame() between ImGui::NewFrame() and ImGui::Render(),
// and carries out what the FrameResult asks (history entries, mirror updates).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "profile/load.h"
#include "profile/search.h"
#include "profile/translation.h"
#include "ui/context.h"
#include "ui/document.h"
#include "ui/fonts.h"
#include "ui/layout_cache.h"
#include "ui/page_state.h"
#include "ui/pictures.h"

struct ImFontAtlas;

namespace ui {

struct FrameResult {
    bool animating = false;     // something is moving: draw another frame soon
    std::string push_route;     // the visitor navigated: add "#/route" to the history
    std::string replace_route;  // scrolling moved to another section: replace the history entry
    std::string document_diff;  // changes to the page document, for the web mirror ("" = none)
    bool shows_profile = false; // this frame drew a loaded profile (not loading, not an error)
    float wake_in = -1;         // > 0: nothing moves, but draw again after this many seconds (caret blink)
};

enum class NavigationCause {
    user,     // a click in the canvas or imfolio.navigate(): add a history entry, glide there
    link,     // a real <a href="#/..."> was followed: the browser added the entry; glide there
    history,  // back/forward: jump there
    initial,  // the address the page was opened with: jump there
};

class Site {
public:
    explicit Site(Hooks hooks = {});

    // --- content -------------------------------------------------------------------------
    // Reads profile bytes. Problems (or a parse error) are shown in the page, never fatal.
    // `note`, when given, is added as an error (e.g. "the server answered with HTML").
    // `keep_view`: a new version of the profile being viewed (its owner saved it): the
    // section, the scroll position, open abstracts and the search stay as they were.
    void load_profile(std::string_view bytes, std::string source, std::string note = {}, bool keep_view = false);
    // Shows a profile already loaded (with its bibliographies merged: profile/bibliography.h);
    // `bytes` are the profile file's own, where a glyph-limit problem is placed.
    void show_profile(profile::LoadResult loaded, std::string_view bytes, bool keep_view = false);
    // BibTeX files the profile names (LoadResult::bibliography) that have not answered yet,
    // as written (relative to the profile's own address): the platform fetches each and
    // hands the answer, by its index in the profile's list, to bibliography_answered().
    // The profile is shown once every one has answered.
    std::vector<std::string> bibliography_needed() const;
    void bibliography_answered(std::size_t index, int status, std::string_view bytes, std::string url);
    // The profile could not be fetched at all (HTTP error, timeout): shown as an error page.
    void fail_profile(std::string message, std::string source);
    bool has_profile() const { return state_ != State::waiting; }
    // The profile file is on another site (`?profile=` naming another host): the page
    // then says so above everything else, naming `host`, so no visitor takes a
    // stranger's file for this site's owner's.
    void set_foreign_host(std::string host) { foreign_host_ = std::move(host); }
    // Whether the page is its owner's view (a preview, a local server, the desktop
    // viewer), which lists the profile's problems above it; a deployed page shows its
    // visitors the valid content and no list. On by default; the web decides per page.
    void set_owner_view(bool owner) { owner_view_ = owner; }
    const profile::LoadResult& profile() const { return loaded_; }

    // --- language ------------------------------------------------------------------------
    // The visitor's languages, best first (?lang=, the remembered choice, navigator.languages):
    // each profile shown is shown in the first of its languages (profile/translation.h) one
    // of these matches, else in its own.
    void set_language_preference(std::vector<std::string> wanted);
    // Shows the profile in `tag`, one of languages(); any other tag is ignored.
    void set_language(const std::string& tag);
    const std::string& language() const { return lang_; }   // the language shown ("" before a profile)
    std::vector<std::string> languages() const;               // the profile's, its own first
    // Where the top bar's "CV (PDF)" link points ("cv.pdf"); empty: no link (previews, the desktop).
    void set_cv_url(std::string url) { cv_url_ = std::move(url); }
    // The first error to show a visitor (stats().error), or "" when the profile loaded cleanly.
    std::string error_message() const;

    // --- fonts ---------------------------------------------------------------------------
    std::vector<std::string> font_files_needed() const;   // not yet given or failed
    std::vector<std::string> font_files_for_profile() const;
    void add_font_file(const std::string& name, std::string bytes) { fonts_.add_file(name, std::move(bytes)); }
    void font_file_failed(const std::string& name) { fonts_.mark_failed(name); }
    // Rebuilds the atlas if the needs, files or pixel ratio changed. True: re-upload the texture.
    bool update_fonts(ImFontAtlas& atlas, float dpr);
    // The same in steps (FontLibrary::begin_build, build_step): start_fonts() is true when a
    // rebuild began; step_fonts() does about `budget_ms` of it, true when the atlas is done.
    bool start_fonts(ImFontAtlas& atlas, float dpr);
    bool step_fonts(ImFontAtlas& atlas, double budget_ms) { return fonts_.build_step(atlas, budget_ms); }
    bool fonts_building() const { return fonts_.building(); }
    const FontLibrary& fonts() const { return fonts_; }
    bool fonts_ready() const { return fonts_.ready(); }

    // --- pictures (pictures.h) ---------------------------------------------------------------
    // The platform takes what the views asked for, and answers each with a texture or a
    // reason; a failure is listed in the owner's notice.
    Pictures& pictures() { return pictures_; }
    const Pictures& pictures() const { return pictures_; }

    // --- input -----------------------------------------------------------------------------
    void navigate(const std::string& route, NavigationCause cause);
    // Wheel and keys, CSS pixels: `glide` eases there (wheel notches, keys); otherwise the
    // page moves at once (trackpads, which already send smooth streams of small deltas).
    void scroll_by(float dy, bool glide = true);
    // The browser scrolled the page's text layer (find in page, focus, a selection being
    // dragged): the canvas follows at once.
    void scroll_to(float y);
    // The platform's own search field (Hooks::native_text_fields) was typed into...
    void set_search_query(std::string query);
    // ... or took or left the keyboard: while it has it, keys are its, not the page's.
    void set_text_field_focused(bool focused) { text_field_focused_ = focused; }
    bool text_field_focused() const { return text_field_focused_; }
    // The browser's translation rewrote the text of node `id` (Node::id): the canvas
    // draws `text` there from now on, with the fonts it needs.
    void translate(std::uint32_t id, std::string text);
    // Find in page matched collapsed text (Node::collapsed) of node `id`: open its entry.
    void reveal(std::uint32_t id);
    void touch_begin();
    void touch_drag(float dy, double time);
    void touch_end(double time);
    void set_touch(bool touch) { touch_ = touch; }
    // The web's mirror needs each frame's document changes as a message; other platforms
    // read document() directly and skip that work.
    void set_mirror(bool on) { mirror_ = on; }
    // While paused no changes are sent (the web pauses it while fingers pinch: replacing
    // the element a finger is on would stop its touch events); the next frame after
    // sends the whole document.
    void pause_mirror(bool paused) {
        if (mirror_paused_ && !paused) resend_ = true;
        mirror_paused_ = paused;
    }
    void set_system_dark(bool dark) { page_.system_dark = dark; }
    void set_theme(ThemeChoice t) { page_.theme = t; }
    void activate(std::uint32_t node_id) { page_.activate_id = node_id; }
    // The mirror's focus moved to `node_id` (0: left it); `visible` when it came from the
    // keyboard, so the canvas draws a ring and scrolls it into view.
    void focus(std::uint32_t node_id, bool visible = true);

    // --- drawing -------------------------------------------------------------------------
    // Lays out and draws the page into the current ImGui frame (width x height CSS px).
    FrameResult frame(float width, float height, float dt);
    const Document& document() const { return docs_[current_]; }
    // Long lists draw only what is on screen (virtual_list.h); off, they are drawn whole,
    // so the document holds every entry (the static export, reference layouts in tests).
    void set_virtualize(bool on) { layout_.virtualize = on; }
    const PageState& page() const { return page_; }
    PageState& page() { return page_; }
    float content_height() const { return content_h_; }

private:
    enum class State { waiting, loaded, failed };

    void draw_page(Ctx& c);
    void draw_top_bar(Ctx& c, float width);
    void draw_error(Ctx& c);
    void draw_notice(Ctx& c);
    void draw_flash(Ctx& c);
    void handle_shortcuts();
    const profile::Profile& shown_profile();
    const profile::Profile& in_language() const { return profile::profile_in(loaded_, lang_); }
    void update_glyph_needs(std::string_view bytes);
    void apply_navigation(float bar_h);
    void update_route(float bar_h);
    bool typing() const;  // keys go to a text field (imgui's or the platform's)

    Hooks hooks_;
    std::string foreign_host_;
    std::string lang_;                       // the language shown: one of languages()
    std::vector<std::string> lang_wanted_;   // set_language_preference
    std::string cv_url_;
    State state_ = State::waiting;
    profile::LoadResult loaded_;
    profile::LoadResult pending_;           // read, waiting for its bibliographies
    std::string pending_bytes_;
    std::vector<bool> pending_answered_;    // by bibliography index
    bool pending_keep_view_ = false;
    GlyphNeeds needs_;
    FontLibrary fonts_;
    PageState page_;
    LayoutCache layout_;  // cleared when the profile or the fonts change
    Pictures pictures_;
    Document docs_[2];
    int current_ = 0;
    float content_h_ = 0;
    profile::Profile filtered_;             // the profile as the current search shows it
    std::string filtered_query_;
    std::uint32_t loaded_generation_ = 0;   // ProfileFacts::generation of loaded_ and filtered_
    std::uint32_t filtered_generation_ = 0;
    ProfileFacts facts_;
    std::vector<profile::SearchHit> hits_;
    bool touch_ = false;
    bool mirror_ = false;
    bool mirror_paused_ = false;
    bool resend_ = false;  // the next diff is the whole document
    bool text_field_focused_ = false;
    bool owner_view_ = true;
    bool user_scrolled_ = false;   // scroll-spy follows the visitor's own scrolling only
    bool push_route_ = false;      // the navigation just applied adds a history entry
    bool dark_applied_ = false;
    bool style_applied_ = false;
};

}  // namespace ui
