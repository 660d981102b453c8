#include "ui/site.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "profile/bibliography.h"
#include "profile/date.h"
#include "profile/text.h"
#include "profile/words.h"
#include "ui/fetch_policy.h"
#include "ui/icons.h"
#include "ui/search_bar.h"
#include "ui/sections.h"
#include "ui/text_flow.h"
#include "ui/widgets.h"

namespace ui {

namespace {

constexpr float kMaxColumn = 700.0f;     // about 70-75 characters of body text
constexpr float kCompactBreakpoint = 640.0f;
constexpr float kSectionGap = 56.0f;
constexpr ImGuiWindowFlags kPlainWindow = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                          ImGuiWindowFlags_NoScrollWithMouse;

float bar_height(bool compact, bool touch) { return compact || touch ? 56.0f : 60.0f; }

// The route of the top of the page: the first section shown.
std::string first_route(const profile::Profile& p) {
    auto v = visible_sections(p);
    return v.empty() ? std::string("about") : std::string(v.front().route);
}

// Names the site a foreign profile came from; drawn first and never dismissable.
void draw_foreign_note(Ctx& c, const std::string& host) {
    float top = ImGui::GetCursorScreenPos().y;
    Scope alert(Role::alert, "Profile from another site");
    {
        Panel panel(c.palette.accent_soft, c.palette.accent);
        paragraph(RichText()
                      .text(utf8(icon::info) + "  Profile from another site: ", FontRole::body_bold, c.palette.heading)
                      .text(host, FontRole::body_bold, c.palette.accent),
                  Role::paragraph, 1.45f);
        paragraph(RichText().text("This page shows a file from " + host +
                                      ". Whoever runs that site wrote what follows, not the owner of this one.",
                                  FontRole::small),
                  Role::paragraph, 1.45f);
    }
    alert.close_rect(top);
    vspace(24);
}

// Unique across every Site in the process (tests run several), so a generation never
// names two different profiles.
std::uint32_t next_generation() {
    static std::uint32_t counter = 0;
    return ++counter;
}

ProfileFacts facts_of(const profile::Profile& p, std::uint32_t generation) {
    ProfileFacts f;
    f.generation = generation;
    for (const profile::Publication& x : p.publications) {
        f.selected_publications += x.selected ? 1 : 0;
        f.venue_badges = f.venue_badges || !x.venue_short.empty();
    }
    return f;
}

}  // namespace

Site::Site(Hooks hooks) : hooks_(std::move(hooks)) { needs_ = GlyphNeeds{ui_glyphs(), {' '}}; }

void Site::load_profile(std::string_view bytes, std::string source, std::string note, bool keep_view) {
    // A .bib file alone is a profile of publications (?profile=papers.bib).
    profile::LoadResult loaded = profile::is_bibtex_path(source) && note.empty()
                                     ? profile::load_bibliography(bytes, std::move(source))
                                     : profile::load_profile(bytes, std::move(source));
    // A note explains a failure (e.g. the server sent an HTML page); a profile that read fine needs none.
    if (!note.empty() && !loaded.ok) {
        // The answer is wrong from its first byte, so that is its place.
        profile::Problem p{profile::Severity::error, "", std::move(note)};
        p.line = p.column = 1;
        loaded.problems.insert(loaded.problems.begin(), std::move(p));
    }
    if (loaded.ok && !loaded.bibliography.empty()) {
        // Shown once every BibTeX file it names has answered (bibliography_answered).
        pending_ = std::move(loaded);
        pending_bytes_ = std::string(bytes);
        pending_answered_.assign(pending_.bibliography.size(), false);
        pending_keep_view_ = keep_view;
        return;
    }
    show_profile(std::move(loaded), bytes, keep_view);
}

std::vector<std::string> Site::bibliography_needed() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < pending_answered_.size(); ++i)
        if (!pending_answered_[i]) out.push_back(pending_.bibliography[i].path);
    return out;
}

void Site::bibliography_answered(std::size_t index, int status, std::string_view bytes, std::string url) {
    if (index >= pending_answered_.size() || pending_answered_[index]) return;
    pending_answered_[index] = true;
    if (status == 200)
        profile::add_bibliography(pending_, index, bytes, std::move(url));
    else
        profile::bibliography_unreadable(pending_, index, fetch_failure(status, profile::default_limits().max_file_bytes));
    if (std::find(pending_answered_.begin(), pending_answered_.end(), false) != pending_answered_.end()) return;
    pending_answered_.clear();
    std::string bytes_of_profile = std::move(pending_bytes_);
    show_profile(std::move(pending_), bytes_of_profile, pending_keep_view_);
    pending_ = profile::LoadResult{};
}

