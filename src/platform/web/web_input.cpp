// platform/web/web_input.cpp: the visitor's mouse, wheel, fingers and keys.
//
// Implements, with Emscripten's HTML5 callbacks on the document (so the <a> elements
// of the mirror over the canvas keep their native behaviour: no event is ever
// preventDefault'ed except keys the page itself handles):
//   - mouse position and buttons as imgui events;
//   - the wheel, normalised here to CSS pixels (about three lines of text a notch, as
//     browsers scroll; lines and pages converted), gliding for notches and following
//     trackpads' streams of small deltas directly; Ctrl+wheel is left to browser zoom;
//   - one-finger touch drags with inertia (taps arrive as compatibility mouse events);
//   - keys as imgui keys, printable characters as text input, and which keys the page
//     keeps from the browser (scrolling keys, Ctrl+K, "/", typing into the search).
//   - two-finger pinch: the page's own zoom (Web::zoom), 100% to 300%;
// Does not implement: typing into text fields (they are DOM inputs: web/mirror.js).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <map>
#include <string>

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include "platform/web/web_state.h"
#include "ui/site.h"

namespace platform::web {

namespace {

int imgui_button(unsigned short dom_button) { return dom_button == 1 ? 2 : dom_button == 2 ? 1 : dom_button; }

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    // The page is laid out at CSS pixels / zoom (a pinch): imgui's coordinates are those.
    float z = web().zoom;
    io.AddMousePosEvent(static_cast<float>(e->clientX) / z, static_cast<float>(e->clientY) / z);
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        int b = imgui_button(e->button);
        if (b < ImGuiMouseButton_COUNT) io.AddMouseButtonEvent(b, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    wake();
    return EM_FALSE;  // never preventDefault: the <a> elements over the canvas need their clicks
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // Before the app shows, the static page scrolls natively; ctrl+wheel is browser zoom.
    if (e->mouse.ctrlKey || !web().ready_sent) return EM_FALSE;
    double dy = e->deltaY;
    switch (e->deltaMode) {
        case DOM_DELTA_LINE: dy *= 27.0; break;  // one line of body text
        case DOM_DELTA_PAGE: dy *= web().css_h * 0.9; break;
        default: dy *= 0.8; break;  // Chrome: 100 px a notch -> 80 px, three lines of text
    }
    // Trackpads send many small deltas: follow them directly. Wheels send notches: glide.
    web().site->scroll_by(static_cast<float>(dy / web().zoom), std::fabs(dy) >= 40.0);
    wake(2);
    // No preventDefault: Chromium makes document-level wheel listeners passive (it would
    // log an error each notch), and once the app shows the document cannot scroll anyway.
    return EM_FALSE;
}

// Touch: one finger drags the page; a flick keeps it moving. Two fingers pinch: the page
// zooms from 100% to 300% and is laid out again at the new size (text reflows and stays
// sharp; nothing scrolls sideways), which the browser's own pinch, a magnified bitmap of
// the canvas, cannot do (so the page keeps touch-action: none). Taps arrive as the
// browser's compatibility mouse events at the finger's position (so a tap on a link is a
// real click on its <a>), which on_mouse handles.
constexpr float kMinZoom = 1.0f, kMaxZoom = 3.0f;

double finger_distance(const EmscriptenTouchEvent* e) {
    const EmscriptenTouchPoint* a = nullptr;
    const EmscriptenTouchPoint* b = nullptr;
    for (int i = 0; i < e->numTouches && !b; ++i) {
        if (e->touches[i].identifier < 0) continue;
        (a ? b : a) = &e->touches[i];
    }
    if (!a || !b) return 0;
    return std::hypot(static_cast<double>(a->clientX - b->clientX), static_cast<double>(a->clientY - b->clientY));
}

int fingers_down(int type, const EmscriptenTouchEvent* e) {
    int n = 0;
    for (int i = 0; i < e->numTouches; ++i) {
        bool lifted = (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) && e->touches[i].isChanged;
        if (!lifted) ++n;
    }
    return n;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    Web& w = web();
    double now = emscripten_get_now() / 1000.0;
    w.site->set_touch(true);
    int down = fingers_down(type, e);
    if (down >= 2) {
        double d = finger_distance(e);
        if (!w.pinch.active && d > 0) {
            // A second finger: the drag becomes a pinch.
            if (w.touch.id >= 0) w.site->touch_end(now);
            w.touch.id = -1;
            w.pinch = Pinch{true, d, w.zoom};
            w.site->pause_mirror(true);
        } else if (w.pinch.active && d > 0) {
            w.zoom = std::clamp(static_cast<float>(w.pinch.start_zoom * d / w.pinch.start_distance), kMinZoom, kMaxZoom);
        }
        wake();
        return EM_FALSE;
    }
    if (w.pinch.active) {
        // The pinch ended: the atlas is rasterised again for the new size (web_runner.cpp),
        // and the mirror catches up.
        w.pinch.active = false;
        w.site->pause_mirror(false);
        wake();
        return EM_FALSE;
    }
    float z = w.zoom;
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART && w.touch.id < 0) {
            w.touch.id = t.identifier;
            w.touch.last_y = t.clientY;
            w.site->touch_begin();
        } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE && t.identifier == w.touch.id) {
            w.site->touch_drag(static_cast<float>((w.touch.last_y - t.clientY) / z), now);
            w.touch.last_y = t.clientY;
        } else if ((type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) &&
                   t.identifier == w.touch.id) {
            w.site->touch_end(now);
            w.touch.id = -1;
        }
    }
    wake();
    return EM_FALSE;
}

