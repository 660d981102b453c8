// platform/web/web_pictures.cpp: the profile's pictures on the web (ui/pictures.h).
//
// Implements: fetching each picture a view asked for (js_fetch: the profile's timeout, a
// byte limit, https for other hosts through js_beside_profile), checking its declared
// pixel size before anything decodes it, and decoding it in the browser
// (createImageBitmap, off the main thread) into a WebGL texture with mipmaps, registered
// in Emscripten's GL name table so imgui draws it like any texture. The wasm carries no
// image decoder.
// Does not implement: retrying a picture (a missing photo is the owner's to fix, and the
// notice says so), re-creating textures after a lost WebGL context (the pictures stay
// blank until the page is reloaded), animated GIFs (the first frame is drawn).
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include <emscripten.h>

#include "platform/web/web_bridge.h"
#include "platform/web/web_state.h"
#include "ui/fetch_policy.h"
#include "ui/pictures.h"
#include "ui/site.h"

namespace platform::web {

namespace {

constexpr int kFirstPictureFetch = 1000000;  // picture fetch ids count up from here (fonts use 100 up)

std::map<int, std::string>& in_flight() {
    static std::map<int, std::string> pictures;  // fetch id -> picture URL
    return pictures;
}

int next_id = kFirstPictureFetch;

}  // namespace

// Decodes `len` bytes at `data` and makes a texture of them; answers in imfolio_picture_done.
EM_JS(void, js_decode_picture, (int id, const std::uint8_t* data, int len), {
    // Straight alpha, as imgui's vertex colours and the page's blending are.
    var blob = new Blob([HEAPU8.slice(data, data + len)]);
    createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'default' }).then(function (bitmap) {
        var gl = GLctx;
        if (!gl || gl.isContextLost()) { bitmap.close(); _imfolio_picture_done(id, 0, 0, 0); return; }
        var texture = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, texture);
        gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
        // Mipmaps: a large photo drawn small stays smooth, and is sampled at the screen's
        // own pixels, so it is sharp at any device pixel ratio.
        gl.generateMipmap(gl.TEXTURE_2D);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        gl.bindTexture(gl.TEXTURE_2D, null);
        var name = GL.getNewId(GL.textures);
        texture.name = name;
        GL.textures[name] = texture;
        var w = bitmap.width, h = bitmap.height;
        bitmap.close();
        _imfolio_picture_done(id, name, w, h);
    }, function () { _imfolio_picture_done(id, 0, 0, 0); });
});

void fetch_pictures() {
    Web& w = web();
    for (const std::string& url : w.site->pictures().take_wanted()) {
        std::string address = js_beside_profile(url);
        if (address.empty()) {
            w.site->pictures().failed(url, "it is not on this site and not https");
            wake(2);
            continue;
        }
        int id = next_id++;
        in_flight()[id] = url;
        js_fetch(id, address, js_fetch_timeout_ms(), profile::default_limits().max_picture_bytes);
    }
}

// A picture's fetch answered (from imfolio_fetch_done). False: `id` is not a picture's.
bool picture_fetched(int id, int status, const std::string& bytes) {
    auto it = in_flight().find(id);
    if (it == in_flight().end()) return false;
    ui::Pictures& pictures = web().site->pictures();
    if (status != 200) {
        pictures.failed(it->second, ui::fetch_failure(status, profile::default_limits().max_picture_bytes));
        in_flight().erase(it);
        return true;
    }
    std::string refused = ui::picture_refusal(bytes);
    if (!refused.empty()) {
        pictures.failed(it->second, refused);
        in_flight().erase(it);
        return true;
    }
    js_decode_picture(id, reinterpret_cast<const std::uint8_t*>(bytes.data()), static_cast<int>(bytes.size()));
    return true;
}

}  // namespace platform::web

using namespace platform::web;

extern "C" {

// The browser decoded picture fetch `id` into GL texture `texture` (0: it could not).
EMSCRIPTEN_KEEPALIVE void imfolio_picture_done(int id, int texture, int width, int height) {
    auto it = in_flight().find(id);
    if (it == in_flight().end()) return;
    ui::Pictures& pictures = web().site->pictures();
    if (texture)
        pictures.loaded(it->second, reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)), width, height);
    else
        pictures.failed(it->second, "the browser could not decode it");
    in_flight().erase(it);
    wake(2);
}

}  // extern "C"