void Site::update_glyph_needs(std::string_view bytes) {
    std::size_t max_glyphs = profile::default_limits().max_glyphs;
    needs_ = loaded_.ok ? glyph_needs(in_language(), max_glyphs) : GlyphNeeds{ui_glyphs(), {' '}};
    // The page's own words in the language shown, and the switcher's names of the others.
    std::vector<char32_t> words;
    auto add = [&words](std::string_view s) {
        for (std::size_t i = 0; i < s.size();) words.push_back(profile::utf8_next(s, i));
    };
    for (std::string_view w : profile::words_for(lang_).text) add(w);
    for (const std::string& tag : languages()) add(profile::words_for(tag).name);
    add_glyph_needs(needs_, std::move(words), max_glyphs);
    if (auto p = glyph_limit_problem(needs_, bytes, max_glyphs)) loaded_.problems.push_back(std::move(*p));
}

void Site::set_language_preference(std::vector<std::string> wanted) { lang_wanted_ = std::move(wanted); }

std::vector<std::string> Site::languages() const {
    return state_ == State::loaded && loaded_.ok ? profile::profile_languages(loaded_) : std::vector<std::string>{};
}

void Site::set_language(const std::string& tag) {
    std::string found = profile::find_language(languages(), tag);
    if (found.empty() || found == lang_) return;
    lang_ = found;
    loaded_generation_ = next_generation();
    filtered_query_.clear();  // the search runs again, over the language shown
    layout_.clear();
    update_glyph_needs({});
}

void Site::show_profile(profile::LoadResult loaded, std::string_view bytes, bool keep_view) {
    // A save of the file being edited: the owner keeps their place; the notice comes back
    // only when the problems changed.
    // A save that cannot be read (the owner is half-way through an edit) keeps the last
    // profile on the page; the notice says where the file broke.
    if (keep_view && state_ == State::loaded && loaded_.ok && !loaded.ok) {
        loaded_.problems = std::move(loaded.problems);
        loaded_.problems.insert(loaded_.problems.begin(),
                                profile::Problem{profile::Severity::warning, "",
                                                 "the saved file could not be read; the page shows the last version "
                                                 "that could, until it is fixed"});
        loaded_generation_ = next_generation();
        layout_.clear();
        page_.notice_dismissed = false;
        return;
    }
    keep_view = keep_view && state_ == State::loaded && loaded_.ok && loaded.ok;
    bool same_problems = keep_view && loaded.problems.size() == loaded_.problems.size() &&
                         std::equal(loaded.problems.begin(), loaded.problems.end(), loaded_.problems.begin(),
                                    [](const profile::Problem& a, const profile::Problem& b) {
                                        return a.message == b.message && a.line == b.line && a.file == b.file;
                                    });
    loaded_ = std::move(loaded);
    loaded_generation_ = next_generation();
    layout_.clear();
    state_ = State::loaded;
    // A save of the file being edited keeps the language shown, while the profile still has it.
    std::string kept = keep_view ? profile::find_language(languages(), lang_) : std::string();
    lang_ = !loaded_.ok ? std::string() : !kept.empty() ? kept : profile::pick_language(languages(), lang_wanted_);
    update_glyph_needs(bytes);
    if (keep_view) {
        if (!same_problems) page_.notice_dismissed = false;
        // The search shows the new text: filter again.
        filtered_query_.clear();
        page_.scroll.set_max(1e9f);  // the old page's height must not clamp the kept position
        return;
    }
    page_.notice_dismissed = false;
    page_.expanded.clear();
    page_.section_top.clear();
    std::string wanted = page_.target_route.empty() ? page_.route : page_.target_route;
    page_.route = first_route(in_language());
    if (!wanted.empty() && wanted != page_.route && is_route(in_language(), wanted)) {
        page_.target_route = wanted;
        page_.target_instant = true;
    }
    page_.scroll.jump_to(0);
}

void Site::fail_profile(std::string message, std::string source) {
    loaded_ = profile::LoadResult{};
    loaded_.source = std::move(source);
    loaded_.problems.push_back(profile::Problem{profile::Severity::error, "", std::move(message)});
    state_ = State::failed;
    needs_ = GlyphNeeds{ui_glyphs(), {' '}};
}

std::string Site::error_message() const {
    for (const profile::Problem& p : loaded_.problems)
        if (p.severity == profile::Severity::error) return profile::format_problem(p, loaded_.source);
    return {};
}

