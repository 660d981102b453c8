// platform/desktop/files.h: reading files and finding the font slices, natively.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>

namespace platform {

// The whole file, or nullopt with `error` set ("No such file or directory"). With
// `max_bytes`, at most that many are read: a profile over its size limit (a huge file,
// /dev/zero, a pipe that never ends) costs max_bytes of memory and time, never more.
std::optional<std::string> read_file(const std::string& path, std::string* error = nullptr,
                                     std::size_t max_bytes = std::numeric_limits<std::size_t>::max());

// A profile's bytes: at most one more than the file size limit, which is enough for the
// loader to refuse it (profile/limits.h).
std::optional<std::string> read_profile_file(const std::string& path, std::string* error);
bool write_file(const std::string& path, const std::string& bytes, std::string* error = nullptr);

// Where the font slices are: $IMFOLIO_FONTS, else fonts/ beside the executable,
// else ../fonts (build/native/imfolio -> build/fonts).
std::string fonts_dir();

}  // namespace platform
