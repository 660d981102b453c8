#include "ui/pictures.h"

#include <algorithm>

namespace ui {

const Picture& Pictures::want(const std::string& url, std::string_view what) {
    auto [it, added] = pictures_.try_emplace(url);
    if (added) it->second.what = std::string(what);
    return it->second;
}

const Picture* Pictures::find(const std::string& url) const {
    auto it = pictures_.find(url);
    return it == pictures_.end() ? nullptr : &it->second;
}

std::vector<std::string> Pictures::take_wanted() {
    std::vector<std::string> out;
    for (auto& [url, p] : pictures_)
        if (p.state == PictureState::wanted) {
            p.state = PictureState::loading;
            out.push_back(url);
        }
    return out;
}

void Pictures::loaded(const std::string& url, ImTextureID texture, int width, int height) {
    Picture& p = pictures_[url];
    p.state = PictureState::ready;
    p.texture = texture;
    p.width = width;
    p.height = height;
}

void Pictures::failed(const std::string& url, std::string reason) {
    Picture& p = pictures_[url];
    if (p.state == PictureState::failed) return;
    p.state = PictureState::failed;
    p.reason = std::move(reason);
    failures_.push_back(url);
}

std::vector<std::pair<std::string, const Picture*>> Pictures::take_failures() {
    std::vector<std::pair<std::string, const Picture*>> out;
    for (std::string& url : failures_) {
        const Picture* p = find(url);
        if (p) out.emplace_back(std::move(url), p);
    }
    failures_.clear();
    return out;
}

std::size_t Pictures::ready_count() const {
    return static_cast<std::size_t>(std::count_if(pictures_.begin(), pictures_.end(),
                                                  [](const auto& e) { return e.second.state == PictureState::ready; }));
}

namespace {

std::uint32_t be16(std::string_view b, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8) | static_cast<unsigned char>(b[at + 1]);
}
std::uint32_t le16(std::string_view b, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8) | static_cast<unsigned char>(b[at]);
}
std::uint32_t be32(std::string_view b, std::size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }
std::uint32_t byte(std::string_view b, std::size_t at) { return static_cast<unsigned char>(b[at]); }

PixelSize size_of(std::uint32_t w, std::uint32_t h) {
    if (w == 0 || h == 0 || w > 1000000 || h > 1000000) return {};
    return PixelSize{static_cast<int>(w), static_cast<int>(h)};
}

}  // namespace

PixelSize image_size(std::string_view b) {
    if (b.size() >= 24 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8) && b.substr(12, 4) == "IHDR")
        return size_of(be32(b, 16), be32(b, 20));
    if (b.size() >= 10 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) return size_of(le16(b, 6), le16(b, 8));
    if (b.size() >= 30 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") {
        std::string_view chunk = b.substr(12, 4);
        if (chunk == "VP8 ") return size_of(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
        if (chunk == "VP8L" && byte(b, 20) == 0x2F) {
            std::uint32_t w = 1 + (byte(b, 21) | ((byte(b, 22) & 0x3F) << 8));
            std::uint32_t h = 1 + ((byte(b, 22) >> 6) | (byte(b, 23) << 2) | ((byte(b, 24) & 0x0F) << 10));
            return size_of(w, h);
        }
        if (chunk == "VP8X")
            return size_of(1 + (byte(b, 24) | byte(b, 25) << 8 | byte(b, 26) << 16),
                           1 + (byte(b, 27) | byte(b, 28) << 8 | byte(b, 29) << 16));
        return {};
    }
    if (b.size() >= 4 && byte(b, 0) == 0xFF && byte(b, 1) == 0xD8) {
        // Segments up to the first start-of-frame, which holds the size.
        std::size_t at = 2;
        while (at + 9 < b.size()) {
            if (byte(b, at) != 0xFF) return {};
            std::uint32_t marker = byte(b, at + 1);
            if (marker == 0xFF) {
                ++at;
                continue;
            }
            bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) return size_of(be16(b, at + 7), be16(b, at + 5));
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                at += 2;
                continue;
            }
            at += 2 + be16(b, at + 2);
        }
    }
    return {};
}

std::string picture_refusal(std::string_view bytes, const profile::Limits& limits) {
    if (bytes.size() > limits.max_picture_bytes)
        return "larger than " + std::to_string(limits.max_picture_bytes >> 20) + " MiB";
    PixelSize s = image_size(bytes);
    if (s.width == 0) return "not a PNG, JPEG, GIF or WebP picture";
    if (static_cast<std::uint64_t>(s.width) * static_cast<std::uint64_t>(s.height) > limits.max_picture_pixels)
        return std::to_string(s.width) + "\u00D7" + std::to_string(s.height) + " pixels, more than " +
               std::to_string(limits.max_picture_pixels / 1000000) + " million";
    return {};
}

}  // namespace ui