std::vector<std::string> Site::font_files_needed() const { return fonts_.missing_files(needs_); }
std::vector<std::string> Site::font_files_for_profile() const { return fonts_.files_for(needs_); }

bool Site::update_fonts(ImFontAtlas& atlas, float dpr) {
    if (!start_fonts(atlas, dpr)) return false;
    while (!fonts_.build_step(atlas, 0)) {
    }
    return true;
}

bool Site::start_fonts(ImFontAtlas& atlas, float dpr) {
    if (fonts_.building()) return false;
    if (!font_files_needed().empty()) return false;  // wait until every slice has arrived (or failed)
    if (!fonts_.begin_build(atlas, needs_, dpr)) return false;
    layout_.clear();  // glyph advances may differ at another pixel ratio
    return true;
}

void Site::navigate(const std::string& route, NavigationCause cause) {
    page_.target_route = route;
    page_.target_instant = cause == NavigationCause::history || cause == NavigationCause::initial;
    page_.menu_open = false;
    page_.target_push = cause == NavigationCause::user;
}

void Site::scroll_by(float dy, bool glide) {
    if (glide)
        page_.scroll.step(dy);
    else
        page_.scroll.move_by(dy);
    user_scrolled_ = true;
}

void Site::scroll_to(float y) {
    page_.scroll.jump_to(y);
    user_scrolled_ = true;
}

void Site::set_search_query(std::string query) {
    if (query == page_.search_query) return;
    page_.search_query = std::move(query);
    page_.search_selected = 0;
}

bool Site::typing() const { return ImGui::GetIO().WantTextInput || text_field_focused_; }

void Site::translate(std::uint32_t id, std::string text) {
    // The new text's characters need glyphs: the platform fetches the slices that hold them.
    std::vector<char32_t> extra;
    for (std::size_t i = 0; i < text.size();) extra.push_back(profile::utf8_next(text, i));
    add_glyph_needs(needs_, extra, profile::default_limits().max_glyphs);
    page_.translated[id] = std::move(text);
}

void Site::reveal(std::uint32_t id) {
    const Document& d = document();
    const Node* n = d.find_by_id(id);
    if (!n || !n->collapsed || n->parent < 0) return;
    const Node& entry = d.nodes()[static_cast<std::size_t>(n->parent)];
    if (entry.role == Role::list_item) page_.expanded.insert(entry.id);
}

void Site::touch_begin() { page_.scroll.drag_begin(); }

void Site::touch_drag(float dy, double time) {
    page_.scroll.drag_by(dy, time);
    user_scrolled_ = true;
}

void Site::touch_end(double time) { page_.scroll.drag_end(time); }

void Site::focus(std::uint32_t node_id, bool visible) {
    page_.focus_id = node_id;
    page_.focus_visible = visible && node_id != 0;
    if (!page_.focus_visible) return;
    // Keep the focused element in view, as a browser does for focused elements.
    if (const Node* n = document().find_by_id(node_id); n && !n->fixed) {
        float view_h = ImGui::GetIO().DisplaySize.y;
        float top = page_.scroll.y() + bar_height(false, touch_) + 16;
        float bottom = page_.scroll.y() + view_h - 24;
        if (n->rect.y < top)
            page_.scroll.glide_to(n->rect.y - bar_height(false, touch_) - 24);
        else if (n->rect.y + n->rect.h > bottom)
            page_.scroll.glide_to(n->rect.y + n->rect.h - view_h + 48);
    }
}

void Site::apply_navigation(float bar_h) {
    if (page_.target_route.empty() || page_.section_top.empty()) return;
    const std::string route = page_.target_route;
    page_.target_route.clear();
    auto it = page_.section_top.find(route);
    if (it == page_.section_top.end()) return;  // not a section of this profile: stay put
    float y = route == first_route(in_language()) ? 0.0f : it->second - bar_h - 20.0f;
    if (page_.target_entry >= 0) {
        const Node* entry = entry_node(docs_[current_ ^ 1], route, page_.target_entry);
        y = (entry ? entry->rect.y : it->second) - bar_h - 24.0f;
        page_.flash_route = route;
        page_.flash_entry = page_.target_entry;
        page_.flash_time = ImGui::GetTime();
        page_.target_entry = -1;
    }
    if (page_.target_instant)
        page_.scroll.jump_to(y);
    else
        page_.scroll.glide_to(y);
    page_.route = route;
    push_route_ = page_.target_push;
    page_.target_push = false;
    user_scrolled_ = false;
}

