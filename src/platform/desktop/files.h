// platform/desktop/files.h: reading files and finding the font slices, natively.
#pragma once

#include <optional>
#include <string>

namespace platform {

// The whole file, or nullopt with `error` set ("No such file or directory").
std::optional<std::string> read_file(const std::string& path, std::string* error = nullptr);
bool write_file(const std::string& path, const std::string& bytes, std::string* error = nullptr);

// Where the font slices are: $IMFOLIO_FONTS, else fonts/ beside the executable,
// else ../fonts (build/native/imfolio -> build/fonts).
std::string fonts_dir();

}  // namespace platform
