// ui/pictures.h: the profile's pictures (the owner's photo, publication previews, project
// images): which ones the page wants, and the textures the platform made of them.
//
// A view asks for a picture only while its place is near the screen (pictures load
// lazily). The platform takes what was asked for, fetches it with the profile's rules
// (https for other hosts, a byte limit), checks its size in pixels from its header before
// decoding (image_size), decodes it (the browser on the web, stb_image natively) and hands
// back a texture, or the reason it could not. Until then, and after a failure, the views
// draw what they draw without a picture (the monogram, no thumbnail).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "profile/limits.h"

namespace ui {

enum class PictureState : std::uint8_t {
    wanted,   // asked for by a view; the platform has not taken it yet
    loading,  // taken by the platform
    ready,    // `texture` holds it
    failed,   // `reason` says why; never asked for again
};

struct Picture {
    PictureState state = PictureState::wanted;
    ImTextureID texture = 0;
    int width = 0, height = 0;  // pixels
    std::string reason;
    std::string what;  // what the picture is, for the owner's notice ("the profile photo (basics.image)")
};

class Pictures {
public:
    // The picture at `url`, asked for now (`what` names it in a failure). Never null.
    const Picture& want(const std::string& url, std::string_view what);
    // The picture at `url` if anything asked for it, else null.
    const Picture* find(const std::string& url) const;
    // Platform side: the URLs asked for since the last call (now loading).
    std::vector<std::string> take_wanted();
    void loaded(const std::string& url, ImTextureID texture, int width, int height);
    void failed(const std::string& url, std::string reason);
    // Failures not yet reported to the owner (Site turns them into problems).
    std::vector<std::pair<std::string, const Picture*>> take_failures();
    std::size_t ready_count() const;
    std::size_t count() const { return pictures_.size(); }

private:
    std::map<std::string, Picture> pictures_;
    std::vector<std::string> failures_;
};

// The size in pixels a PNG, JPEG, GIF or WebP file declares, read from its first bytes;
// {0, 0} when it is none of those or is cut short.
struct PixelSize {
    int width = 0, height = 0;
};
PixelSize image_size(std::string_view bytes);

// Why the fetched bytes of a picture must not be decoded ("" when they may): not a
// picture format, over the byte limit, or more pixels than the limit.
std::string picture_refusal(std::string_view bytes, const profile::Limits& limits = profile::default_limits());

}  // namespace ui