void Site::update_route(float bar_h) {
    if (!user_scrolled_ || page_.section_top.empty()) return;
    auto views = visible_sections(in_language());
    std::string route = views.empty() ? page_.route : std::string(views.front().route);
    float probe = page_.scroll.y() + bar_h + 120.0f;
    // At the very bottom, the last sections can never reach the probe line: the last one
    // whose heading is on screen is the one being read.
    float max_scroll = std::max(0.0f, content_h_ - ImGui::GetIO().DisplaySize.y);
    if (page_.scroll.y() >= max_scroll - 2.0f && max_scroll > 0) probe = page_.scroll.y() + ImGui::GetIO().DisplaySize.y - 120.0f;
    for (const SectionView& v : views) {
        auto it = page_.section_top.find(v.route);
        if (it != page_.section_top.end() && it->second <= probe) route = v.route;
    }
    page_.route = route;
}

const profile::Profile& Site::shown_profile() {
    bool searching = page_.search_open && !page_.search_query.empty();
    if (searching && page_.search_query != filtered_query_) {
        filtered_ = profile::filter(in_language(), page_.search_query);
        hits_ = profile::search(in_language(), page_.search_query);
        filtered_query_ = page_.search_query;
        filtered_generation_ = next_generation();
    }
    const profile::Profile& shown = searching ? filtered_ : in_language();
    std::uint32_t generation = searching ? filtered_generation_ : loaded_generation_;
    if (facts_.generation != generation) facts_ = facts_of(shown, generation);
    return shown;
}

void Site::handle_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    bool command_k = (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_K, false);
    bool slash = !typing() && ImGui::IsKeyPressed(ImGuiKey_Slash, false);
    if (command_k || slash) {
        page_.search_open = command_k ? !page_.search_open : true;
        page_.search_focus = page_.search_open;
        page_.menu_open = false;
        if (!page_.search_open) page_.search_query.clear();
    }
    if (slash) io.InputQueueCharacters.resize(0);  // the "/" that opened the search is not part of it
    if (page_.search_open && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        page_.search_open = false;
        page_.search_query.clear();
    }
}