ImGuiKey imgui_key(const char* code) {
    static const std::map<std::string, ImGuiKey> keys = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter},
        {"Escape", ImGuiKey_Escape}, {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
        {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt},
        {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
        {"KeyA", ImGuiKey_A}, {"KeyC", ImGuiKey_C}, {"KeyK", ImGuiKey_K}, {"KeyV", ImGuiKey_V},
        {"KeyX", ImGuiKey_X}, {"KeyZ", ImGuiKey_Z}, {"Slash", ImGuiKey_Slash},
    };
    auto it = keys.find(code);
    return it == keys.end() ? ImGuiKey_None : it->second;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
    ImGuiKey key = imgui_key(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
    // The search field is a DOM <input> (web/mirror.js): what is typed is its own, and
    // reaches the site through its input events; the canvas only sees the keys that move
    // through the results (arrows, Enter, Escape).
    bool field = web().site->text_field_focused();
    bool typing = io.WantTextInput || field;
    if (!field && down && !e->ctrlKey && !e->metaKey && std::strlen(e->key) > 0 && std::strlen(e->key) <= 4 &&
        static_cast<unsigned char>(e->key[0]) >= 0x20 && !(e->key[0] >= 'A' && e->key[0] <= 'Z' && e->key[1]))
        io.AddInputCharactersUTF8(e->key);
    wake();
    // Tab and Enter keep their native meaning: focus moves through the mirror's links
    // and buttons, and Enter follows a focused link.
    bool scrolls = key == ImGuiKey_PageUp || key == ImGuiKey_PageDown || key == ImGuiKey_Home || key == ImGuiKey_End ||
                   key == ImGuiKey_UpArrow || key == ImGuiKey_DownArrow || key == ImGuiKey_Space;
    // Ctrl/Cmd+K opens our search, not the browser's; "/" too; keys typed into imgui's
    // own field must not also scroll or trigger browser shortcuts.
    bool command_k = key == ImGuiKey_K && (e->ctrlKey || e->metaKey);
    bool ours = command_k || (key == ImGuiKey_Slash && !typing) || io.WantTextInput;
    bool typing_key = key != ImGuiKey_Tab;
    if (!web().ready_sent) return EM_FALSE;
    return (scrolls && !typing) || (ours && typing_key && !(e->ctrlKey && key == ImGuiKey_C)) ? EM_TRUE : EM_FALSE;
}

}  // namespace

void install_input() {
    const char* doc = EMSCRIPTEN_EVENT_TARGET_DOCUMENT;
    emscripten_set_mousemove_callback(doc, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousedown_callback(doc, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(doc, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(doc, nullptr, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(doc, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(doc, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(doc, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(doc, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(doc, nullptr, EM_FALSE, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
}

}  // namespace platform::web