FrameResult Site::frame(float width, float height, float dt) {
    FrameResult result;
    const Palette& palette = page_.dark() ? dark_palette() : light_palette();
    if (!style_applied_ || dark_applied_ != page_.dark()) {
        apply_style(palette, ImGui::GetStyle());
        dark_applied_ = page_.dark();
        style_applied_ = true;
    }
    current_ ^= 1;
    Document& doc = docs_[current_];
    doc.clear();

    bool compact = width < kCompactBreakpoint;
    float margin = compact ? 20.0f : 40.0f;
    float column_w = std::min(kMaxColumn, width - 2 * margin);
    if (state_ == State::loaded && loaded_.ok && fonts_.ready()) handle_shortcuts();
    Ctx c{shown_profile(), palette, fonts_, page_, doc, hooks_};
    c.column_w = std::max(120.0f, column_w);
    c.column_x = std::round((width - c.column_w) * 0.5f);
    c.viewport_h = height;
    c.compact = compact;
    c.touch = touch_;
    c.top_bar_h = state_ == State::loaded && loaded_.ok ? bar_height(compact, touch_) : 0.0f;
    c.layout = &layout_;
    c.pictures = &pictures_;
    c.facts = facts_;
    c.words = &profile::words_for(lang_);
    // A picture that could not be shown is its owner's to fix: a warning in the notice.
    for (const auto& [url, pic] : pictures_.take_failures()) {
        profile::Problem problem{profile::Severity::warning, pic->what == "the profile photo" ? "/basics/image" : "",
                                 pic->what + " \"" + profile::shorten_text(url, 80) + "\" is not shown: " + pic->reason};
        loaded_.problems.push_back(std::move(problem));
    }
    set_ctx(&c);

    // Keys scroll the page the way a browser does (unless a text field has focus).
    ImGuiIO& io = ImGui::GetIO();
    if (!typing()) {
        float page_step = std::max(40.0f, height - c.top_bar_h - 60.0f);
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown) || (ImGui::IsKeyPressed(ImGuiKey_Space) && !io.KeyShift)) scroll_by(page_step);
        if (ImGui::IsKeyPressed(ImGuiKey_PageUp) || (ImGui::IsKeyPressed(ImGuiKey_Space) && io.KeyShift)) scroll_by(-page_step);
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) scroll_by(48);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) scroll_by(-48);
        if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) scroll_by(-1e9f);
        if (ImGui::IsKeyPressed(ImGuiKey_End, false)) scroll_by(1e9f);
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) page_.menu_open = false;
    }
    if (io.WantTextInput) result.wake_in = 0.5f;  // the caret blinks: wake for it, nothing else moves
    // Ctrl+C with a link or text focused copies it (a link's address, as browsers do).
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_C, false) && !typing() && page_.focus_id &&
        hooks_.copy_text && !hooks_.native_selection) {
        if (const Node* n = docs_[current_ ^ 1].find_by_id(page_.focus_id))  // the last complete frame's
            hooks_.copy_text(n->role == Role::link ? n->href : n->text);
    }

    page_.scroll.set_max(content_h_ - height);
    apply_navigation(c.top_bar_h);
    result.animating = page_.scroll.update(dt, content_h_ - height);
    // Whole CSS pixels: imgui snaps item positions to whole pixels, so a fractional scroll
    // would make every recorded page-space rect jitter by a pixel while gliding.
    c.scroll_y = std::round(page_.scroll.y());

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGui::SetNextWindowScroll(ImVec2(0, c.scroll_y));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, im_color(palette.background));
    ImGui::Begin("##page", nullptr, kPlainWindow | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    if (state_ == State::waiting) {
        // Nothing to draw yet: the page behind the canvas shows the static profile.
    } else if (state_ == State::failed || !loaded_.ok) {
        draw_error(c);
    } else if (fonts_.ready()) {
        draw_page(c);
        // Not before a pending navigation (a #/route in the address) has been applied.
        result.shows_profile = page_.target_route.empty();
    }
    content_h_ = ImGui::GetCursorPosY();
    // The scrollbar can be dragged with the mouse: follow it.
    float imgui_scroll = ImGui::GetScrollY();
    if (std::fabs(imgui_scroll - c.scroll_y) > 1.0f && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        page_.scroll.jump_to(imgui_scroll);
        user_scrolled_ = true;
    }
    ImGui::End();

    if (result.shows_profile) draw_top_bar(c, width);

    std::string before = page_.route;
    update_route(c.top_bar_h);
    if (push_route_) {
        result.push_route = page_.route;
        push_route_ = false;
    } else if (page_.route != before) {
        result.replace_route = page_.route;
    }
    if (page_.copied_id && ImGui::GetTime() - page_.copied_time > 1.6) page_.copied_id = 0;
    if (page_.copied_id) result.animating = true;
    if (page_.flash_entry >= 0 && ImGui::GetTime() - page_.flash_time < 1.7) result.animating = true;
    result.animating = result.animating || page_.scroll.moving() || !page_.target_route.empty();
    if (mirror_ && !mirror_paused_) {
        result.document_diff = document_diff(resend_ ? Document() : docs_[current_ ^ 1], doc);
        resend_ = false;
    }
    set_ctx(nullptr);
    return result;
}

void Site::draw_flash(Ctx& c) {
    constexpr double kFlashSeconds = 1.6;
    double age = ImGui::GetTime() - page_.flash_time;
    if (page_.flash_entry < 0 || age > kFlashSeconds) return;
    // The entry as the last frame laid it out (this frame's document is being recorded).
    const Node* n = entry_node(docs_[current_ ^ 1], page_.flash_route, page_.flash_entry);
    if (!n) return;
    float alpha = static_cast<float>(1.0 - age / kFlashSeconds);
    ImVec2 a(n->rect.x - 14, n->rect.y - c.scroll_y - 10);
    ImVec2 b(n->rect.x + n->rect.w + 14, n->rect.y + n->rect.h - c.scroll_y + 10);
    ImGui::GetWindowDrawList()->AddRectFilled(a, b, im_color(c.palette.accent_soft, alpha), 12);
}

void Site::draw_page(Ctx& c) {
    const profile::Profile& p = c.profile;
    draw_flash(c);
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, c.top_bar_h - c.scroll_y + (c.compact ? 28.0f : 56.0f)));
    sync_indent();
    Scope main(Role::main);
    if (!foreign_host_.empty()) draw_foreign_note(c, foreign_host_);
    draw_notice(c);
    render_header(p);
    for (const SectionView& v : visible_sections(p)) {
        vspace(kSectionGap * (c.compact ? 0.75f : 1.0f));
        float top = ImGui::GetCursorScreenPos().y;
        page_.section_top[v.route] = top + c.scroll_y;
        Scope section(Role::section, v.title, v.route);
        heading(2, v.title, FontRole::section_title, c.palette.heading);
        // A short accent rule under the title marks the section start.
        ImVec2 rule = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(rule.x, rule.y + 6), ImVec2(rule.x + 36, rule.y + 9),
                                                  im_color(c.palette.accent), 1.5f);
        vspace(24);
        v.draw(p);
        section.close_rect(top);
    }
    // Footer.
    vspace(72);
    ImVec2 f = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(c.column_x, f.y), ImVec2(c.column_x + c.column_w, f.y),
                                        im_color(c.palette.border));
    vspace(20);
    std::string updated;
    if (!p.meta.last_modified.empty()) {
        auto d = profile::parse_date(p.meta.last_modified);
        updated = " \u00B7 " + profile::fill((*c.words)[profile::Word::updated],
                                             d ? profile::format_date(*d, *c.words) : p.meta.last_modified);
    }
    // RichText keeps views: every piece must outlive paragraph().
    std::string built_with = (p.basics.name.empty() ? "" : " \u00B7 ") + std::string((*c.words)[profile::Word::built_with]);
    RichText footer;
    footer.text(p.basics.name, FontRole::small, c.palette.text_muted)
        .text(updated, FontRole::small, c.palette.text_muted)
        .text(built_with, FontRole::small, c.palette.text_muted);
    paragraph(footer, Role::paragraph, 1.5f);
    vspace(48);
    main.close_rect(c.top_bar_h - c.scroll_y);
}

void Site::draw_notice(Ctx& c) {
    // Problems are the owner's business: a deployed page shows its visitors the content.
    if (!owner_view_ || page_.notice_dismissed || page_.static_export || loaded_.problems.empty()) return;
    int errors = profile::count(loaded_.problems, profile::Severity::error);
    int warnings = profile::count(loaded_.problems, profile::Severity::warning);
    const profile::Words& w = *c.words;
    using profile::Word;
    std::string counts;
    if (errors) counts += errors == 1 ? std::string(w[Word::errors_one]) : profile::fill(w[Word::errors_many], std::to_string(errors));
    if (errors && warnings) counts += w[Word::and_word];
    if (warnings)
        counts += warnings == 1 ? std::string(w[Word::warnings_one])
                                : profile::fill(w[Word::warnings_many], std::to_string(warnings));
    std::string title = utf8(icon::warning) + "  " + profile::fill(w[Word::problems_summary], counts);
    constexpr std::size_t kShown = 6;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < loaded_.problems.size() && i < kShown; ++i)
        lines.push_back(profile::format_problem(loaded_.problems[i], loaded_.source));
    if (loaded_.problems.size() > kShown)
        lines.push_back("\u2026 and " + std::to_string(loaded_.problems.size() - kShown) +
                        " more: run `imfolio check` on the file for all of them");

    float top = ImGui::GetCursorScreenPos().y;
    Scope alert(Role::alert, w[Word::problems]);
    {
        Panel panel(c.palette.warning_soft, c.palette.warning);
        paragraph(RichText().text(title, FontRole::body_bold, c.palette.warning), Role::paragraph, 1.45f);
        vspace(4);
        {
            Scope list(Role::list);
            for (const std::string& line : lines) {
                Scope item(Role::list_item);
                paragraph(RichText().text(line, FontRole::small), Role::paragraph, 1.45f);
            }
        }
        vspace(8);
        FlowRow row;
        if (pill_button(row, w[Word::dismiss], icon::close, -1, PillStyle::outline)) page_.notice_dismissed = true;
        row.finish();
    }
    alert.close_rect(top);
    vspace(32);
}

void Site::draw_error(Ctx& c) {
    float top = std::max(40.0f, c.viewport_h * 0.18f);
    ImGui::SetCursorScreenPos(ImVec2(c.column_x, top - c.scroll_y));
    sync_indent();
    Scope main(Role::main);
    Scope alert(Role::alert, "This profile could not be shown");
    if (!fonts_.ready()) return;
    heading(1, "This profile could not be shown", FontRole::section_title, c.palette.heading);
    vspace(12);
    std::string where = loaded_.source.empty() ? std::string("The profile") : loaded_.source;
    paragraph(RichText().text(where, FontRole::body_bold), Role::paragraph);
    vspace(8);
    const profile::Problem* first = nullptr;
    for (const profile::Problem& p : loaded_.problems)
        if (p.severity == profile::Severity::error) {
            first = &p;
            break;
        }
    if (first) {
        std::string place = first->line > 0 ? "Line " + std::to_string(first->line) + ", column " +
                                                  std::to_string(first->column) + ": "
                                            : std::string();
        paragraph(RichText().text(place + first->message, FontRole::body, c.palette.error), Role::paragraph);
    }
    vspace(16);
    paragraph(RichText().text("Fix the file and reload this page. `imfolio check FILE` lists every problem with its "
                              "line and column.",
                              FontRole::small, c.palette.text_muted),
              Role::paragraph);
}

void Site::draw_top_bar(Ctx& c, float width) {
    const Palette& pal = c.palette;
    const profile::Profile& p = in_language();
    const profile::Words& words = *c.words;
    using profile::Word;
    float h = c.top_bar_h;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, im_color(pal.surface));
    ImGui::Begin("##topbar", nullptr, kPlainWindow | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(0, h - 0.5f), ImVec2(width, h - 0.5f), im_color(pal.border));
    c.doc.fixed_mode = true;
    float side = std::max(c.compact ? 16.0f : 24.0f, std::min(c.column_x, (width - 1100.0f) * 0.5f));
    Scope nav(Role::navigation, words[Word::sections]);

    // The site title: the owner's name, linking to the top.
    auto views = visible_sections(p);
    std::string top = "#/" + first_route(p);
    float fs = font_px(FontRole::body_bold);
    ImGui::SetCursorScreenPos(ImVec2(side, std::round((h - fs * 1.5f) * 0.5f)));
    float saved_x = c.column_x, saved_w = c.column_w;
    c.column_x = side;
    c.column_w = width - 2 * side;
    sync_indent();
    // Three buttons always fit, smaller on a page zoomed far in (a pinch to 300% leaves a
    // phone 130 px of layout; they stay large on the screen); the name only when there is
    // room beside them.
    std::vector<std::string> langs = languages();
    float buttons = langs.size() > 1 ? 4.0f : 3.0f;
    float btn = std::min(c.touch ? 44.0f : 36.0f, std::floor((c.column_w - 16.0f) / buttons));
    std::string_view site_title = p.basics.name.empty() ? words[Word::home] : std::string_view(p.basics.name);
    float title_w = text_width(font(FontRole::body_bold), fs, site_title) + 2;
    if (title_w + buttons * btn + 24 <= c.column_w)
        paragraph(RichText().link(site_title, top, FontRole::body_bold), Role::paragraph, 1.5f, title_w);
    else
        ImGui::Dummy(ImVec2(0, 0));  // imgui wants an item after SetCursorScreenPos (its assertion, in debug builds)

    float right = width - side;
    bool dark = page_.dark();
    if (icon_button(dark ? icon::sun : icon::moon, dark ? words[Word::light_theme] : words[Word::dark_theme],
                    ImVec2(right - btn, std::round((h - btn) * 0.5f)), btn, -1))
        page_.theme = dark ? ThemeChoice::light : ThemeChoice::dark;
    right -= btn + 4;
    if (icon_button(icon::search, words[Word::search], ImVec2(right - btn, std::round((h - btn) * 0.5f)), btn,
                    page_.search_open ? 1 : 0)) {
        page_.search_open = !page_.search_open;
        page_.search_focus = page_.search_open;
        if (!page_.search_open) page_.search_query.clear();
    }
    right -= btn + 4;
    if (langs.size() > 1) {
        // The switcher: each press shows the next of the profile's languages, named in itself.
        auto at = std::find(langs.begin(), langs.end(), lang_);
        std::size_t next = at == langs.end() ? 0 : (static_cast<std::size_t>(at - langs.begin()) + 1) % langs.size();
        std::string label = std::string(words[Word::language]) + ": " + std::string(profile::words_for(lang_).name) +
                            " \u2192 " + std::string(profile::words_for(langs[next]).name);
        if (icon_button(icon::language, label, ImVec2(right - btn, std::round((h - btn) * 0.5f)), btn, -1))
            set_language(langs[next]);
        right -= btn + 4;
    }
    right -= 4;
    float nav_fs = font_px(FontRole::small);
    if (!cv_url_.empty()) {
        // "CV (PDF)": a real link, also beside the narrow screen's menu button.
        std::string_view cv = words[Word::cv_pdf];
        float w = text_width(font(FontRole::small), nav_fs, cv) + 24;
        if (title_w + buttons * btn + w + 32 <= c.column_w || !c.compact) {
            float link_h = std::max(nav_fs * 2.2f, c.touch ? 44.0f : 0.0f);  // a finger's target on touch screens
            ImVec2 pos(right - w, std::round((h - link_h) * 0.5f));
            ImVec2 max(right, pos.y + link_h);
            int node = c.doc.add(Role::link, cv, cv_url_);
            set_rect(node, pos, max);
            bool hovered = interact(node, pos, max).hovered;
            dl->AddText(font(FontRole::small), nav_fs, ImVec2(pos.x + 12, std::round(pos.y + (link_h - nav_fs) * 0.5f)),
                        im_color(hovered ? pal.accent : pal.text), cv.data(), cv.data() + cv.size());
            focus_ring(node, pos, max, 6);
            right -= w + 4;
        }
    }

    float items_w = 0;
    for (const SectionView& v : views) items_w += text_width(font(FontRole::small), nav_fs, v.nav) + 24;
    float name_w = text_width(font(FontRole::body_bold), fs, p.basics.name) + 32;
    // Inline only when every section fits beside the name; a profile with all fourteen
    // sections would otherwise run the links over the name on a wide screen.
    bool inline_nav = items_w < right - side - name_w;
    if (inline_nav) {
        float x = right - items_w;
        Scope list(Role::list);
        for (const SectionView& v : views) {
            float w = text_width(font(FontRole::small), nav_fs, v.nav) + 24;
            bool current = page_.route == v.route;
            Scope item(Role::list_item);
            ImVec2 pos(x, std::round((h - nav_fs * 2.2f) * 0.5f));
            ImVec2 max(x + w, pos.y + nav_fs * 2.2f);
            int node = c.doc.add(Role::link, v.nav, std::string("#/") + v.route);
            c.doc.node(node).current = current;
            set_rect(node, pos, max);
            bool hovered = interact(node, pos, max).hovered;
            std::uint32_t color = current || hovered ? pal.accent : pal.text;
            dl->AddText(font(FontRole::small), nav_fs, ImVec2(x + 12, std::round(pos.y + nav_fs * 0.6f)), im_color(color),
                        v.nav);
            if (current)
                dl->AddRectFilled(ImVec2(x + 12, h - 3), ImVec2(x + w - 12, h), im_color(pal.accent), 1.5f);
            focus_ring(node, pos, max, 6);
            x += w;
        }
    } else {
        if (icon_button(page_.menu_open ? icon::close : icon::bars, words[Word::sections_menu],
                        ImVec2(right - btn, std::round((h - btn) * 0.5f)), btn, page_.menu_open ? 1 : 0)) {
            page_.menu_open = !page_.menu_open;
            page_.search_open = false;
        }
    }
    c.column_x = saved_x;
    c.column_w = saved_w;
    ImGui::End();

    if (page_.search_open) {
        SearchChoice choice = draw_search_panel(c, hits_, width, h);
        if (choice.chosen) {
            page_.search_open = false;
            page_.search_query.clear();
            page_.section_top.clear();  // the full page lays out again before the jump
            page_.target_route = choice.route;
            page_.target_entry = choice.entry;
            page_.target_instant = false;
            page_.target_push = true;
        }
    }

    if (!inline_nav && page_.menu_open) {
        float row_h = c.touch ? 48.0f : 40.0f;
        float menu_w = std::min(width - 2 * side, 280.0f);
        float menu_h = row_h * static_cast<float>(views.size()) + 16;
        ImVec2 pos(width - side - menu_w, h + 6);
        ImGui::SetNextWindowPos(pos);
        ImGui::SetNextWindowSize(ImVec2(menu_w, menu_h));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, im_color(pal.surface));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
        ImGui::Begin("##menu", nullptr, kPlainWindow | ImGuiWindowFlags_NoScrollbar);
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor();
        ImDrawList* mdl = ImGui::GetWindowDrawList();
        Scope list(Role::list, words[Word::sections]);
        float y = pos.y + 8;
        for (const SectionView& v : views) {
            Scope item(Role::list_item);
            ImVec2 a(pos.x + 8, y), b(pos.x + menu_w - 8, y + row_h);
            int node = c.doc.add(Role::link, v.title, std::string("#/") + v.route);
            set_rect(node, a, b);
            bool hovered = interact(node, a, b).hovered;
            bool current = page_.route == v.route;
            if (hovered || current) mdl->AddRectFilled(a, b, im_color(hovered ? pal.surface_alt : pal.accent_soft), 8);
            std::string label = utf8(v.icon) + "   " + v.title;
            float bfs = font_px(FontRole::body);
            mdl->AddText(font(FontRole::body), bfs, ImVec2(a.x + 14, std::round(a.y + (row_h - bfs) * 0.5f)),
                         im_color(current ? pal.accent : pal.text), label.c_str());
            focus_ring(node, a, b, 8);
            y += row_h;
        }
        // A click outside the menu closes it.
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsWindowHovered() &&
            ImGui::GetIO().MousePos.y > h)
            page_.menu_open = false;
        ImGui::End();
    }
    c.doc.fixed_mode = false;
}

}  // namespace ui
